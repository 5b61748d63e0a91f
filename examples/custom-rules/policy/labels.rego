# A conftest-style policy, as a team may already have one: `deny` rules over the raw document, in package main.
package main

import data.lib.workloads

deny contains msg if {
	workloads.is_workload
	not input.metadata.labels.owner
	msg := sprintf("%s/%s has no owner label", [input.kind, input.metadata.name])
}
