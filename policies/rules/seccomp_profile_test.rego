package shipshape.rules.seccomp_profile_test

import data.shipshape.rules.seccomp_profile
import data.shipshape.test.fixtures_test as fx

findings(doc) := result if {
	result := seccomp_profile.findings with input as doc
}

unset := fx.container_without(["securityContext/seccompProfile"])

test_kubernetes_unconfined_is_deny if {
	unconfined := fx.container_with({"securityContext": {"seccompProfile": {"type": "Unconfined"}}})
	[f] := findings(fx.pod({"containers": [unconfined]}))
	f.level == "deny"
	f.field == ["spec", "containers", 0, "securityContext", "seccompProfile", "type"]
}

test_kubernetes_unset_is_warn if {
	[f] := findings(fx.pod({"containers": [unset]}))
	f.level == "warn"
	f.message == "container app of Pod/web sets no seccomp profile"
}

test_kubernetes_pod_profile_is_inherited_and_container_wins if {
	default_pod := {"securityContext": {"seccompProfile": {"type": "RuntimeDefault"}}, "containers": [unset]}
	count(findings(fx.pod(default_pod))) == 0
	unconfined_pod := {"securityContext": {"seccompProfile": {"type": "Unconfined"}}, "containers": [unset]}
	[f] := findings(fx.pod(unconfined_pod))
	f.field == ["spec", "securityContext", "seccompProfile", "type"]
	profile := {"type": "Localhost", "localhostProfile": "p.json"}
	localhost := fx.container_with({"securityContext": {"seccompProfile": profile}})
	count(findings(fx.pod(object.union(unconfined_pod, {"containers": [localhost]})))) == 0
}

test_compose_unconfined_fails_and_unset_passes if {
	[f] := findings(fx.compose(fx.service_with({"security_opt": ["no-new-privileges:true", "seccomp:unconfined"]})))
	f.level == "deny"
	count(findings(fx.compose(fx.service_without(["security_opt"])))) == 0
}

test_inspect_unconfined_fails if {
	count(findings([fx.inspect_container_with({"HostConfig": {"SecurityOpt": ["seccomp=unconfined"]}})])) == 1
	count(findings([fx.inspect_container_with({"HostConfig": {"SecurityOpt": ["seccomp=/profiles/p.json"]}})])) == 0
}

test_under_baseline_only_unconfined_is_reported if {
	unset := fx.pod({"containers": [fx.container_without(["securityContext/seccompProfile"])]})
	count(findings(unset)) == 1
	count(findings(unset)) == 0 with data.shipshape.profile as "baseline"
	off := {"securityContext": {"seccompProfile": {"type": "Unconfined"}}}
	unconfined := fx.pod({"containers": [fx.container_with(off)]})
	count(findings(unconfined)) == 1 with data.shipshape.profile as "baseline"
}
