# METADATA
# title: No host ports
# description: |
#   A `hostPort` binds the port on the node itself: it bypasses Services and NetworkPolicies' usual path,
#   limits where the pod can be scheduled, and exposes the container on every address of the node. The Pod
#   Security Standards' baseline profile disallows host ports (or restricts them to a known list, the
#   parameter `allowed`). Kubernetes only: a Docker or Compose published port is how those platforms expose a
#   service, not this control (host networking is `no-host-namespaces`).
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
#     description: Pod Security Standards, Baseline, Host Ports
# custom:
#   id: no-host-ports
#   severity: medium
#   level: deny
#   profile: baseline
#   parameters:
#     allowed:
#       description: Host ports that are allowed (the Pod Security Standards' "known list"); empty allows none.
#       schema: {type: array, uniqueItems: true, items: {type: integer, minimum: 1, maximum: 65535}}
#       default: []
#   references:
#     - Kubernetes Pod Security Standards, Baseline profile (Host Ports)
#     - kube-linter host-port (Alert on containers with host ports)
#   remediation:
#     kubernetes: >-
#       Remove `hostPort` and reach the container through a Service (ClusterIP, NodePort or LoadBalancer) or an
#       Ingress.
package shipshape.rules.no_host_ports

import data.shipshape.lib.model
import data.shipshape.lib.params
import data.shipshape.lib.result

# The parameters' defaults, as METADATA states them (a test holds the two together).
parameter_defaults := {"allowed": []}

allowed := params.param("no-host-ports", "allowed", parameter_defaults.allowed)

# The METADATA above, read once per evaluation and only when the rule has a finding.
annotations := result.rule_annotations(rego.metadata.chain())

findings := [result.finding(annotations, container, message, host_port.path) |
	some container in model.containers
	container.host_ports != null
	some host_port in container.host_ports
	not host_port.port in allowed
	message := concat("", [result.subject(container), " binds host port ", format_int(host_port.port, 10)])
]

deny := result.messages(findings, "deny")

warn := result.messages(findings, "warn")
