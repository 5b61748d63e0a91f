# METADATA
# title: Request the resources a container needs
# description: |
#   The scheduler places containers by their requests; without them a node is overcommitted and workloads
#   are the first to be evicted under pressure. One finding per missing resource (parameter `resources`,
#   default `["memory", "cpu"]`). In Kubernetes a limit without a request counts, because the request then
#   defaults to the limit. Compose needs `deploy.resources.reservations`. Not applicable to docker inspect.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/
#     description: Kubernetes documentation, Resource Management for Pods and Containers
# custom:
#   id: resource-requests
#   severity: low
#   level: warn
#   profile: restricted
#   parameters:
#     resources:
#       description: Resources that must be requested.
#       schema: {type: array, uniqueItems: true, items: {enum: [memory, cpu]}}
#       default: [memory, cpu]
#   remediation:
#     compose: >-
#       Set `deploy.resources.reservations.memory` and `.cpus` on the service.
#     kubernetes: >-
#       Set `resources.requests.memory` and `resources.requests.cpu` (or limits, which requests default to).
package shipshape.rules.resource_requests

import data.shipshape.lib.model
import data.shipshape.lib.params
import data.shipshape.lib.result

# A set: a resource listed twice in the parameter is still one finding.
required_resources contains resource if {
	some resource in params.param("resource-requests", "resources", parameter_defaults.resources)
}

# The parameters' defaults, as METADATA states them (a test holds the two together).
parameter_defaults := {"resources": ["memory", "cpu"]}

# The METADATA above, read once per evaluation and only when the rule has a finding.
annotations := result.rule_annotations(rego.metadata.chain())

findings := [result.finding(annotations, container, message, request.path) |
	some container in model.containers
	container.requests != null
	some resource in required_resources
	request := container.requests[resource]
	not request.set
	message := concat("", [result.subject(container), " requests no ", resource])
]

deny := result.messages(findings, "deny")

warn := result.messages(findings, "warn")
