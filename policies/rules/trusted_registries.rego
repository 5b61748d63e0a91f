# METADATA
# title: Images must come from trusted registries
# description: |
#   Images from registries you do not control can change or disappear, and typo-squatted names are a known
#   attack. Off until configured: set the parameter `allowed` to the registries (or registry/path prefixes)
#   you trust, e.g. `["registry.example.com", "ghcr.io/my-org", "docker.io/library"]`. Docker Hub short names
#   resolve to `docker.io` (`nginx` is `docker.io/library/nginx`). Image IDs are not judged.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/containers/images/
#     description: Kubernetes documentation, Images
# custom:
#   id: trusted-registries
#   severity: high
#   level: deny
#   profile: restricted
#   parameters:
#     allowed:
#       description: Registries or registry/path prefixes images may come from; empty turns the rule off.
#       schema: {type: array, uniqueItems: true, items: {type: string, minLength: 1}}
#       default: []
#   remediation:
#     docker: >-
#       Pull the image through a trusted registry (a mirror or your own) and run it from there.
#     compose: >-
#       Change `image:` to a copy in a trusted registry.
#     kubernetes: >-
#       Change `image:` to a copy in a trusted registry; an admission policy can enforce the same list.
#     dockerfile: >-
#       Pull every base image through a trusted registry (`FROM registry.example.com/library/node:20.18-slim`).
package shipshape.rules.trusted_registries

import data.shipshape.lib.image_ref
import data.shipshape.lib.model
import data.shipshape.lib.params
import data.shipshape.lib.result

# The parameters' defaults, as METADATA states them (a test holds the two together).
parameter_defaults := {"allowed": []}

allowed := params.param("trusted-registries", "allowed", parameter_defaults.allowed)

# The METADATA above, read once per evaluation and only when the rule has a finding.
annotations := result.rule_annotations(rego.metadata.chain())

findings := [result.finding(annotations, container, message, container.image.path) |
	count(allowed) > 0
	some container in model.containers
	container.image != null
	ref := container.image.ref
	not image_ref.is_image_id(ref)
	not trusted(image_ref.qualified(ref))
	message := concat("", [
		result.subject(container), " uses image \"", ref, "\" from ",
		image_ref.registry(ref), ", which is not a trusted registry",
	])
]

trusted(qualified) if {
	some entry in allowed
	startswith(qualified, concat("", [trim_right(entry, "/"), "/"]))
}

deny := result.messages(findings, "deny")

warn := result.messages(findings, "warn")
