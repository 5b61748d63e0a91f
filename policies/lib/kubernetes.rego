# METADATA
# title: Kubernetes workloads
# description: |
#   Turns Kubernetes documents into container records: every workload kind's pod spec, any other kind that
#   embeds a pod template (an Argo Rollout, a KEDA ScaledJob, any custom resource with one at a usual place),
#   the items of any `*List` at every level of nesting (kubectl flattens them all), and the object under
#   review in an AdmissionReview. This library is the structure (documents, objects, pod specs, the record);
#   every fact of one container is kubernetes_container's.
package shipshape.lib.kubernetes

import data.shipshape.lib.kubernetes_container
import data.shipshape.lib.values
import data.shipshape.lib.waivers

# Where each workload kind keeps its pod spec.
_pod_spec_paths := {
	"Pod": ["spec"],
	"Deployment": ["spec", "template", "spec"],
	"StatefulSet": ["spec", "template", "spec"],
	"DaemonSet": ["spec", "template", "spec"],
	"ReplicaSet": ["spec", "template", "spec"],
	"ReplicationController": ["spec", "template", "spec"],
	"DeploymentConfig": ["spec", "template", "spec"],
	"Job": ["spec", "template", "spec"],
	"CronJob": ["spec", "jobTemplate", "spec", "template", "spec"],
	"PodTemplate": ["template", "spec"],
}

# Where other kinds usually embed a pod template, tried in order: custom resources such as Argo's Rollout
# (spec.template), KEDA's ScaledJob (spec.jobTargetRef.template) or anything with a CronJob-like jobTemplate.
_template_spec_paths := [
	["spec", "template", "spec"],
	["spec", "jobTemplate", "spec", "template", "spec"],
	["spec", "jobTargetRef", "template", "spec"],
	["template", "spec"],
]

# The pod spec's place in a workload of this kind; undefined when it embeds none.
_pod_spec_path(workload) := _pod_spec_paths[workload.kind]

_pod_spec_path(workload) := found[0] if {
	not _pod_spec_paths[workload.kind]
	found := [relative |
		some relative in _template_spec_paths
		spec := object.get(workload, relative, null)
		is_array(object.get(spec, "containers", null))
	]
	count(found) > 0
}

# Kinds whose containers are expected to keep running, and so need probes.
_long_running_kinds := {
	"Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController",
	"DeploymentConfig",
}

_container_fields := {"initContainers": "init", "containers": "container", "ephemeralContainers": "ephemeral"}

is_document(doc) if {
	is_object(doc)
	is_string(doc.apiVersion)
	is_string(doc.kind)
}

# The objects of a document with their paths: the object under review, the items of a List, or the document.
_objects(doc) := [{"object": doc.request.object, "path": ["request", "object"]}] if {
	doc.kind == "AdmissionReview"
	is_object(doc.request.object)
} else := [{"object": item, "path": ["items", i]} | some i, item in doc.items; is_object(item)] if {
	_is_list(doc)
	not _nested_list(doc)
} else := _nested_list_items(doc) if {
	_is_list(doc)
} else := [{"object": doc, "path": []}]

_is_list(x) if {
	is_string(x.kind)
	endswith(x.kind, "List")
	is_array(x.items)
}

_nested_list(doc) if {
	some item in doc.items
	_is_list(item)
}

# Lists within lists, at any depth: every object reached through items of lists only, that is not a list.
# (walk only for the rare nested list; a flat one takes the comprehension above.)
_nested_list_items(doc) := [{"object": value, "path": path} |
	walk(doc, [path, value])
	count(path) > 0
	count(path) % 2 == 0
	is_object(value)
	not _is_list(value)
	every i in numbers.range(0, count(path) - 1) {
		_step_of_list(doc, path, i)
	}
]

# Step i of a path through nested lists: "items" at even steps (below a list), an index at odd ones.
_step_of_list(doc, path, i) if {
	i % 2 == 0
	path[i] == "items"
	_is_list(object.get(doc, array.slice(path, 0, i), null))
}

_step_of_list(_, path, i) if {
	i % 2 == 1
	is_number(path[i])
}

containers(doc) := [record |
	some entry in _objects(doc)
	some record in _workload_records(entry.object, entry.path)
]

# A pod spec that lists no container at all (the API server would refuse it, a template half-written, a custom
# resource that fills containers in later) still says what its pod may do: one record for the pod, with the
# pod-level facts only, so a hostNetwork or a hostPath is not lost with the containers.
_workload_records(workload, prefix) := records if {
	records := _workload_containers(workload, prefix)
	count(records) > 0
} else := [_pod_record(workload, prefix, pod_spec, spec_path) |
	relative := _pod_spec_path(workload)
	pod_spec := object.get(workload, relative, null)
	is_object(pod_spec)
	spec_path := array.concat(prefix, relative)
]

_workload_containers(workload, prefix) := [record |
	relative := _pod_spec_path(workload)
	pod_spec := object.get(workload, relative, null)
	is_object(pod_spec)
	spec_path := array.concat(prefix, relative)
	some field, _ in _container_fields
	some i, container in object.get(pod_spec, field, [])
	is_object(container)
	record := _container_record(workload, prefix, pod_spec, spec_path, field, i, container)
]

