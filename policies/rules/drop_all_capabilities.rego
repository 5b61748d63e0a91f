# METADATA
# title: Drop all capabilities
# description: |
#   Containers start with a default set of Linux capabilities (CHOWN, SETUID, NET_RAW, ...) that most
#   applications never use and attackers do. Drop them all and add back only what the application needs.
#   Kubernetes sets capabilities per container only; there is no pod-level setting to inherit. Dropping every
#   capability of the runtime's default set one by one (CHOWN, DAC_OVERRIDE, FSETID, FOWNER, MKNOD, NET_RAW,
#   SETGID, SETUID, SETFCAP, SETPCAP, NET_BIND_SERVICE, SYS_CHROOT, KILL, AUDIT_WRITE) leaves the same nothing
#   as `ALL` and passes, as Polaris accepts; `ALL` says it in one word and survives a runtime whose default set
#   grows.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
#     description: Pod Security Standards, Restricted, Capabilities
#   - ref: https://www.cisecurity.org/benchmark/docker
#     description: CIS Docker Benchmark 5.3
# custom:
#   id: drop-all-capabilities
#   severity: medium
#   level: warn
#   profile: restricted
#   references:
#     - Kubernetes Pod Security Standards, Restricted profile (Capabilities)
#     - CIS Docker Benchmark 5.3 (Ensure that Linux kernel capabilities are restricted within containers)
#   remediation:
#     docker: >-
#       Run with `--cap-drop ALL` (and `--cap-add` for the few the application needs).
#     compose: >-
#       Add `cap_drop: [ALL]` to the service (and `cap_add` for what it needs).
#     kubernetes: >-
#       Set `securityContext.capabilities.drop: ["ALL"]` on every container.
package shipshape.rules.drop_all_capabilities

import data.shipshape.lib.capabilities
import data.shipshape.lib.model
import data.shipshape.lib.result

# The METADATA above, read once per evaluation and only when the rule has a finding.
annotations := result.rule_annotations(rego.metadata.chain())

findings := [result.finding(annotations, container, message, container.capabilities.drop_path) |
	some container in model.containers
	container.capabilities != null
	not capabilities.drops_all(container.capabilities.drop)
	message := concat("", [result.subject(container), " does not drop all capabilities"])
]

deny := result.messages(findings, "deny")

warn := result.messages(findings, "warn")
