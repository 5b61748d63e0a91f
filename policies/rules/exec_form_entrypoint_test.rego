package shipshape.rules.exec_form_entrypoint_test

import data.shipshape.rules.exec_form_entrypoint
import data.shipshape.test.fixtures_test as fx

findings(doc) := result if {
	result := exec_form_entrypoint.findings with input as doc
}

# The fixture ends with ENTRYPOINT ["/server"] at index 7; these replace it.
ending(instructions) := array.concat(array.slice(fx.dockerfile, 0, 7), instructions)

# A shell-form CMD or ENTRYPOINT with these commands, in the final stage or another.
shell(cmd, commands) := shell_in(1, cmd, commands)

shell_in(stage, cmd, commands) := object.union(fx.run_in(stage, commands), {"Cmd": cmd})

test_shell_form_cmd_fails if {
	[f] := findings(ending([shell("cmd", [fx.command(["node", "server.js"])])]))
	f.field == [7, "Value", 0]
	f.message == concat("", [
		"Dockerfile stage 1 starts with CMD in shell form, ",
		"so /bin/sh is PID 1 and SIGTERM does not reach the program",
	])
}

test_shell_form_entrypoint_fails_and_its_cmd_is_not_judged if {
	[f] := findings(ending([shell("entrypoint", [fx.command(["/server"])]), shell("cmd", [fx.command(["--port", "80"])])]))
	f.field == [7, "Value", 0]
	contains(f.message, "ENTRYPOINT")
}

test_exec_form_passes if {
	count(findings(fx.dockerfile)) == 0
	count(findings(ending([fx.exec_form("cmd", 1, ["node", "server.js"])]))) == 0
}

test_a_script_that_ends_by_exec_passes if {
	wait := fx.command(["./wait-for-db.sh"])
	run := object.union(fx.command(["exec", "node", "server.js"]), {"Program": "node", "Arguments": ["server.js"]})
	count(findings(ending([shell("cmd", [wait, run])]))) == 0
	piped := object.union(run, {"Pipeline": 1, "Position": 0})
	logger := fx.command_in(["logger"], 1, 1, -1)
	count(findings(ending([shell("cmd", [piped, logger])]))) == 1
}

test_shell_cmd_behind_an_exec_form_init_passes if {
	cmd := shell("cmd", [fx.command(["node", "s.js"])])
	count(findings(ending([fx.exec_form("entrypoint", 1, ["/sbin/tini", "--"]), cmd]))) == 0
	count(findings(ending([fx.exec_form("entrypoint", 1, ["/docker-entrypoint.sh"]), cmd]))) == 1
}

test_an_entrypoint_in_a_later_stage_resets_the_cmd if {
	doc := [
		fx.dockerfile[0],
		shell_in(0, "cmd", [fx.command(["go", "run", "."])]),
		fx.instruction("from", 1, ["build"]),
		fx.exec_form("entrypoint", 1, ["/server"]),
	]
	count(findings(doc)) == 0
	count(findings(array.concat(doc, [shell("cmd", [fx.command(["x"])])]))) == 1
}

# Field absent: no CMD or ENTRYPOINT at all (the base image's, which the Dockerfile does not show), or the
# commands not read (conftest): the shell form still fails, by the JSON flag.
test_no_cmd_or_entrypoint_passes if {
	count(findings(fx.dockerfile_without([7]))) == 0
}

test_without_commands_the_shell_form_still_fails if {
	count(findings(ending([fx.instruction("cmd", 1, ["exec node server.js"])]))) == 1
}

test_builder_stages_are_not_judged if {
	builder_cmd := shell_in(0, "cmd", [fx.command(["sh"])])
	count(findings(array.concat([fx.dockerfile[0], builder_cmd], array.slice(fx.dockerfile, 2, 8)))) == 0
}
