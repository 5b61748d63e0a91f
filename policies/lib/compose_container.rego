# METADATA
# title: Compose service facts
# description: Every fact of one Compose service for the container model.
package shipshape.lib.compose_container

import data.shipshape.lib.capabilities
import data.shipshape.lib.dockerfile
import data.shipshape.lib.host_paths
import data.shipshape.lib.ports
import data.shipshape.lib.secrets
import data.shipshape.lib.users
import data.shipshape.lib.values

_namespace_keys := {
	"network_mode": "network",
	"pid": "PID",
	"ipc": "IPC",
	"uts": "UTS",
	"userns_mode": "user",
	"cgroup": "cgroup",
}

# Each fact is a function the service record (compose.rego) calls from its one object literal, as in
# kubernetes_container. The user, privilege escalation and seccomp facts are docker's too (users,
# security_options).

privileged(service, path) := {
	"enabled": values.truthy(object.get(service, "privileged", false)),
	"path": array.concat(path, ["privileged"]),
}

added_and_dropped(service, path) := {
	"add": capabilities.names(object.get(service, "cap_add", [])),
	"drop": capabilities.names(object.get(service, "cap_drop", [])),
	"add_path": array.concat(path, ["cap_add"]),
	"drop_path": array.concat(path, ["cap_drop"]),
}

host_namespaces(service, path) := [{"name": name, "path": array.concat(path, [key])} |
	some key, name in _namespace_keys
	object.get(service, key, "") == "host"
]

pids_limit(service, path) := {
	"set": _pids_limited(service),
	"path": array.concat(path, ["pids_limit"]),
}

init(service, path) := {
	"enabled": values.truthy(object.get(service, "init", false)),
	"path": array.concat(path, ["init"]),
}

ports_of(service, path) := array.concat(_published(service, path), _exposed(service, path))

# Host devices mapped into the container: "/dev/sda:/dev/xvda[:rwm]" or {source, target}. CDI names
# (vendor.com/class=name) are not host paths and are left out.
devices(service, path) := [{"source": host_paths.clean(source), "path": array.concat(path, ["devices", i])} |
	some i, device in object.get(service, "devices", [])
	source := _device_source(device)
	startswith(source, "/")
]

_device_source(device) := split(device, ":")[0] if is_string(device)

else := device.source if is_string(device.source)

requests(service, path) := {resource: {"set": _reserved(service, key), "path": field} |
	some resource, key in {"memory": "memory", "cpu": "cpus"}
	field := array.concat(path, ["deploy", "resources", "reservations", key])
}

# Bind mounts: short syntax "/host:/container[:mode]", long syntax {type: bind, source}, and named volumes
# that the local driver binds to a host directory (`driver_opts: {type: none, o: bind, device}`). The harness
# has resolved relative sources against the project directory, as compose-go does.
host_mounts(service, path, volumes) := array.concat(
	array.concat(
		[{"source": source, "path": array.concat(path, ["volumes", i])} |
			some i, volume in object.get(service, "volumes", [])
			source := host_paths.short_bind_source(volume)
		],
		[{"source": host_paths.clean(volume.source), "path": array.concat(path, ["volumes", i, "source"])} |
			some i, volume in object.get(service, "volumes", [])
			volume.type == "bind"
			is_string(volume.source)
		],
	),
	[{"source": host_paths.clean(device), "path": array.concat(path, ["volumes", i])} |
		some i, volume in object.get(service, "volumes", [])
		device := _bound_device(volumes, _named_volume(volume))
	],
)

_named_volume(volume) := split(volume, ":")[0] if {
	is_string(volume)
	not startswith(volume, "/")
	contains(volume, ":")
} else := volume.source if {
	object.get(volume, "type", "volume") == "volume"
	is_string(volume.source)
}

# The host directory a named volume binds, when its driver options make it a bind mount.
_bound_device(volumes, name) := device if {
	options := values.object_at(values.object_at(volumes, name), "driver_opts")
	"bind" in {trim_space(o) | some o in split(object.get(options, "o", ""), ",")}
	device := options.device
	is_string(device)
	startswith(device, "/")
}

# `environment` as a mapping ({KEY: value}) or a list (["KEY=value", "KEY"]).
env(environment, path) := [secrets.variable(name, value, "compose", array.concat(path, ["environment", name])) |
	some name, value in environment
] if {
	is_object(environment)
} else := [secrets.assignment(entry, "compose", array.concat(path, ["environment", i])) |
	some i, entry in environment
	is_string(entry)
]

default _pids_limited(_) := false

_pids_limited(service) if object.get(service, "pids_limit", 0) > 0

_pids_limited(service) if object.get(service, ["deploy", "resources", "limits", "pids"], 0) > 0

logging(config, path) := {
	"driver": object.get(config, "driver", "json-file"),
	"rotates": object.get(config, ["options", "max-size"], "") != "",
	"path": array.concat(path, ["logging"]),
}

_published(service, path) := [{"port": port, "path": array.concat(path, ["ports", i])} |
	some i, entry in object.get(service, "ports", [])
	port := _published_port(entry)
]

_published_port(entry) := entry.target if is_number(entry.target)

else := ports.container_port(entry)

