# METADATA
# title: Entry point
# description: |
#   Collects every rule's findings by iterating the rule packages, so a new rule is a new file and nothing
#   else. The harness evaluates `shipshape/main/report` once per document.
package shipshape.main

import data.shipshape.lib.model

findings contains finding if {
	some rule in data.shipshape.rules
	some finding in rule.findings
}

# METADATA
# entrypoint: true
# description: The shape of the document (null when no shape recognises it) and every finding in it.
default report := {"shape": null, "findings": []}

report := {"shape": model.shape, "findings": findings} if model.shape
