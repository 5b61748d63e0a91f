package shipshape.rules.no_host_namespaces_test

import data.shipshape.rules.no_host_namespaces
import data.shipshape.test.fixtures_test as fx

findings(doc) := result if {
	result := no_host_namespaces.findings with input as doc
}

test_kubernetes_host_namespaces_fail_for_every_container if {
	doc := fx.deployment({"hostNetwork": true, "hostPID": true, "hostIPC": false, "containers": [fx.container]})
	found := findings(doc)
	{f.message | some f in found} == {
		"Deployment/web shares the host's network namespace",
		"Deployment/web shares the host's PID namespace",
	}
	{f.field | some f in found} == {["spec", "template", "spec", "hostNetwork"], ["spec", "template", "spec", "hostPID"]}
	{f.container | some f in found} == {null}
	{f.path | some f in found} == {["spec", "template", "spec"]}
}

# What the entry point reports, where a pod's repeated findings are kept once.
reported(doc) := result if {
	result := data.shipshape.main.findings with input as doc
}

# A pod-level field is one fact: one finding for the pod, however many containers share it.
test_kubernetes_host_namespaces_are_reported_once_per_pod if {
	sidecar := object.union(fx.container, {"name": "proxy"})
	init := object.union(fx.container, {"name": "setup"})
	doc := fx.pod({"hostIPC": true, "containers": [fx.container, sidecar], "initContainers": [init]})
	[f] := [g | some g in reported(doc); g.rule == "no-host-namespaces"]
	f.message == "Pod/web shares the host's IPC namespace"
}

test_compose_host_modes_fail if {
	service := fx.service_with({
		"network_mode": "host", "pid": "host", "ipc": "shareable",
		"uts": "host", "userns_mode": "host",
	})
	count(findings(fx.compose(service))) == 4
	count(findings(fx.compose(fx.service_with({"network_mode": "bridge"})))) == 0
}

test_inspect_host_modes_fail if {
	host := {"NetworkMode": "host", "PidMode": "host", "IpcMode": "private", "UTSMode": "", "UsernsMode": "host"}
	[a, b, c] := findings([fx.inspect_container_with({"HostConfig": host})])
	{a.field, b.field, c.field} == {
		[0, "HostConfig", "NetworkMode"],
		[0, "HostConfig", "PidMode"],
		[0, "HostConfig", "UsernsMode"],
	}
	count(findings([fx.inspect_container_with({"HostConfig": {"NetworkMode": "container:abc"}})])) == 0
}

test_the_host_cgroup_namespace_fails if {
	[f] := findings(fx.compose(fx.service_with({"cgroup": "host"})))
	f.message == "service web shares the host's cgroup namespace"
	f.field == ["services", "web", "cgroup"]
	count(findings(fx.compose(fx.service_with({"cgroup": "private"})))) == 0
	[g] := findings([fx.inspect_container_with({"HostConfig": {"CgroupnsMode": "host"}})])
	g.field == [0, "HostConfig", "CgroupnsMode"]
}

# A pod template with no containers still says what its pod may do.
test_kubernetes_a_pod_without_containers_is_still_judged if {
	doc := fx.deployment({"hostNetwork": true, "containers": []})
	[f] := findings(doc)
	f.message == "Deployment/web shares the host's network namespace"
	f.container == null
	f.path == ["spec", "template", "spec"]
	count(findings(fx.deployment({"hostPID": true}))) == 1
}
