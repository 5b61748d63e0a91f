# METADATA
# title: Images must be pinned to a version
# description: |
#   An image without a tag, or tagged `latest`, changes under your feet: two deploys of the same file can run
#   different code, and a rollback may not roll anything back. Pin a version tag or, better, a digest.
#   A registry port is not a tag (`registry:5000/app` is untagged); digests and image IDs are pinned.
# custom:
#   id: no-latest-tag
#   severity: medium
#   level: deny
#   references:
#     - Kubernetes configuration best practices (avoid the latest tag)
#   remediation:
#     docker: >-
#       Run a versioned image (`nginx:1.27.3`) or pin a digest (`nginx@sha256:...`).
#     compose: >-
#       Set `image:` to a versioned tag or a digest; for `${TAG:-latest}`, give a versioned default.
#     kubernetes: >-
#       Set `image:` to a versioned tag or a digest (`registry.example.com/app:1.4.2`).
package shipshape.rules.no_latest_tag

import data.shipshape.lib.image_ref
import data.shipshape.lib.model
import data.shipshape.lib.result

# The METADATA above, read once per evaluation and only when the rule has a finding.
annotations := result.rule_annotations(rego.metadata.chain())

findings := [result.finding(annotations, container, message, container.image.path) |
	some container in model.containers
	container.image != null
	reason := image_ref.unpinned_reason(container.image.ref)
	message := image_message(container, reason)
]

# An image inspect names the image as its subject already.
image_message(container, reason) := concat(" ", [result.subject(container), reason]) if {
	container.role == "image"
} else := concat("", [result.subject(container), " uses image \"", container.image.ref, "\", which ", reason])

deny := result.messages(findings, "deny")

warn := result.messages(findings, "warn")
