# METADATA
# title: No literal secrets in the environment
# description: |
#   A password, token or key written into an environment variable is in every copy of the manifest, in
#   `docker inspect`, in the process listing and in crash dumps. Variables whose names look like secrets
#   (`*PASSWORD*`, `*SECRET*`, `*TOKEN*`, `*API_KEY*`, `*PRIVATE_KEY*`, `*ACCESS_KEY*`, `*CREDENTIAL*`) must not
#   hold literal values; references (`valueFrom.secretKeyRef`, `${VAR}`, `$(VAR)`) and `*_FILE`/`*_PATH`
#   variables pass. The finding names the variable, never its value.
# custom:
#   id: no-secrets-in-env
#   severity: high
#   level: deny
#   references:
#     - CIS Docker Benchmark 4.10 (Ensure secrets are not stored in Dockerfiles)
#   remediation:
#     docker: >-
#       Pass the secret as a file (Docker secrets, a mounted file with `*_FILE`) instead of `-e NAME=value`.
#     compose: >-
#       Use `secrets:` with a `*_FILE` variable, or `${VAR}` interpolation from an untracked environment.
#     kubernetes: >-
#       Use `valueFrom.secretKeyRef` (or mount the Secret as a file) instead of `value`.
#     dockerfile: >-
#       Keep secrets out of `ENV` and `ARG` defaults (both end up in the image or its history): use
#       `RUN --mount=type=secret,id=npm` at build time and inject secrets at run time.
package shipshape.rules.no_secrets_in_env

import data.shipshape.lib.model
import data.shipshape.lib.result
import data.shipshape.lib.secrets

# The METADATA above, read once per evaluation and only when the rule has a finding.
annotations := result.rule_annotations(rego.metadata.chain())

findings := [result.finding(annotations, container, message, variable.path) |
	some container in model.containers
	some variable in container.env
	variable.literal
	secrets.secret_name(variable.name)
	message := concat("", [
		result.subject(container),
		" has a literal value in the secret-looking variable ",
		variable.name,
	])
]

deny := result.messages(findings, "deny")

warn := result.messages(findings, "warn")
