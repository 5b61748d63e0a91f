# METADATA
# title: docker inspect
# description: |
#   Turns `docker inspect` output into container records: the CLI's JSON array or the Engine API's single
#   object, for containers (Config + HostConfig) and images (RepoTags/RootFS + Config, no HostConfig).
#   Images carry only image-level facts: user, health check and tag. Output of `docker inspect a b` may mix
#   containers and images with networks or volumes: each element is judged on its own, and elements that are
#   neither containers nor images have no containers to judge.
package shipshape.lib.docker

import data.shipshape.lib.docker_hardening
import data.shipshape.lib.image_ref
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
	is_inspect_object(entry)
}

is_document(doc) if is_inspect_object(doc)

is_inspect_object(x) if is_container(x)

is_inspect_object(x) if is_image(x)

is_container(x) if {
	is_object(x.Config)
	is_object(x.HostConfig)
}

is_image(x) if {
	is_object(x.Config)
	not x.HostConfig
	image_marker(x)
}

image_marker(x) if x.RepoTags

image_marker(x) if x.RootFS

containers(doc) := [inspect_record(entry, [i]) | some i, entry in doc; is_inspect_object(entry)] if {
	is_array(doc)
} else := [inspect_record(doc, [])]

inspect_record(x, path) := container_record(x, path) if is_container(x)

inspect_record(x, path) := image_record(x, path) if is_image(x)

container_record(x, path) := {
	"shape": "docker",
	"kind": "container",
	"owner": name,
	"namespace": null,
	"object": concat("", ["container ", name]),
	"name": trim_prefix(name, "/"),
	"role": "container",
	"path": path,
	"image": image_of(x.Config, path),
	"user": user_of(x.Config, path),
	"health_checks": [health_check(x.Config, path)],
	"limits": {
		"memory": {"set": positive(host, "Memory"), "path": array.concat(path, ["HostConfig", "Memory"])},
		"cpu": {"set": cpu_limited(host), "path": array.concat(path, ["HostConfig", "NanoCpus"])},
	},
	"read_only_root_fs": {
		"enabled": object.get(host, "ReadonlyRootfs", false) == true,
		"path": array.concat(path, ["HostConfig", "ReadonlyRootfs"]),
	},
	"waiver": waivers.docker(x.Config, path),
	"privileged": docker_hardening.privileged(host, path),
	"privilege_escalation": docker_hardening.privilege_escalation(options, options_path),
	"capabilities": docker_hardening.added_and_dropped(host, path),
	"host_namespaces": docker_hardening.host_namespaces(host, path),
	"host_mounts": docker_hardening.host_mounts(x, path),
	"devices": docker_hardening.devices(host, path),
	"env": docker_hardening.env(x.Config, path),
	"seccomp": docker_hardening.seccomp(options, options_path),
	"pids_limit": docker_hardening.pids_limit(host, path),
	"init": docker_hardening.init(host, path),
	"logging": docker_hardening.logging(values.object_at(host, "LogConfig"), path),
	"ports": docker_hardening.ports_of(x.Config, host, path),
	"requests": null,
} if {
	name := container_name(x)
	host := x.HostConfig
	options := object.get(host, "SecurityOpt", [])
	options_path := array.concat(path, ["HostConfig", "SecurityOpt"])
}

# An image is the content itself: nothing about how it runs (privilege, mounts, limits) applies.
image_record(x, path) := {
	"shape": "docker",
	"kind": "image",
	"owner": name,
	"namespace": null,
	"object": concat("", ["image ", name]),
	"name": name,
	"role": "image",
	"path": path,
	"image": image_reference(x, path),
	"user": user_of(x.Config, path),
	"health_checks": [health_check(x.Config, path)],
	"limits": null,
	"read_only_root_fs": null,
	"waiver": waivers.docker(x.Config, path),
	"privileged": null,
	"privilege_escalation": null,
	"capabilities": null,
	"host_namespaces": [],
	"host_mounts": [],
	"devices": null,
	"env": docker_hardening.env(x.Config, path),
	"seccomp": null,
	"pids_limit": null,
	"init": null,
	"logging": null,
	"ports": docker_hardening.exposed_ports(x.Config, path),
	"requests": null,
} if {
	name := image_name(x)
}

container_name(x) := x.Name if is_string(x.Name)

else := x.Id if is_string(x.Id)

else := "(unnamed)"

image_name(x) := x.RepoTags[0] if {
	is_string(x.RepoTags[0])
} else := x.Id if {
	is_string(x.Id)
} else := "(unnamed)"

image_of(config, path) := {"ref": config.Image, "path": array.concat(path, ["Config", "Image"])} if {
	is_string(config.Image)
	config.Image != ""
} else := null

# The reference that best describes an image: a tag other than latest if it has one (an image tagged both
# 1.2 and latest is pinned by 1.2), else its first tag, else its digest, else its ID.
image_reference(x, path) := pinned[0] if {
	pinned := [{"ref": tag, "path": array.concat(path, ["RepoTags", i])} |
		some i, tag in x.RepoTags
		is_string(tag)
		not image_ref.unpinned_reason(tag)
	]
	count(pinned) > 0
} else := {"ref": x.RepoTags[0], "path": array.concat(path, ["RepoTags", 0])} if {
	is_string(x.RepoTags[0])
} else := {"ref": x.RepoDigests[0], "path": array.concat(path, ["RepoDigests", 0])} if {
	is_string(x.RepoDigests[0])
} else := {"ref": x.Id, "path": array.concat(path, ["Id"])} if {
	is_string(x.Id)
} else := null

user_of(config, path) := {"may_be_root": true, "reason": reason, "path": array.concat(path, ["Config", "User"])} if {
	reason := users.root_reason(object.get(config, "User", null))
} else := {"may_be_root": false, "reason": "a non-root user is set", "path": array.concat(path, ["Config", "User"])}

# `Test: ["NONE", ...]` disables a health check inherited from the image (Docker reads only the first word);
# an empty Test means none is set.
health_check(config, path) := check(false, array.concat(path, ["Config", "Healthcheck", "Test"])) if {
	config.Healthcheck.Test[0] == "NONE"
} else := check(true, array.concat(path, ["Config", "Healthcheck"])) if {
	count(config.Healthcheck.Test) > 0
} else := check(false, array.concat(path, ["Config", "Healthcheck"]))

check(configured, path) := {"name": "healthcheck", "configured": configured, "path": path}

positive(fields, key) if fields[key] > 0

else := false

# NanoCpus (--cpus) or a CFS quota (--cpu-quota) limits CPU time; CpuQuota -1 or 0 means unlimited.
cpu_limited(host_config) if {
	positive(host_config, "NanoCpus")
} else := positive(host_config, "CpuQuota")
