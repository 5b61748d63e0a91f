package shipshape.rules.image_digest_pinned_test

import data.shipshape.rules.image_digest_pinned
import data.shipshape.test.fixtures_test as fx

findings(doc) := result if {
	result := image_digest_pinned.findings with input as doc
}

test_kubernetes_tag_without_digest_warns if {
	[f] := findings(fx.pod({"containers": [fx.container_with({"image": "nginx:1.27.3"})]}))
	f.level == "warn"
	f.message == "container app of Pod/web uses image \"nginx:1.27.3\" without a digest"
	f.field == ["spec", "containers", 0, "image"]
}

test_compose_tag_without_digest_warns_and_build_only_is_skipped if {
	count(findings(fx.compose(fx.service_with({"image": "redis:7.4.1"})))) == 1
	build_only := object.union(fx.service_without(["image"]), {"build": "."})
	count(findings(fx.compose(build_only))) == 0
}

test_inspect_image_ids_pass if {
	id := "sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31"
	count(findings([fx.inspect_container_with({"Config": {"Image": id}})])) == 0
	count(findings([fx.inspect_container_with({"Config": {"Image": "nginx:1.27.3"}})])) == 1
}

test_inspected_images_are_not_judged if {
	count(findings(fx.inspect_image)) == 0
}

test_dockerfile_from_without_digest_fails if {
	doc := array.concat([fx.instruction("from", 0, ["registry.example.com/tools:1.2", "AS", "tools"])], fx.dockerfile)
	[f] := findings(doc)
	f.message == "Dockerfile stage tools uses image \"registry.example.com/tools:1.2\" without a digest"
	f.field == [0, "Value", 0]
}
