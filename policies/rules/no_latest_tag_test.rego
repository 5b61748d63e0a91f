package shipshape.rules.no_latest_tag_test

import data.shipshape.rules.no_latest_tag
import data.shipshape.test.fixtures_test as fx

findings(doc) := result if {
	result := no_latest_tag.findings with input as doc
}

unpinned := ["nginx", "nginx:latest", "docker.io/library/nginx:latest", "reg:5000/app", "reg:5000/team/app:latest", ""]

pinned := [
	"nginx:1.27.3",
	"reg:5000/app:2.0",
	"nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31",
	"nginx:latest@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31",
	"sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31",
	"0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31",
]

test_kubernetes_unpinned_images_fail if {
	every image in unpinned {
		count(findings(fx.pod({"containers": [fx.container_with({"image": image})]}))) == 1
	}
}

test_kubernetes_pinned_images_pass if {
	every image in pinned {
		count(findings(fx.pod({"containers": [fx.container_with({"image": image})]}))) == 0
	}
}

test_kubernetes_finding_points_at_image if {
	[f] := findings(fx.deployment({"initContainers": [fx.container_with({"image": "busybox"})]}))
	f.field == ["spec", "template", "spec", "initContainers", 0, "image"]
	f.message == "container app of Deployment/web uses image \"busybox\", which has no tag (latest is implied)"
}

test_kubernetes_latest_message if {
	[f] := findings(fx.pod({"containers": [fx.container_with({"image": "nginx:latest"})]}))
	endswith(f.message, "which is tagged latest")
}

test_kubernetes_image_absent_is_not_judged if {
	count(findings(fx.pod({"containers": [fx.container_without(["image"])]}))) == 0
}

test_compose_unpinned_images_fail if {
	every image in unpinned {
		count(findings(fx.compose(fx.service_with({"image": image})))) == 1
	}
}

test_compose_pinned_images_pass if {
	every image in pinned {
		count(findings(fx.compose(fx.service_with({"image": image})))) == 0
	}
}

test_compose_build_only_service_is_skipped if {
	service := object.union(fx.service_without(["image"]), {"build": {"context": "."}})
	count(findings(fx.compose(service))) == 0
}

test_compose_finding_points_at_image if {
	[f] := findings(fx.compose(fx.service_with({"image": "redis"})))
	f.field == ["services", "web", "image"]
}

# An empty Config.Image in docker inspect means the image is unknown, not untagged.
test_inspect_unpinned_images_fail if {
	every image in [i | some i in unpinned; i != ""] {
		count(findings(fx.inspect_container_with({"Config": {"Image": image}}))) == 1
	}
}

test_inspect_pinned_images_pass if {
	every image in pinned {
		count(findings([fx.inspect_container_with({"Config": {"Image": image}})])) == 0
	}
}

test_inspect_image_absent_is_not_judged if {
	count(findings(fx.inspect_container_without(["Config/Image"]))) == 0
	count(findings(fx.inspect_container_with({"Config": {"Image": ""}}))) == 0
}

test_image_inspect_latest_only_fails if {
	[f] := findings(fx.inspect_image_with({"RepoTags": ["app:latest"]}))
	f.field == ["RepoTags", 0]
}

test_image_inspect_with_a_version_tag_passes if {
	count(findings(fx.inspect_image_with({"RepoTags": ["app:latest", "app:1.4.2"]}))) == 0
}

test_image_inspect_untagged_falls_back_to_digest_or_id if {
	digest := "app@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31"
	digested := fx.inspect_image_with({"RepoTags": [], "RepoDigests": [digest]})
	count(findings(digested)) == 0
	count(findings(fx.inspect_image_with({"RepoTags": []}))) == 0
}

test_image_inspect_message_names_the_image_once if {
	[f] := findings(fx.inspect_image_with({"RepoTags": ["app:latest"]}))
	f.message == "image app:latest is tagged latest"
}

# Dockerfile

test_dockerfile_every_from_that_pulls_is_judged if {
	doc := array.concat([fx.instruction("from", 0, ["registry.example.com/tools:latest", "AS", "tools"])], fx.dockerfile)
	[f] := findings(doc)
	f.object == "Dockerfile stage tools"
	f.field == [0, "Value", 0]
	f.message == "Dockerfile stage tools uses image \"registry.example.com/tools:latest\", which is tagged latest"
}

test_dockerfile_args_are_expanded_and_unresolvable_ones_reported if {
	args := [fx.instruction("arg", 0, ["REPO=registry.example.com/app", "TAG"])]
	pinned := array.concat(args, [fx.instruction("from", 0, ["${REPO}:${VERSION:-1.4.2}"])])
	count(findings(pinned)) == 0
	latest := array.concat(args, [fx.instruction("from", 0, ["$REPO"])])
	[g] := findings(latest)
	g.message == "Dockerfile stage 0 uses image \"registry.example.com/app\", which has no tag (latest is implied)"
	unresolved := array.concat(args, [fx.instruction("from", 0, ["${REPO}:${TAG}"])])
	[h] := findings(unresolved)
	h.message == "Dockerfile stage 0 uses image \"${REPO}:${TAG}\", which cannot be resolved: ARG TAG has no default"
}

test_dockerfile_scratch_and_stage_references_pull_nothing if {
	doc := [
		fx.instruction("from", 0, ["scratch", "AS", "empty"]),
		fx.instruction("from", 1, ["empty"]),
		fx.instruction("from", 2, ["EMPTY"]),
	]
	count(findings(doc)) == 0
}
