# METADATA
# title: /proc stays masked
# description: |
#   The runtime masks parts of /proc and /sys (kcore, keys, timer lists, firmware, ...) that leak host
#   information or let a process tamper with the kernel. The Pod Security Standards' baseline profile requires
#   the default `procMount`; `Unmasked` fails. Docker and Compose unmask the same paths with
#   `systempaths=unconfined`.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
#     description: Pod Security Standards, Baseline, /proc Mount Type
# custom:
#   id: no-unmasked-proc
#   severity: high
#   level: deny
#   profile: baseline
#   references:
#     - Kubernetes Pod Security Standards, Baseline profile (/proc Mount Type)
#   remediation:
#     docker: >-
#       Remove `--security-opt systempaths=unconfined`.
#     compose: >-
#       Remove `systempaths=unconfined` from `security_opt`.
#     kubernetes: >-
#       Remove `securityContext.procMount: Unmasked` (or set it to `Default`).
package shipshape.rules.no_unmasked_proc

import data.shipshape.lib.model
import data.shipshape.lib.result

# The METADATA above, read once per evaluation and only when the rule has a finding.
annotations := result.rule_annotations(rego.metadata.chain())

findings := [result.finding(annotations, container, message, container.proc_mount.path) |
	some container in model.containers
	container.proc_mount != null
	container.proc_mount.unmasked
	message := concat("", [result.subject(container), " unmasks /proc (the runtime's masked paths are visible)"])
]

deny := result.messages(findings, "deny")

warn := result.messages(findings, "warn")
