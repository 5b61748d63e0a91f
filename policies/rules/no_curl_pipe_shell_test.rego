package shipshape.rules.no_curl_pipe_shell_test

import data.shipshape.rules.no_curl_pipe_shell
import data.shipshape.test.fixtures_test as fx

findings(doc) := result if {
	result := no_curl_pipe_shell.findings with input as doc
}

# `download | ... | program`, as one pipeline of the final stage.
piped(download, rest) := fx.dockerfile_with([fx.run(array.concat(
	[fx.command_in(download, 0, 0, -1)],
	[fx.command_in(args, 0, k + 1, -1) | some k, args in rest],
))])

test_curl_piped_into_sh_fails if {
	[f] := findings(piped(["curl", "-fsSL", "https://get.example.com"], [["sh"]]))
	f.field == [7, "Commands", 1]
	f.message == "Dockerfile stage 1 runs a download from curl as a script in sh without verifying it"
}

test_shells_and_interpreters_reading_stdin_fail if {
	receivers := [
		[["bash", "-s", "--", "-y"]], [["tee", "x.sh"], ["bash"]], [["python3", "-"]], [["sh", "/dev/stdin"]],
		[["bash", "-o", "pipefail"]], [["wget", "-qO-", "u"], ["sh"]],
	]
	every rest in receivers {
		count(findings(piped(["curl", "-sL", "u"], rest))) == 1
	}
	every download in [["wget", "-qO-", "u"], ["wget", "-O", "-", "u"], ["wget", "--output-document=-", "u"]] {
		count(findings(piped(download, [["sh"]]))) == 1
	}
}

test_data_read_from_a_download_passes if {
	count(findings(piped(["curl", "-s", "u"], [["python3", "-c", "import json"]]))) == 0
	count(findings(piped(["curl", "-s", "u"], [["jq", "-r", ".tag"]]))) == 0
	count(findings(piped(["curl", "-s", "u"], [["sh", "-c", "cat > /x"]]))) == 0
	count(findings(piped(["curl", "-s", "u"], [["bash", "install.sh"]]))) == 0
	count(findings(piped(["sh", "-c", "x"], [["curl", "u"]]))) == 0
}

test_downloads_to_a_file_pass if {
	count(findings(piped(["curl", "-fsSLo", "x.sh", "u"], [["sh"]]))) == 0
	count(findings(piped(["curl", "-O", "u"], [["sh"]]))) == 0
	count(findings(piped(["curl", "--output", "-", "u"], [["sh"]]))) == 1
	count(findings(piped(["wget", "u"], [["sh"]]))) == 0
}

test_a_download_run_through_a_substitution_fails if {
	sh := fx.command(["sh", "-c", "$(curl -fsSL u)"])
	curl := fx.command_in(["curl", "-fsSL", "u"], 7, 0, 0)
	[f] := findings(fx.dockerfile_with([fx.run([sh, curl])]))
	f.field == [7, "Commands", 0]
	count(findings(fx.dockerfile_with([fx.run([fx.command(["eval", "$(curl u)"]), curl])]))) == 1
	count(findings(fx.dockerfile_with([fx.run([fx.command(["echo", "$(curl u)"]), curl])]))) == 0
}

test_builder_stages_are_judged_too if {
	run := fx.run_in(0, [fx.command_in(["curl", "u"], 0, 0, -1), fx.command_in(["sh"], 0, 1, -1)])
	[f] := findings(array.concat([fx.dockerfile[0], run], array.slice(fx.dockerfile, 2, 8)))
	f.container == "build"
}

# Field absent: no commands read (conftest), or none in a RUN.
test_runs_without_commands_pass if {
	count(findings(fx.dockerfile_with([fx.instruction("run", 1, ["curl -s u | sh"])]))) == 0
	count(findings(fx.dockerfile_with([fx.run([])]))) == 0
	count(findings(fx.dockerfile)) == 0
}
