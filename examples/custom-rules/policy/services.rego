package main

# A NodePort opens a port on every node; services are reached through the ingress instead.
deny_nodeport contains msg if {
	input.kind == "Service"
	input.spec.type == "NodePort"
	msg := sprintf("Service %s is of type NodePort", [input.metadata.name])
}

# conftest's exceptions: a Service labelled allow-nodeport: "true" is excepted from deny_nodeport.
exception contains rules if {
	input.kind == "Service"
	input.metadata.labels["allow-nodeport"] == "true"
	rules := ["nodeport"]
}
