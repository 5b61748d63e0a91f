# METADATA
# title: Limit the number of processes
# description: |
#   Without a PIDs limit one container can fork-bomb the host and starve every other container of process
#   slots. Docker and Compose only: Kubernetes sets PID limits per node (kubelet `podPidsLimit`), not in the
#   workload, so the rule does not apply there.
# related_resources:
#   - ref: https://www.cisecurity.org/benchmark/docker
#     description: CIS Docker Benchmark 5.28
# custom:
#   id: pids-limit
#   severity: low
#   level: warn
#   profile: restricted
#   references:
#     - CIS Docker Benchmark 5.28 (Ensure that the PIDs cgroup limit is used)
#   remediation:
#     docker: >-
#       Run with `--pids-limit 200` (a number that fits the application).
#     compose: >-
#       Set `pids_limit: 200` (or `deploy.resources.limits.pids`) on the service.
package shipshape.rules.pids_limit

import data.shipshape.lib.model
import data.shipshape.lib.result

# The METADATA above, read once per evaluation and only when the rule has a finding.
annotations := result.rule_annotations(rego.metadata.chain())

findings := [result.finding(annotations, container, message, container.pids_limit.path) |
	some container in model.containers
	container.pids_limit.set == false
	message := concat("", [result.subject(container), " has no PIDs limit"])
]

deny := result.messages(findings, "deny")

warn := result.messages(findings, "warn")