_exposed(service, path) := [{"port": port, "path": array.concat(path, ["expose", i])} |
	some i, entry in object.get(service, "expose", [])
	port := ports.container_port(entry)
]

_reserved(service, key) := values.quantity_set(object.get(service, ["deploy", "resources", "reservations", key], null))

# A service that only builds has no image reference to judge.
image(service, path) := {"ref": service.image, "path": array.concat(path, ["image"])} if {
	is_string(service.image)
} else := null

# A service that sets no user runs as its image's user. When it builds the image and the harness could read the
# Dockerfile (x-shipshape-build: {file, instructions, target}), the Dockerfile's final stage says which user
# that is; when it could not (x-shipshape-build: {file, error}), the reason says so.
user(service, path) := users.fact(service.user, array.concat(path, ["user"])) if {
	not is_null(object.get(service, "user", null))
} else := _built_user(service["x-shipshape-build"], path) if {
	is_array(service["x-shipshape-build"].instructions)
} else := _unread(users.image_default(array.concat(path, ["user"])), service["x-shipshape-build"]) if {
	is_string(service["x-shipshape-build"].error)
} else := _inspected_user(service["x-shipshape-image"], array.concat(path, ["user"])) if {
	is_string(service["x-shipshape-image"].user)
} else := users.image_default(array.concat(path, ["user"]))

# The image's own default user, known from its `docker image inspect` output (x-shipshape-image: {ref, user,
# healthcheck}, added by the harness): no guess about what the image sets.
_inspected_user(image, path) := object.union(fact, {"reason": _inspected_reason(image, fact.may_be_root)}) if {
	fact := users.fact(image.user, path)
}

_inspected_reason(image, true) := concat("", [lead, image.ref, " runs as ", user, " by default"]) if {
	lead := "no user is set, and its image "
	user := _shown_user(image.user)
}

_inspected_reason(image, false) := concat("", ["its image ", image.ref, " runs as ", image.user, " by default"])

_shown_user(user) := "root (the image sets no USER)" if user == ""

else := user

_built_user(build, path) := {
	"may_be_root": facts.user.may_be_root,
	"claim": facts.user.claim,
	"reason": concat("", ["in its Dockerfile (", build.file, "), ", facts.user.reason]),
	"path": array.concat(path, ["build"]),
} if {
	facts := dockerfile.image_facts(build.instructions, object.get(build, "target", null))
}

_unread(fact, build) := object.union(fact, {"reason": concat("", [
	fact.reason,
	" (its Dockerfile ", build.file, " could not be read: ", build.error, ")",
])})

health_check(service, path) := {"name": "healthcheck", "configured": configured, "path": build_path} if {
	not is_object(object.get(service, "healthcheck", null))
	build := service["x-shipshape-build"]
	is_array(build.instructions)
	configured := dockerfile.image_facts(build.instructions, object.get(build, "target", null)).health_check.configured
	build_path := array.concat(path, ["build"])
} else := {"name": "healthcheck", "configured": true, "path": array.concat(path, ["image"])} if {
	# The image's own HEALTHCHECK, known from its inspect output, runs when the service sets none.
	not is_object(object.get(service, "healthcheck", null))
	service["x-shipshape-image"].healthcheck == true
} else := {
	"name": "healthcheck",
	"configured": _health_check_configured(service),
	"path": _health_check_path(service, path),
}

# `test: ["NONE", ...]` disables the check, as Docker reads it (only the first word counts).
_health_check_configured(service) := false if {
	not is_object(object.get(service, "healthcheck", null))
} else := false if {
	values.truthy(service.healthcheck.disable)
} else := false if {
	service.healthcheck.test[0] == "NONE"
} else := true

_health_check_path(service, path) := array.concat(path, ["healthcheck", "test"]) if {
	service.healthcheck.test[0] == "NONE"
} else := array.concat(path, ["healthcheck", "disable"]) if {
	values.truthy(service.healthcheck.disable)
} else := array.concat(path, ["healthcheck"])

limits(service, path) := {
	"memory": {"set": _memory_limited(service), "path": array.concat(path, ["deploy", "resources", "limits", "memory"])},
	"cpu": {"set": _cpu_limited(service), "path": array.concat(path, ["deploy", "resources", "limits", "cpus"])},
}

read_only_root_fs(service, path) := {
	"enabled": values.truthy(object.get(service, "read_only", false)),
	"path": array.concat(path, ["read_only"]),
}

_memory_limited(service) if {
	values.quantity_set(object.get(service, ["deploy", "resources", "limits", "memory"], null))
} else := values.quantity_set(object.get(service, "mem_limit", null))

_cpu_limited(service) if {
	values.quantity_set(object.get(service, ["deploy", "resources", "limits", "cpus"], null))
} else if {
	values.quantity_set(object.get(service, "cpus", null))
} else := values.quantity_set(object.get(service, "cpu_quota", null))

# `sysctls` as a mapping ({name: value}) or a list (["name=value"]).
sysctls(service, path) := [{"name": name, "path": array.concat(path, ["sysctls", name])} |
	some name, _ in service.sysctls
] if {
	is_object(service.sysctls)
} else := [{"name": split(entry, "=")[0], "path": array.concat(path, ["sysctls", i])} |
	some i, entry in object.get(service, "sysctls", [])
	is_string(entry)
]
