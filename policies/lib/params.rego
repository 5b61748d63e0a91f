# METADATA
# title: Rule parameters
# description: |
#   Rule parameters come from the configuration file through `data.shipshape.params.<rule-id>.<name>`;
#   each rule passes its own default, so the bundle works unconfigured (and under conftest).
package shipshape.lib.params

param(rule_id, name, fallback) := value if {
	value := data.shipshape.params[rule_id][name]
} else := fallback

# The rule set in force (`baseline` or `restricted`), for a rule whose verdict has a part of each; the harness
# leaves out the rules outside the profile itself. Restricted when not given (and under conftest).
default profile := "restricted"

profile := data.shipshape.profile if data.shipshape.profile in {"baseline", "restricted"}
