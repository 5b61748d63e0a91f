# METADATA
# title: Containers need memory and CPU limits
# description: |
#   A container without limits can take all the memory or CPU of its host and starve its neighbours; a memory
#   leak then becomes an outage of the node. One finding per missing resource. Which resources are required is
#   the parameter `resources` (default `["memory", "cpu"]`). Images and Kubernetes ephemeral containers cannot
#   carry limits and are not checked.
# related_resources:
#   - ref: https://www.cisecurity.org/benchmark/docker
#     description: CIS Docker Benchmark 5.10
#   - ref: https://www.cisecurity.org/benchmark/docker
#     description: CIS Docker Benchmark 5.11
#   - ref: https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/
#     description: Kubernetes documentation, Resource Management for Pods and Containers
# custom:
#   id: resource-limits
#   severity: medium
#   level: deny
#   profile: restricted
#   references:
#     - CIS Docker Benchmark 5.10 (Ensure that the memory usage for containers is limited)
#     - CIS Docker Benchmark 5.11 (Ensure that CPU priority is set appropriately on containers)
#   parameters:
#     resources:
#       description: Resources that must be limited.
#       schema: {type: array, uniqueItems: true, items: {enum: [memory, cpu]}}
#       default: [memory, cpu]
#   remediation:
#     docker: >-
#       Run with `--memory 512m --cpus 1` (or `--cpu-quota`).
#     compose: >-
#       Set `deploy.resources.limits.memory` and `.cpus` (legacy `mem_limit` and `cpus` are accepted).
#     kubernetes: >-
#       Set `resources.limits.memory` and `resources.limits.cpu` on every container, init containers too.
package shipshape.rules.resource_limits

import data.shipshape.lib.model
import data.shipshape.lib.params
import data.shipshape.lib.result

# A set: a resource listed twice in the parameter is still one finding.
required_resources contains resource if {
	some resource in params.param("resource-limits", "resources", parameter_defaults.resources)
}

# The parameters' defaults, as METADATA states them (a test holds the two together).
parameter_defaults := {"resources": ["memory", "cpu"]}

# The METADATA above, read once per evaluation and only when the rule has a finding.
annotations := result.rule_annotations(rego.metadata.chain())

findings := [result.finding(annotations, container, message, limit.path) |
	some container in model.containers
	container.limits != null
	some resource in required_resources
	limit := container.limits[resource]
	not limit.set
	message := concat("", [result.subject(container), " has no ", resource, " limit"])
]

deny := result.messages(findings, "deny")

warn := result.messages(findings, "warn")
