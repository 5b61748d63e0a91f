# METADATA
# title: Rule parameters
# description: |
#   Rule parameters come from the configuration file through `data.shipshape.params.<rule-id>.<name>`;
#   each rule passes its own default, so the bundle works unconfigured (and under conftest).
package shipshape.lib.params

param(rule_id, name, fallback) := value if {
	value := data.shipshape.params[rule_id][name]
} else := fallback
