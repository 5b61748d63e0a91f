package shipshape.rules.drop_all_capabilities_test

import data.shipshape.rules.drop_all_capabilities
import data.shipshape.test.fixtures_test as fx

findings(doc) := result if {
	result := drop_all_capabilities.findings with input as doc
}

test_kubernetes_must_drop_all if {
	partial := fx.container_with({"securityContext": {"capabilities": {"drop": ["NET_RAW"]}}})
	[f] := findings(fx.pod({"containers": [partial]}))
	f.level == "warn"
	f.field == ["spec", "containers", 0, "securityContext", "capabilities", "drop"]
	count(findings(fx.pod({"containers": [fx.container_without(["securityContext/capabilities"])]}))) == 1
	lower_case := fx.container_with({"securityContext": {"capabilities": {"drop": ["all"]}}})
	count(findings(fx.pod({"containers": [lower_case]}))) == 0
}

test_compose_must_drop_all if {
	count(findings(fx.compose(fx.service_without(["cap_drop"])))) == 1
	count(findings(fx.compose(fx.service_with({"cap_drop": ["CAP_ALL"]})))) == 0
}

test_inspect_must_drop_all if {
	count(findings([fx.inspect_container_with({"HostConfig": {"CapDrop": null}})])) == 1
	count(findings(fx.inspect_container_without(["HostConfig/CapDrop"]))) == 1
}

test_dropping_every_default_capability_one_by_one_is_dropping_all if {
	each := [
		"CHOWN", "DAC_OVERRIDE", "FSETID", "FOWNER", "MKNOD", "NET_RAW", "SETGID", "SETUID", "SETFCAP", "SETPCAP",
		"NET_BIND_SERVICE", "SYS_CHROOT", "KILL", "cap_audit_write",
	]
	count(findings(dropping(each))) == 0
	count(findings(dropping(array.slice(each, 0, count(each) - 1)))) == 1
	count(findings(fx.compose(fx.service_with({"cap_drop": each})))) == 0
}

dropping(capabilities) := fx.pod({"containers": [fx.container_with(dropped(capabilities))]})

dropped(capabilities) := {"securityContext": {"capabilities": {"drop": capabilities}}}
