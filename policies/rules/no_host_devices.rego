# METADATA
# title: No host devices
# description: |
#   A host device mapped into a container (`--device`, Compose `devices:`) gives it the raw device: a disk
#   (`/dev/sda`) can be mounted and its files rewritten, `/dev/mem` or `/dev/kmsg` read, with no privilege
#   flag in sight. Map only the devices a workload truly needs (a GPU, `/dev/fuse`) and list them in the
#   `allowed` parameter. The devices runc gives every container anyway (`/dev/null`, `/dev/zero`, `/dev/full`,
#   `/dev/random`, `/dev/urandom`, `/dev/tty`, `/dev/console`, `/dev/ptmx`) are allowed by default. Kubernetes
#   maps no devices this way (a hostPath under `/dev` is a host mount, which
#   `no-sensitive-host-mounts` reports).
# related_resources:
#   - ref: https://www.cisecurity.org/benchmark/docker
#     description: CIS Docker Benchmark 5.17
# custom:
#   id: no-host-devices
#   severity: high
#   level: deny
#   profile: baseline
#   references:
#     - CIS Docker Benchmark 5.17 (Ensure that host devices are not directly exposed to containers)
#   parameters:
#     allowed:
#       description: Host device paths that may be mapped (exact paths, such as /dev/fuse); replaces the default list.
#       schema: {type: array, uniqueItems: true, items: {type: string, pattern: "^/"}}
#       default: [/dev/null, /dev/zero, /dev/full, /dev/random, /dev/urandom, /dev/tty, /dev/console, /dev/ptmx]
#   remediation:
#     docker: >-
#       Remove `--device`; if the workload needs one device, allow it explicitly in the `allowed` parameter.
#     compose: >-
#       Remove the entry from `devices`; if the service needs it, allow it in the `allowed` parameter.
package shipshape.rules.no_host_devices

import data.shipshape.lib.model
import data.shipshape.lib.params
import data.shipshape.lib.result

# The parameters' defaults, as METADATA states them (a test holds the two together). Every container has
# these devices already (runc's default device rules), so mapping one exposes nothing new.
parameter_defaults := {"allowed": [
	"/dev/null", "/dev/zero", "/dev/full", "/dev/random", "/dev/urandom",
	"/dev/tty", "/dev/console", "/dev/ptmx",
]}

allowed := params.param("no-host-devices", "allowed", parameter_defaults.allowed)

# The METADATA above, read once per evaluation and only when the rule has a finding.
annotations := result.rule_annotations(rego.metadata.chain())

findings := [result.finding(annotations, container, message, device.path) |
	some container in model.containers
	some device in object.get(container, "devices", null)
	not device.source in allowed
	message := concat("", [result.subject(container), " maps the host device ", device.source])
]

deny := result.messages(findings, "deny")

warn := result.messages(findings, "warn")
