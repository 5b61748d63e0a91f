# METADATA
# title: Run an init process
# description: |
#   The first process in a container is PID 1: it must forward signals and reap zombies, which most
#   applications do not. Docker's `--init` (tini) does both, so `docker stop` stops the container promptly
#   and no zombie processes pile up. Docker and Compose only; in Kubernetes use an init in the image or
#   `shareProcessNamespace`, which this rule does not judge.
# related_resources:
#   - ref: https://docs.docker.com/reference/cli/docker/container/run/#init
#     description: Docker documentation, docker run --init
# custom:
#   id: init-process
#   severity: low
#   level: warn
#   profile: restricted
#   remediation:
#     docker: >-
#       Run with `--init`, or use an init (tini, dumb-init) as the image's entrypoint.
#     compose: >-
#       Set `init: true` on the service.
package shipshape.rules.init_process

import data.shipshape.lib.model
import data.shipshape.lib.result

# The METADATA above, read once per evaluation and only when the rule has a finding.
annotations := result.rule_annotations(rego.metadata.chain())

findings := [result.finding(annotations, container, message, container.init.path) |
	some container in model.containers
	container.init.enabled == false
	message := concat("", [result.subject(container), " runs without an init process"])
]

deny := result.messages(findings, "deny")

warn := result.messages(findings, "warn")
