# METADATA
# title: Container model
# description: |
#   Every input shape normalised into one list of container records. Rules read only `containers`;
#   a new shape (a Dockerfile, say) is a new library that yields the same records, and no rule changes.
#
#   A record holds exactly the keys of `fields` (a test holds every shape to it):
#   - shape: kubernetes | compose | docker | dockerfile
#   - kind: the owner's kind (Deployment, compose service, container, image, ...)
#   - object: how the owner is named in messages (Deployment/web, service web, container /web)
#   - owner, name: owner name and container name; namespace: the owner's Kubernetes namespace, or null
#   - role: container | init | sidecar | ephemeral | service | image | build (a Dockerfile stage that only builds)
#     | pod (a Kubernetes pod spec with no containers: its pod-level facts only)
#   - path: where the container stands in the document (a list of keys and indexes)
#   - image: {ref, path}, or null when there is no image to judge (a Compose service that only builds)
#   - user: {may_be_root, claim, reason, path}: claim is how a finding puts it ("may run as root", or in
#     Kubernetes under the restricted profile "does not require a non-root user")
#   - health_checks: the checks a long-running container needs, each {name, configured, path}; [] when exempt
#   - limits: {memory: {set, path}, cpu: {set, path}}, or null where limits cannot be expressed
#   - read_only_root_fs: {enabled, path}, or null where it cannot be expressed
#   - waiver: the in-place waiver written into the workload, {rules, reason} (rules empty when none)
#   More facts of the container (each shape's *_container library); null where the shape cannot express them:
#   - privileged: {enabled, path}; privilege_escalation: {blocked, path}
#   - capabilities: {add, drop, add_path, drop_path}, names upper case without CAP_
#   - host_namespaces: [{name, path}] shared with the host; host_mounts: [{source, path}] bind/hostPath sources,
#     cleaned (host_paths.clean); devices: [{source, path}] host devices mapped in (null in Kubernetes, which
#     maps none: a hostPath under /dev is a host mount)
#   - env: [{name, literal, secret_kind, path}]: literal is true for a non-empty value that is not a reference;
#     secret_kind names what a literal value is by its format ("a private key", ...) or is null (never the value)
#   - seccomp: {profile: confined | unconfined | unset, path}
#   - pids_limit: {set, path}; init: {enabled, path}; logging: {driver, rotates, path}
#   - ports: [{port, path}] exposed or published container ports
#   - requests: {memory: {set, path}, cpu: {set, path}}
#   - build: what building the image does (dockerfile_build.facts), or null: only a Dockerfile's target says it
#   Pod Security Standards controls (null where the shape cannot express them):
#   - host_ports: [{port, path}] node ports bound (Kubernetes hostPort; Docker's published ports are the
#     normal way to expose a service, not this control)
#   - sysctls: [{name, path}]; apparmor: {profile, confined, path}; selinux: [{disabled, type, user, role, path}] the
#     SELinux settings that apply; proc_mount: {unmasked, path}; host_process: {enabled, path} (Windows)
#   - volumes: [{name, type, path}] the pod's volumes by type (Kubernetes only: Docker and Compose mount
#     binds, named volumes and tmpfs, which the host-mount rules judge)
#   A quantity (limits, requests) is `set` when its amount is above zero (values.quantity_set), in every shape.
#   Each path points at the field a fix would touch; the harness falls back to the nearest existing ancestor.
package shipshape.lib.model

import data.shipshape.lib.compose
import data.shipshape.lib.docker
import data.shipshape.lib.dockerfile
import data.shipshape.lib.kubernetes

# The contract every shape's records keep: a rule can rely on each key being there (null where the shape
# cannot express the fact), so no shape can make a rule silently stop firing by leaving a key out.
fields := {
	"shape", "kind", "owner", "namespace", "object", "name", "role", "path",
	"image", "user", "health_checks", "limits", "read_only_root_fs", "waiver",
	"privileged", "privilege_escalation", "capabilities", "host_namespaces", "host_mounts", "devices",
	"env", "seccomp", "pids_limit", "init", "logging", "ports", "requests", "build",
	"host_ports", "sysctls", "apparmor", "selinux", "proc_mount", "host_process", "volumes",
}

# The shape of the input document; undefined when no shape recognises it (the document is skipped).
# The harness may force one (`--input-type`) through data.shipshape.input_type: the document is then read as
# that shape if it has that shape's outline, and is skipped otherwise, never read as something it is not.
shape := data.shipshape.input_type if {
	data.shipshape.input_type in shapes
	outline(data.shipshape.input_type, input)
} else := null if {
	data.shipshape.input_type in shapes
} else := "kubernetes" if {
	kubernetes.is_document(input)
} else := "compose" if {
	compose.is_document(input)
} else := "docker" if {
	docker.is_document(input)
} else := "dockerfile" if {
	dockerfile.is_document(input)
}

shapes := {"kubernetes", "compose", "docker", "dockerfile"}

outline("kubernetes", doc) if kubernetes.is_document(doc)

# A forced Compose reading also takes a file that has an apiVersion beside its services.
outline("compose", doc) if {
	is_object(doc)
	compose.is_services(object.get(doc, "services", false))
}

outline("docker", doc) if docker.is_document(doc)

outline("dockerfile", doc) if dockerfile.is_document(doc)

default containers := []

containers := kubernetes.containers(input) if {
	shape == "kubernetes"
} else := compose.containers(input) if {
	shape == "compose"
} else := docker.containers(input) if {
	shape == "docker"
} else := dockerfile.containers(input) if {
	shape == "dockerfile"
}
