package shipshape.rules.volume_types_test

import data.shipshape.rules.volume_types
import data.shipshape.test.fixtures_test as fx

findings(doc) := result if {
	result := volume_types.findings with input as doc
}

baseline_findings(doc) := result if {
	result := volume_types.findings with input as doc with data.shipshape.profile as "baseline"
}

# What the entry point reports, where a pod's repeated findings are kept once.
reported(doc) := result if {
	result := data.shipshape.main.findings with input as doc
}

with_volumes(volumes) := fx.deployment({"volumes": volumes, "containers": [fx.container]})

host := {"name": "logs", "hostPath": {"path": "/var/log"}}

nfs := {"name": "share", "nfs": {"server": "nfs.example.com", "path": "/exports"}}

test_a_host_path_volume_fails_once_per_pod if {
	[f] := findings(with_volumes([host]))
	f.field == ["spec", "template", "spec", "volumes", 0, "hostPath"]
	f.container == null
	f.message == "Deployment/web mounts the node's filesystem through the hostPath volume logs"
	two := fx.pod({"volumes": [host], "containers": [fx.container, object.union(fx.container, {"name": "b"})]})
	count([g | some g in reported(two); g.rule == "volume-types"]) == 1
}

test_types_outside_the_restricted_list_fail if {
	[f] := findings(with_volumes([nfs]))
	f.message == "Deployment/web uses the volume share of type nfs, outside the types the restricted profile allows"
	git := {"name": "repo", "gitRepo": {"repository": "https://example.com/r.git"}}
	count(findings(with_volumes([nfs, git, host]))) == 3
}

test_the_restricted_types_pass if {
	volumes := [
		{"name": "a", "configMap": {"name": "cfg"}},
		{"name": "b", "secret": {"secretName": "s"}},
		{"name": "c", "emptyDir": {}},
		{"name": "d", "persistentVolumeClaim": {"claimName": "data"}},
		{"name": "e", "projected": {"sources": []}},
		{"name": "f", "downwardAPI": {"items": []}},
		{"name": "g", "csi": {"driver": "secrets-store.csi.k8s.io"}},
		{"name": "h", "ephemeral": {"volumeClaimTemplate": {}}},
	]
	count(findings(with_volumes(volumes))) == 0
}

test_no_volumes_pass if {
	count(findings(fx.deployment({"containers": [fx.container]}))) == 0
	count(findings(with_volumes([]))) == 0
}

test_baseline_reports_host_paths_only if {
	[f] := baseline_findings(with_volumes([nfs, host]))
	f.field == ["spec", "template", "spec", "volumes", 1, "hostPath"]
}

test_allowed_types_pass if {
	params := {"volume-types": {"allowed": ["nfs"]}}
	[f] := findings(with_volumes([nfs, host])) with data.shipshape.params as params
	contains(f.message, "hostPath")
	host_allowed := {"volume-types": {"allowed": ["hostPath"]}}
	count(findings(with_volumes([host]))) == 0 with data.shipshape.params as host_allowed
}

test_other_shapes_are_not_judged if {
	count(findings(fx.compose(fx.service_with({"volumes": ["/var/log:/logs"]})))) == 0
	count(findings([fx.inspect_container_with({"HostConfig": {"Binds": ["/var/log:/logs"]}})])) == 0
}

test_a_pod_without_containers_is_still_judged if {
	[f] := findings(fx.pod({"volumes": [host]}))
	f.field == ["spec", "volumes", 0, "hostPath"]
}
