# METADATA
# title: Docker security options
# description: |
#   `docker run --security-opt` and Compose `security_opt` share one syntax: `name`, `name:value` or
#   `name=value`. Both shapes read these verdicts from here.
package shipshape.lib.security_options

# `no-new-privileges` in any of its spellings (bare, `:true`, `=true`).
default no_new_privileges(_) := false

no_new_privileges(options) if {
	some option in options
	option in {"no-new-privileges", "no-new-privileges:true", "no-new-privileges=true"}
}

# Docker applies its default seccomp profile unless told `seccomp=unconfined`.
seccomp_profile(options) := "unconfined" if {
	some option in options
	option in {"seccomp:unconfined", "seccomp=unconfined"}
} else := "confined"

# The model's facts from a security option list found at `path`.
privilege_escalation(options, path) := {"blocked": no_new_privileges(options), "path": path}

seccomp(options, path) := {"profile": seccomp_profile(options), "path": path}
