# METADATA
# title: No host namespaces
# description: |
#   Sharing the host's network, PID, IPC, UTS, user or cgroup namespace removes the isolation that makes a
#   container a container: it can sniff host traffic, signal host processes or read their memory, or see and
#   change the host's cgroup tree. One finding per
#   shared namespace and container. Kubernetes user namespaces are opt-in (`hostUsers: false`), so the host
#   user namespace is not flagged there.
# related_resources:
#   - ref: https://www.cisecurity.org/benchmark/docker
#     description: CIS Docker Benchmark 5.9, 5.15, 5.16, 5.20, 5.30
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
#     description: Pod Security Standards, Baseline, Host Namespaces
# custom:
#   id: no-host-namespaces
#   severity: high
#   level: deny
#   profile: baseline
#   references:
#     - CIS Docker Benchmark 5.9, 5.15, 5.16, 5.20, 5.30 (host network, PID, IPC, UTS and user namespaces)
#     - Docker's --cgroupns=host (Compose `cgroup: host`), the host cgroup namespace
#     - Kubernetes Pod Security Standards, Baseline profile (Host Namespaces)
#   remediation:
#     docker: >-
#       Do not run with `--network host`, `--pid host`, `--ipc host`, `--uts host`, `--userns host` or
#       `--cgroupns host`.
#     compose: >-
#       Remove `network_mode: host`, `pid: host`, `ipc: host`, `uts: host`, `userns_mode: host` and `cgroup: host`.
#     kubernetes: >-
#       Remove `hostNetwork`, `hostPID` and `hostIPC` from the pod spec (or set them to false).
package shipshape.rules.no_host_namespaces

import data.shipshape.lib.model
import data.shipshape.lib.result

# The METADATA above, read once per evaluation and only when the rule has a finding.
annotations := result.rule_annotations(rego.metadata.chain())

findings := [result.finding(annotations, container, message, namespace.path) |
	some container in model.containers
	some namespace in container.host_namespaces
	message := concat("", [result.subject(container), " shares the host's ", namespace.name, " namespace"])
]

deny := result.messages(findings, "deny")

warn := result.messages(findings, "warn")
