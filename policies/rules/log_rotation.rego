# METADATA
# title: Rotate container logs
# description: |
#   The default `json-file` log driver keeps everything a container prints until the disk is full. Set a
#   `max-size` (and `max-file`). The `local` driver rotates by default (100 MB per container), so it is not
#   flagged; other drivers ship logs elsewhere. A daemon-wide default in `daemon.json` is invisible to the file
#   and can be waived. Docker and Compose only.
# related_resources:
#   - ref: https://docs.docker.com/engine/logging/drivers/json-file/
#     description: Docker documentation, JSON File logging driver
# custom:
#   id: log-rotation
#   severity: low
#   level: warn
#   profile: restricted
#   references:
#     - Docker documentation, JSON File logging driver (max-size, max-file)
#   remediation:
#     docker: >-
#       Run with `--log-opt max-size=10m --log-opt max-file=3`, or set them in the daemon's `log-opts`.
#     compose: >-
#       Add `logging: {driver: json-file, options: {max-size: 10m, max-file: "3"}}` to the service.
package shipshape.rules.log_rotation

import data.shipshape.lib.model
import data.shipshape.lib.result

# The METADATA above, read once per evaluation and only when the rule has a finding.
annotations := result.rule_annotations(rego.metadata.chain())

findings := [result.finding(annotations, container, message, container.logging.path) |
	some container in model.containers
	container.logging.driver == "json-file"
	container.logging.rotates == false
	message := concat("", [result.subject(container), " logs with json-file and no max-size, so logs grow without bound"])
]

deny := result.messages(findings, "deny")

warn := result.messages(findings, "warn")
