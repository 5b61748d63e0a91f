# METADATA
# title: Docker-style user strings
# description: |
#   `Config.User` in docker inspect and `user` in Compose share one syntax: `user`, `uid`, `user:group` or
#   `uid:gid`. Only the user part decides who the process runs as; a root group alone is not root. runc reads
#   the user part with Go's strconv.Atoi, so `00`, `+0` and `-0` are uid 0 as much as `0` is.
package shipshape.lib.users

import data.shipshape.lib.values

# The user part of a user value, as a string. Compose allows a bare number (`user: 1000`).
user_part(value) := format_int(value, 10) if {
	is_number(value)
} else := trim_space(split(value, ":")[0]) if {
	is_string(value)
}

# The reason a user value lets the container run as root; undefined when it does not.
root_reason(value) := "no user is set, so it runs as root" if {
	not user_part(value)
} else := "no user is set, so it runs as root" if {
	user_part(value) == ""
} else := concat("", ["its user is \"", user_string(value), "\""]) if {
	is_root(user_part(value))
}

is_root("root")

is_root(part) if is_uid_zero(part)

# A number as strconv.Atoi reads it ([+-]?[0-9]+) whose value is zero.
is_uid_zero(part) if {
	digits := without_sign(part)
	values.digits(digits)
	trim_left(digits, "0") == ""
}

without_sign(part) := substring(part, 1, -1) if {
	some sign in ["+", "-"]
	startswith(part, sign)
} else := part

# A Compose service that sets no user runs as its image's default user, which the Compose file does not show:
# root unless the image's Dockerfile ends with a USER (most images do not). docker inspect needs no such
# guess: a container's Config.User already holds the image's default when the run set none.
image_default(path) := {
	"may_be_root": true,
	"claim": "may run as root",
	"reason": "no user is set, so the image's default user runs it (root unless the image sets USER)",
	"path": path,
}

# The user fact of a Docker-style user value (Compose `user`, docker inspect `Config.User`) found at `path`.
fact(value, path) := {"may_be_root": true, "claim": "may run as root", "reason": reason, "path": path} if {
	reason := root_reason(value)
} else := {"may_be_root": false, "claim": "runs as a non-root user", "reason": "a non-root user is set", "path": path}

user_string(value) := value if is_string(value)

user_string(value) := format_int(value, 10) if is_number(value)
