# METADATA
# title: Dockerfile build steps
# description: |
#   What building the image does, for the image-build rules: the base image the target's chain of stages
#   starts from, the ENTRYPOINT and CMD in force at its end, every stage's RUN commands and every COPY/ADD
#   source, each marked with its stage and whether that stage ships in the image (`in_image`: the target and
#   the stages it builds FROM; a builder stage's layers do not ship, only what is copied out of it).
#   RUN, CMD and ENTRYPOINT commands are the harness's shell reading (`Commands`: tree-sitter-bash); conftest's
#   Dockerfile parser gives none, so there the rules that read commands find nothing to judge.
package shipshape.lib.dockerfile_build

# The build facts of the image record. `stages` gives each stage's label (its AS name, else its index) and
# the index of its FROM; each run and copy names its stage as {name, owner, object, path}, so a finding about
# it can be made about that stage (result.at_stage).
facts(doc, stages, chain, base) := {
	"base": base,
	"entrypoint": _entrypoint(doc, chain),
	"cmd": _cmd(doc, chain),
	"runs": _runs(doc, stages, chain),
	"copies": _copies(doc, stages, chain),
}

# --- ENTRYPOINT and CMD ---------------------------------------------------------------------------------

# The last instruction named `name` in the chain, as [index, instruction]; undefined when there is none.
_last_in_chain(doc, chain, name) := found[count(found) - 1] if {
	found := [[i, instruction] |
		some i, instruction in doc
		instruction.Cmd == name
		instruction.Stage in chain
	]
	count(found) > 0
}

_entrypoint(doc, chain) := _launch(e[0], e[1]) if {
	e := _last_in_chain(doc, chain, "entrypoint")
} else := null

# An ENTRYPOINT set in a later stage than the last CMD resets it (Docker: setting ENTRYPOINT clears the CMD
# the base image had); else the last CMD of the chain is in force. Null when the Dockerfile sets none (the
# base image's, which the Dockerfile does not show).
_cmd(doc, chain) := null if {
	c := _last_in_chain(doc, chain, "cmd")
	e := _last_in_chain(doc, chain, "entrypoint")
	e[1].Stage > c[1].Stage
} else := _launch(c[0], c[1]) if {
	c := _last_in_chain(doc, chain, "cmd")
} else := null

# How an ENTRYPOINT or CMD starts the process: its form; whether a shell-form script ends by `exec`-ing the
# program (which then replaces the shell as PID 1); whether an exec form starts an init that forwards signals;
# and the programs it runs.
_launch(i, instruction) := {
	"form": _form(instruction),
	"execs": _execs(instruction),
	"init": _starts_init(instruction),
	"programs": _launched_programs(i, instruction),
	"path": [i, "Value", 0],
}

_form(instruction) := "exec" if instruction.JSON == true

else := "shell"

# The script's last top-level command is `exec program ...`, alone in its pipeline.
_execs(instruction) if {
	_form(instruction) == "shell"
	top := [c | some c in _commands_of(instruction); c.Within == -1]
	count(top) > 0
	last := top[count(top) - 1]
	last.Args[0] == "exec"
	count([c | some c in top; c.Pipeline == last.Pipeline]) == 1
}

else := false

# Inits made to run as PID 1: they reap zombies and forward signals to the program they start.
_inits := {"tini", "tini-static", "dumb-init", "catatonit", "docker-init", "init", "s6-svscan"}

_starts_init(instruction) if {
	_form(instruction) == "exec"
	_basename(instruction.Value[0]) in _inits
}

else := false

# What an ENTRYPOINT or CMD runs: every command the harness read in it; without them (under conftest), an
# exec form's program.
_launched_programs(i, instruction) := [{"program": c.program, "path": c.path} |
	some c in _commands(instruction, i)
] if {
	count(_commands_of(instruction)) > 0
} else := [{"program": _basename(instruction.Value[0]), "path": [i, "Value", 0]}] if {
	_form(instruction) == "exec"
	is_string(instruction.Value[0])
} else := []

