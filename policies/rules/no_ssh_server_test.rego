package shipshape.rules.no_ssh_server_test

import data.shipshape.rules.no_ssh_server
import data.shipshape.test.fixtures_test as fx

findings(doc) := result if {
	result := no_ssh_server.findings with input as doc
}

installing(args) := fx.dockerfile_with([fx.run([fx.command(args)])])

test_installing_an_ssh_server_fails if {
	[f] := findings(installing(["apt-get", "install", "-y", "--no-install-recommends", "openssh-server=1:9.2"]))
	f.field == [7, "Commands", 0]
	f.message == "Dockerfile stage 1 installs an SSH server: openssh-server"
	count(findings(installing(["apk", "add", "--no-cache", "openssh"]))) == 1
	count(findings(installing(["dnf", "install", "-y", "openssh-server"]))) == 1
	count(findings(installing(["apk", "add", "dropbear"]))) == 1
}

test_ssh_clients_pass if {
	count(findings(installing(["apt-get", "install", "-y", "openssh-client"]))) == 0
	count(findings(installing(["dnf", "install", "-y", "openssh", "openssh-clients"]))) == 0
	count(findings(installing(["ssh-keyscan", "github.com"]))) == 0
}

test_starting_an_ssh_server_fails if {
	entrypoint := fx.exec_form("entrypoint", 1, ["/usr/sbin/sshd", "-D"])
	[f] := findings(array.concat(array.slice(fx.dockerfile, 0, 7), [entrypoint]))
	f.field == [7, "Value", 0]
	f.message == "Dockerfile stage 1 starts an SSH server (sshd)"
	count(findings(installing(["service", "ssh", "start"]))) == 1
	count(findings(installing(["rc-update", "add", "sshd", "default"]))) == 1
}

test_builder_stages_are_not_judged if {
	run := fx.run_in(0, [fx.command(["apt-get", "install", "openssh-server"])])
	count(findings(array.concat([fx.dockerfile[0], run], array.slice(fx.dockerfile, 2, 8)))) == 0
}

# Field absent: RUN commands not read (conftest).
test_runs_without_commands_pass if {
	count(findings(fx.dockerfile_with([fx.instruction("run", 1, ["apt-get install openssh-server"])]))) == 0
	count(findings(fx.dockerfile)) == 0
}
