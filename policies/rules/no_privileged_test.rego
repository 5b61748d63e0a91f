package shipshape.rules.no_privileged_test

import data.shipshape.rules.no_privileged
import data.shipshape.test.fixtures_test as fx

findings(doc) := result if {
	result := no_privileged.findings with input as doc
}

test_kubernetes_privileged_fails if {
	[f] := findings(fx.pod({"containers": [fx.container_with({"securityContext": {"privileged": true}})]}))
	f.field == ["spec", "containers", 0, "securityContext", "privileged"]
	f.message == "container app of Pod/web runs privileged"
	count(findings(fx.pod({"containers": [fx.container_with({"securityContext": {"privileged": false}})]}))) == 0
	count(findings(fx.pod({"containers": [fx.container_without(["securityContext"])]}))) == 0
}

test_compose_privileged_fails if {
	[f] := findings(fx.compose(fx.service_with({"privileged": true})))
	f.field == ["services", "web", "privileged"]
	count(findings(fx.compose(fx.service_with({"privileged": false})))) == 0
}

test_inspect_privileged_fails if {
	[f] := findings([fx.inspect_container_with({"HostConfig": {"Privileged": true}})])
	f.field == [0, "HostConfig", "Privileged"]
	count(findings(fx.inspect_container_without(["HostConfig/Privileged"]))) == 0
}

test_images_are_not_judged if {
	count(findings(fx.inspect_image_with({"HostConfig": null}))) == 0
}
