# METADATA
# title: Only safe sysctls
# description: |
#   Kernel parameters a container sets can weaken isolation or the node's stability. The Pod Security
#   Standards' baseline profile allows only the "safe" set: `kernel.shm_rmid_forced`,
#   `net.ipv4.ip_local_port_range`, `net.ipv4.ip_unprivileged_port_start`, `net.ipv4.tcp_syncookies`,
#   `net.ipv4.ping_group_range`, `net.ipv4.ip_local_reserved_ports`, `net.ipv4.tcp_keepalive_time`,
#   `net.ipv4.tcp_fin_timeout`, `net.ipv4.tcp_keepalive_intvl` and `net.ipv4.tcp_keepalive_probes`. The same
#   set is judged for Docker (`--sysctl`) and Compose (`sysctls`); the parameter `allowed` adds names a team has
#   reviewed.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
#     description: Pod Security Standards, Baseline, Sysctls
# custom:
#   id: safe-sysctls
#   severity: medium
#   level: deny
#   profile: baseline
#   parameters:
#     allowed:
#       description: Sysctl names allowed beside the Pod Security Standards' safe set.
#       schema: {type: array, uniqueItems: true, items: {type: string, minLength: 1}}
#       default: []
#   references:
#     - Kubernetes Pod Security Standards, Baseline profile (Sysctls)
#     - Kubernetes documentation, Using sysctls in a Kubernetes Cluster (safe and unsafe sysctls)
#   remediation:
#     docker: >-
#       Remove the `--sysctl` setting, or tune the parameter on the host if the workload really needs it.
#     compose: >-
#       Remove the entry from `sysctls`, or tune the parameter on the host if the workload really needs it.
#     kubernetes: >-
#       Remove the sysctl from `securityContext.sysctls`, or set it on nodes dedicated to the workload (a
#       tainted node pool) and list it in the rule's `allowed` parameter.
package shipshape.rules.safe_sysctls

import data.shipshape.lib.model
import data.shipshape.lib.params
import data.shipshape.lib.result

# The parameters' defaults, as METADATA states them (a test holds the two together).
parameter_defaults := {"allowed": []}

safe := {
	"kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.ip_unprivileged_port_start",
	"net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range", "net.ipv4.ip_local_reserved_ports",
	"net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl",
	"net.ipv4.tcp_keepalive_probes",
}

allowed := params.param("safe-sysctls", "allowed", parameter_defaults.allowed)

# The METADATA above, read once per evaluation and only when the rule has a finding.
annotations := result.rule_annotations(rego.metadata.chain())

findings := [result.finding(annotations, container, message, sysctl.path) |
	some container in model.containers
	container.sysctls != null
	some sysctl in container.sysctls
	not sysctl.name in safe
	not sysctl.name in allowed
	message := concat("", [result.subject(container), " sets the sysctl ", sysctl.name, ", outside the safe set"])
]

deny := result.messages(findings, "deny")

warn := result.messages(findings, "warn")
