# METADATA
# title: Images should be pinned by digest
# description: |
#   A tag can be moved to other content at any time; only a digest (`@sha256:...`) names exactly one image.
#   Pinning by digest makes deploys reproducible and a compromised registry tag harmless. Image IDs count as
#   pinned; a Compose service that only builds is not judged.
# related_resources:
#   - ref: https://slsa.dev/spec/v1.0/
#     description: SLSA specification
# custom:
#   id: image-digest-pinned
#   severity: low
#   level: warn
#   profile: restricted
#   references:
#     - SLSA and supply-chain guidance (immutable image references)
#   remediation:
#     docker: >-
#       Run the image by digest: `registry.example.com/app:1.4.2@sha256:...`
#       (`docker buildx imagetools inspect` shows it).
#     compose: >-
#       Append the digest to `image:` (`app:1.4.2@sha256:...`); Renovate or Dependabot can keep it current.
#     kubernetes: >-
#       Append the digest to `image:` (`app:1.4.2@sha256:...`); Renovate or Dependabot can keep it current.
#     dockerfile: >-
#       Pin every `FROM` by digest (`FROM node:20.18-slim@sha256:...`) so a rebuild cannot pick up other content.
package shipshape.rules.image_digest_pinned

import data.shipshape.lib.image_ref
import data.shipshape.lib.model
import data.shipshape.lib.result

# The METADATA above, read once per evaluation and only when the rule has a finding.
annotations := result.rule_annotations(rego.metadata.chain())

findings := [result.finding(annotations, container, message, container.image.path) |
	some container in model.containers
	container.image != null
	container.kind != "image" # an inspected image is the content itself
	ref := container.image.ref
	not image_ref.is_digest_pinned(ref)
	not image_ref.is_image_id(ref)
	message := concat("", [result.subject(container), " uses image \"", ref, "\" without a digest"])
]

deny := result.messages(findings, "deny")

warn := result.messages(findings, "warn")
