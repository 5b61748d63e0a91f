# METADATA
# title: Package installs clean their cache in the same RUN
# description: |
#   A package manager's index and downloads left in a layer make the image larger for nothing, and a layer
#   cannot be slimmed by a later RUN that deletes them. Judged on the RUNs of the stages that ship in the image:
#   `apt-get`/`apt install` whose RUN does not remove `/var/lib/apt/lists` (or run `apt-get dist-clean`);
#   `apt-get update` (or `apk update`) in a RUN that installs nothing, whose index a later RUN's install may find
#   stale; `apk add` without `--no-cache` (or `--no-network`, which fetches no index); `pip install` without
#   `--no-cache-dir` (or `PIP_NO_CACHE_DIR` set); `yum`/`dnf`/`microdnf install` without `clean all`, and
#   `zypper install` without `zypper clean`, in the same RUN. A BuildKit cache mount over the cache (`RUN
#   --mount=type=cache,target=/var/cache/apt ...`) keeps it out of the layer and passes.
# related_resources:
#   - ref: https://github.com/hadolint/hadolint
#     description: hadolint
#   - ref: https://www.cisecurity.org/benchmark/docker
#     description: CIS Docker Benchmark 4.7
# custom:
#   id: clean-package-cache
#   severity: low
#   level: warn
#   profile: restricted
#   references:
#     - hadolint DL3009 (Delete the apt-get lists after installing something)
#     - hadolint DL3019 (Use the --no-cache switch to avoid the need to use --update and remove /var/cache/apk/*)
#     - hadolint DL3042 (Avoid use of cache directory with pip)
#     - hadolint DL3032, DL3040, DL3060 (yum, dnf, zypper clean all missing)
#     - Trivy AVD-DS-0017 (update instruction alone), AVD-DS-0019, AVD-DS-0025, AVD-DS-0015 (missing clean all,
#       apk add without --no-cache)
#     - Checkov CKV_DOCKER_5 (Ensure update instructions are not used alone in the Dockerfile)
#     - CIS Docker Benchmark 4.7 (Ensure update instructions are not used alone in Dockerfiles)
#   remediation:
#     dockerfile: >-
#       Clean up in the RUN that installs: `apt-get update && apt-get install -y --no-install-recommends pkg
#       && rm -rf /var/lib/apt/lists/*`, `apk add --no-cache pkg`, `pip install --no-cache-dir pkg`, `dnf
#       install -y pkg && dnf clean all`; or use a cache mount (`RUN --mount=type=cache,target=/var/cache/apt`).
package shipshape.rules.clean_package_cache

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
	problem := leaves_cache(container, run, command)
	subject := result.at_stage(container, run.stage)
	message := concat("", [result.subject(subject), " ", problem])
]

leaves_cache(container, run, command) := "installs with apt and leaves /var/lib/apt/lists in the layer" if {
	op := packages.install(command)
	op.manager == "apt"
	not removes(run, "/var/lib/apt/lists")
	not cleans_operation(run, "apt", "dist-clean")
	not cache_mounted(run, ["/var/lib/apt"])
} else := concat("", ["runs ", command.program, " update without installing in the same RUN"]) if {
	op := packages.index_update(command)
	not installs_with(run, op.manager)
} else := "runs apk add without --no-cache" if {
	op := packages.install(command)
	op.manager == "apk"
	not "--no-cache" in op.args
	not "--no-network" in op.args
	not removes(run, "/var/cache/apk")
	not cache_mounted(run, ["/var/cache/apk", "/etc/apk/cache"])
} else := "runs pip install without --no-cache-dir" if {
	op := packages.install(command)
	op.manager == "pip"
	not "--no-cache-dir" in op.args
	not pip_cache_off(container, run, command)
	not cache_mounted(run, ["/root/.cache", "/.cache/pip"])
} else := concat("", [
	"installs with ", command.program,
	" without \"", command.program, " clean all\" in the same RUN",
]) if {
	op := packages.install(command)
	op.manager == "yum"
	not cleans(run, "yum", {"all", "packages"})
	not removes(run, "/var/cache/yum")
	not removes(run, "/var/cache/dnf")
	not cache_mounted(run, ["/var/cache/yum", "/var/cache/dnf", "/var/cache/libdnf5"])
} else := "installs with zypper without \"zypper clean\" in the same RUN" if {
	op := packages.install(command)
	op.manager == "zypper"
	not zypper_cleans(run)
	not removes(run, "/var/cache/zypp")
	not cache_mounted(run, ["/var/cache/zypp"])
}

# PIP_NO_CACHE_DIR turns pip's cache off whatever its value (pip ignores the value for compatibility): set
# before the command, exported earlier in the RUN, or an ENV or ARG of the image.
pip_cache_off(_, _, command) if {
	some assignment in command.env
	startswith(assignment, "PIP_NO_CACHE_DIR=")
}

pip_cache_off(_, run, _) if {
	some command in run.commands
	command.program == "export"
	some word in command.arguments
	startswith(word, "PIP_NO_CACHE_DIR=")
}

pip_cache_off(container, _, _) if {
	some variable in container.env
	variable.name == "PIP_NO_CACHE_DIR"
}

# `rm -rf /var/lib/apt/lists/*` (or the directory itself) in the same RUN.
removes(run, directory) if {
	some command in run.commands
	command.program == "rm"
	some word in command.arguments
	startswith(word, directory)
}

installs_with(run, manager) if {
	some command in run.commands
	packages.install(command).manager == manager
}

# `yum clean all`, `dnf clean packages`, ...
cleans(run, manager, what) if {
	some command in run.commands
	op := packages.operation(command)
	op.manager == manager
	op.operation == "clean"
	some word in op.args
	word in what
}

# `apt-get dist-clean` (apt 2.7) removes the lists as well as the downloaded packages.
cleans_operation(run, manager, operation) if {
	some command in run.commands
	op := packages.operation(command)
	op.manager == manager
	op.operation == operation
}

zypper_cleans(run) if {
	some command in run.commands
	op := packages.operation(command)
	op.manager == "zypper"
	op.operation in {"clean", "cc"}
}

cache_mounted(run, directories) if {
	some mount in run.mounts
	mount.type in {"cache", "tmpfs"}
	some directory in directories
	contains(mount.target, directory)
}

deny := result.messages(findings, "deny")

warn := result.messages(findings, "warn")
