package shipshape.rules.read_only_rootfs_test

import data.shipshape.rules.read_only_rootfs
import data.shipshape.test.fixtures_test as fx

findings(doc) := result if {
	result := read_only_rootfs.findings with input as doc
}

test_kubernetes_writable_root_fails if {
	writable := fx.container_with({"securityContext": {"readOnlyRootFilesystem": false}})
	[f] := findings(fx.deployment({"containers": [writable]}))
	f.field == ["spec", "template", "spec", "containers", 0, "securityContext", "readOnlyRootFilesystem"]
	f.message == "container app of Deployment/web has a writable root filesystem"
}

test_kubernetes_field_absent_fails if {
	count(findings(fx.pod({"containers": [fx.container_without(["securityContext/readOnlyRootFilesystem"])]}))) == 1
	count(findings(fx.pod({"containers": [fx.container_without(["securityContext"])]}))) == 1
}

test_kubernetes_pod_level_setting_does_not_exist if {
	# readOnlyRootFilesystem is a container-only field; a pod-level one is ignored, as the API server does.
	container := fx.container_without(["securityContext/readOnlyRootFilesystem"])
	count(findings(fx.pod({"securityContext": {"readOnlyRootFilesystem": true}, "containers": [container]}))) == 1
}

test_compose_writable_root_fails if {
	[f] := findings(fx.compose(fx.service_with({"read_only": false})))
	f.field == ["services", "web", "read_only"]
	count(findings(fx.compose(fx.service_without(["read_only"])))) == 1
}

test_inspect_writable_root_fails if {
	count(findings([fx.inspect_container_with({"HostConfig": {"ReadonlyRootfs": false}})])) == 1
	count(findings(fx.inspect_container_without(["HostConfig/ReadonlyRootfs"]))) == 1
}

test_images_are_not_checked if {
	count(findings(fx.inspect_image)) == 0
}
