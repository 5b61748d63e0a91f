# METADATA
# title: No secret files in the image
# description: |
#   A key or credential file copied into an image is readable by everyone who can pull it, forever: layers keep
#   it even when a later RUN deletes it. Judged on the stages that ship in the image: COPY or ADD of a file
#   that is a secret by its name — `.env` files (not `.env.example`, `.sample`, `.template`, `.dist`), `*.pem`,
#   `*.key`, `*.p12`, `*.pfx`, SSH private keys (`id_rsa*`, `id_ed25519*`, `id_ecdsa*`, `id_dsa*`, not
#   `*.pub`), `.npmrc`, `.pypirc`, `.netrc`, `.git-credentials`, `.dockercfg`, `.docker/config.json`, the `.aws`
#   and `.ssh` directories and what is in them (not `known_hosts`, `config` or `authorized_keys`), and names
#   containing `credentials`, `secret`, `api_key` or `apikey`; any COPY to where a tool keeps its credentials
#   (`COPY npmrc.ci /root/.npmrc`, `... /root/.ssh/id_rsa`); and a RUN that writes one (`echo "$KEY" >
#   ~/.ssh/id_rsa`, `... | tee /root/.npmrc`).
# related_resources:
#   - ref: https://www.cisecurity.org/benchmark/docker
#     description: CIS Docker Benchmark 4.10
#   - ref: https://docs.docker.com/build/building/secrets/
#     description: Docker documentation, Build secrets
# custom:
#   id: no-secrets-in-image
#   severity: high
#   level: deny
#   profile: restricted
#   references:
#     - CIS Docker Benchmark 4.10 (Ensure secrets are not stored in Dockerfiles)
#     - Docker documentation, Build secrets (`RUN --mount=type=secret`)
#   remediation:
#     dockerfile: >-
#       Do not copy secrets into the image: mount them for the one RUN that needs them (`RUN
#       --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci`, built with `--secret id=npmrc,src=.npmrc`), and
#       give the running container its secrets at run time (environment, mounted files, a secret manager). List
#       secret files in `.dockerignore`.
package shipshape.rules.no_secrets_in_image

import data.shipshape.lib.model
import data.shipshape.lib.result

# The METADATA above, read once per evaluation and only when the rule has a finding.
annotations := result.rule_annotations(rego.metadata.chain())

findings := array.concat(copy_findings, write_findings)

copy_findings := [result.finding(annotations, subject, message, copy.path) |
	some container in model.containers
	container.build != null
	some copy in container.build.copies
	copy.in_image
	not copy.url
	what := secret_copy(copy)
	subject := result.at_stage(container, copy.stage)
	message := concat("", [result.subject(subject), " copies ", what])
]

# A secret by its name, or any file copied to where a tool keeps its credentials (`COPY npmrc.prod
# /root/.npmrc`, `COPY deploy-key /root/.ssh/id_rsa`).
secret_copy(copy) := concat("", ["\"", copy.source, "\" into the image, a secret by its name"]) if {
	secret_path(copy.source)
} else := concat("", ["\"", copy.source, "\" to \"", copy.destination, "\", where credentials are kept"]) if {
	not endswith(copy.destination, "/")
	credential_store(copy.destination)
}

write_findings := [result.finding(annotations, subject, message, command.path) |
	some container in model.containers
	container.build != null
	some run in container.build.runs
	run.in_image
	some command in run.commands
	targets := [target | some target in written(command); secret_path(target)]
	count(targets) > 0
	subject := result.at_stage(container, run.stage)
	message := concat("", [
		result.subject(subject),
		" writes \"", targets[0], "\" in a RUN, a secret by its name",
	])
]

# Files a command writes: its output redirections, and tee's operands.
written(command) := array.concat(
	[r.target | some r in command.redirects; r.op in {">", ">>", ">|", "&>", "&>>"}],
	[word | command.program == "tee"; some word in command.arguments; not startswith(word, "-")],
)

secret_path(path) if secret_name(lower(base(path)))

# A file in ~/.ssh or ~/.aws, other than the public ones.
secret_path(path) if {
	parts := components(path)
	name := lower(parts[count(parts) - 1])
	not name in {"known_hosts", "config", "authorized_keys"}
	not endswith(name, ".pub")
	some part in array.slice(parts, 0, count(parts) - 1)
	part in {".aws", ".ssh"}
}

secret_path(path) if endswith(lower(trim_right(path, "/")), ".docker/config.json")

# Where tools read credentials from: a file copied there is a credential whatever its source was called.
credential_store(path) if {
	lower(base(path)) in {".npmrc", ".pypirc", ".netrc", "_netrc", ".git-credentials", ".dockercfg"}
}

credential_store(path) if {
	regex.match(`^id_(rsa|dsa|ecdsa|ed25519)$`, lower(base(path)))
}

credential_store(path) if endswith(lower(path), ".docker/config.json")

credential_store(path) if endswith(lower(path), ".aws/credentials")

components(path) := [part | some part in split(trim_right(path, "/"), "/"); part != ""]

base(path) := parts[count(parts) - 1] if {
	parts := components(path)
	count(parts) > 0
} else := ""

secret_name(name) if name in {".npmrc", ".pypirc", ".netrc", "_netrc", ".git-credentials", ".dockercfg", ".aws", ".ssh"}

secret_name(name) if {
	regex.match(`^\.env(\..+)?$`, name)
	not regex.match(`^\.env\.(example|sample|template|dist)$`, name)
}

secret_name(name) if regex.match(`\.(pem|key|p12|pfx)$`, name)

secret_name(name) if {
	regex.match(`^id_(rsa|dsa|ecdsa|ed25519)`, name)
	not endswith(name, ".pub")
}

secret_name(name) if regex.match(`credentials|secret|api_key|apikey`, name)

deny := result.messages(findings, "deny")

warn := result.messages(findings, "warn")
