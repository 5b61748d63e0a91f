package shipshape.rules.minimal_base_image_test

import data.shipshape.rules.minimal_base_image
import data.shipshape.test.fixtures_test as fx

findings(doc) := result if {
	result := minimal_base_image.findings with input as doc
}

# The fixture with its final stage built on `image`.
on(image) := array.concat(array.slice(fx.dockerfile, 0, 2), array.concat(
	[fx.instruction("from", 1, [image])],
	array.slice(fx.dockerfile, 3, 8),
))

test_a_full_image_fails if {
	[f] := findings(on("python:3.12"))
	f.field == [2, "Value", 0]
	f.message == "Dockerfile stage 1 is built on \"python:3.12\", a full image: use a slim, alpine or distroless variant"
	every image in [
		"node:20", "docker.io/library/ubuntu:24.04", "debian", "golang:1.23-bookworm@sha256:abc",
		"registry.access.redhat.com/ubi9/ubi:9.4",
	] {
		count(findings(on(image))) == 1
	}
}

test_minimal_variants_and_other_images_pass if {
	every image in [
		"python:3.12-slim", "node:20-alpine3.20", "debian:bookworm-slim", "registry.access.redhat.com/ubi9/ubi-minimal:9.4",
		"gcr.io/distroless/static-debian12", "registry.example.com/app:1.4.2", "ghcr.io/org/python:3.12", "scratch",
		"ubuntu:24.04_chiseled",
	] {
		count(findings(on(image))) == 0
	}
}

test_the_base_of_the_target_chain_is_judged_not_builders if {
	builder := [fx.instruction("from", 0, ["golang:1.23", "AS", "build"]), fx.dockerfile[1]]
	count(findings(array.concat(builder, array.slice(fx.dockerfile, 2, 8)))) == 0
	chained := array.concat(
		[fx.instruction("from", 0, ["node:20", "AS", "base"]), fx.instruction("from", 1, ["base"])],
		array.slice(fx.dockerfile, 3, 8),
	)
	[f] := findings(chained)
	f.field == [0, "Value", 0]
}

test_the_lists_are_parameters if {
	own := {"minimal-base-image": {"full_images": ["registry.example.com/app"]}}
	count(findings(on("registry.example.com/app:1.4.2"))) == 1 with data.shipshape.params as own
	count(findings(on("python:3.12"))) == 0 with data.shipshape.params as own
	lean := {"minimal-base-image": {"minimal_tags": ["lean"]}}
	count(findings(on("python:3.12-lean"))) == 0 with data.shipshape.params as lean
}

# Field absent: a base decided by an ARG without a default is not judged.
test_an_unresolved_base_is_not_judged if {
	doc := array.concat([fx.instruction("arg", 0, ["BASE"])], on("${BASE}"))
	count(findings(doc)) == 0
}
