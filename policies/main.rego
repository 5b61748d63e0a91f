# METADATA
# title: Entry point
# description: |
#   Collects every rule's findings by iterating the rule packages, so a new rule is a new file and nothing
#   else. The harness evaluates `shipshape/main/report` once per document.
package shipshape.main

import data.shipshape.lib.model

# Each package's `findings` by name: iterating the packages themselves would also evaluate every package's
# `deny` and `warn` (for conftest), which the WASM planner cannot skip; that cost a fifth of an evaluation.
# An array, not a set: each rule's findings are already distinct (lib/result.rego says how) and carry its
# rule id, and a set here would hash every finding. The harness orders findings by source position.
findings := [finding |
	some name
	rule_findings := data.shipshape.rules[name].findings
	some i, finding in rule_findings
	not repeated(rule_findings, i, finding)
]

# A finding about a pod comes once from each of its containers (lib/result.rego); the first stands for all.
# Only those are compared, so the common case costs one field test.
repeated(rule_findings, i, finding) if {
	finding.container == null
	i > 0
	some j in numbers.range(0, i - 1)
	rule_findings[j] == finding
}

# The in-place waivers the document carries, each once, so the harness can refuse rule ids it does not know.
inline_waivers := [waiver |
	some waiver in {{"rules": c.waiver.rules, "path": c.waiver.path} |
		some c in model.containers
		count(c.waiver.rules) > 0
	}
]

# METADATA
# entrypoint: true
# description: |
#   The shape of the document (null when no shape recognises it), every finding in it, and its in-place
#   waivers.
default report := {"shape": null, "findings": [], "inline_waivers": []}

report := {"shape": model.shape, "findings": findings, "inline_waivers": inline_waivers} if model.shape
