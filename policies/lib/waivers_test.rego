package shipshape.lib.waivers_test

import data.shipshape.lib.model
import data.shipshape.main
import data.shipshape.test.fixtures_test as fx

waivers_of(doc) := [object.remove(c.waiver, ["path"]) | some c in containers] if {
	containers := model.containers with input as doc
}

# Findings of the two rules these tests waive.
findings_of(doc) := [f | some f in found; f.rule in {"no-root-user", "read-only-rootfs"}] if {
	found := main.findings with input as doc
}

root := fx.container_without(["securityContext"])

test_kubernetes_annotations_on_the_workload if {
	doc := object.union(fx.deployment({"containers": [root]}), {"metadata": {"annotations": {
		"shipshape.dev/waive": "no-root-user, read-only-rootfs",
		"shipshape.dev/waive-reason": " vendor image, OPS-12 ",
	}}})
	waivers_of(doc) == [{"rules": ["no-root-user", "read-only-rootfs"], "reason": "vendor image, OPS-12"}]
	{f.rule: f.inline_waiver | some f in findings_of(doc)} == {
		"no-root-user": {"reason": "vendor image, OPS-12"},
		"read-only-rootfs": {"reason": "vendor image, OPS-12"},
	}
}

test_kubernetes_annotations_on_the_pod_template if {
	deployment := fx.deployment({"containers": [root]})
	template_annotations := {"shipshape.dev/waive": "no-root-user"}
	doc := object.union(deployment, {"spec": {"template": {"metadata": {"annotations": template_annotations}}}})
	waivers_of(doc) == [{"rules": ["no-root-user"], "reason": ""}]
}

test_kubernetes_no_annotations if {
	waivers_of(fx.pod({"containers": [root]})) == [{"rules": [], "reason": ""}]
	found := findings_of(fx.pod({"containers": [root]}))
	count(found) == 2
	every f in found {
		f.inline_waiver == null
	}
}

test_compose_extension_field if {
	service := fx.service_with({"x-shipshape": {"waive": ["no-root-user"], "reason": "legacy"}})
	waivers_of(fx.compose(service)) == [{"rules": ["no-root-user"], "reason": "legacy"}]
}

test_docker_labels if {
	labels := {"shipshape.waive": "read-only-rootfs", "shipshape.waive-reason": "writes /var/cache"}
	container := fx.inspect_container_with({"Config": {"Labels": labels}})
	waivers_of([container]) == [{"rules": ["read-only-rootfs"], "reason": "writes /var/cache"}]
	image := fx.inspect_image_with({"Config": {"Labels": labels}})
	waivers_of(image) == [{"rules": ["read-only-rootfs"], "reason": "writes /var/cache"}]
}

test_malformed_waivers_are_empty if {
	service := fx.service_with({"x-shipshape": {"waive": 42, "reason": ["x"]}})
	waivers_of(fx.compose(service)) == [{"rules": [], "reason": ""}]
}
