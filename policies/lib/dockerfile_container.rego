# METADATA
# title: Dockerfile stage facts
# description: |
#   Every fact of one Dockerfile stage for the container model: the image its FROM pulls (after ARG
#   expansion), and for the target stage the user, health check, environment and exposed ports in force at its
#   end, following its FROM <stage> chain (the last USER or HEALTHCHECK of the chain wins, as in Docker).
package shipshape.lib.dockerfile_container

import data.shipshape.lib.dockerfile_build
import data.shipshape.lib.ports
import data.shipshape.lib.secrets
import data.shipshape.lib.users

# "NAME=default" or "NAME" (no default: null).
arg_default(declaration) := [name, concat("=", array.slice(parts, 1, count(parts)))] if {
	parts := split(declaration, "=")
	count(parts) > 1
	name := parts[0]
} else := [declaration, null]

# Docker's variable expansion in a FROM line: `$NAME`, `${NAME}`, `${NAME:-default}`, `${NAME-default}`, with
# the global ARGs' defaults. A variable with no value and no default is unresolved, never guessed.
expand(text, args) := {"text": concat("", [p.text | some p in pieces]), "unresolved": unresolved} if {
	parts := split(text, "$")
	references := [_piece(part, args) | some part in array.slice(parts, 1, count(parts))]
	pieces := array.concat([{"text": parts[0], "unresolved": false}], references)
	unresolved := [p.unresolved | some p in pieces; p.unresolved]
}

_word_characters := "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_"

# One `$...` reference and the text after it.
_piece(part, args) := {"text": concat("", [v.text, substring(part, close + 1, -1)]), "unresolved": v.unresolved} if {
	startswith(part, "{")
	close := indexof(part, "}")
	close > 0
	v := _variable(substring(part, 1, close - 1), args)
} else := {"text": concat("", [v.text, substring(part, count(name), -1)]), "unresolved": v.unresolved} if {
	name := substring(part, 0, count(part) - count(trim_left(part, _word_characters)))
	name != ""
	v := _variable(name, args)
} else := {"text": concat("", ["$", part]), "unresolved": false}

_variable(body, args) := {"text": args[name], "unresolved": false} if {
	name := _variable_name(body)
	is_string(args[name])
	not _empty_replaced(body, args[name])
} else := {"text": _fallback(body), "unresolved": false} if {
	_operator(body) != ""
} else := {"text": "", "unresolved": _variable_name(body)}

# `${NAME:-x}` replaces an empty value too; `${NAME-x}` only a missing one.
_empty_replaced(body, "") if _operator(body) == ":-"

_operator(body) := ":-" if {
	contains(body, ":-")
} else := "-" if {
	contains(body, "-")
} else := ""

_variable_name(body) := split(body, _operator(body))[0] if {
	_operator(body) != ""
} else := body

_fallback(body) := concat(_operator(body), array.slice(parts, 1, count(parts))) if {
	parts := split(body, _operator(body))
}

# The record of a stage that only builds: its image, for the image rules; nothing of how it runs.
build_record(stage) := object.union(_base_record(stage, "build"), {
	"image": _image(stage),
	"user": null,
	"health_checks": [],
	"env": [],
	"ports": [],
	"build": null,
})

# The target stage: the image that is built.
image_record(doc, stages_of_file, t, chain) := object.union(_base_record(stages_of_file[t], "image"), {
	"image": _image(stages_of_file[t]),
	"user": _user(doc, stages_of_file[t], chain),
	"health_checks": [_health_check(doc, stages_of_file[t], chain)],
	"env": _env(doc, chain),
	"ports": _exposed(doc, chain),
	"build": dockerfile_build.facts(
		doc,
		[{"label": _label(s), "from": s.from} | some s in stages_of_file],
		chain,
		_root_image(stages_of_file, chain),
	),
})

# The image the target's chain of stages starts from (its first stage's FROM); null for scratch.
_root_image(stages_of_file, chain) := _image(root) if {
	some root in stages_of_file
	root.index in chain
	root.parent == null
} else := null

_base_record(stage, role) := {
	"shape": "dockerfile",
	"kind": "Dockerfile",
	"owner": _label(stage),
	"namespace": null,
	"object": concat("", ["Dockerfile stage ", _label(stage)]),
	"name": _label(stage),
	"role": role,
	"path": [stage.from],
	"limits": null,
	"read_only_root_fs": null,
	"waiver": {"rules": [], "reason": "", "path": [stage.from]},
	"privileged": null,
	"privilege_escalation": null,
	"capabilities": null,
	"host_namespaces": [],
	"host_mounts": [],
	"devices": null,
	"seccomp": null,
	"pids_limit": null,
	"init": null,
	"logging": null,
	"requests": null,
	"host_ports": null,
	"sysctls": null,
	"apparmor": null,
	"selinux": null,
	"proc_mount": null,
	"host_process": null,
	"volumes": null,
}

_label(stage) := stage.name if {
	stage.name != null
} else := format_int(stage.index, 10)

# The image a stage's FROM pulls, after ARG expansion; null for scratch or another stage.
_image(stage) := {"ref": _reference(stage), "path": [stage.from, "Value", 0], "unresolved": stage.base.unresolved} if {
	stage.pulls
} else := null

# What FROM names after expansion; as written when a variable cannot be resolved.
_reference(stage) := stage.written if {
	count(stage.base.unresolved) > 0
} else := stage.base.text

# Instructions of the stages in the chain, with their indexes, in file order.
_in_chain(doc, chain, cmd) := [[i, instruction] |
	some i, instruction in doc
	instruction.Cmd == cmd
	instruction.Stage in chain
]

# The last USER of the chain decides; without one, the base image's user runs it (root for most images).
_user(doc, stage, chain) := users.fact(last[1].Value[0], [last[0], "Value", 0]) if {
	found := _in_chain(doc, chain, "user")
	count(found) > 0
	last := found[count(found) - 1]
} else := {
	"may_be_root": true,
	"claim": "may run as root",
	"reason": "no USER instruction, so the base image's user runs it (root for most images)",
	"path": [stage.from],
}

# The last HEALTHCHECK of the chain decides; NONE disables one the base image has.
_health_check(doc, stage, chain) := {"name": "HEALTHCHECK", "configured": configured, "path": [last[0]]} if {
	found := _in_chain(doc, chain, "healthcheck")
	count(found) > 0
	last := found[count(found) - 1]
	configured := upper(last[1].Value[0]) != "NONE"
} else := {"name": "HEALTHCHECK", "configured": false, "path": [stage.from]}

# ENV values are baked into the image; ARG defaults are in its build history. `$VAR` references are expanded
# at build time from ARGs, so they are references here; a `*_FILE` path or an ARG without default is not a
# literal.
_env(doc, chain) := array.concat(
	[secrets.variable(instruction.Value[j], instruction.Value[j + 1], "compose", [i, "Value", j]) |
		some [i, instruction] in _in_chain(doc, chain, "env")
		some j in numbers.range(0, count(instruction.Value) - 1)
		j % 3 == 0
		j + 1 < count(instruction.Value)
	],
	[secrets.variable(name, value, "compose", [i, "Value", k]) |
		some [i, instruction] in _in_chain(doc, chain, "arg")
		some k, declaration in instruction.Value
		[name, value] := arg_default(declaration)
		value != null
	],
)

_exposed(doc, chain) := [{"port": port, "path": [i, "Value", k]} |
	some [i, instruction] in _in_chain(doc, chain, "expose")
	some k, entry in instruction.Value
	port := ports.container_port(entry)
]
