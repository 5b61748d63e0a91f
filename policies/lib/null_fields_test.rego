package shipshape.lib.null_fields_test

# A field set to null (or to a value of the wrong type) must read as absent: the container stays in the
# model. A record with one undefined value would vanish, and with it every finding about the container.
import data.shipshape.lib.model
import data.shipshape.test.fixtures_test as fx

count_of(doc) := n if {
	n := count(model.containers) with input as doc
}

test_kubernetes_container_fields if {
	every key, _ in fx.container {
		count_of(fx.pod({"containers": [object.union(fx.container, {key: null})]})) == 1
		count_of(fx.pod({"containers": [object.union(fx.container, {key: "oops"})]})) == 1
	}
	every key, _ in fx.container.securityContext {
		count_of(fx.pod({"containers": [fx.container_with({"securityContext": {key: null}})]})) == 1
	}
}

test_kubernetes_pod_fields if {
	every key in ["securityContext", "volumes", "hostNetwork", "initContainers"] {
		count_of(fx.pod({key: null, "containers": [fx.container]})) == 1
	}
}

test_compose_service_fields if {
	every key, _ in fx.service {
		count_of(fx.compose(fx.service_with({key: null}))) == 1
		count_of(fx.compose(fx.service_with({key: "oops"}))) == 1
	}
}

test_inspect_fields if {
	every key, _ in fx.inspect_container.HostConfig {
		count_of([fx.inspect_container_with({"HostConfig": {key: null}})]) == 1
		count_of([fx.inspect_container_with({"HostConfig": {key: "oops"}})]) == 1
	}
	every key, _ in fx.inspect_container.Config {
		count_of([fx.inspect_container_with({"Config": {key: null}})]) == 1
	}
}

test_yaml_1_1_booleans_are_read_as_kubectl_reads_them if {
	yes := fx.container_with({"securityContext": {"privileged": "yes", "allowPrivilegeEscalation": "on"}})
	[c] := model.containers with input as fx.pod({"hostNetwork": "True", "containers": [yes]})
	c.privileged.enabled == true
	c.privilege_escalation.blocked == false
	count(c.host_namespaces) == 1
	spelled := {"runAsNonRoot": "no", "runAsUser": null, "readOnlyRootFilesystem": "yes"}
	no := fx.container_with({"securityContext": spelled})
	[d] := model.containers with input as fx.pod({"containers": [no]})
	d.user.may_be_root == true
	d.read_only_root_fs.enabled == true
	[s] := model.containers with input as fx.compose(fx.service_with({"read_only": "off", "privileged": "on"}))
	s.read_only_root_fs.enabled == false
	s.privileged.enabled == true
}

# A pod spec with no containers is one record of the pod's own facts, and a compliant one yields no finding
# from any rule (nothing a container would have to set is asked of it).
test_kubernetes_pod_without_containers if {
	every spec in [{}, {"containers": []}, {"containers": [], "initContainers": []}, {"containers": null}] {
		[record] := model.containers with input as fx.pod(spec)
		record.role == "pod"
		count(data.shipshape.main.findings) == 0 with input as fx.pod(spec)
	}
}
