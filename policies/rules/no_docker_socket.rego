# METADATA
# title: No container engine socket mounts
# description: |
#   A container that can reach the Docker, containerd or CRI-O socket can start a privileged container with
#   the host's root filesystem mounted: it owns the host. Mounting a directory that holds the socket
#   (`/var/run`, `/run`, `/`) reaches it as well, however the path is spelled (`//var/run/./docker.sock`).
# related_resources:
#   - ref: https://www.cisecurity.org/benchmark/docker
#     description: CIS Docker Benchmark 5.31
# custom:
#   id: no-docker-socket
#   severity: critical
#   level: deny
#   profile: baseline
#   references:
#     - CIS Docker Benchmark 5.31 (Ensure that the Docker socket is not mounted inside any containers)
#   remediation:
#     docker: >-
#       Remove the `-v /var/run/docker.sock:...` bind mount; use a narrowly scoped API proxy if you must.
#     compose: >-
#       Remove the socket from `volumes`.
#     kubernetes: >-
#       Remove the hostPath volume of the socket; use the Kubernetes API with a scoped service account instead.
package shipshape.rules.no_docker_socket

import data.shipshape.lib.host_paths
import data.shipshape.lib.model
import data.shipshape.lib.result

# The METADATA above, read once per evaluation and only when the rule has a finding.
annotations := result.rule_annotations(rego.metadata.chain())

findings := [result.finding(annotations, container, message, mount.path) |
	some container in model.containers
	some mount in container.host_mounts
	socket := host_paths.engine_socket_reached(mount.source)
	message := concat("", [result.subject(container), " mounts ", reach(mount.source, socket)])
]

reach(source, socket) := concat("", ["the container engine socket ", socket]) if source == socket

else := concat("", [source, ", which holds the container engine socket ", socket])

deny := result.messages(findings, "deny")

warn := result.messages(findings, "warn")
