# METADATA
# title: Compose services
# description: |
#   Turns a Compose file into one container record per service. The harness has already resolved `${VAR}`
#   interpolation, `<<` merge keys and `extends` (as `docker compose config` does) before evaluation.
package shipshape.lib.compose

import data.shipshape.lib.compose_hardening
import data.shipshape.lib.users
import data.shipshape.lib.values
import data.shipshape.lib.waivers

is_document(doc) if {
	is_object(doc)
	not doc.apiVersion
	services := object.get(doc, "services", false)
	is_services(services)
}

is_services(services) if is_object(services)

# `services:` with nothing under it is an empty but valid Compose file.
is_services(null)

containers(doc) := [service_record(name, service, object.get(doc, "volumes", {})) |
	is_object(doc.services)
	some name, service in doc.services
	is_object(service)
]

service_record(name, service, volumes) := {
	"shape": "compose",
	"kind": "compose service",
	"owner": name,
	"namespace": null,
	"object": concat("", ["service ", name]),
	"name": container_name(name, service),
	"role": "service",
	"path": path,
	"image": image_of(service, path),
	"user": user_of(service, path),
	"health_checks": [{
		"name": "healthcheck",
		"configured": health_check_configured(service),
		"path": health_check_path(service, path),
	}],
	"limits": {
		"memory": {"set": memory_limited(service), "path": array.concat(path, ["deploy", "resources", "limits", "memory"])},
		"cpu": {"set": cpu_limited(service), "path": array.concat(path, ["deploy", "resources", "limits", "cpus"])},
	},
	"read_only_root_fs": {
		"enabled": values.truthy(object.get(service, "read_only", false)),
		"path": array.concat(path, ["read_only"]),
	},
	"waiver": waivers.compose(service, path),
	"privileged": compose_hardening.privileged(service, path),
	"privilege_escalation": compose_hardening.privilege_escalation(options, options_path),
	"capabilities": compose_hardening.added_and_dropped(service, path),
	"host_namespaces": compose_hardening.host_namespaces(service, path),
	"host_mounts": compose_hardening.host_mounts(service, path, volumes),
	"devices": compose_hardening.devices(service, path),
	"env": compose_hardening.env(object.get(service, "environment", []), path),
	"seccomp": compose_hardening.seccomp(options, options_path),
	"pids_limit": compose_hardening.pids_limit(service, path),
	"init": compose_hardening.init(service, path),
	"logging": compose_hardening.logging(values.object_at(service, "logging"), path),
	"ports": compose_hardening.ports_of(service, path),
	"requests": compose_hardening.requests(service, path),
} if {
	path := ["services", name]
	options := object.get(service, "security_opt", [])
	options_path := array.concat(path, ["security_opt"])
}

container_name(name, service) := service.container_name if is_string(service.container_name)

else := name

# A service that only builds has no image reference to judge.
image_of(service, path) := {"ref": service.image, "path": array.concat(path, ["image"])} if {
	is_string(service.image)
} else := null

user_of(service, path) := {"may_be_root": true, "reason": reason, "path": array.concat(path, ["user"])} if {
	reason := users.root_reason(object.get(service, "user", null))
} else := {"may_be_root": false, "reason": "a non-root user is set", "path": array.concat(path, ["user"])}

# `test: ["NONE", ...]` disables the check, as Docker reads it (only the first word counts).
health_check_configured(service) := false if {
	not is_object(object.get(service, "healthcheck", null))
} else := false if {
	values.truthy(service.healthcheck.disable)
} else := false if {
	service.healthcheck.test[0] == "NONE"
} else := true

health_check_path(service, path) := array.concat(path, ["healthcheck", "test"]) if {
	service.healthcheck.test[0] == "NONE"
} else := array.concat(path, ["healthcheck", "disable"]) if {
	values.truthy(service.healthcheck.disable)
} else := array.concat(path, ["healthcheck"])

memory_limited(service) if {
	values.quantity_set(object.get(service, ["deploy", "resources", "limits", "memory"], null))
} else := values.quantity_set(object.get(service, "mem_limit", null))

cpu_limited(service) if {
	values.quantity_set(object.get(service, ["deploy", "resources", "limits", "cpus"], null))
} else if {
	values.quantity_set(object.get(service, "cpus", null))
} else := values.quantity_set(object.get(service, "cpu_quota", null))
