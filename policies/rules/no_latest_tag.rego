# METADATA
# title: Images must be pinned to a version
# description: |
#   An image without a tag, or tagged `latest`, changes under your feet: two deploys of the same file can run
#   different code, and a rollback may not roll anything back. Pin a version tag or, better, a digest.
#   A registry port is not a tag (`registry:5000/app` is untagged); digests and image IDs are pinned. In a
#   Dockerfile every FROM that pulls an image is judged after ARG expansion; an ARG without a default leaves
#   the tag to the build, which is reported too.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/configuration/overview/
#     description: Kubernetes documentation, Configuration best practices
# custom:
#   id: no-latest-tag
#   severity: medium
#   level: deny
#   profile: restricted
#   references:
#     - Kubernetes configuration best practices (avoid the latest tag)
#   remediation:
#     docker: >-
#       Run a versioned image (`nginx:1.27.3`) or pin a digest (`nginx@sha256:...`).
#     compose: >-
#       Set `image:` to a versioned tag or a digest; for `${TAG:-latest}`, give a versioned default.
#     kubernetes: >-
#       Set `image:` to a versioned tag or a digest (`registry.example.com/app:1.4.2`).
#     dockerfile: >-
#       Pin every `FROM` to a version (`FROM node:20.18-slim`) or a digest; give each ARG used in `FROM` a
#       versioned default.
package shipshape.rules.no_latest_tag

import data.shipshape.lib.image_ref
import data.shipshape.lib.model
import data.shipshape.lib.result

# The METADATA above, read once per evaluation and only when the rule has a finding.
annotations := result.rule_annotations(rego.metadata.chain())

findings := [result.finding(annotations, container, message, container.image.path) |
	some container in model.containers
	container.image != null
	reason := unpinned(container.image)
	message := image_message(container, reason)
]

# A Dockerfile's FROM may use an ARG without a default: which tag it pulls is decided at build time.
unpinned(image) := concat("", ["cannot be resolved: ARG ", concat(", ", image.unresolved), " has no default"]) if {
	count(object.get(image, "unresolved", [])) > 0
} else := image_ref.unpinned_reason(image.ref)

# An image inspect names the image as its subject already.
image_message(container, reason) := concat(" ", [result.subject(container), reason]) if {
	container.kind == "image"
} else := concat("", [result.subject(container), " uses image \"", container.image.ref, "\", which ", reason])

deny := result.messages(findings, "deny")

warn := result.messages(findings, "warn")