# --- RUN --------------------------------------------------------------------------------------------------

# Every RUN of the file, in order: its stage, whether the stage ships, its --mount options, its commands.
_runs(doc, stages, chain) := [{
	"stage": _stage_of(stages, instruction.Stage),
	"in_image": instruction.Stage in chain,
	"path": [i],
	"mounts": _mounts(instruction),
	"commands": _commands(instruction, i),
} |
	some i, instruction in doc
	instruction.Cmd == "run"
]

_stage_of(stages, k) := {
	"name": stages[k].label,
	"owner": stages[k].label,
	"object": concat("", ["Dockerfile stage ", stages[k].label]),
	"path": [stages[k].from],
}

# The commands of a RUN, CMD or ENTRYPOINT as the model gives them, each with its index and path. Entries
# that are not objects are left out; a missing or mistyped field reads as empty.
_commands(instruction, i) := [{
	"index": k,
	"program": _string_field(raw, "Program"),
	"args": _strings_field(raw, "Args"),
	"arguments": _strings_field(raw, "Arguments"),
	"env": _strings_field(raw, "Env"),
	"pipeline": _number_field(raw, "Pipeline"),
	"position": _number_field(raw, "Position"),
	"within": _number_field(raw, "Within"),
	"redirects": [{"op": r.Op, "target": r.Target} |
		some r in _array_field(raw, "Redirects")
		is_string(r.Op)
		is_string(r.Target)
	],
	"path": [i, "Commands", k],
} |
	some k, raw in _commands_of(instruction)
	is_object(raw)
]

_commands_of(instruction) := instruction.Commands if is_array(instruction.Commands)

else := []

_string_field(x, key) := x[key] if is_string(x[key])

else := ""

_strings_field(x, key) := [s | some s in _array_field(x, key); is_string(s)]

_array_field(x, key) := x[key] if is_array(x[key])

else := []

_number_field(x, key) := x[key] if is_number(x[key])

else := -1

# `--mount=type=cache,target=/var/cache/apt` as {type, target}; BuildKit's default type is bind.
_mounts(instruction) := [{"type": object.get(options, "type", "bind"), "target": _mount_target(options)} |
	some flag in instruction.Flags
	startswith(flag, "--mount=")
	options := {key: value |
		some option in split(substring(flag, 8, -1), ",")
		parts := split(option, "=")
		key := lower(parts[0])
		value := concat("=", array.slice(parts, 1, count(parts)))
	}
]

_mount_target(options) := options.target if is_string(options.target)

else := options.dst if is_string(options.dst)

else := options.destination if is_string(options.destination)

else := ""

# --- COPY and ADD -----------------------------------------------------------------------------------------

# Every source of every COPY and ADD, with the destination it is copied to (the last value; a heredoc source
# is inline text, not a file).
_copies(doc, stages, chain) := [{
	"instruction": instruction.Cmd,
	"stage": _stage_of(stages, instruction.Stage),
	"in_image": instruction.Stage in chain,
	"source": source,
	"destination": instruction.Value[count(instruction.Value) - 1],
	"from": _flag_value(instruction.Flags, "--from"),
	"url": _is_url(source),
	"checksum": _flag_value(instruction.Flags, "--checksum") != null,
	"path": [i, "Value", k],
} |
	some i, instruction in doc
	instruction.Cmd in {"copy", "add"}
	count(instruction.Value) >= 2
	some k in numbers.range(0, count(instruction.Value) - 2)
	source := instruction.Value[k]
	is_string(source)
	not startswith(source, "<<")
]

_flag_value(flags, name) := value if {
	some flag in flags
	startswith(flag, concat("", [name, "="]))
	value := substring(flag, count(name) + 1, -1)
} else := null

# A remote source ADD downloads: an HTTP(S) URL or a Git repository.
_is_url(source) if regex.match(`^(?i)(https?://|git@|git://)`, source)

else := false

_basename(path) := parts[count(parts) - 1] if {
	is_string(path)
	parts := split(path, "/")
} else := ""
