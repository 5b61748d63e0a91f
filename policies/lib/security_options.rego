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

# `apparmor=unconfined` (or `apparmor:unconfined`) runs the container without an AppArmor profile; any other
# name is a loaded profile, and none means Docker's default.
apparmor(options, path) := {"profile": "unconfined", "confined": false, "path": array.concat(path, [i])} if {
	some i, option in options
	lower(option) in {"apparmor=unconfined", "apparmor:unconfined"}
} else := {"profile": null, "confined": true, "path": path}

# SELinux labels: `label=disable` turns separation off; `label=type:T`, `label=user:U`, `label=role:R` set
# what PSS governs in Kubernetes (`label=level:L` sets only the MCS level, which is not governed).
selinux(options, path) := [label_option(value, array.concat(path, [i])) |
	some i, option in options
	is_string(option)
	some prefix in ["label=", "label:"]
	startswith(option, prefix)
	value := substring(option, count(prefix), -1)
]

label_option(value, path) := {
	"disabled": lower(value) == "disable",
	"type": label_part(value, "type"),
	"user": label_part(value, "user"),
	"role": label_part(value, "role"),
	"path": path,
}

label_part(value, key) := substring(value, count(key) + 1, -1) if {
	startswith(value, concat("", [key, ":"]))
} else := null

# `systempaths=unconfined` unmasks /proc and /sys paths the runtime masks (PSS's `procMount: Unmasked`).
proc_mount(options, path) := {"unmasked": true, "path": array.concat(path, [i])} if {
	some i, option in options
	lower(option) in {"systempaths=unconfined", "systempaths:unconfined"}
} else := {"unmasked": false, "path": path}
