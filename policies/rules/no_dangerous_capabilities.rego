# METADATA
# title: No dangerous added capabilities
# description: |
#   Added capabilities beyond the runtime's default set (`SYS_ADMIN`, `NET_ADMIN`, `SYS_PTRACE`,
#   `SYS_MODULE`, `DAC_READ_SEARCH`, `BPF`, `ALL`, ...) hand the container powers over the host kernel. One
#   finding per added capability outside the allowed list (parameter `allowed`, by default the Pod Security
#   "baseline" list: Docker's default set without NET_RAW, which allows packet spoofing).
# related_resources:
#   - ref: https://www.cisecurity.org/benchmark/docker
#     description: CIS Docker Benchmark 5.3
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
#     description: Pod Security Standards, Baseline, Capabilities
# custom:
#   id: no-dangerous-capabilities
#   severity: high
#   level: deny
#   profile: baseline
#   references:
#     - CIS Docker Benchmark 5.3 (Ensure that Linux kernel capabilities are restricted within containers)
#     - Kubernetes Pod Security Standards, Baseline profile (Capabilities)
#   parameters:
#     allowed:
#       description: Capabilities that may be added (with or without the CAP_ prefix); replaces the default list.
#       schema: {type: array, uniqueItems: true, items: {type: string, pattern: "^[A-Za-z_]+$"}}
#       default: [AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID,
#         SETPCAP, SETUID, SYS_CHROOT]
#   remediation:
#     docker: >-
#       Remove the capability from `--cap-add`; find the narrower one the application needs.
#     compose: >-
#       Remove the capability from `cap_add`.
#     kubernetes: >-
#       Remove the capability from `securityContext.capabilities.add`.
package shipshape.rules.no_dangerous_capabilities

import data.shipshape.lib.capabilities
import data.shipshape.lib.model
import data.shipshape.lib.params
import data.shipshape.lib.result

# The parameters' defaults, as METADATA states them (a test holds the two together).
parameter_defaults := {"allowed": [
	"AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD",
	"NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
]}

allowed contains capabilities.normalise(name) if {
	some name in params.param("no-dangerous-capabilities", "allowed", parameter_defaults.allowed)
}

# The METADATA above, read once per evaluation and only when the rule has a finding.
annotations := result.rule_annotations(rego.metadata.chain())

findings := [result.finding(annotations, container, message, container.capabilities.add_path) |
	some container in model.containers
	container.capabilities != null
	some capability in {name | some name in container.capabilities.add} # once, however often it is listed
	not capability in allowed
	message := concat("", [result.subject(container), " adds the capability ", capability])
]

deny := result.messages(findings, "deny")

warn := result.messages(findings, "warn")
