package shipshape.rules.no_dangerous_capabilities_test

import data.shipshape.rules.no_dangerous_capabilities
import data.shipshape.test.fixtures_test as fx

findings(doc) := result if {
	result := no_dangerous_capabilities.findings with input as doc
}

test_kubernetes_one_finding_per_dangerous_capability if {
	added := ["NET_BIND_SERVICE", "SYS_ADMIN", "cap_net_admin"]
	adds := fx.container_with({"securityContext": {"capabilities": {"add": added}}})
	found := findings(fx.pod({"containers": [adds]}))
	{f.message | some f in found} == {
		"container app of Pod/web adds the capability SYS_ADMIN",
		"container app of Pod/web adds the capability NET_ADMIN",
	}
}

test_compose_all_is_dangerous if {
	[f] := findings(fx.compose(fx.service_with({"cap_add": ["ALL"]})))
	f.field == ["services", "web", "cap_add"]
	count(findings(fx.compose(fx.service_with({"cap_add": ["CHOWN", "SETUID"]})))) == 0
}

test_inspect_dangerous_capability if {
	count(findings([fx.inspect_container_with({"HostConfig": {"CapAdd": ["SYS_PTRACE"]}})])) == 1
	count(findings([fx.inspect_container_with({"HostConfig": {"CapAdd": null}})])) == 0
}

test_allowed_list_is_a_parameter if {
	doc := fx.compose(fx.service_with({"cap_add": ["NET_ADMIN", "CHOWN"]}))
	found := no_dangerous_capabilities.findings with input as doc
		with data.shipshape.params as {"no-dangerous-capabilities": {"allowed": ["NET_ADMIN"]}}
	{f.message | some f in found} == {"service web adds the capability CHOWN"}
}

test_a_capability_listed_twice_is_one_finding if {
	adds := fx.container_with({"securityContext": {"capabilities": {"add": ["SYS_ADMIN", "CAP_SYS_ADMIN"]}}})
	[f] := findings(fx.pod({"containers": [adds]}))
	f.message == "container app of Pod/web adds the capability SYS_ADMIN"
}
