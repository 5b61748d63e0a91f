# METADATA
# title: Containers must not gain privileges
# description: |
#   Without `no_new_privs`, a process can gain privileges through setuid binaries or file capabilities. In
#   Kubernetes `allowPrivilegeEscalation` must be set to `false` explicitly (unset allows it, as the Pod
#   Security "restricted" profile treats it); Docker and Compose need the `no-new-privileges` security option.
# related_resources:
#   - ref: https://www.cisecurity.org/benchmark/docker
#     description: CIS Docker Benchmark 5.25
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
#     description: Pod Security Standards, Restricted, Privilege Escalation
# custom:
#   id: no-privilege-escalation
#   severity: high
#   level: deny
#   profile: restricted
#   references:
#     - CIS Docker Benchmark 5.25 (Ensure that the container is restricted from acquiring additional privileges)
#     - Kubernetes Pod Security Standards, Restricted profile (Privilege Escalation)
#   remediation:
#     docker: >-
#       Run with `--security-opt no-new-privileges`.
#     compose: >-
#       Add `security_opt: ["no-new-privileges:true"]` to the service.
#     kubernetes: >-
#       Set `securityContext.allowPrivilegeEscalation: false` on every container.
package shipshape.rules.no_privilege_escalation

import data.shipshape.lib.model
import data.shipshape.lib.result

# The METADATA above, read once per evaluation and only when the rule has a finding.
annotations := result.rule_annotations(rego.metadata.chain())

findings := [result.finding(annotations, container, message, escalation.path) |
	some container in model.containers
	escalation := container.privilege_escalation
	escalation != null
	not escalation.blocked
	message := concat("", [result.subject(container), " may gain privileges (", remedy[container.shape], " is not set)"])
]

remedy := {
	"kubernetes": "allowPrivilegeEscalation: false",
	"compose": "no-new-privileges",
	"docker": "no-new-privileges",
}

deny := result.messages(findings, "deny")

warn := result.messages(findings, "warn")
