package shipshape.rules.log_rotation_test

import data.shipshape.rules.log_rotation
import data.shipshape.test.fixtures_test as fx

findings(doc) := result if {
	result := log_rotation.findings with input as doc
}

test_compose_default_driver_without_max_size_warns if {
	[f] := findings(fx.compose(fx.service_without(["logging"])))
	f.field == ["services", "web", "logging"]
	no_max_size := object.union(fx.service_without(["logging"]), {"logging": {"options": {"max-file": "3"}}})
	count(findings(fx.compose(no_max_size))) == 1
}

test_compose_other_drivers_pass if {
	every driver in ["local", "syslog", "journald", "none", "fluentd"] {
		count(findings(fx.compose(fx.service_with({"logging": {"driver": driver, "options": {}}})))) == 0
	}
}

test_inspect_log_config if {
	without := fx.inspect_container_without(["HostConfig/LogConfig"])
	count(findings([object.union(without, {"HostConfig": {"LogConfig": {"Type": "json-file", "Config": {}}}})])) == 1
	count(findings([object.union(without, {"HostConfig": {"LogConfig": {"Type": "", "Config": null}}})])) == 1
	count(findings(fx.inspect_container_without(["HostConfig/LogConfig"]))) == 1
	count(findings([fx.inspect_container_with({"HostConfig": {"LogConfig": {"Type": "local", "Config": {}}}})])) == 0
}
