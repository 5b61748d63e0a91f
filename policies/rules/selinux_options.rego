# METADATA
# title: SELinux separation stays on
# description: |
#   SELinux labels keep a container's processes from the host's and other containers' files. The Pod Security
#   Standards' baseline profile allows only the container types (`container_t`, `container_init_t`,
#   `container_kvm_t`, `container_engine_t`) and forbids setting the SELinux user or role, in the pod's and the
#   container's `seLinuxOptions`. Docker and Compose turn separation off with `label=disable` and set the same
#   things with `label=type:`, `label=user:` and `label=role:`; the same limits apply. An MCS level
#   (`label=level:`, `level:`) is not governed.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
#     description: Pod Security Standards, Baseline, SELinux
# custom:
#   id: selinux-options
#   severity: high
#   level: deny
#   profile: baseline
#   references:
#     - Kubernetes Pod Security Standards, Baseline profile (SELinux)
#     - CIS Docker Benchmark 5.2 (Ensure that, if applicable, SELinux security options are set)
#   remediation:
#     docker: >-
#       Remove `--security-opt label=disable` and any `label=type:`/`user:`/`role:` outside the container types.
#     compose: >-
#       Remove `label=disable` (or `label:disable`) from `security_opt`, and any label type outside the container
#       types, user or role.
#     kubernetes: >-
#       Remove `seLinuxOptions.user` and `.role`, and set `.type` only to `container_t`, `container_init_t`,
#       `container_kvm_t` or `container_engine_t` (or leave it unset).
package shipshape.rules.selinux_options

import data.shipshape.lib.model
import data.shipshape.lib.result

allowed_types := {"container_t", "container_init_t", "container_kvm_t", "container_engine_t"}

# The METADATA above, read once per evaluation and only when the rule has a finding.
annotations := result.rule_annotations(rego.metadata.chain())

findings := [result.finding(annotations, container, message, option.path) |
	some container in model.containers
	container.selinux != null
	some option in container.selinux
	some problem in problems(option)
	message := concat("", [result.subject(container), " ", problem])
]

problems(option) := [problem |
	some [broken, problem] in [
		[option.disabled, "turns SELinux separation off"],
		[
			disallowed_type(option.type),
			concat("", ["sets the SELinux type ", option_text(option.type), ", not a container type"]),
		],
		[option.user != null, concat("", ["sets the SELinux user ", option_text(option.user)])],
		[option.role != null, concat("", ["sets the SELinux role ", option_text(option.role)])],
	]
	broken
]

disallowed_type(type) if {
	type != null
	not type in allowed_types
}

else := false

option_text(value) := value if is_string(value)

else := ""

deny := result.messages(findings, "deny")

warn := result.messages(findings, "warn")
