# METADATA
# title: No SSH server in the image
# description: |
#   An SSH daemon in a container is another service to patch and another set of credentials to steal, and it
#   goes around the platform's own access control and audit (`docker exec`, `kubectl exec`, ephemeral debug
#   containers). Judged on the stages that ship in the image: a package install of an SSH server
#   (`openssh-server`, `dropbear`, Alpine's `openssh`), or a RUN, CMD or ENTRYPOINT that starts or enables one
#   (`sshd`, `dropbear`, `service ssh start`, `rc-update add sshd`, `systemctl enable ssh`). SSH clients
#   (`openssh-client`, `ssh-keyscan`) pass.
# related_resources:
#   - ref: https://www.cisecurity.org/benchmark/docker
#     description: CIS Docker Benchmark 5.6
# custom:
#   id: no-ssh-server
#   severity: high
#   level: deny
#   profile: restricted
#   references:
#     - CIS Docker Benchmark 5.6 (Ensure sshd is not run within containers)
#     - Trivy AVD-DS-0004 (Port 22 exposed)
#   remediation:
#     dockerfile: >-
#       Remove the SSH server package and whatever starts it; reach the container with `docker exec` or
#       `kubectl exec` (or `kubectl debug` for an image without a shell).
package shipshape.rules.no_ssh_server

import data.shipshape.lib.model
import data.shipshape.lib.packages
import data.shipshape.lib.result

# The METADATA above, read once per evaluation and only when the rule has a finding.
annotations := result.rule_annotations(rego.metadata.chain())

findings := array.concat(install_findings, start_findings)

install_findings := [result.finding(annotations, subject, message, command.path) |
	some container in model.containers
	container.build != null
	some run in container.build.runs
	run.in_image
	some command in run.commands
	op := packages.install(command)
	servers := [name | some name in op.packages; ssh_server_package(op.manager, name)]
	count(servers) > 0
	subject := result.at_stage(container, run.stage)
	message := concat("", [result.subject(subject), " installs an SSH server: ", concat(", ", servers)])
]

start_findings := [result.finding(annotations, container, message, started.path) |
	some container in model.containers
	container.build != null
	some started in started_programs(container.build)
	message := concat("", [result.subject(container), " ", started.how, " an SSH server (", started.program, ")"])
]

ssh_server_package(_, name) if name in {"openssh-server", "dropbear", "tinysshd", "tinyssh"}

ssh_server_package(_, name) if startswith(name, "openssh-server")

# Alpine's `openssh` is the client and the server.
ssh_server_package("apk", "openssh")

# The commands of the image's RUNs and its CMD and ENTRYPOINT that start or enable an SSH server.
started_programs(build) := array.concat(
	[{"how": "enables", "program": c.program, "path": c.path} |
		some run in build.runs
		run.in_image
		some c in run.commands
		starts_ssh(c)
	],
	[{"how": "starts", "program": p.program, "path": p.path} |
		some launch in [build.entrypoint, build.cmd]
		launch != null
		some p in launch.programs
		p.program in daemons
	],
)

daemons := {"sshd", "dropbear", "tinysshd"}

starts_ssh(command) if command.program in daemons

starts_ssh(command) if {
	command.program == "service"
	command.arguments[0] in {"ssh", "sshd"}
}

starts_ssh(command) if {
	command.program in {"rc-update", "rc-service", "systemctl"}
	some word in command.arguments
	word in {"ssh", "sshd", "ssh.service", "sshd.service"}
}

deny := result.messages(findings, "deny")

warn := result.messages(findings, "warn")
