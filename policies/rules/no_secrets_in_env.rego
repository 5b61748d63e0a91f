# METADATA
# title: No literal secrets in the environment
# description: |
#   A password, token or key written into an environment variable is in every copy of the manifest, in
#   `docker inspect`, in the process listing and in crash dumps. Variables whose names look like secrets
#   (`*PASSWORD*`, `*SECRET*`, `*TOKEN*`, `*API_KEY*`, `*PRIVATE_KEY*`, `*ACCESS_KEY*`, `*CREDENTIAL*`) must not
#   hold literal values; references (`valueFrom.secretKeyRef`, `${VAR}`, `$(VAR)`), `*_FILE`/`*_PATH` variables,
#   variables that name a secret (`*_NAME`, `*_REF`) and values that say where one is kept (`/run/secrets/...`,
#   a Vault path, a secret manager's ARN or resource name) pass. Whatever a variable is called, a value that is
#   a secret by its format is reported: a private key block, an AWS access key ID (`AKIA...`), GitHub (`ghp_`,
#   `github_pat_`), Slack (`xox?-`) and Stripe live (`sk_live_`) tokens, a Google API key (`AIza...`), a JSON
#   Web Token. The finding names the variable and the kind, never the value.
# related_resources:
#   - ref: https://www.cisecurity.org/benchmark/docker
#     description: CIS Docker Benchmark 4.10
# custom:
#   id: no-secrets-in-env
#   severity: high
#   level: deny
#   profile: restricted
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
	message := concat("", [result.subject(container), " ", problem(variable)])
]

# A secret by its format, whatever the variable is called; else a literal in a secret-looking name.
problem(variable) := concat("", ["has ", variable.secret_kind, " in the variable ", variable.name]) if {
	is_string(variable.secret_kind)
} else := concat("", ["has a literal value in the secret-looking variable ", variable.name]) if {
	variable.literal
	secrets.secret_name(variable.name)
}

deny := result.messages(findings, "deny")

warn := result.messages(findings, "warn")
