# METADATA
# title: Package managers
# description: |
#   What a command does with a package manager, read from its words as the manager reads them: apt-get, apt
#   and aptitude (apt), apk, yum, dnf, microdnf and tdnf (yum), zypper, and pip (pip, pip3, `python -m pip`).
#   The operation is the first operand (options and their values skipped); packages are the operands after it,
#   without version (`gcc=4:12`, `curl~8`, `flask==3`) or architecture (`gcc:amd64`), lower case.
package shipshape.lib.packages

manager(program) := "apt" if program in {"apt-get", "apt", "aptitude"}

else := "apk" if program == "apk"

else := "yum" if program in {"dnf", "microdnf", "tdnf", "yum"}

else := "zypper" if program == "zypper"

else := "pip" if regex.match("^pip[0-9.]*$", program)

# A command that runs a package manager, as {manager, args}: its arguments (for `python -m pip`, those
# after `pip`); undefined for any other command.
invocation(command) := {"manager": m, "args": command.arguments} if {
	m := manager(command.program)
} else := {"manager": "pip", "args": array.slice(command.arguments, 2, count(command.arguments))} if {
	regex.match(`^python[0-9.]*$`, command.program)
	array.slice(command.arguments, 0, 2) == ["-m", "pip"]
}

# Options that take a value as the next word, per manager (`apt-get -o Dpkg::Options::=x install`).
valued := {
	"apt": {"-o", "-t", "-c", "--option", "--target-release", "--config-file"},
	"apk": {
		"-t", "--virtual", "-X", "--repository", "-p", "--root", "--arch", "--keys-dir", "--cache-dir",
		"--repositories-file",
	},
	"yum": {
		"-c", "--config", "--installroot", "--releasever", "--setopt", "-x", "--exclude", "--enablerepo",
		"--disablerepo", "--repo", "--repoid",
	},
	"zypper": {"-r", "--repo", "--root", "-R", "-D", "--reposd-dir", "-C", "--cache-dir", "-t", "--type"},
	"pip": {
		"-r", "--requirement", "-c", "--constraint", "-e", "--editable", "-i", "--index-url", "--extra-index-url",
		"-f", "--find-links", "-t", "--target", "--prefix", "--root", "--src", "--upgrade-strategy", "--platform",
		"--python-version", "--implementation", "--abi", "--only-binary", "--no-binary", "--trusted-host",
		"--cache-dir", "--log", "--proxy", "--timeout", "--retries", "--exists-action", "--cert", "--client-cert",
		"--global-option", "--config-settings", "-C", "--progress-bar",
	},
}

# The words that are neither options nor an option's value.
operands(m, args) := [word |
	some j, word in args
	not startswith(word, "-")
	not value_of_option(m, args, j)
]

value_of_option(m, args, j) if {
	j > 0
	args[j - 1] in valued[m]
}

# What a package-manager command does: {manager, operation, packages, args}.
operation(command) := {
	"manager": inv.manager,
	"operation": lower(ops[0]),
	"packages": names(array.slice(ops, 1, count(ops))),
	"args": inv.args,
} if {
	inv := invocation(command)
	ops := operands(inv.manager, inv.args)
	count(ops) > 0
}

names(words) := [lower(regex.split(`[=<>~:!]`, word)[0]) | some word in words]

# Operations that download and install packages, leaving the manager's cache behind.
installing := {
	"apt": {"install", "upgrade", "dist-upgrade", "full-upgrade", "reinstall", "build-dep"},
	"apk": {"add", "upgrade", "fix"},
	"yum": {"install", "update", "upgrade", "groupinstall", "reinstall", "localinstall", "distro-sync"},
	"zypper": {"install", "in", "update", "up", "dist-upgrade", "dup", "patch"},
	"pip": {"install"},
}

removing := {
	"apt": {"remove", "purge", "autoremove"},
	"apk": {"del"},
	"yum": {"remove", "erase", "autoremove"},
	"zypper": {"remove", "rm"},
}

# A command that installs packages: {manager, operation, packages, args}.
install(command) := op if {
	op := operation(command)
	op.operation in installing[op.manager]
}

# A command that refreshes the package index only (`apt-get update`, `apk update`).
index_update(command) := op if {
	op := operation(command)
	op.manager in {"apt", "apk"}
	op.operation == "update"
}

removal(command) := op if {
	op := operation(command)
	op.operation in removing[op.manager]
}

# The name an `apk add --virtual NAME` (or `-t NAME`) groups its packages under; undefined without one.
virtual_name(op) := lower(op.args[j + 1]) if {
	op.manager == "apk"
	some j, word in op.args
	word in {"--virtual", "-t"}
} else := lower(substring(word, 10, -1)) if {
	op.manager == "apk"
	some word in op.args
	startswith(word, "--virtual=")
}

# Whether a package an install in `commands` (one RUN's) added is removed again by a later command of the same
# RUN, so it is not in the layer: by name, by the `apk add --virtual` group it is in, or by apt's autoremove of
# everything marked automatic (`apt-mark auto ...; apt-get purge --auto-remove`, the official images' idiom).
removed_in_run(commands, install_op, install_index, name) if {
	some command in commands
	command.index > install_index
	op := removal(command)
	op.manager == install_op.manager
	name in op.packages
}

removed_in_run(commands, install_op, install_index, _) if {
	group := virtual_name(install_op)
	some command in commands
	command.index > install_index
	op := removal(command)
	group in op.packages
}

removed_in_run(commands, install_op, install_index, _) if {
	install_op.manager == "apt"
	some marking in commands
	marking.program == "apt-mark"
	marking.arguments[0] == "auto"
	some command in commands
	command.index > install_index
	op := removal(command)
	op.manager == "apt"
	autoremoves(op)
}

autoremoves(op) if op.operation == "autoremove"

autoremoves(op) if {
	some word in op.args
	word in {"--auto-remove", "--autoremove"}
}
