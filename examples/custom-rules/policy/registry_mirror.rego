# METADATA
# title: Images come through the registry mirror
# description: |
#   Every image is pulled through the team's registry mirror, so builds and deploys never depend on a public
#   registry being up (or on a tag there staying what it was). One rule over the container model: it judges
#   Kubernetes manifests, Compose files, docker inspect output and Dockerfiles alike.
# related_resources:
#   - ref: https://distribution.github.io/distribution/recipes/mirror/
#     description: Registry as a pull-through cache
# custom:
#   id: registry-mirror
#   severity: high
#   level: deny
#   parameters:
#     prefix:
#       description: The mirror's registry/path prefix every image must start with.
#       schema: {type: string, minLength: 1}
#       default: mirror.example.com
#   remediation:
#     kubernetes: >-
#       Pull the image from the mirror (`image: mirror.example.com/library/nginx:1.27.3`).
#     compose: >-
#       Pull the image from the mirror (`image: mirror.example.com/library/nginx:1.27.3`).
#     docker: >-
#       Run the image from the mirror (`docker run mirror.example.com/library/nginx:1.27.3`).
#     dockerfile: >-
#       Build from the mirror (`FROM mirror.example.com/library/node:20.18-slim`).
package shipshape.rules.registry_mirror

import data.shipshape.lib.model
import data.shipshape.lib.params
import data.shipshape.lib.result

prefix := params.param("registry-mirror", "prefix", "mirror.example.com")

annotations := result.rule_annotations(rego.metadata.chain())

findings := [result.finding(annotations, container, message, container.image.path) |
	some container in model.containers
	container.image != null
	not startswith(container.image.ref, concat("", [trim_right(prefix, "/"), "/"]))
	message := concat("", [
		result.subject(container), " pulls \"", container.image.ref,
		"\" from outside the mirror ", prefix,
	])
]
