# METADATA
# title: Dockerfiles
# description: |
#   Turns a Dockerfile into container records. The input is the instruction list as conftest's Dockerfile
#   parser (BuildKit's) gives it: {Cmd, Flags, Value, JSON, Stage, SubCmd} per instruction; the harness gives
#   the same (with heredoc bodies), so the rules also run under conftest. The target stage (the last, or the
#   one named by data.shipshape.dockerfile_target) is one record with role `image`: its user, health check,
#   environment and exposed ports, inherited through `FROM <stage>` chains as Docker inherits them. Every other
#   stage that pulls an image is a record with role `build` that carries only its image, so the image rules
#   judge every FROM. Facts a Dockerfile cannot express (limits, privilege, mounts, ...) are null. This library
#   is the structure; every fact of one stage is dockerfile_container's.
package shipshape.lib.dockerfile

import data.shipshape.lib.dockerfile_container

is_document(doc) if {
	is_array(doc)
	count(doc) > 0
	every instruction in doc {
		_is_instruction(instruction)
	}
	some instruction in doc
	instruction.Cmd == "from"
}

_is_instruction(x) if {
	is_string(x.Cmd)
	is_array(x.Value)
}

# Indexes of the FROM instructions, one per stage, in order.
_froms(doc) := [i | some i, instruction in doc; instruction.Cmd == "from"]

# A stage's name (`FROM image AS name`), lower case as BuildKit compares them; undefined when unnamed.
_stage_name(from) := lower(from.Value[2]) if {
	count(from.Value) >= 3
	upper(from.Value[1]) == "AS"
}

_name_or_null(from) := name if {
	name := _stage_name(from)
} else := null

# The ARGs declared before the first FROM, at their defaults: the only variables FROM lines can use.
_global_args(doc, first_from) := {name: value |
	some i, instruction in doc
	i < first_from
	instruction.Cmd == "arg"
	some declaration in instruction.Value
	[name, value] := dockerfile_container.arg_default(declaration)
}

# Each stage: its FROM's index, name, image reference after ARG expansion, and parent stage when it builds on
# one (`FROM builder`). `scratch` pulls nothing.
_stages(doc) := [stage |
	indexes := _froms(doc)
	args := _global_args(doc, indexes[0])
	names := [_name_or_null(doc[i]) | some i in indexes]
	some k, i in indexes
	expanded := dockerfile_container.expand(_first_value(doc[i]), args)
	stage := {
		"index": k,
		"from": i,
		"name": names[k],
		"base": expanded,
		"written": _first_value(doc[i]),
		"parent": _parent(names, k, lower(expanded.text)),
		"pulls": _pulls(names, k, lower(expanded.text)),
	}
]

_first_value(instruction) := instruction.Value[0] if {
	is_string(instruction.Value[0])
} else := ""

_parent(names, k, base) := p if {
	some p, name in array.slice(names, 0, k)
	name == base
} else := null

_pulls(names, k, base) if {
	base != "scratch"
	base != ""
	_parent(names, k, base) == null
} else := false

# The stage the image is built from: the one named by --dockerfile-target, else the last.
_target(stages_of_file) := k if {
	k := _target_named(stages_of_file, data.shipshape.dockerfile_target)
} else := count(stages_of_file) - 1

_target_named(stages_of_file, name) := k if {
	is_string(name)
	some k, stage in stages_of_file
	stage.name == lower(name)
} else := count(stages_of_file) - 1

# The user and the health check of the image a Dockerfile builds (its `target` stage, or the last): what a
# Compose service that builds from it runs with when it sets neither itself.
image_facts(doc, target_name) := {"user": record.user, "health_check": record.health_checks[0]} if {
	all_stages := _stages(doc)
	t := _target_named(all_stages, target_name)
	record := dockerfile_container.image_record(doc, all_stages, t, _chain(all_stages, t))
}

# The target and every stage it builds on (FROM <stage> chains), as a set of stage indexes.
_chain(stages_of_file, k) := graph.reachable(parents, [k]) if {
	parents := {stage.index: edges | some stage in stages_of_file; edges := _parent_edges(stage)}
}

_parent_edges(stage) := [stage.parent] if stage.parent != null

else := []

containers(doc) := array.concat([dockerfile_container.image_record(doc, all_stages, t, _chain(all_stages, t))], [
dockerfile_container.build_record(stage) |
	some stage in all_stages
	stage.index != t
	stage.pulls
]) if {
	all_stages := _stages(doc)
	t := _target(all_stages)
}
