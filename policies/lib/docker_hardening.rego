# METADATA
# title: docker inspect hardening facts
# description: |
#   The security facts of one inspected container (HostConfig and Config) or image (Config only: environment
#   and exposed ports) for the container model.
package shipshape.lib.docker_hardening

import data.shipshape.lib.capabilities
import data.shipshape.lib.host_paths
import data.shipshape.lib.ports
import data.shipshape.lib.secrets
import data.shipshape.lib.security_options
import data.shipshape.lib.values

namespace_modes := {
	"NetworkMode": "network",
	"PidMode": "PID",
	"IpcMode": "IPC",
	"UTSMode": "UTS",
	"UsernsMode": "user",
	"CgroupnsMode": "cgroup",
}

# Each fact is a function the container and image records (docker.rego) call from their one object literal,
# as in kubernetes_hardening. `host` is the container's HostConfig; `options` its SecurityOpt, at `options_path`.

privileged(host, path) := {
	"enabled": object.get(host, "Privileged", false) == true,
	"path": array.concat(path, ["HostConfig", "Privileged"]),
}

privilege_escalation(options, options_path) := {
	"blocked": security_options.no_new_privileges(options),
	"path": options_path,
}

added_and_dropped(host, path) := {
	"add": capabilities.names(object.get(host, "CapAdd", [])),
	"drop": capabilities.names(object.get(host, "CapDrop", [])),
	"add_path": array.concat(path, ["HostConfig", "CapAdd"]),
	"drop_path": array.concat(path, ["HostConfig", "CapDrop"]),
}

host_namespaces(host, path) := [{"name": name, "path": array.concat(path, ["HostConfig", field])} |
	some field, name in namespace_modes
	object.get(host, field, "") == "host"
]

seccomp(options, options_path) := {"profile": security_options.seccomp_profile(options), "path": options_path}

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
	some mount in configured_mounts(x.HostConfig, path)
	not mount.source in {m.source | some m in reported}
]) if {
	reported := [{"source": host_paths.clean(m.Source), "path": array.concat(path, ["Mounts", i, "Source"])} |
		some i, m in object.get(x, "Mounts", [])
		m.Type == "bind"
		is_string(m.Source)
	]
}

configured_mounts(host, path) := array.concat(
	[{"source": host_paths.clean(split(bind, ":")[0]), "path": array.concat(path, ["HostConfig", "Binds", i])} |
		some i, bind in object.get(host, "Binds", [])
		is_string(bind)
		startswith(bind, "/")
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

env(config, path) := [{"name": name, "literal": literal, "path": array.concat(path, ["Config", "Env", i])} |
	some i, entry in object.get(config, "Env", [])
	is_string(entry)
	parts := split(entry, "=")
	name := parts[0]
	literal := secrets.is_literal(concat("=", array.slice(parts, 1, count(parts))), "runtime")
]

# json-file is the default driver when none is named.
logging(config, path) := {
	"driver": log_driver(config),
	"max_size": object.get(config, ["Config", "max-size"], "") != "",
	"path": array.concat(path, ["HostConfig", "LogConfig"]),
}

log_driver(config) := config.Type if {
	is_string(config.Type)
	config.Type != ""
} else := "json-file"

exposed_ports(config, path) := [{"port": port, "path": array.concat(path, ["Config", "ExposedPorts", key])} |
	some key, _ in object.get(config, "ExposedPorts", {})
	port := ports.container_port(key)
]

# Published ports that are also exposed are reported once, where they are exposed.
ports_of(config, host, path) := array.concat(exposed, [p |
	some p in published_ports(host, path)
	not p.port in {e.port | some e in exposed}
]) if {
	exposed := exposed_ports(config, path)
}

published_ports(host, path) := [{"port": port, "path": array.concat(path, ["HostConfig", "PortBindings", key])} |
	some key, _ in object.get(host, "PortBindings", {})
	port := ports.container_port(key)
]
