package main_test

import data.main

test_workload_without_owner_is_denied if {
	"Deployment/web has no owner label" in main.deny with input as {"kind": "Deployment", "metadata": {"name": "web"}}
}

test_workload_with_owner_passes if {
	deployment := {"kind": "Deployment", "metadata": {"name": "web", "labels": {"owner": "payments"}}}
	count(main.deny) == 0 with input as deployment
}

test_nodeport_is_denied if {
	"Service edge is of type NodePort" in main.deny_nodeport with input as {
		"kind": "Service",
		"metadata": {"name": "edge"},
		"spec": {"type": "NodePort"},
	}
}

test_nodeport_exception if {
	["nodeport"] in main.exception with input as {
		"kind": "Service",
		"metadata": {"name": "edge", "labels": {"allow-nodeport": "true"}},
		"spec": {"type": "NodePort"},
	}
}
