package shipshape.rules.no_ssh_port_test

import data.shipshape.rules.no_ssh_port
import data.shipshape.test.fixtures_test as fx

findings(doc) := result if {
	result := no_ssh_port.findings with input as doc
}

test_kubernetes_container_port_22 if {
	ports := [{"containerPort": 8080}, {"name": "ssh", "containerPort": 22}]
	[f] := findings(fx.pod({"containers": [fx.container_with({"ports": ports})]}))
	f.field == ["spec", "containers", 0, "ports", 1, "containerPort"]
	f.message == "container app of Pod/web exposes port 22 (SSH)"
}

test_compose_published_and_exposed if {
	every entry in ["22", "2222:22", "127.0.0.1:2222:22/tcp", 22, {"target": 22, "published": 2222}] {
		count(findings(fx.compose(fx.service_with({"ports": [entry]})))) == 1
	}
}

test_compose_expose_and_other_ports if {
	count(findings(fx.compose(fx.service_with({"expose": ["22"]})))) == 1
	count(findings(fx.compose(fx.service_with({"ports": ["22:8080", "2200-2300:2200-2300"]})))) == 0
}

test_inspect_exposed_or_published if {
	count(findings([fx.inspect_container_with({"Config": {"ExposedPorts": {"22/tcp": {}}}})])) == 1
	count(findings([fx.inspect_container_with({"HostConfig": {"PortBindings": {"22/tcp": [{"HostPort": "2222"}]}}})])) == 1
	count(findings(fx.inspect_image_with({"Config": {"ExposedPorts": {"22/tcp": {}, "80/tcp": {}}}}))) == 1
	count(findings([fx.inspect_container_with({"Config": {"ExposedPorts": {"8022/tcp": {}}}})])) == 0
}

test_inspect_reports_an_exposed_and_published_port_once if {
	both := {
		"Config": {"ExposedPorts": {"22/tcp": {}}},
		"HostConfig": {"PortBindings": {"22/tcp": [{"HostPort": "2222"}]}},
	}
	[f] := findings(fx.inspect_container_with(both))
	f.field == ["Config", "ExposedPorts", "22/tcp"]
}

# Dockerfile

test_dockerfile_expose_22_fails if {
	[f] := findings(fx.dockerfile_with([fx.instruction("expose", 1, ["8443", "22/tcp"])]))
	f.field == [7, "Value", 1]
	count(findings(fx.dockerfile)) == 0
}
