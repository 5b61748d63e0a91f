package shipshape.rules.pids_limit_test

import data.shipshape.rules.pids_limit
import data.shipshape.test.fixtures_test as fx

findings(doc) := result if {
	result := pids_limit.findings with input as doc
}

test_compose_without_limit_warns if {
	[f] := findings(fx.compose(fx.service_without(["pids_limit"])))
	f.level == "warn"
	f.field == ["services", "web", "pids_limit"]
	deploy_limit := object.union(fx.service_without(["pids_limit"]), {"deploy": {"resources": {"limits": {"pids": 100}}}})
	count(findings(fx.compose(deploy_limit))) == 0
	count(findings(fx.compose(fx.service_with({"pids_limit": -1})))) == 1
}

test_inspect_without_limit_warns if {
	count(findings([fx.inspect_container_with({"HostConfig": {"PidsLimit": null}})])) == 1
	count(findings([fx.inspect_container_with({"HostConfig": {"PidsLimit": 0}})])) == 1
	count(findings(fx.inspect_container_without(["HostConfig/PidsLimit"]))) == 1
}

test_kubernetes_is_not_judged if {
	count(findings(fx.pod({"containers": [fx.container_without(["resources"])]}))) == 0
}
