package shipshape.rules.no_docker_socket_test

import data.shipshape.rules.no_docker_socket
import data.shipshape.test.fixtures_test as fx

findings(doc) := result if {
	result := no_docker_socket.findings with input as doc
}

test_kubernetes_socket_host_path_fails_for_the_container_that_mounts_it if {
	mounting := fx.container_with({"volumeMounts": [{"name": "sock", "mountPath": "/var/run/docker.sock"}]})
	other := object.union(fx.container, {"name": "other"})
	volumes := [{"name": "sock", "hostPath": {"path": "/var/run/docker.sock", "type": "Socket"}}]
	[f] := findings(fx.pod({"volumes": volumes, "containers": [mounting, other]}))
	f.container == null
	f.field == ["spec", "volumes", 0, "hostPath", "path"]
	f.message == "Pod/web mounts the container engine socket /var/run/docker.sock"
}

test_compose_socket_mounts_fail if {
	count(findings(fx.compose(fx.service_with({"volumes": ["/var/run/docker.sock:/var/run/docker.sock:ro"]})))) == 1
	long := {"type": "bind", "source": "/run/containerd/containerd.sock", "target": "/c.sock"}
	count(findings(fx.compose(fx.service_with({"volumes": [long]})))) == 1
	count(findings(fx.compose(fx.service_with({"volumes": ["data:/var/lib/data", "./conf:/conf"]})))) == 0
}

test_inspect_socket_mounts_fail if {
	mounts := [{"Type": "bind", "Source": "/var/run/docker.sock", "Destination": "/var/run/docker.sock"}]
	[f] := findings([object.union(fx.inspect_container, {"Mounts": mounts})])
	f.field == [0, "Mounts", 0, "Source"]
	binds := {"HostConfig": {"Binds": ["/run/crio/crio.sock:/crio.sock"]}}
	count(findings(fx.inspect_container_with(binds))) == 1
	volume := [{"Type": "volume", "Source": "/var/lib/docker/volumes/x/_data", "Destination": "/data"}]
	count(findings(object.union(fx.inspect_container, {"Mounts": volume}))) == 0
}

test_inspect_reports_a_socket_once_when_mounts_and_binds_both_list_it if {
	mounts := [{"Type": "bind", "Source": "/var/run/docker.sock", "Destination": "/var/run/docker.sock"}]
	binds := {"HostConfig": {"Binds": ["/var/run/docker.sock:/var/run/docker.sock"]}}
	doc := object.union(fx.inspect_container_with(binds), {"Mounts": mounts})
	[f] := findings(doc)
	f.field == ["Mounts", 0, "Source"]
}

test_every_spelling_of_the_socket_and_its_directories_fails if {
	every source in [
		"//var/run/docker.sock", "/var/run/./docker.sock", "/tmp/../var/run/docker.sock", "/var/run/docker.sock/",
		"/var/run", "/run", "/var", "/", "/.", "//",
	] {
		count(findings(fx.compose(fx.service_with({"volumes": [concat("", [source, ":/mnt"])]})))) == 1
	}
	every source in ["/var/run2", "/srv", "/var/lib/data"] {
		count(findings(fx.compose(fx.service_with({"volumes": [concat("", [source, ":/mnt"])]})))) == 0
	}
}

test_a_directory_that_holds_the_socket_is_named_with_it if {
	volumes := [{"name": "run", "hostPath": {"path": "/var/run/"}}]
	mounting := fx.container_with({"volumeMounts": [{"name": "run", "mountPath": "/host-run"}]})
	[f] := findings(fx.pod({"volumes": volumes, "containers": [mounting]}))
	f.message == "Pod/web mounts /var/run, which holds the container engine socket /var/run/docker.sock"
}

test_a_named_volume_bound_to_the_socket_directory_fails if {
	doc := {
		"services": {"web": object.union(fx.service, {"volumes": ["run:/host-run"]})},
		"volumes": {"run": {"driver": "local", "driver_opts": {"type": "none", "o": "bind", "device": "/var/run"}}},
	}
	[f] := findings(doc)
	f.field == ["services", "web", "volumes", 0]
	long := {"type": "volume", "source": "run", "target": "/r"}
	count(findings(object.union(doc, {"services": {"web": object.union(fx.service, {"volumes": [long]})}}))) == 1
	nfs := {"driver_opts": {"type": "nfs", "o": "addr=x", "device": ":/var/run"}}
	count(findings(object.union(doc, {"volumes": {"run": nfs}}))) == 0
}
