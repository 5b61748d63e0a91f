# METADATA
# title: Compose services
# description: |
#   Turns a Compose file into one container record per service. The harness has already resolved `${VAR}`
#   interpolation, `<<` merge keys, `extends` and relative host paths (as `docker compose config` does)
#   before evaluation. This library is the structure; every fact of one service is compose_container's.
package shipshape.lib.compose

import data.shipshape.lib.compose_container
import data.shipshape.lib.security_options
import data.shipshape.lib.values
import data.shipshape.lib.waivers

# A Compose file: `services` (and no apiVersion), with only the keys the Compose specification allows at the top
# level and in every service (or `x-` extensions), as `docker compose` validates it. A Helm values file with a
# `services:` section is not one. harness/src/inputs/compose/keys.ts holds the same sets (a test keeps them equal).
is_document(doc) if {
	is_object(doc)
	not doc.apiVersion
	services := object.get(doc, "services", false)
	is_services(services)
	every key, _ in doc {
		_allowed(_top_level_keys, key)
	}
	every service in _services_of(services) {
		_is_service(service)
	}
}

_services_of(services) := [service | some service in services] if is_object(services)

else := []

_is_service(null)

_is_service(service) if {
	is_object(service)
	every key, _ in service {
		_allowed(_service_keys, key)
	}
}

_allowed(keys, key) if key in keys

_allowed(_, key) if startswith(key, "x-")

_top_level_keys := {
	"version", "name", "include", "services", "networks",
	"volumes", "secrets", "configs", "models", "jobs",
}

_service_keys := {
	"annotations", "attach", "blkio_config", "build", "cap_add", "cap_drop", "cgroup", "cgroup_parent", "command",
	"configs", "container_name", "cpu_count", "cpu_percent", "cpu_period", "cpu_quota", "cpu_rt_period",
	"cpu_rt_runtime", "cpu_shares", "cpus", "cpuset", "credential_spec", "depends_on", "deploy", "develop",
	"device_cgroup_rules", "devices", "dns", "dns_opt", "dns_search", "domainname", "entrypoint", "env_file",
	"environment", "expose", "extends", "external_links", "extra_hosts", "gpus", "group_add", "healthcheck",
	"hostname", "image", "init", "ipc", "isolation", "label_file", "labels", "links", "logging", "mac_address",
	"mem_limit", "mem_reservation", "mem_swappiness", "memswap_limit", "models", "network_mode", "networks",
	"oom_kill_disable", "oom_score_adj", "pid", "pids_limit", "platform", "ports", "post_start", "pre_start",
	"pre_stop", "privileged", "profiles", "provider", "pull_policy", "pull_refresh_after", "read_only", "restart",
	"runtime", "scale", "secrets", "security_opt", "shm_size", "stdin_open", "stop_grace_period", "stop_signal",
	"storage_opt", "sysctls", "tmpfs", "tty", "ulimits", "umask", "use_api_socket", "user", "userns_mode", "uts",
	"volumes", "volumes_from", "working_dir",
}

is_services(services) if is_object(services)

# `services:` with nothing under it is an empty but valid Compose file.
is_services(null)

containers(doc) := [_service_record(name, service, object.get(doc, "volumes", {})) |
	is_object(doc.services)
	some name, service in doc.services
	is_object(service)
]

_service_record(name, service, volumes) := {
	"shape": "compose",
	"kind": "compose service",
	"owner": name,
	"namespace": null,
	"object": concat("", ["service ", name]),
	"name": _container_name(name, service),
	"role": "service",
	"path": path,
	"image": compose_container.image(service, path),
	"user": compose_container.user(service, path),
	"health_checks": [compose_container.health_check(service, path)],
	"limits": compose_container.limits(service, path),
	"read_only_root_fs": compose_container.read_only_root_fs(service, path),
	"waiver": waivers.compose(service, path),
	"privileged": compose_container.privileged(service, path),
	"privilege_escalation": security_options.privilege_escalation(options, options_path),
	"capabilities": compose_container.added_and_dropped(service, path),
	"host_namespaces": compose_container.host_namespaces(service, path),
	"host_mounts": compose_container.host_mounts(service, path, volumes),
	"devices": compose_container.devices(service, path),
	"env": compose_container.env(object.get(service, "environment", []), path),
	"seccomp": security_options.seccomp(options, options_path),
	"pids_limit": compose_container.pids_limit(service, path),
	"init": compose_container.init(service, path),
	"logging": compose_container.logging(values.object_at(service, "logging"), path),
	"ports": compose_container.ports_of(service, path),
	"requests": compose_container.requests(service, path),
	"build": null,
	"host_ports": null,
	"sysctls": compose_container.sysctls(service, path),
	"apparmor": security_options.apparmor(options, options_path),
	"selinux": security_options.selinux(options, options_path),
	"proc_mount": security_options.proc_mount(options, options_path),
	"host_process": null,
	"volumes": null,
} if {
	path := ["services", name]
	options := object.get(service, "security_opt", [])
	options_path := array.concat(path, ["security_opt"])
}

_container_name(name, service) := service.container_name if is_string(service.container_name)

else := name
