# METADATA
# title: Findings
# description: |
#   Findings are built here, from the rule's own METADATA (rego.metadata.chain()), so a rule's id and level are
#   written once. The harness joins the rest of the catalog (title, severity, remediation) by id.
#
#   Each rule reads its annotations once, in a rule of its own (`annotations`), rather than calling
#   rego.metadata.chain() per finding: the WASM build constructs the whole chain (descriptions, remediation
#   text) at every call, which was an eighth of an evaluation. A rule's `findings` is an array: a set would
#   hash every finding object. Rules iterate distinct things (containers, fields), and a set where a value
#   could repeat (a capability listed twice), so no finding repeats.
package shipshape.lib.result

# The annotations of the rule package: the entry of the chain whose custom block carries the id.
rule_annotations(chain) := [entry.annotations |
	some entry in chain
	entry.annotations.custom.id
][0]

finding(annotations, container, message, field) := finding_at(
	annotations, container, message, field,
	annotations.custom.level,
)

# A finding at a level other than the rule's default (a rule whose verdict has two grades).
finding_at(annotations, container, message, field, level) := {
	"rule": id,
	"level": level,
	"message": message,
	"object": container.object,
	"kind": container.kind,
	"owner": container.owner,
	"namespace": container.namespace,
	"container": container.name,
	"path": container.path,
	"field": field,
	"inline_waiver": inline_waiver(container.waiver, id),
} if {
	id := annotations.custom.id
	not pod_level(container, field)
} else := {
	"rule": id,
	"level": level,
	"message": about_pod(container, message),
	"object": container.object,
	"kind": container.kind,
	"owner": container.owner,
	"namespace": container.namespace,
	"container": null,
	"path": pod_path(container),
	"field": field,
	"inline_waiver": inline_waiver(container.waiver, id),
} if {
	id := annotations.custom.id
}

# A Kubernetes fact written on the pod (a field of the pod spec outside the container: host namespaces,
# volumes, the pod's securityContext that a container inherits) is one fact however many containers inherit
# it: its finding is about the pod (no container), at the pod spec, so every container's finding is the same
# one (main.rego keeps it once).
pod_level(container, _) if container.role == "pod"

pod_level(container, field) if {
	container.shape == "kubernetes"
	spec := pod_path(container)
	array.slice(field, 0, count(spec)) == spec
	array.slice(field, 0, count(container.path)) != container.path
}

pod_path(container) := container.path if {
	container.role == "pod"
} else := array.slice(container.path, 0, count(container.path) - 2)

# The rule's message names the container ("container app of Deployment/web ..."); about the pod, the workload.
about_pod(container, message) := concat("", [container.object, substring(message, count(lead), -1)]) if {
	lead := subject(container)
	startswith(message, lead)
} else := message

# The in-place waiver that names this rule, or null.
inline_waiver(waiver, id) := {"reason": waiver.reason} if id in waiver.rules

else := null

# Conftest reads `deny` and `warn` sets of objects with a `msg` in every package (docs/spec.md §6).
messages(findings, level) := {{"msg": f.message, "rule": f.rule} |
	some f in findings
	f.level == level
}

# "container app of Deployment/web", or "service web" when the owner and the container are one thing.
subject(container) := container.object if {
	container.role in {"service", "image", "build", "pod"}
} else := container.object if {
	container.kind == "container"
} else := concat("", ["container ", container.name, " of ", container.object])

# The record a finding about one stage of a Dockerfile is made about: the image record, named for the stage
# (`stage` is a dockerfile_build stage: {name, owner, object, path}).
at_stage(container, stage) := object.union(container, stage)
