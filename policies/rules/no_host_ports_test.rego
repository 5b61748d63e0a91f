package shipshape.rules.no_host_ports_test

import data.shipshape.rules.no_host_ports
import data.shipshape.test.fixtures_test as fx

findings(doc) := result if {
	result := no_host_ports.findings with input as doc
}

with_ports(ports) := fx.pod({"containers": [fx.container_with({"ports": ports})]})

test_a_host_port_fails if {
	[f] := findings(with_ports([{"containerPort": 8080}, {"containerPort": 53, "hostPort": 53, "protocol": "UDP"}]))
	f.field == ["spec", "containers", 0, "ports", 1, "hostPort"]
	f.message == "container app of Pod/web binds host port 53"
}

test_no_host_port_or_zero_passes if {
	count(findings(with_ports([{"containerPort": 8080}, {"containerPort": 9090, "hostPort": 0}]))) == 0
	count(findings(fx.pod({"containers": [fx.container]}))) == 0
}

test_allowed_ports_pass if {
	ports := [{"containerPort": 80, "hostPort": 80}, {"containerPort": 443, "hostPort": 443}]
	[f] := findings(with_ports(ports)) with data.shipshape.params as {"no-host-ports": {"allowed": [80]}}
	f.message == "container app of Pod/web binds host port 443"
}

test_other_shapes_publish_ports_differently if {
	count(findings(fx.compose(fx.service_with({"ports": ["8080:80"]})))) == 0
	count(findings([fx.inspect_container_with({"HostConfig": {"PortBindings": {"80/tcp": [{"HostPort": "8080"}]}}})])) == 0
}
