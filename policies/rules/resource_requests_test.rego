package shipshape.rules.resource_requests_test

import data.shipshape.rules.resource_requests
import data.shipshape.test.fixtures_test as fx

findings(doc) := result if {
	result := resource_requests.findings with input as doc
}

test_kubernetes_limits_count_as_requests if {
	count(findings(fx.pod({"containers": [fx.container]}))) == 0
	requests := {"memory": "64Mi", "cpu": "50m"}
	requests_only := fx.container_with({"resources": {"limits": null, "requests": requests}})
	count(findings(fx.pod({"containers": [requests_only]}))) == 0
}

test_kubernetes_missing_requests_warn if {
	found := findings(fx.pod({"containers": [fx.container_without(["resources"])]}))
	{f.message | some f in found} == {
		"container app of Pod/web requests no memory",
		"container app of Pod/web requests no cpu",
	}
	every f in found {
		f.level == "warn"
	}
	debug := fx.container_without(["resources"])
	count(findings(fx.pod({"containers": [fx.container], "ephemeralContainers": [debug]}))) == 0
}

test_compose_reservations if {
	found := findings(fx.compose(fx.service_without(["deploy/resources/reservations"])))
	{f.field | some f in found} == {
		["services", "web", "deploy", "resources", "reservations", "memory"],
		["services", "web", "deploy", "resources", "reservations", "cpus"],
	}
}

test_docker_inspect_is_not_judged if {
	count(findings([fx.inspect_container])) == 0
}

test_resources_are_a_parameter if {
	doc := fx.compose(fx.service_without(["deploy/resources/reservations"]))
	params := {"resource-requests": {"resources": ["cpu"]}}
	found := resource_requests.findings with input as doc with data.shipshape.params as params
	{f.message | some f in found} == {"service web requests no cpu"}
}

test_a_resource_listed_twice_is_one_finding if {
	doc := fx.pod({"containers": [fx.container_without(["resources"])]})
	found := resource_requests.findings with input as doc
		with data.shipshape.params as {"resource-requests": {"resources": ["cpu", "cpu"]}}
	[f] := found
	f.message == "container app of Pod/web requests no cpu"
}
