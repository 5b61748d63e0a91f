package shipshape.rules.init_process_test

import data.shipshape.rules.init_process
import data.shipshape.test.fixtures_test as fx

findings(doc) := result if {
	result := init_process.findings with input as doc
}

test_compose_without_init_warns if {
	[f] := findings(fx.compose(fx.service_without(["init"])))
	f.message == "service web runs without an init process"
	count(findings(fx.compose(fx.service_with({"init": false})))) == 1
}

test_inspect_without_init_warns if {
	[f] := findings([fx.inspect_container_with({"HostConfig": {"Init": null}})])
	f.field == [0, "HostConfig", "Init"]
	count(findings(fx.inspect_container_without(["HostConfig/Init"]))) == 1
}

test_kubernetes_and_images_are_not_judged if {
	count(findings(fx.pod({"containers": [fx.container]}))) == 0
	count(findings(fx.inspect_image)) == 0
}
