# METADATA
# title: Containers must not be privileged
# description: |
#   A privileged container has every capability, sees every host device and can load kernel modules: it is
#   root on the host in all but name. Nothing in a normal workload needs it.
# related_resources:
#   - ref: https://www.cisecurity.org/benchmark/docker
#     description: CIS Docker Benchmark 5.4
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
#     description: Pod Security Standards, Baseline, Privileged Containers
# custom:
#   id: no-privileged
#   severity: critical
#   level: deny
#   profile: baseline
#   references:
#     - CIS Docker Benchmark 5.4 (Ensure that privileged containers are not used)
#     - Kubernetes Pod Security Standards, Baseline profile (Privileged Containers)
#   remediation:
#     docker: >-
#       Run without `--privileged`; add the one capability or device the container needs instead.
#     compose: >-
#       Remove `privileged: true`; use `cap_add` or `devices` for what the service really needs.
#     kubernetes: >-
#       Remove `securityContext.privileged: true`; grant specific capabilities instead.
package shipshape.rules.no_privileged

import data.shipshape.lib.model
import data.shipshape.lib.result

# The METADATA above, read once per evaluation and only when the rule has a finding.
annotations := result.rule_annotations(rego.metadata.chain())

findings := [result.finding(annotations, container, message, container.privileged.path) |
	some container in model.containers
	container.privileged.enabled == true
	message := concat("", [result.subject(container), " runs privileged"])
]

deny := result.messages(findings, "deny")

warn := result.messages(findings, "warn")
