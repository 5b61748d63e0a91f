package shipshape.rules.resource_limits_test

import data.shipshape.rules.resource_limits
import data.shipshape.test.fixtures_test as fx

findings(doc) := result if {
	result := resource_limits.findings with input as doc
}

findings_with_params(doc, params) := result if {
	result := resource_limits.findings with input as doc with data.shipshape.params as params
}

test_kubernetes_one_finding_per_missing_limit if {
	found := findings(fx.deployment({"containers": [fx.container_without(["resources"])]}))
	{f.message | some f in found} == {
		"container app of Deployment/web has no memory limit",
		"container app of Deployment/web has no cpu limit",
	}
	[f] := findings(fx.pod({"containers": [fx.container_without(["resources/limits/cpu"])]}))
	f.field == ["spec", "containers", 0, "resources", "limits", "cpu"]
}

test_kubernetes_init_containers_need_limits if {
	found := findings(fx.pod({"containers": [fx.container], "initContainers": [fx.container_without(["resources"])]}))
	count(found) == 2
}

test_kubernetes_ephemeral_containers_are_exempt if {
	debug := fx.container_without(["resources"])
	count(findings(fx.pod({"containers": [fx.container], "ephemeralContainers": [debug]}))) == 0
}

test_required_resources_are_a_parameter if {
	doc := fx.pod({"containers": [fx.container_without(["resources"])]})
	[f] := findings_with_params(doc, {"resource-limits": {"resources": ["memory"]}})
	f.message == "container app of Pod/web has no memory limit"
}

test_compose_missing_limits_fail if {
	found := findings(fx.compose(fx.service_without(["deploy"])))
	{f.field | some f in found} == {
		["services", "web", "deploy", "resources", "limits", "memory"],
		["services", "web", "deploy", "resources", "limits", "cpus"],
	}
}

test_compose_legacy_limits_pass if {
	legacy := object.union(fx.service_without(["deploy"]), {"mem_limit": "256m", "cpus": 0.5})
	count(findings(fx.compose(legacy))) == 0
	quota := object.union(fx.service_without(["deploy"]), {"mem_limit": "256m", "cpu_quota": 50000})
	count(findings(fx.compose(quota))) == 0
}

test_inspect_missing_limits_fail if {
	unlimited := fx.inspect_container_with({"HostConfig": {"Memory": 0, "NanoCpus": 0, "CpuQuota": -1}})
	count(findings([unlimited])) == 2
	count(findings(fx.inspect_container_without(["HostConfig/Memory", "HostConfig/NanoCpus", "HostConfig/CpuQuota"]))) == 2
}

test_inspect_cpu_quota_is_a_cpu_limit if {
	quota := fx.inspect_container_with({"HostConfig": {"NanoCpus": 0, "CpuQuota": 50000}})
	count(findings(quota)) == 0
}

test_images_are_not_checked if {
	count(findings(fx.inspect_image)) == 0
}

test_a_resource_listed_twice_is_one_finding if {
	doc := fx.pod({"containers": [fx.container_without(["resources"])]})
	[f] := findings_with_params(doc, {"resource-limits": {"resources": ["memory", "memory"]}})
	f.message == "container app of Pod/web has no memory limit"
}

test_a_zero_limit_is_no_limit_in_every_shape if {
	zero := {"resources": {"limits": {"memory": "0Mi", "cpu": "0"}, "requests": {"memory": "1Mi", "cpu": "1m"}}}
	count(findings(fx.pod({"containers": [fx.container_with(zero)]}))) == 2
	count(findings([fx.inspect_container_with({"HostConfig": {"Memory": 0, "NanoCpus": 0, "CpuQuota": -1}})])) == 2
	without_deploy := fx.service_without(["deploy"])
	every service in [
		{"mem_limit": "0m", "cpus": 0, "deploy": null},
		{"deploy": {"resources": {"limits": {"memory": "0", "cpus": "0.0"}}}},
		{"deploy": {"resources": {"limits": {"memory": -1, "cpus": "-1"}}}},
	] {
		count(findings(fx.compose(object.union(without_deploy, service)))) == 2
	}
}
