# METADATA
# title: CMD and ENTRYPOINT in exec form
# description: |
#   In shell form (`CMD node server.js`) Docker runs the command as `/bin/sh -c "..."`: the shell is PID 1, and
#   the SIGTERM of `docker stop` or a pod's termination goes to the shell, not to the program, which is then
#   killed without a graceful shutdown when the grace period ends. Judged on the ENTRYPOINT and CMD in force at
#   the end of the target stage (inherited through `FROM <stage>`; an ENTRYPOINT in a later stage resets an
#   earlier CMD). A shell form whose last command is `exec program ...` passes: the program replaces the shell
#   as PID 1. So does any CMD behind an exec-form init (`ENTRYPOINT ["tini", "--"]`, dumb-init, catatonit),
#   which forwards signals to what it starts.
# related_resources:
#   - ref: https://github.com/hadolint/hadolint
#     description: hadolint
#   - ref: https://docs.docker.com/reference/dockerfile/
#     description: Docker documentation, Dockerfile reference
#   - ref: https://www.cisecurity.org/benchmark/docker
#     description: CIS Docker Benchmark 4
# custom:
#   id: exec-form-entrypoint
#   severity: medium
#   level: deny
#   profile: restricted
#   references:
#     - hadolint DL3025 (Use arguments JSON notation for CMD and ENTRYPOINT arguments)
#     - Docker documentation, Dockerfile reference, "ENTRYPOINT" (exec form and shell form)
#     - CIS Docker Benchmark 4 (Container Images and Build File Configuration)
#   remediation:
#     dockerfile: >-
#       Write `CMD ["node", "server.js"]` (exec form). When the command needs a shell, end it with `exec`
#       (`CMD ./wait-for-db.sh && exec node server.js`) or start it under an init: `ENTRYPOINT ["tini", "--"]`.
package shipshape.rules.exec_form_entrypoint

import data.shipshape.lib.model
import data.shipshape.lib.result

# The METADATA above, read once per evaluation and only when the rule has a finding.
annotations := result.rule_annotations(rego.metadata.chain())

findings := [result.finding(annotations, container, message, launch.path) |
	some container in model.containers
	container.build != null
	some [name, launch] in shell_launched(container.build)
	message := concat("", [
		result.subject(container), " starts with ", name,
		" in shell form, so /bin/sh is PID 1 and SIGTERM does not reach the program",
	])
]

# The instruction that makes a shell PID 1: a shell-form ENTRYPOINT (CMD is then ignored), else a shell-form CMD
# that is not behind an exec-form init.
shell_launched(build) := [["ENTRYPOINT", build.entrypoint]] if {
	build.entrypoint != null
	build.entrypoint.form == "shell"
	not build.entrypoint.execs
} else := [["CMD", build.cmd]] if {
	build.cmd != null
	build.cmd.form == "shell"
	not build.cmd.execs
	not behind_init(build.entrypoint)
} else := []

behind_init(entrypoint) if entrypoint.init

deny := result.messages(findings, "deny")

warn := result.messages(findings, "warn")
