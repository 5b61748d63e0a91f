# METADATA
# title: Build toolchains stay in a build stage
# description: |
#   Compilers, headers and build tools in the image that runs are hundreds of megabytes of attack surface and
#   CVEs the application never uses at run time. Judged on the RUNs of the stages that ship in the image: an
#   OS package install (apt, apk, yum/dnf, zypper) of a toolchain — `build-essential`, `build-base`,
#   `alpine-sdk`, `gcc`, `g++`, `clang`, `make`, `cmake`, `*-dev` and `*-devel` packages, `golang`, `maven`,
#   `gradle`, `cargo`, `rustc` — that the same RUN does not remove again (by name, by its `apk add --virtual`
#   group, or by apt's autoremove after `apt-mark auto`, as the official images do). Installs in a builder
#   stage pass: only what is copied out of it ships.
# related_resources:
#   - ref: https://docs.docker.com/build/building/multi-stage/
#     description: Docker documentation, Multi-stage builds
#   - ref: https://www.cisecurity.org/benchmark/docker
#     description: CIS Docker Benchmark 4.3
# custom:
#   id: builder-pattern
#   severity: low
#   level: warn
#   profile: restricted
#   references:
#     - Docker documentation, Multi-stage builds
#     - CIS Docker Benchmark 4.3 (Ensure that unnecessary packages are not installed in the container)
#   remediation:
#     dockerfile: >-
#       Build in an earlier stage (`FROM golang:1.23 AS build`, `RUN go build ...`) and copy only the result
#       into a slim final stage (`COPY --from=build /out/app /app`); or remove the toolchain in the RUN that
#       installed it (`apk add --virtual .build-deps gcc musl-dev && pip install ... && apk del .build-deps`).
package shipshape.rules.builder_pattern

import data.shipshape.lib.model
import data.shipshape.lib.packages
import data.shipshape.lib.result

# The METADATA above, read once per evaluation and only when the rule has a finding.
annotations := result.rule_annotations(rego.metadata.chain())

findings := [result.finding(annotations, subject, message, command.path) |
	some container in model.containers
	container.build != null
	some run in container.build.runs
	run.in_image
	some command in run.commands
	op := packages.install(command)
	op.manager != "pip"
	kept := [name |
		some name in op.packages
		toolchain(name)
		not packages.removed_in_run(run.commands, op, command.index, name)
	]
	count(kept) > 0
	subject := result.at_stage(container, run.stage)
	message := concat("", [
		result.subject(subject),
		" installs build tools into the image: ", concat(", ", kept),
	])
]

toolchains := {
	"build-essential", "build-base", "alpine-sdk", "gcc", "g++", "gcc-c++", "clang", "make", "cmake",
	"golang", "golang-go", "go", "maven", "gradle", "cargo", "rustc", "rust", "development tools",
}

toolchain(name) if name in toolchains

toolchain(name) if regex.match(`^(gcc|g\+\+|clang|golang|golang-go|rustc|cargo)-[0-9][0-9.]*$`, name)

toolchain(name) if endswith(name, "-dev")

toolchain(name) if endswith(name, "-devel")

deny := result.messages(findings, "deny")

warn := result.messages(findings, "warn")
