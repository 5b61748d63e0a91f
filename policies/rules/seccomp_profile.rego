# METADATA
# title: Seccomp must confine the container
# description: |
#   Seccomp filters the system calls a container may make; without it every kernel bug is reachable. A
#   profile of `Unconfined` (or `seccomp=unconfined`) is a deny finding. In Kubernetes an unset profile is a
#   warn finding: the kubelet's default is Unconfined unless the cluster sets `seccompDefault`. Docker and
#   Compose apply their default profile unless told otherwise, so only an explicit `unconfined` is flagged there.
#   Under the baseline profile only `Unconfined` is reported: requiring a profile is the restricted profile's
#   control.
# related_resources:
#   - ref: https://www.cisecurity.org/benchmark/docker
#     description: CIS Docker Benchmark 5.21
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
#     description: Pod Security Standards, Restricted, Seccomp
# custom:
#   id: seccomp-profile
#   severity: high
#   level: deny
#   profile: baseline
#   references:
#     - CIS Docker Benchmark 5.21 (Ensure the default seccomp profile is not Disabled)
#     - Kubernetes Pod Security Standards, Restricted profile (Seccomp)
#   remediation:
#     docker: >-
#       Remove `--security-opt seccomp=unconfined` (or pass a custom profile file).
#     compose: >-
#       Remove `seccomp:unconfined` from `security_opt`.
#     kubernetes: >-
#       Set `securityContext.seccompProfile.type: RuntimeDefault` on the pod (or Localhost with a profile).
package shipshape.rules.seccomp_profile

import data.shipshape.lib.model
import data.shipshape.lib.params
import data.shipshape.lib.result

# The METADATA above, read once per evaluation and only when the rule has a finding.
annotations := result.rule_annotations(rego.metadata.chain())

findings := [verdict(container) | some container in model.containers]

verdict(container) := result.finding(annotations, container, message, container.seccomp.path) if {
	container.seccomp.profile == "unconfined"
	message := concat("", [result.subject(container), " runs without seccomp (Unconfined)"])
}

# Requiring a profile is the restricted profile's control; baseline only forbids Unconfined.
verdict(container) := result.finding_at(annotations, container, message, container.seccomp.path, "warn") if {
	container.seccomp.profile == "unset"
	params.profile != "baseline"
	message := concat("", [result.subject(container), " sets no seccomp profile"])
}

deny := result.messages(findings, "deny")

warn := result.messages(findings, "warn")
