# METADATA
# title: Kubernetes hardening facts
# description: |
#   The security facts of one Kubernetes container for the container model: privilege, capabilities, host
#   namespaces and paths, environment, seccomp, ports and resource requests. Pod-level settings (host
#   namespaces, hostPath volumes, the pod securityContext) apply to every container of the pod.
package shipshape.lib.kubernetes_hardening

import data.shipshape.lib.capabilities
import data.shipshape.lib.host_paths
import data.shipshape.lib.secrets
import data.shipshape.lib.values

host_namespace_fields := {"hostNetwork": "network", "hostPID": "PID", "hostIPC": "IPC"}

# Each fact is a function the container record (kubernetes.rego) calls from its one object literal: merging a
# facts object into the record with object.union cost a tenth of an evaluation. `context` is the container's
# securityContext.

privileged(context, path) := {
	"enabled": values.truthy(object.get(context, "privileged", false)),
	"path": array.concat(path, ["securityContext", "privileged"]),
}

privilege_escalation(context, path) := {
	"blocked": values.falsy(object.get(context, "allowPrivilegeEscalation", null)),
	"path": array.concat(path, ["securityContext", "allowPrivilegeEscalation"]),
}

added_and_dropped(context, path) := {
	"add": capabilities.names(object.get(context, ["capabilities", "add"], [])),
	"drop": capabilities.names(object.get(context, ["capabilities", "drop"], [])),
	"add_path": array.concat(path, ["securityContext", "capabilities", "add"]),
	"drop_path": array.concat(path, ["securityContext", "capabilities", "drop"]),
}

host_namespaces(pod_spec, spec_path) := [{"name": name, "path": array.concat(spec_path, [field])} |
	some field, name in host_namespace_fields
	values.truthy(object.get(pod_spec, field, false))
]

env(container, path) := [variable |
	some i, entry in object.get(container, "env", [])
	is_string(entry.name)
	variable := {"name": entry.name, "literal": literal(entry), "path": array.concat(path, ["env", i, "value"])}
]

ports_of(container, path) := [{"port": port.containerPort, "path": array.concat(path, ["ports", i, "containerPort"])} |
	some i, port in object.get(container, "ports", [])
	is_number(port.containerPort)
]

# hostPath volumes this container mounts.
host_mounts(pod_spec, spec_path, container) := [mount |
	some i, volume in object.get(pod_spec, "volumes", [])
	is_string(volume.hostPath.path)
	some volume_mount in object.get(container, "volumeMounts", [])
	volume_mount.name == volume.name
	mount := {
		"source": host_paths.clean(volume.hostPath.path),
		"path": array.concat(spec_path, ["volumes", i, "hostPath", "path"]),
	}
]

literal(entry) if {
	not entry.valueFrom
	secrets.literal(object.get(entry, "value", null), "kubernetes")
} else := false

# The container's seccompProfile wins over the pod's.
seccomp(pod_context, spec_path, context, path) := profile(context.seccompProfile.type, path) if {
	is_string(context.seccompProfile.type)
} else := profile(pod_context.seccompProfile.type, spec_path) if {
	is_string(pod_context.seccompProfile.type)
} else := {"profile": "unset", "path": array.concat(path, ["securityContext", "seccompProfile"])}

profile(type, owner_path) := {
	"profile": profile_name(type),
	"path": array.concat(owner_path, ["securityContext", "seccompProfile", "type"]),
}

profile_name(type) := "unconfined" if type == "Unconfined"

else := "confined"

# Requests default to the limits when only limits are set, so a limit counts as a request.
# Ephemeral containers cannot set resources.
requests(container, path, role) := null if {
	role == "ephemeral"
} else := {resource: {"set": requested(container, resource), "path": field} |
	some resource in ["memory", "cpu"]
	field := array.concat(path, ["resources", "requests", resource])
}

requested(container, resource) if {
	values.quantity_set(object.get(container, ["resources", "requests", resource], null))
} else := values.quantity_set(object.get(container, ["resources", "limits", resource], null))
