package shipshape.rules.no_sensitive_host_mounts_test

import data.shipshape.rules.no_sensitive_host_mounts
import data.shipshape.test.fixtures_test as fx

findings(doc) := result if {
	result := no_sensitive_host_mounts.findings with input as doc
}

test_kubernetes_sensitive_host_paths_fail if {
	mounting := fx.container_with({"volumeMounts": [{"name": "etc", "mountPath": "/host/etc"}]})
	volumes := [{"name": "etc", "hostPath": {"path": "/etc/kubernetes/"}}]
	[f] := findings(fx.pod({"volumes": volumes, "containers": [mounting]}))
	f.message == "Pod/web mounts the host path /etc/kubernetes"
	unmounted := fx.pod({"volumes": volumes, "containers": [fx.container]})
	count(findings(unmounted)) == 0
}

test_compose_sensitive_paths_fail if {
	every volume in [
		"/:/host:ro", "/proc:/host/proc", "/var/lib/docker/containers:/c:ro", "/root/.ssh:/keys",
		"//etc:/e", "/tmp/../etc:/e", "/.:/host", "/var/lib/./docker/:/d", "/var:/v", "/var/lib:/v",
	] {
		count(findings(fx.compose(fx.service_with({"volumes": [volume]})))) == 1
	}
	every volume in ["/srv/data:/data", "/etcetera:/x", "./etc:/etc", "logs:/var/log"] {
		count(findings(fx.compose(fx.service_with({"volumes": [volume]})))) == 0
	}
}

test_a_directory_holding_a_listed_path_names_it if {
	[f] := findings(fx.compose(fx.service_with({"volumes": ["/var/lib:/v"]})))
	f.message == "service web mounts /var/lib, which holds the sensitive host path /var/lib/docker"
}

test_engine_sockets_are_left_to_no_docker_socket if {
	count(findings(fx.compose(fx.service_with({"volumes": ["/run/docker.sock:/run/docker.sock"]})))) == 0
}

test_inspect_sensitive_paths_fail if {
	mounts := [{"Type": "bind", "Source": "/sys/fs/cgroup", "Destination": "/sys/fs/cgroup"}]
	count(findings([object.union(fx.inspect_container, {"Mounts": mounts})])) == 1
}

test_paths_are_a_parameter if {
	doc := fx.compose(fx.service_with({"volumes": ["/srv/secrets:/s", "/etc:/e"]}))
	found := no_sensitive_host_mounts.findings with input as doc
		with data.shipshape.params as {"no-sensitive-host-mounts": {"paths": ["/srv/secrets"]}}
	{f.message | some f in found} == {"service web mounts the host path /srv/secrets"}
}

test_a_mount_under_two_listed_paths_is_one_finding if {
	doc := fx.compose(fx.service_with({"volumes": ["/srv/secrets/tls:/tls"]}))
	found := no_sensitive_host_mounts.findings with input as doc
		with data.shipshape.params as {"no-sensitive-host-mounts": {"paths": ["/srv", "/srv/secrets"]}}
	count(found) == 1
}
