# METADATA
# title: docker inspect
# description: |
#   Turns `docker inspect` output into container records: the CLI's JSON array or the Engine API's single
#   object, for containers (Config + HostConfig) and images (RepoTags/RootFS + Config, no HostConfig).
#   Images carry only image-level facts: user, health check and tag. Output of `docker inspect a b` may mix
#   containers and images with networks or volumes: each element is judged on its own, and elements that are
#   neither containers nor images have no containers to judge. This library is the structure; every fact of
#   one container or image is docker_container's.
package shipshape.lib.docker

import data.shipshape.lib.docker_container
import data.shipshape.lib.security_options
import data.shipshape.lib.users
import data.shipshape.lib.values
import data.shipshape.lib.waivers

is_document([])

is_document(doc) if {
	is_array(doc)
	every entry in doc {
		is_object(entry)
	}
	some entry in doc
	_is_inspect_object(entry)
}

is_document(doc) if _is_inspect_object(doc)

_is_inspect_object(x) if _is_container(x)

_is_inspect_object(x) if _is_image(x)

_is_container(x) if {
	is_object(x.Config)
	is_object(x.HostConfig)
}

_is_image(x) if {
	is_object(x.Config)
	not x.HostConfig
	_image_marker(x)
}

_image_marker(x) if x.RepoTags

_image_marker(x) if x.RootFS

containers(doc) := [_inspect_record(entry, [i]) | some i, entry in doc; _is_inspect_object(entry)] if {
	is_array(doc)
} else := [_inspect_record(doc, [])]

_inspect_record(x, path) := _container_record(x, path) if _is_container(x)

_inspect_record(x, path) := _image_record(x, path) if _is_image(x)

_container_record(x, path) := {
	"shape": "docker",
	"kind": "container",
	"owner": name,
	"namespace": null,
	"object": concat("", ["container ", name]),
	"name": trim_prefix(name, "/"),
	"role": "container",
	"path": path,
	"image": docker_container.image(x.Config, path),
	"user": users.fact(object.get(x.Config, "User", null), array.concat(path, ["Config", "User"])),
	"health_checks": [docker_container.health_check(x.Config, path)],
	"limits": docker_container.limits(host, path),
	"read_only_root_fs": docker_container.read_only_root_fs(host, path),
	"waiver": waivers.docker(x.Config, path),
	"privileged": docker_container.privileged(host, path),
	"privilege_escalation": security_options.privilege_escalation(options, options_path),
	"capabilities": docker_container.added_and_dropped(host, path),
	"host_namespaces": docker_container.host_namespaces(host, path),
	"host_mounts": docker_container.host_mounts(x, path),
	"devices": docker_container.devices(host, path),
	"env": docker_container.env(x.Config, path),
	"seccomp": security_options.seccomp(options, options_path),
	"pids_limit": docker_container.pids_limit(host, path),
	"init": docker_container.init(host, path),
	"logging": docker_container.logging(values.object_at(host, "LogConfig"), path),
	"ports": docker_container.ports_of(x.Config, host, path),
	"requests": null,
	"build": null,
	"host_ports": null,
	"sysctls": docker_container.sysctls(host, path),
	"apparmor": security_options.apparmor(options, options_path),
	"selinux": security_options.selinux(options, options_path),
	"proc_mount": security_options.proc_mount(options, options_path),
	"host_process": null,
	"volumes": null,
} if {
	name := _container_name(x)
	host := x.HostConfig
	options := object.get(host, "SecurityOpt", [])
	options_path := array.concat(path, ["HostConfig", "SecurityOpt"])
}

# An image is the content itself: nothing about how it runs (privilege, mounts, limits) applies.
_image_record(x, path) := {
	"shape": "docker",
	"kind": "image",
	"owner": name,
	"namespace": null,
	"object": concat("", ["image ", name]),
	"name": name,
	"role": "image",
	"path": path,
	"image": docker_container.image_reference(x, path),
	"user": users.fact(object.get(x.Config, "User", null), array.concat(path, ["Config", "User"])),
	"health_checks": [docker_container.health_check(x.Config, path)],
	"limits": null,
	"read_only_root_fs": null,
	"waiver": waivers.docker(x.Config, path),
	"privileged": null,
	"privilege_escalation": null,
	"capabilities": null,
	"host_namespaces": [],
	"host_mounts": [],
	"devices": null,
	"env": docker_container.env(x.Config, path),
	"seccomp": null,
	"pids_limit": null,
	"init": null,
	"logging": null,
	"ports": docker_container.exposed_ports(x.Config, path),
	"requests": null,
	"build": null,
	"host_ports": null,
	"sysctls": null,
	"apparmor": null,
	"selinux": null,
	"proc_mount": null,
	"host_process": null,
	"volumes": null,
} if {
	name := _image_name(x)
}

_container_name(x) := x.Name if is_string(x.Name)

else := x.Id if is_string(x.Id)

else := "(unnamed)"

_image_name(x) := x.RepoTags[0] if {
	is_string(x.RepoTags[0])
} else := x.Id if {
	is_string(x.Id)
} else := "(unnamed)"