_container_record(workload, prefix, pod_spec, spec_path, field, i, container) := {
	"shape": "kubernetes",
	"kind": workload.kind,
	"owner": _owner_name(workload),
	"namespace": _namespace_of(workload),
	"object": concat("/", [workload.kind, _owner_name(workload)]),
	"name": _name_of(container),
	"role": role,
	"path": path,
	"image": kubernetes_container.image(container, path),
	"user": kubernetes_container.user(pod_context, context, spec_path, path),
	"health_checks": kubernetes_container.health_checks(container, path, _keeps_running(workload, pod_spec), role),
	"limits": kubernetes_container.limits(container, path, role),
	"read_only_root_fs": kubernetes_container.read_only_root_fs(context, path),
	"waiver": waivers.kubernetes(workload, _template_metadata_path(workload), prefix),
	"privileged": kubernetes_container.privileged(context, path),
	"privilege_escalation": kubernetes_container.privilege_escalation(context, path),
	"capabilities": kubernetes_container.added_and_dropped(context, path),
	"host_namespaces": kubernetes_container.host_namespaces(pod_spec, spec_path),
	"host_mounts": kubernetes_container.host_mounts(pod_spec, spec_path, container),
	"devices": null,
	"env": kubernetes_container.env(container, path),
	"seccomp": kubernetes_container.seccomp(pod_context, spec_path, context, path),
	"pids_limit": null,
	"init": null,
	"logging": null,
	"ports": kubernetes_container.ports_of(container, path),
	"requests": kubernetes_container.requests(container, path, role),
	"build": null,
	"host_ports": kubernetes_container.host_ports(container, path),
	"sysctls": kubernetes_container.sysctls(pod_context, spec_path),
	"apparmor": kubernetes_container.apparmor(
		object.get(workload, array.concat(_template_metadata_path(workload), ["annotations"]), {}),
		array.concat(prefix, _template_metadata_path(workload)),
		_name_of(container), pod_context, spec_path, context, path,
	),
	"selinux": kubernetes_container.selinux(pod_context, spec_path, context, path),
	"proc_mount": kubernetes_container.proc_mount(context, path),
	"host_process": kubernetes_container.host_process(pod_context, spec_path, context, path),
	"volumes": kubernetes_container.volumes(pod_spec, spec_path),
} if {
	path := array.concat(spec_path, [field, i])
	role := _container_role(field, container)
	context := values.object_at(container, "securityContext")
	pod_context := values.object_at(pod_spec, "securityContext")
}

# The record of a pod with no containers: its pod-level facts, null (or none) for what only a container has.
_pod_record(workload, prefix, pod_spec, spec_path) := {
	"shape": "kubernetes",
	"kind": workload.kind,
	"owner": _owner_name(workload),
	"namespace": _namespace_of(workload),
	"object": concat("/", [workload.kind, _owner_name(workload)]),
	"name": null,
	"role": "pod",
	"path": spec_path,
	"image": null,
	"user": null,
	"health_checks": [],
	"limits": null,
	"read_only_root_fs": null,
	"waiver": waivers.kubernetes(workload, _template_metadata_path(workload), prefix),
	"privileged": null,
	"privilege_escalation": null,
	"capabilities": null,
	"host_namespaces": kubernetes_container.host_namespaces(pod_spec, spec_path),
	"host_mounts": kubernetes_container.pod_host_mounts(pod_spec, spec_path),
	"devices": null,
	"env": null,
	"seccomp": kubernetes_container.pod_seccomp(pod_context, spec_path),
	"pids_limit": null,
	"init": null,
	"logging": null,
	"ports": null,
	"requests": null,
	"build": null,
	"host_ports": null,
	"sysctls": kubernetes_container.sysctls(pod_context, spec_path),
	"apparmor": kubernetes_container.apparmor({}, [], "", pod_context, spec_path, {}, spec_path),
	"selinux": kubernetes_container.selinux(pod_context, spec_path, {}, spec_path),
	"proc_mount": null,
	"host_process": kubernetes_container.host_process(pod_context, spec_path, {}, spec_path),
	"volumes": kubernetes_container.volumes(pod_spec, spec_path),
} if {
	pod_context := values.object_at(pod_spec, "securityContext")
}

# The pod template's metadata sits beside its spec; a Pod is its own template.
_template_metadata_path(workload) := array.concat(array.slice(spec_path, 0, count(spec_path) - 1), ["metadata"]) if {
	spec_path := _pod_spec_path(workload)
}

# Whether a workload's containers are expected to keep running (and so need probes): the long-running kinds,
# and other kinds that embed a pod template unless their name says they run jobs; in either case not when the
# pods never restart (a one-shot Pod with `restartPolicy: Never` or `OnFailure`, such as a Helm test hook, runs
# to completion like a Job's).
default _keeps_running(_, _) := false

_keeps_running(workload, pod_spec) if {
	workload.kind in _long_running_kinds
	not _restarts_never(pod_spec)
}

_keeps_running(workload, pod_spec) if {
	not _pod_spec_paths[workload.kind]
	not contains(workload.kind, "Job")
	not _restarts_never(pod_spec)
}

_restarts_never(pod_spec) if pod_spec.restartPolicy in {"Never", "OnFailure"}

# A native sidecar is an init container that restarts always: it runs for the pod's whole life.
_container_role(field, container) := "sidecar" if {
	field == "initContainers"
	container.restartPolicy == "Always"
} else := _container_fields[field]

_owner_name(workload) := workload.metadata.name if {
	is_string(workload.metadata.name)
} else := workload.metadata.generateName if {
	is_string(workload.metadata.generateName)
} else := "(unnamed)"

_namespace_of(workload) := workload.metadata.namespace if is_string(workload.metadata.namespace)

else := null

_name_of(container) := container.name if is_string(container.name)

else := "(unnamed)"
