# METADATA
# title: ADD from a URL needs a checksum
# description: |
#   `ADD https://...` downloads into a layer with nothing to say the file is the one you meant: a compromised or
#   changed server changes the image. Judged in every stage (what a builder stage downloads flows into what it
#   builds). `ADD --checksum=sha256:...` verifies the download; a Git source pinned to a full commit hash
#   (`ADD https://github.com/org/repo.git#<40 hex digits>`) is verified by its hash.
# related_resources:
#   - ref: https://www.cisecurity.org/benchmark/docker
#     description: CIS Docker Benchmark 4.9
#   - ref: https://docs.docker.com/reference/dockerfile/
#     description: Docker documentation, Dockerfile reference
# custom:
#   id: no-remote-add
#   severity: medium
#   level: warn
#   profile: restricted
#   references:
#     - CIS Docker Benchmark 4.9 (Ensure that COPY is used instead of ADD in Dockerfiles)
#     - Checkov CKV_DOCKER_4 (Ensure that COPY is used instead of ADD in Dockerfiles)
#     - Docker documentation, Dockerfile reference, "ADD --checksum"
#   remediation:
#     dockerfile: >-
#       Add `--checksum=sha256:<digest>` to the ADD (BuildKit verifies it), or download in a RUN that checks a
#       published checksum (`curl -fsSLo app.tgz URL && echo "<sha256>  app.tgz" | sha256sum -c -`).
package shipshape.rules.no_remote_add

import data.shipshape.lib.model
import data.shipshape.lib.result

# The METADATA above, read once per evaluation and only when the rule has a finding.
annotations := result.rule_annotations(rego.metadata.chain())

findings := [result.finding(annotations, subject, message, copy.path) |
	some container in model.containers
	container.build != null
	some copy in container.build.copies
	copy.instruction == "add"
	copy.url
	not copy.checksum
	not pinned_commit(copy.source)
	subject := result.at_stage(container, copy.stage)
	message := concat("", [
		result.subject(subject), " downloads \"", copy.source,
		"\" with ADD without --checksum, so the download is not verified",
	])
]

pinned_commit(source) if regex.match(`#[0-9a-f]{40}$`, source)

deny := result.messages(findings, "deny")

warn := result.messages(findings, "warn")
