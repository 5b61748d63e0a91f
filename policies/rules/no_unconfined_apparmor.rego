# METADATA
# title: AppArmor must not be turned off
# description: |
#   AppArmor confines what a container's processes may touch on the host. The Pod Security Standards'
#   baseline profile forbids overriding it to `Unconfined` (the `appArmorProfile` field of the container or the
#   pod, or the older `container.apparmor.security.beta.kubernetes.io/<container>: unconfined` annotation);
#   Docker and Compose turn it off with `apparmor=unconfined` in the security options. The runtime's default
#   profile, or a localhost profile, passes; any other value is not one the standard allows (a typo leaves the
#   container without the profile it meant to have).
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
#     description: Pod Security Standards, Baseline, AppArmor
# custom:
#   id: no-unconfined-apparmor
#   severity: high
#   level: deny
#   profile: baseline
#   references:
#     - Kubernetes Pod Security Standards, Baseline profile (AppArmor)
#     - CIS Docker Benchmark 5.1 (Ensure that, if applicable, an AppArmor Profile is enabled)
#   remediation:
#     docker: >-
#       Remove `--security-opt apparmor=unconfined` (Docker applies its default profile), or name a profile.
#     compose: >-
#       Remove `apparmor=unconfined` from `security_opt`, or name a profile (`apparmor=my-profile`).
#     kubernetes: >-
#       Set `securityContext.appArmorProfile.type: RuntimeDefault` (or `Localhost` with a profile), and remove
#       an `unconfined` AppArmor annotation.
package shipshape.rules.no_unconfined_apparmor

import data.shipshape.lib.model
import data.shipshape.lib.result

# The METADATA above, read once per evaluation and only when the rule has a finding.
annotations := result.rule_annotations(rego.metadata.chain())

findings := [result.finding(annotations, container, message, container.apparmor.path) |
	some container in model.containers
	container.apparmor != null
	not container.apparmor.confined
	message := concat("", [result.subject(container), " ", problem(container.apparmor.profile)])
]

problem(profile) := "runs with AppArmor unconfined" if {
	lower(profile) == "unconfined"
} else := concat("", ["sets the AppArmor profile \"", profile, "\", which is not one the runtime loads"])

deny := result.messages(findings, "deny")

warn := result.messages(findings, "warn")
