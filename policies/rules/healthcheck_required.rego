# METADATA
# title: Long-running containers need a health check
# description: |
#   Without a health check, a container that hangs or deadlocks looks healthy: nothing restarts it and load
#   balancers keep sending it traffic. Docker and Compose need a working HEALTHCHECK; Kubernetes workloads
#   need both a livenessProbe (restart when stuck) and a readinessProbe (no traffic until ready), one finding
#   per missing probe. Jobs, CronJobs, one-shot Pods (`restartPolicy: Never` or `OnFailure`, such as Helm test
#   hooks), ordinary init containers and ephemeral containers are exempt; native
#   sidecars (init containers with `restartPolicy: Always`) are not.
# related_resources:
#   - ref: https://www.cisecurity.org/benchmark/docker
#     description: CIS Docker Benchmark 4.6
# custom:
#   id: healthcheck-required
#   severity: medium
#   level: deny
#   profile: restricted
#   references:
#     - CIS Docker Benchmark 4.6 (Ensure that HEALTHCHECK instructions have been added to container images)
#   remediation:
#     docker: >-
#       Add a `HEALTHCHECK CMD ...` to the image or run with `--health-cmd`; do not pass `--no-healthcheck`.
#     compose: >-
#       Add `healthcheck:` with a `test:` to the service; remove `disable: true` and `test: ["NONE"]`.
#     kubernetes: >-
#       Add a `livenessProbe` and a `readinessProbe` (httpGet, tcpSocket, grpc or exec) to the container.
#     dockerfile: >-
#       Add `HEALTHCHECK CMD ["/app/healthcheck"]` to the final stage (exec form, a probe the image ships), and
#       do not end with `HEALTHCHECK NONE`.
package shipshape.rules.healthcheck_required

import data.shipshape.lib.model
import data.shipshape.lib.result

# The METADATA above, read once per evaluation and only when the rule has a finding.
annotations := result.rule_annotations(rego.metadata.chain())

findings := [result.finding(annotations, container, message, check.path) |
	some container in model.containers
	some check in container.health_checks
	not check.configured
	message := concat("", [result.subject(container), " has no working ", check.name])
]

deny := result.messages(findings, "deny")

warn := result.messages(findings, "warn")
