# METADATA
# title: Root filesystem must be read-only
# description: |
#   A writable root filesystem lets an attacker drop tools and persist changes, and hides state in a layer
#   nobody backs up. Mount the root filesystem read-only and give the application explicit writable volumes
#   (tmpfs or emptyDir) for the paths it needs. Images are not checked: this is a run-time setting.
# related_resources:
#   - ref: https://www.cisecurity.org/benchmark/docker
#     description: CIS Docker Benchmark 5.12
# custom:
#   id: read-only-rootfs
#   severity: medium
#   level: deny
#   profile: restricted
#   references:
#     - CIS Docker Benchmark 5.12 (Ensure that the container's root filesystem is mounted as read only)
#   remediation:
#     docker: >-
#       Run with `--read-only`, plus `--tmpfs /tmp` for scratch space.
#     compose: >-
#       Set `read_only: true` on the service and add `tmpfs:` entries for scratch paths.
#     kubernetes: >-
#       Set `securityContext.readOnlyRootFilesystem: true` on the container; mount emptyDir volumes where it writes.
package shipshape.rules.read_only_rootfs

import data.shipshape.lib.model
import data.shipshape.lib.result

# The METADATA above, read once per evaluation and only when the rule has a finding.
annotations := result.rule_annotations(rego.metadata.chain())

findings := [result.finding(annotations, container, message, container.read_only_root_fs.path) |
	some container in model.containers
	container.read_only_root_fs != null
	not container.read_only_root_fs.enabled
	message := concat("", [result.subject(container), " has a writable root filesystem"])
]

deny := result.messages(findings, "deny")

warn := result.messages(findings, "warn")
