# METADATA
# title: No Windows HostProcess containers
# description: |
#   A Windows HostProcess container runs directly on the node, with the node's network, file system and
#   privileges: privileged access to the host. The Pod Security Standards' baseline profile forbids
#   `windowsOptions.hostProcess: true` in the pod's or a container's securityContext. Kubernetes only.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
#     description: Pod Security Standards, Baseline, HostProcess
# custom:
#   id: no-windows-host-process
#   severity: critical
#   level: deny
#   profile: baseline
#   references:
#     - Kubernetes Pod Security Standards, Baseline profile (HostProcess)
#   remediation:
#     kubernetes: >-
#       Remove `securityContext.windowsOptions.hostProcess: true` from the pod and its containers; run node
#       administration outside workloads.
package shipshape.rules.no_windows_host_process

import data.shipshape.lib.model
import data.shipshape.lib.result

# The METADATA above, read once per evaluation and only when the rule has a finding.
annotations := result.rule_annotations(rego.metadata.chain())

findings := [result.finding(annotations, container, message, container.host_process.path) |
	some container in model.containers
	container.host_process != null
	container.host_process.enabled
	message := concat("", [result.subject(container), " is a Windows HostProcess container"])
]

deny := result.messages(findings, "deny")

warn := result.messages(findings, "warn")
