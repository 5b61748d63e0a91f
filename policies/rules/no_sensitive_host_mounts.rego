# METADATA
# title: No sensitive host paths
# description: |
#   Mounting the host's root, `/etc`, `/proc`, `/sys`, `/boot`, `/dev`, `/root` or the container engine's
#   and kubelet's state lets a container read secrets, change the host's configuration or escape. A mount at
#   or under a listed path is a finding, and so is a mount of a directory that holds one (`/var` holds
#   `/var/lib/docker`); the list is the parameter `paths`. Paths are compared after cleaning (`//etc`,
#   `/tmp/../etc` are `/etc`).
# related_resources:
#   - ref: https://www.cisecurity.org/benchmark/docker
#     description: CIS Docker Benchmark 5.5
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
#     description: Pod Security Standards, Baseline, HostPath Volumes
# custom:
#   id: no-sensitive-host-mounts
#   severity: high
#   level: deny
#   profile: baseline
#   references:
#     - CIS Docker Benchmark 5.5 (Ensure sensitive host system directories are not mounted on containers)
#     - Kubernetes Pod Security Standards, Baseline profile (HostPath Volumes)
#   parameters:
#     paths:
#       description: Host paths that must not be mounted, nor anything under or above them; replaces the default list.
#       schema: {type: array, uniqueItems: true, items: {type: string, pattern: "^/"}}
#       default: [/, /etc, /proc, /sys, /boot, /dev, /root, /var/lib/docker, /var/lib/containerd, /var/lib/kubelet]
#   remediation:
#     docker: >-
#       Remove the bind mount; copy what the container needs into the image or a named volume.
#     compose: >-
#       Remove the bind mount from `volumes`; use a named volume or a config.
#     kubernetes: >-
#       Remove the hostPath volume; use a ConfigMap, Secret, emptyDir or PersistentVolumeClaim.
package shipshape.rules.no_sensitive_host_mounts

import data.shipshape.lib.host_paths
import data.shipshape.lib.model
import data.shipshape.lib.params
import data.shipshape.lib.result

# The parameters' defaults, as METADATA states them (a test holds the two together).
parameter_defaults := {"paths": [
	"/", "/etc", "/proc", "/sys", "/boot", "/dev", "/root",
	"/var/lib/docker", "/var/lib/containerd", "/var/lib/kubelet",
]}

sensitive_paths := params.param("no-sensitive-host-mounts", "paths", parameter_defaults.paths)

# The METADATA above, read once per evaluation and only when the rule has a finding.
annotations := result.rule_annotations(rego.metadata.chain())

findings := [result.finding(annotations, container, message, mount.path) |
	some container in model.containers
	some mount in container.host_mounts
	not host_paths.is_engine_socket(mount.source) # no-docker-socket reports those
	message := concat("", [result.subject(container), " mounts ", exposure(mount.source)])
]

# At or under any listed path, or above one: one finding per mount, however many listed paths it reaches.
# A mount's source is clean in every shape's model; each listed path is cleaned once per evaluation, not once
# per mount it is compared with, and the message names it as it is listed.
listed_paths := [{"listed": listed, "clean": host_paths.clean(listed)} | some listed in sensitive_paths]

exposure(source) := concat("", ["the host path ", source]) if {
	some listed in listed_paths
	host_paths.at_or_under(source, listed.clean)
} else := concat("", [source, ", which holds the sensitive host path ", held[0]]) if {
	held := [listed.listed | some listed in listed_paths; host_paths.holds(source, listed.clean)]
	count(held) > 0
}

deny := result.messages(findings, "deny")

warn := result.messages(findings, "warn")
