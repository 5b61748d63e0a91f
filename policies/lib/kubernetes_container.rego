# METADATA
# title: Kubernetes container facts
# description: |
#   Every fact of one Kubernetes container for the container model: image, user, probes, limits and requests,
#   read-only root, privilege, capabilities, host namespaces and paths, environment, seccomp and ports.
#   Pod-level settings (host namespaces, hostPath volumes, the pod securityContext) apply to every container
#   of the pod unless the container overrides them.
package shipshape.lib.kubernetes_container

import data.shipshape.lib.capabilities
import data.shipshape.lib.host_paths
import data.shipshape.lib.params
import data.shipshape.lib.secrets
import data.shipshape.lib.values

_host_namespace_fields := {"hostNetwork": "network", "hostPID": "PID", "hostIPC": "IPC"}

# Each fact is a function the container record (kubernetes.rego) calls from its one object literal: merging a
# facts object into the record with object.union cost a tenth of an evaluation. `context` is the container's
# securityContext, `pod_context` the pod's.

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
	some field, name in _host_namespace_fields
	values.truthy(object.get(pod_spec, field, false))
]

env(container, path) := [variable |
	some i, entry in object.get(container, "env", [])
	is_string(entry.name)
	variable := secrets.variable(entry.name, _own_value(entry), "kubernetes", array.concat(path, ["env", i, "value"]))
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

# A pod with no containers: every hostPath volume is the pod's (nothing mounts it yet).
pod_host_mounts(pod_spec, spec_path) := [mount |
	some i, volume in object.get(pod_spec, "volumes", [])
	is_string(volume.hostPath.path)
	mount := {
		"source": host_paths.clean(volume.hostPath.path),
		"path": array.concat(spec_path, ["volumes", i, "hostPath", "path"]),
	}
]

# A pod with no containers: the pod's own seccomp profile, or none (no container runs unconfined).
pod_seccomp(pod_context, spec_path) := _profile(pod_context.seccompProfile.type, spec_path) if {
	is_string(pod_context.seccompProfile.type)
} else := null

# The value written in the manifest; none when it comes from elsewhere (valueFrom).
_own_value(entry) := null if entry.valueFrom

else := object.get(entry, "value", null)

# The container's seccompProfile wins over the pod's.
seccomp(pod_context, spec_path, context, path) := _profile(context.seccompProfile.type, path) if {
	is_string(context.seccompProfile.type)
} else := _profile(pod_context.seccompProfile.type, spec_path) if {
	is_string(pod_context.seccompProfile.type)
} else := {"profile": "unset", "path": array.concat(path, ["securityContext", "seccompProfile"])}

_profile(type, owner_path) := {
	"profile": _profile_name(type),
	"path": array.concat(owner_path, ["securityContext", "seccompProfile", "type"]),
}

_profile_name(type) := "unconfined" if type == "Unconfined"

else := "confined"

# Requests default to the limits when only limits are set, so a limit counts as a request.
# Ephemeral containers cannot set resources.
requests(container, path, role) := null if {
	role == "ephemeral"
} else := {resource: {"set": _requested(container, resource), "path": field} |
	some resource in ["memory", "cpu"]
	field := array.concat(path, ["resources", "requests", resource])
}

_requested(container, resource) if {
	values.quantity_set(object.get(container, ["resources", "requests", resource], null))
} else := values.quantity_set(object.get(container, ["resources", "limits", resource], null))

image(container, path) := {"ref": container.image, "path": array.concat(path, ["image"])} if {
	is_string(container.image)
} else := null

# A numeric user id; numeric strings count too, as a YAML author may quote them.
_uid(context) := context.runAsUser if {
	is_number(context.runAsUser)
} else := to_number(context.runAsUser) if {
	is_string(context.runAsUser)
	values.digits(context.runAsUser)
}

# The user fact. What the kubelet would run comes first (kubelet_user); under the restricted profile, a
# container the kubelet keeps off root still fails when it does not meet the restricted Pod Security Standard's
# letter (restricted_user), since a namespace enforcing that standard rejects the pod.
user(pod_context, context, spec_path, path) := kubelet if {
	kubelet := _kubelet_user(pod_context, context, spec_path, path)
	kubelet.may_be_root
} else := literal if {
	params.profile == "restricted"
	literal := _restricted_user(pod_context, context, spec_path, path)
} else := _kubelet_user(pod_context, context, spec_path, path)

# Whether the container may run as root, following the kubelet: the container's runAsUser, else the pod's;
# without a non-zero uid, runAsNonRoot must be true (the container's value wins over the pod's).
_kubelet_user(pod_context, context, spec_path, path) := _verdict(true, "runAsUser is 0", path, "runAsUser") if {
	_uid(context) == 0
} else := _verdict(false, "runAsUser is not 0", path, "runAsUser") if {
	_uid(context)
} else := _verdict(true, "the pod's runAsUser is 0", spec_path, "runAsUser") if {
	_uid(pod_context) == 0
} else := _verdict(false, "the pod's runAsUser is not 0", spec_path, "runAsUser") if {
	_uid(pod_context)
} else := _verdict(true, "runAsNonRoot is false", path, "runAsNonRoot") if {
	values.falsy(context.runAsNonRoot)
} else := _verdict(false, "runAsNonRoot is true", path, "runAsNonRoot") if {
	values.truthy(context.runAsNonRoot)
} else := _verdict(false, "the pod's runAsNonRoot is true", spec_path, "runAsNonRoot") if {
	values.truthy(pod_context.runAsNonRoot)
} else := _verdict(true, "the pod's runAsNonRoot is false", spec_path, "runAsNonRoot") if {
	values.falsy(pod_context.runAsNonRoot)
} else := _verdict(true, "neither runAsNonRoot: true nor a non-zero runAsUser is set", path, "runAsNonRoot")

_verdict(may_be_root, reason, owner_path, field) := {
	"may_be_root": may_be_root,
	"claim": _claim(may_be_root),
	"reason": reason,
	"path": array.concat(owner_path, ["securityContext", field]),
}

_claim(true) := "may run as root"

_claim(false) := "runs as a non-root user"

# The restricted standard's "Running as Non-root" and "Running as Non-root user" controls, taken literally
# (k8s.io/pod-security-admission's runAsNonRoot and runAsUser checks): runAsNonRoot must be true, on the
# container or else on the pod; no level may set it false; no level may set runAsUser 0. Undefined when met.
_restricted_user(pod_context, context, spec_path, path) := _unenforced(_restricted.pod_uid, spec_path, "runAsUser") if {
	_uid(pod_context) == 0
} else := _unenforced(_restricted.pod_false, spec_path, "runAsNonRoot") if {
	values.falsy(pod_context.runAsNonRoot)
} else := _unenforced(_restricted.false, path, "runAsNonRoot") if {
	values.falsy(context.runAsNonRoot)
} else := _unenforced(_restricted.unset, path, "runAsNonRoot") if {
	not values.truthy(object.get(context, "runAsNonRoot", null))
	not values.truthy(object.get(pod_context, "runAsNonRoot", null))
}

_restricted := {
	"pod_uid": "the pod's runAsUser is 0 (Restricted rejects it whatever the containers set)",
	"pod_false": "the pod's runAsNonRoot is false (Restricted rejects it whatever the containers set)",
	"false": "runAsNonRoot is false (Restricted requires true, even with a non-zero runAsUser)",
	"unset": "runAsNonRoot: true is not set (Restricted requires it, even with a non-zero runAsUser)",
}

_unenforced(reason, owner_path, field) := object.union(_verdict(true, reason, owner_path, field), _unenforced_claim)

_unenforced_claim := {"claim": "does not require a non-root user"}

_probe_names := ["livenessProbe", "readinessProbe"]

# Probes a long-running container needs. Jobs, CronJobs and ordinary init containers run to completion;
# ephemeral containers cannot have probes at all.
health_checks(container, path, keeps_running, role) := [] if {
	not keeps_running
} else := [{
	"name": name,
	"configured": is_object(object.get(container, name, null)),
	"path": array.concat(path, [name]),
} |
	some name in _probe_names
] if {
	role in {"container", "sidecar"}
} else := []

# Ephemeral containers cannot set resources, so limits do not apply to them.
limits(container, path, role) := null if {
	role == "ephemeral"
} else := {resource: limit |
	some resource in ["memory", "cpu"]
	limit := {"set": _limit_set(container, resource), "path": array.concat(path, ["resources", "limits", resource])}
}

read_only_root_fs(context, path) := {
	"enabled": values.truthy(object.get(context, "readOnlyRootFilesystem", false)),
	"path": array.concat(path, ["securityContext", "readOnlyRootFilesystem"]),
}

_limit_set(container, resource) := values.quantity_set(object.get(container, ["resources", "limits", resource], null))

# --- Pod Security Standards, baseline ----------------------------------------------------------------------

# Ports bound on the node (ports[].hostPort, when not 0).
host_ports(container, path) := [{"port": port.hostPort, "path": array.concat(path, ["ports", i, "hostPort"])} |
	some i, port in object.get(container, "ports", [])
	is_number(port.hostPort)
	port.hostPort != 0
]

# The pod's sysctls (there are no container-level ones).
sysctls(pod_context, spec_path) := [{"name": sysctl.name, "path": field} |
	some i, sysctl in object.get(pod_context, "sysctls", [])
	is_string(sysctl.name)
	field := array.concat(spec_path, ["securityContext", "sysctls", i, "name"])
]

# AppArmor: the container's appArmorProfile, else the pod's, else the (deprecated, still honoured) annotation
# `container.apparmor.security.beta.kubernetes.io/<container>` on the pod template.
# `confined` holds for the values the Pod Security Standards allow: RuntimeDefault or Localhost (the field),
# runtime/default or localhost/<profile> (the annotation), or nothing set.
apparmor(annotations, metadata_path, name, pod_context, spec_path, context, path) := {
	"profile": context.appArmorProfile.type,
	"confined": context.appArmorProfile.type in {"RuntimeDefault", "Localhost"},
	"path": array.concat(path, ["securityContext", "appArmorProfile", "type"]),
} if {
	is_string(context.appArmorProfile.type)
} else := {
	"profile": pod_context.appArmorProfile.type,
	"confined": pod_context.appArmorProfile.type in {"RuntimeDefault", "Localhost"},
	"path": array.concat(spec_path, ["securityContext", "appArmorProfile", "type"]),
} if {
	is_string(pod_context.appArmorProfile.type)
} else := {
	"profile": value,
	"confined": _confining_annotation(value),
	"path": array.concat(metadata_path, ["annotations", key]),
} if {
	key := concat("", ["container.apparmor.security.beta.kubernetes.io/", name])
	value := annotations[key]
	is_string(value)
} else := {"profile": null, "confined": true, "path": path}

_confining_annotation(value) if {
	value == "runtime/default"
} else := startswith(value, "localhost/")

# The SELinux options that apply: the pod's and the container's seLinuxOptions, each as written.
selinux(pod_context, spec_path, context, path) := [option |
	some [options, at] in [
		[object.get(pod_context, "seLinuxOptions", null), array.concat(spec_path, ["securityContext", "seLinuxOptions"])],
		[object.get(context, "seLinuxOptions", null), array.concat(path, ["securityContext", "seLinuxOptions"])],
	]
	is_object(options)
	option := {
		"disabled": false,
		"type": _string_or_null(options, "type"),
		"user": _string_or_null(options, "user"),
		"role": _string_or_null(options, "role"),
		"path": at,
	}
]

_string_or_null(options, key) := options[key] if {
	is_string(options[key])
	options[key] != ""
} else := null

# The Pod Security Standards allow only the default (unset or `Default`); anything else unmasks.
proc_mount(context, path) := {
	"unmasked": _unmasks(object.get(context, "procMount", null)),
	"path": array.concat(path, ["securityContext", "procMount"]),
}

_unmasks(value) if not value in {"Default", "", null}

else := false

# The pod's volumes by type (the key beside `name`: hostPath, nfs, configMap, ...), each at its type's key.
# Every volume of the pod, mounted or not, as the Pod Security Standards' Volume Types control reads them.
volumes(pod_spec, spec_path) := [{"name": object.get(volume, "name", null), "type": type, "path": field} |
	some i, volume in object.get(pod_spec, "volumes", [])
	is_object(volume)
	some type, _ in volume
	type != "name"
	field := array.concat(spec_path, ["volumes", i, type])
]

# Windows HostProcess containers: the container's windowsOptions, else the pod's.
host_process(pod_context, spec_path, context, path) := {
	"enabled": values.truthy(context.windowsOptions.hostProcess),
	"path": array.concat(path, ["securityContext", "windowsOptions", "hostProcess"]),
} if {
	not is_null(object.get(context, ["windowsOptions", "hostProcess"], null))
} else := {
	"enabled": values.truthy(object.get(pod_context, ["windowsOptions", "hostProcess"], false)),
	"path": array.concat(spec_path, ["securityContext", "windowsOptions", "hostProcess"]),
}
