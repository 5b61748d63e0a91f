# METADATA
# title: docker inspect container facts
# description: |
#   Every fact of one inspected container (HostConfig and Config) or image (Config only: image, user, health
#   check, environment and exposed ports) for the container model.
package shipshape.lib.docker_container

import data.shipshape.lib.capabilities
import data.shipshape.lib.host_paths
import data.shipshape.lib.image_ref
import data.shipshape.lib.ports
import data.shipshape.lib.secrets
import data.shipshape.lib.values

_namespace_modes := {
	"NetworkMode": "network",
	"PidMode": "PID",
	"IpcMode": "IPC",
	"UTSMode": "UTS",
	"UsernsMode": "user",
	"CgroupnsMode": "cgroup",
}

# Each fact is a function the container and image records (docker.rego) call from their one object literal,
# as in kubernetes_container. `host` is the container's HostConfig. The user, privilege escalation and
# seccomp facts are Compose's too (users, security_options).

privileged(host, path) := {
	"enabled": object.get(host, "Privileged", false) == true,
	"path": array.concat(path, ["HostConfig", "Privileged"]),
}

added_and_dropped(host, path) := {
	"add": capabilities.names(object.get(host, "CapAdd", [])),
	"drop": capabilities.names(object.get(host, "CapDrop", [])),
	"add_path": array.concat(path, ["HostConfig", "CapAdd"]),
	"drop_path": array.concat(path, ["HostConfig", "CapDrop"]),
}

host_namespaces(host, path) := [{"name": name, "path": array.concat(path, ["HostConfig", field])} |
	some field, name in _namespace_modes
	object.get(host, field, "") == "host"
]

pids_limit(host, path) := {
	"set": values.positive(object.get(host, "PidsLimit", 0)),
	"path": array.concat(path, ["HostConfig", "PidsLimit"]),
}

init(host, path) := {
	"enabled": object.get(host, "Init", false) == true,
	"path": array.concat(path, ["HostConfig", "Init"]),
}

# Bind mounts: Mounts (what the engine reports), then HostConfig.Binds ("src:dst[:opts]") and
# HostConfig.Mounts for sources Mounts does not list (a created but never started container has no Mounts).
host_mounts(x, path) := array.concat(reported, [mount |
	some mount in _configured_mounts(x.HostConfig, path)
	not mount.source in {m.source | some m in reported}
]) if {
	reported := [{"source": host_paths.clean(m.Source), "path": array.concat(path, ["Mounts", i, "Source"])} |
		some i, m in object.get(x, "Mounts", [])
		m.Type == "bind"
		is_string(m.Source)
	]
}

_configured_mounts(host, path) := array.concat(
	[{"source": source, "path": array.concat(path, ["HostConfig", "Binds", i])} |
		some i, bind in object.get(host, "Binds", [])
		source := host_paths.short_bind_source(bind)
	],
	[{"source": host_paths.clean(m.Source), "path": array.concat(path, ["HostConfig", "Mounts", i, "Source"])} |
		some i, m in object.get(host, "Mounts", [])
		m.Type == "bind"
		is_string(m.Source)
	],
)

# Host devices mapped with --device.
devices(host, path) := [{"source": host_paths.clean(device.PathOnHost), "path": field} |
	some i, device in object.get(host, "Devices", [])
	is_string(device.PathOnHost)
	field := array.concat(path, ["HostConfig", "Devices", i])
]

env(config, path) := [secrets.assignment(entry, "runtime", array.concat(path, ["Config", "Env", i])) |
	some i, entry in object.get(config, "Env", [])
	is_string(entry)
]

# json-file is the default driver when none is named.
logging(config, path) := {
	"driver": _log_driver(config),
	"rotates": object.get(config, ["Config", "max-size"], "") != "",
	"path": array.concat(path, ["HostConfig", "LogConfig"]),
}

_log_driver(config) := config.Type if {
	is_string(config.Type)
	config.Type != ""
} else := "json-file"

exposed_ports(config, path) := [{"port": port, "path": array.concat(path, ["Config", "ExposedPorts", key])} |
	some key, _ in object.get(config, "ExposedPorts", {})
	port := ports.container_port(key)
]

# Published ports that are also exposed are reported once, where they are exposed.
ports_of(config, host, path) := array.concat(exposed, [p |
	some p in _published_ports(host, path)
	not p.port in {e.port | some e in exposed}
]) if {
	exposed := exposed_ports(config, path)
}

_published_ports(host, path) := [{"port": port, "path": array.concat(path, ["HostConfig", "PortBindings", key])} |
	some key, _ in object.get(host, "PortBindings", {})
	port := ports.container_port(key)
]

image(config, path) := {"ref": config.Image, "path": array.concat(path, ["Config", "Image"])} if {
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

# `Test: ["NONE", ...]` disables a health check inherited from the image (Docker reads only the first word);
# an empty Test means none is set.
health_check(config, path) := _check(false, array.concat(path, ["Config", "Healthcheck", "Test"])) if {
	config.Healthcheck.Test[0] == "NONE"
} else := _check(true, array.concat(path, ["Config", "Healthcheck"])) if {
	count(config.Healthcheck.Test) > 0
} else := _check(false, array.concat(path, ["Config", "Healthcheck"]))

_check(configured, path) := {"name": "healthcheck", "configured": configured, "path": path}

limits(host, path) := {
	"memory": {
		"set": values.quantity_set(object.get(host, "Memory", 0)),
		"path": array.concat(path, ["HostConfig", "Memory"]),
	},
	"cpu": {"set": _cpu_limited(host), "path": array.concat(path, ["HostConfig", "NanoCpus"])},
}

read_only_root_fs(host, path) := {
	"enabled": object.get(host, "ReadonlyRootfs", false) == true,
	"path": array.concat(path, ["HostConfig", "ReadonlyRootfs"]),
}

# NanoCpus (--cpus) or a CFS quota (--cpu-quota) limits CPU time; CpuQuota -1 or 0 means unlimited.
_cpu_limited(host) if {
	values.quantity_set(object.get(host, "NanoCpus", 0))
} else := values.quantity_set(object.get(host, "CpuQuota", 0))

# `--sysctl` settings (HostConfig.Sysctls, a map).
sysctls(host, path) := [{"name": name, "path": array.concat(path, ["HostConfig", "Sysctls", name])} |
	some name, _ in object.get(host, "Sysctls", {})
]
