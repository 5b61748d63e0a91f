# METADATA
# title: In-place waivers
# description: |
#   Waivers written into the workload itself (docs/spec.md §5): the Kubernetes annotations `shipshape.dev/waive`
#   ("rule[,rule]") and `shipshape.dev/waive-reason`, a Compose service's `x-shipshape: {waive, reason}`, and
#   the container labels `shipshape.waive` and `shipshape.waive-reason`. The model records them; whether they
#   are honoured (and whether a waiver without a reason counts) is the harness's decision. Each waiver carries
#   the path of the field that names its rules, so the harness can point at an unknown rule id.
package shipshape.lib.waivers

none(path) := {"rules": [], "reason": "", "path": path}

# Rule ids from a comma-separated string or a list of strings.
rule_ids(value) := sort({id |
	some part in split(value, ",")
	id := trim_space(part)
	id != ""
}) if {
	is_string(value)
} else := sort({id |
	some item in value
	is_string(item)
	id := trim_space(item)
	id != ""
}) if {
	is_array(value)
} else := []

reason(value) := trim_space(value) if is_string(value)

else := ""

from_annotations(annotations, path) := {
	"rules": rule_ids(object.get(annotations, "shipshape.dev/waive", null)),
	"reason": reason(object.get(annotations, "shipshape.dev/waive-reason", null)),
	"path": array.concat(path, ["shipshape.dev/waive"]),
} if {
	is_object(annotations)
} else := none(path)

# A workload's own annotations, or else its pod template's. `prefix` is where the workload stands in its document.
kubernetes(workload, template_metadata_path, prefix) := waiver if {
	own := array.concat(prefix, ["metadata", "annotations"])
	waiver := from_annotations(object.get(workload, ["metadata", "annotations"], null), own)
	count(waiver.rules) > 0
} else := from_annotations(
	object.get(workload, array.concat(template_metadata_path, ["annotations"]), null),
	array.concat(prefix, array.concat(template_metadata_path, ["annotations"])),
)

compose(service, path) := {
	"rules": rule_ids(object.get(service, ["x-shipshape", "waive"], null)),
	"reason": reason(object.get(service, ["x-shipshape", "reason"], null)),
	"path": array.concat(path, ["x-shipshape", "waive"]),
}

docker(config, path) := {
	"rules": rule_ids(object.get(config, ["Labels", "shipshape.waive"], null)),
	"reason": reason(object.get(config, ["Labels", "shipshape.waive-reason"], null)),
	"path": array.concat(path, ["Config", "Labels", "shipshape.waive"]),
}
