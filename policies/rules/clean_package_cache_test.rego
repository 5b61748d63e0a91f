package shipshape.rules.clean_package_cache_test

import data.shipshape.rules.clean_package_cache
import data.shipshape.test.fixtures_test as fx

findings(doc) := result if {
	result := clean_package_cache.findings with input as doc
}

running(commands) := fx.dockerfile_with([fx.run([fx.command(args) | some args in commands])])

messages(commands) := [f.message | some f in findings(running(commands))]

test_apt_install_without_removing_the_lists_fails if {
	[f] := findings(running([["apt-get", "update"], ["apt-get", "install", "-y", "curl"]]))
	f.field == [7, "Commands", 1]
	f.message == "Dockerfile stage 1 installs with apt and leaves /var/lib/apt/lists in the layer"
	cleaned := [["apt-get", "update"], ["apt-get", "install", "-y", "curl"], ["rm", "-rf", "/var/lib/apt/lists/*"]]
	count(messages(cleaned)) == 0
	count(messages([["apt-get", "update"], ["apt-get", "install", "-y", "curl"], ["apt-get", "dist-clean"]])) == 0
}

test_an_index_update_alone_fails if {
	messages([["apt-get", "update"]]) == ["Dockerfile stage 1 runs apt-get update without installing in the same RUN"]
	messages([["apk", "update"]]) == ["Dockerfile stage 1 runs apk update without installing in the same RUN"]
}

test_apk_add_needs_no_cache if {
	messages([["apk", "add", "curl"]]) == ["Dockerfile stage 1 runs apk add without --no-cache"]
	count(messages([["apk", "add", "--no-cache", "curl"]])) == 0
	count(messages([["apk", "--no-cache", "add", "curl"]])) == 0
	count(messages([["apk", "add", "--no-network", "--virtual", ".rundeps", "libgcc"]])) == 0
}

test_pip_install_needs_no_cache_dir if {
	pip_message := "Dockerfile stage 1 runs pip install without --no-cache-dir"
	messages([["pip", "install", "-r", "requirements.txt"]]) == [pip_message]
	count(messages([["python3", "-m", "pip", "install", "flask"]])) == 1
	count(messages([["pip3", "install", "--no-cache-dir", "flask"]])) == 0
	count(messages([["pip", "download", "flask"]])) == 0
	prefixed := object.union(fx.command(["pip", "install", "x"]), {"Env": ["PIP_NO_CACHE_DIR=1"]})
	count(findings(fx.dockerfile_with([fx.run([prefixed])]))) == 0
	image_env := fx.instruction("env", 1, ["PIP_NO_CACHE_DIR", "1", "="])
	count(findings(fx.dockerfile_with([image_env, fx.run([fx.command(["pip", "install", "x"])])]))) == 0
}

test_yum_dnf_and_zypper_need_clean_all if {
	dnf_message := "Dockerfile stage 1 installs with dnf without \"dnf clean all\" in the same RUN"
	messages([["dnf", "install", "-y", "git"]]) == [dnf_message]
	count(messages([["microdnf", "install", "git"], ["microdnf", "clean", "all"]])) == 0
	count(messages([["yum", "-y", "install", "git"], ["rm", "-rf", "/var/cache/yum"]])) == 0
	count(messages([["zypper", "--non-interactive", "in", "git"]])) == 1
	count(messages([["zypper", "in", "git"], ["zypper", "clean", "--all"]])) == 0
}

test_a_cache_mount_keeps_the_cache_out_of_the_layer if {
	mounted := object.union(fx.run([fx.command(["apt-get", "install", "-y", "curl"])]), {"Flags": [
		"--mount=type=cache,target=/var/cache/apt,sharing=locked",
		"--mount=type=cache,target=/var/lib/apt,sharing=locked",
	]})
	count(findings(fx.dockerfile_with([mounted]))) == 0
	pip := object.union(
		fx.run([fx.command(["pip", "install", "x"])]),
		{"Flags": ["--mount=type=cache,dst=/root/.cache/pip"]},
	)
	count(findings(fx.dockerfile_with([pip]))) == 0
}

test_builder_stages_are_not_judged if {
	run := fx.run_in(0, [fx.command(["apk", "add", "gcc"])])
	count(findings(array.concat([fx.dockerfile[0], run], array.slice(fx.dockerfile, 2, 8)))) == 0
}

# Field absent: RUN commands not read (conftest), or commands with missing fields.
test_runs_without_commands_pass if {
	count(findings(fx.dockerfile_with([fx.instruction("run", 1, ["apt-get install curl"])]))) == 0
	malformed := object.union(fx.instruction("run", 1, ["x"]), {"Commands": [{"Program": "apk"}, "x", null]})
	count(findings(fx.dockerfile_with([malformed]))) == 0
}
