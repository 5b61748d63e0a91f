package shipshape.rules.builder_pattern_test

import data.shipshape.rules.builder_pattern
import data.shipshape.test.fixtures_test as fx

findings(doc) := result if {
	result := builder_pattern.findings with input as doc
}

running(commands) := fx.dockerfile_with([fx.run([fx.command(args) | some args in commands])])

test_installing_a_toolchain_in_the_final_stage_fails if {
	[f] := findings(running([["apt-get", "install", "-y", "--no-install-recommends", "gcc", "libpq-dev=15.1", "libpq5"]]))
	f.field == [7, "Commands", 0]
	f.message == "Dockerfile stage 1 installs build tools into the image: gcc, libpq-dev"
	every args in [
		["apk", "add", "--no-cache", "build-base"], ["dnf", "install", "-y", "gcc-c++", "openssl-devel"],
		["apt-get", "install", "g++-12"], ["yum", "groupinstall", "-y", "Development Tools"], ["apk", "add", "go"],
		["apt-get", "-o", "Dpkg::Options::=--force-confnew", "install", "make"],
	] {
		count(findings(running([args]))) == 1
	}
}

test_runtime_packages_and_pip_pass if {
	count(findings(running([["apt-get", "install", "-y", "libpq5", "curl", "udev"]]))) == 0
	count(findings(running([["pip", "install", "cmake"]]))) == 0
	count(findings(running([["apt-get", "install", "-o", "make"]]))) == 0
}

test_a_toolchain_removed_in_the_same_run_passes if {
	virtual := [
		["apk", "add", "--virtual", ".build-deps", "gcc", "musl-dev"],
		["pip", "install", "x"],
		["apk", "del", ".build-deps"],
	]
	count(findings(running(virtual))) == 0
	count(findings(running([["apk", "add", "--virtual=.deps", "gcc"], ["apk", "del", ".deps"]]))) == 0
	count(findings(running([["apt-get", "install", "-y", "gcc"], ["make"], ["apt-get", "purge", "-y", "gcc"]]))) == 0
	official := [
		["apt-get", "install", "-y", "gcc", "make"],
		["apt-mark", "auto", ".*"],
		["apt-get", "purge", "-y", "--auto-remove"],
	]
	count(findings(running(official))) == 0
	count(findings(running([["apt-get", "purge", "-y", "gcc"], ["apt-get", "install", "-y", "gcc"]]))) == 1
}

test_builder_stages_pass if {
	run := fx.run_in(0, [fx.command(["apt-get", "install", "-y", "build-essential"])])
	count(findings(array.concat([fx.dockerfile[0], run], array.slice(fx.dockerfile, 2, 8)))) == 0
}

# Field absent: RUN commands not read (conftest).
test_runs_without_commands_pass if {
	count(findings(fx.dockerfile_with([fx.instruction("run", 1, ["apt-get install gcc"])]))) == 0
	count(findings(fx.dockerfile)) == 0
}
