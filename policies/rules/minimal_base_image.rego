# METADATA
# title: Minimal base image
# description: |
#   A full distribution or a full language image (compilers, package managers, shells, hundreds of packages)
#   under the application is size and CVE noise it does not use. Judged on the image the target stage is built
#   on (the first FROM of its chain): a repository on the `full_images` list whose tag names none of the
#   `minimal_tags` variants (`python:3.12` fails, `python:3.12-slim` passes; `ubuntu:24.04` fails). The lists
#   are parameters, so a team can add its own bases or variants. Builder stages, `scratch`, distroless and
#   images not on the list pass; a base decided by a build ARG without a default is not judged.
# related_resources:
#   - ref: https://www.cisecurity.org/benchmark/docker
#     description: CIS Docker Benchmark 4.3
#   - ref: https://docs.docker.com/build/building/best-practices/
#     description: Docker documentation, Building best practices
# custom:
#   id: minimal-base-image
#   severity: low
#   level: warn
#   profile: restricted
#   parameters:
#     full_images:
#       description: >-
#         Repositories whose plain tags are full images (Docker Hub short names or registry/path, as in FROM).
#       schema: {type: array, uniqueItems: true, items: {type: string, minLength: 1}}
#       default:
#         - ubuntu
#         - debian
#         - centos
#         - fedora
#         - rockylinux
#         - almalinux
#         - amazonlinux
#         - oraclelinux
#         - opensuse/leap
#         - buildpack-deps
#         - python
#         - node
#         - ruby
#         - php
#         - perl
#         - golang
#         - rust
#         - openjdk
#         - registry.access.redhat.com/ubi8/ubi
#         - registry.access.redhat.com/ubi9/ubi
#     minimal_tags:
#       description: Words that start a part of a tag (between `-`, `.` and `_`) of a minimal variant.
#       schema: {type: array, uniqueItems: true, items: {type: string, minLength: 1}}
#       default: [slim, alpine, distroless, minimal, micro, chiseled, busybox]
#   references:
#     - CIS Docker Benchmark 4.3 (Ensure that unnecessary packages are not installed in the container)
#     - Docker documentation, Building best practices, "Choose the right base image"
#   remediation:
#     dockerfile: >-
#       Build the final stage on a slim, alpine or distroless variant (`FROM python:3.12-slim`, `FROM
#       node:20-alpine`, `FROM gcr.io/distroless/static-debian12`), with any compiling done in an earlier stage.
package shipshape.rules.minimal_base_image

import data.shipshape.lib.image_ref
import data.shipshape.lib.model
import data.shipshape.lib.params
import data.shipshape.lib.result

# The parameters' defaults, as METADATA states them (a test holds the two together).
parameter_defaults := {
	"full_images": [
		"ubuntu", "debian", "centos", "fedora", "rockylinux", "almalinux", "amazonlinux", "oraclelinux",
		"opensuse/leap", "buildpack-deps", "python", "node", "ruby", "php", "perl", "golang", "rust", "openjdk",
		"registry.access.redhat.com/ubi8/ubi", "registry.access.redhat.com/ubi9/ubi",
	],
	"minimal_tags": ["slim", "alpine", "distroless", "minimal", "micro", "chiseled", "busybox"],
}

# The parameters as sets: repositories qualified as image_ref.repository gives them, tag words lower case.
full_images contains image_ref.qualified(repository) if {
	some repository in params.param("minimal-base-image", "full_images", parameter_defaults.full_images)
}

minimal_tags contains lower(word) if {
	some word in params.param("minimal-base-image", "minimal_tags", parameter_defaults.minimal_tags)
}

# The METADATA above, read once per evaluation and only when the rule has a finding.
annotations := result.rule_annotations(rego.metadata.chain())

findings := [result.finding(annotations, container, message, base.path) |
	some container in model.containers
	container.build != null
	base := container.build.base
	base != null
	count(object.get(base, "unresolved", [])) == 0
	image_ref.repository(base.ref) in full_images
	not minimal_variant(image_ref.tag_of(base.ref))
	message := concat("", [
		result.subject(container), " is built on \"", base.ref,
		"\", a full image: use a slim, alpine or distroless variant",
	])
]

# A word of the tag starts with a marker: `alpine3.20` is `alpine3` and `20`, an alpine variant.
minimal_variant(tag) if {
	some word in regex.split(`[-._]`, lower(tag))
	some marker in minimal_tags
	startswith(word, marker)
}

deny := result.messages(findings, "deny")

warn := result.messages(findings, "warn")
