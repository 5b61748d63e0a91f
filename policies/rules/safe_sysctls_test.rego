package shipshape.rules.safe_sysctls_test

import data.shipshape.rules.safe_sysctls
import data.shipshape.test.fixtures_test as fx

findings(doc) := result if {
	result := safe_sysctls.findings with input as doc
}

pod_with(sysctls) := fx.pod({"securityContext": {"sysctls": sysctls}, "containers": [fx.container]})

test_kubernetes_unsafe_sysctl_fails if {
	sysctls := [{"name": "net.ipv4.tcp_syncookies", "value": "1"}, {"name": "kernel.msgmax", "value": "65536"}]
	[f] := findings(pod_with(sysctls))
	f.field == ["spec", "securityContext", "sysctls", 1, "name"]
	f.message == "Pod/web sets the sysctl kernel.msgmax, outside the safe set"
}

test_compose_mapping_and_list if {
	mapping := {"net.core.somaxconn": 1024, "net.ipv4.ip_local_port_range": "1024 65000"}
	[f] := findings(fx.compose(fx.service_with({"sysctls": mapping})))
	f.field == ["services", "web", "sysctls", "net.core.somaxconn"]
	[g] := findings(fx.compose(fx.service_with({"sysctls": ["net.ipv4.tcp_fin_timeout=30", "net.core.somaxconn=1024"]})))
	g.field == ["services", "web", "sysctls", 1]
}

test_inspect_sysctls if {
	[f] := findings([fx.inspect_container_with({"HostConfig": {"Sysctls": {"net.ipv6.conf.all.disable_ipv6": "1"}}})])
	f.field == [0, "HostConfig", "Sysctls", "net.ipv6.conf.all.disable_ipv6"]
}

test_safe_and_allowed_sysctls_pass if {
	count(findings(pod_with([{"name": "kernel.shm_rmid_forced", "value": "1"}]))) == 0
	extra := {"safe-sysctls": {"allowed": ["net.core.somaxconn"]}}
	count(findings(pod_with([{"name": "net.core.somaxconn", "value": "1024"}]))) == 0 with data.shipshape.params as extra
}
