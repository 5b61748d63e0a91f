# METADATA
# title: docker inspect
# description: |
#   Turns `docker inspect` output into container records: the CLI's JSON array or the Engine API's single
#   object, for containers (Config + HostConfig) and images (RepoTags/RootFS + Config, no HostConfig).
#   Images carry only image-level facts: user, health check and tag.
package shipshape.lib.docker

import data.shipshape.lib.docker_hardening
import data.shipshape.lib.image_ref
import data.shipshape.lib.users
import data.shipshape.lib.waivers

is_document(doc) if {
	is_array(doc)
	every entry in doc {
		is_inspect_object(entry)
	}
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

containers(doc) := [inspect_record(entry, [i]) | some i, entry in doc] if {
	is_array(doc)
} else := [inspect_record(doc, [])]

inspect_record(x, path) := container_record(x, path) if is_container(x)

inspect_record(x, path) := image_record(x, path) if is_image(x)

container_record(x, path) := object.union(
	{
		"shape": "docker",
		"kind": "container",
		"owner": name,
		"object": concat("", ["container ", name]),
		"name": trim_prefix(name, "/"),
		"role": "container",
		"path": path,
		"image": image_of(x.Config, path),
		"user": user_of(x.Config, path),
		"health_checks": [health_check(x.Config, path)],
		"limits": {
			"memory": {"set": positive(x.HostConfig, "Memory"), "path": array.concat(path, ["HostConfig", "Memory"])},
			"cpu": {"set": cpu_limited(x.HostConfig), "path": array.concat(path, ["HostConfig", "NanoCpus"])},
		},
		"read_only_root_fs": {
			"enabled": object.get(x.HostConfig, "ReadonlyRootfs", false) == true,
			"path": array.concat(path, ["HostConfig", "ReadonlyRootfs"]),
		},
		"waiver": waivers.docker(x.Config),
	},
	docker_hardening.container_facts(x, path),
) if {
	name := container_name(x)
}

image_record(x, path) := object.union(
	{
		"shape": "docker",
		"kind": "image",
		"owner": name,
		"object": concat("", ["image ", name]),
		"name": name,
		"role": "image",
		"path": path,
		"image": image_reference(x, path),
		"user": user_of(x.Config, path),
		"health_checks": [health_check(x.Config, path)],
		"limits": null,
		"read_only_root_fs": null,
		"waiver": waivers.docker(x.Config),
	},
	docker_hardening.image_facts(x, path),
) if {
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

# `Test: ["NONE"]` disables a health check inherited from the image; an empty Test means none is set.
health_check(config, path) := check(false, array.concat(path, ["Config", "Healthcheck", "Test"])) if {
	config.Healthcheck.Test == ["NONE"]
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
