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
} if {
	path := ["services", name]
	options := object.get(service, "security_opt", [])
	options_path := array.concat(path, ["security_opt"])
}

container_name(name, service) := service.container_name if is_string(service.container_name)

else := name
