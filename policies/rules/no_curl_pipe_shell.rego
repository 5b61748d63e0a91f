# METADATA
# title: No download piped into a shell
# description: |
#   `curl ... | sh` runs whatever the server sends at build time, unverified: a compromised or hijacked URL
#   runs its code in the build, with the build's secrets and network. Judged in every stage, on the commands
#   as a shell reads them: a download (curl, or wget writing to standard output) piped, directly or through
#   other commands, into a shell or interpreter that reads its script from standard input (`sh`, `bash -s`,
#   `sudo -E bash -`, `python3 -`), and a download run as a script through a substitution (`sh -c "$(curl
#   ...)"`, `bash <(curl ...)`, `eval "$(wget -qO- ...)"`). `curl ... | python3 -c '...'` reads the download as
#   data, not code, and passes.
# related_resources:
#   - ref: https://docs.docker.com/build/building/best-practices/
#     description: Docker documentation, Building best practices
#   - ref: https://www.cisecurity.org/benchmark/docker
#     description: CIS Docker Benchmark 4
# custom:
#   id: no-curl-pipe-shell
#   severity: medium
#   level: warn
#   profile: restricted
#   references:
#     - Docker documentation, Building best practices, "Use pipes" and "Verify downloads"
#     - CIS Docker Benchmark 4 (Container Images and Build File Configuration)
#   remediation:
#     dockerfile: >-
#       Download to a file, verify it against a published checksum or signature, then run it: `curl -fsSLo
#       install.sh URL && echo "<sha256>  install.sh" | sha256sum -c - && sh install.sh`; or use the vendor's
#       package repository or a pinned image.
package shipshape.rules.no_curl_pipe_shell

import data.shipshape.lib.model
import data.shipshape.lib.result

# The METADATA above, read once per evaluation and only when the rule has a finding.
annotations := result.rule_annotations(rego.metadata.chain())

findings := [result.finding(annotations, subject, message, command.path) |
	some container in model.containers
	container.build != null
	some run in container.build.runs
	some command in run.commands
	downloads := [download.program | some download in run.commands; runs_download(download, command)]
	count(downloads) > 0
	subject := result.at_stage(container, run.stage)
	message := concat("", [
		result.subject(subject), " runs a download from ", downloads[0],
		" as a script in ", command.program, " without verifying it",
	])
]

# `curl ... | sh`: later in the same pipeline, at the same level of the script.
runs_download(download, command) if {
	downloads_to_stdout(download)
	command.pipeline == download.pipeline
	command.within == download.within
	command.position > download.position
	reads_script_from_stdin(command)
}

# `sh -c "$(curl ...)"`, `bash <(curl ...)`, `eval "$(curl ...)"`, `. <(curl ...)`.
runs_download(download, command) if {
	downloads_to_stdout(download)
	download.within == command.index
	command.program in {"eval", "source", "."}
}

runs_download(download, command) if {
	downloads_to_stdout(download)
	download.within == command.index
	command.program in shells
}

shells := {"sh", "bash", "dash", "ash", "zsh", "ksh", "mksh"}

# curl writes to standard output unless told to write a file (-o FILE, -O, --output, --remote-name).
downloads_to_stdout(command) if {
	command.program == "curl"
	not curl_writes_file(command.arguments)
}

# wget writes a file unless told to write standard output (-O -, -qO-, --output-document=-).
downloads_to_stdout(command) if {
	command.program == "wget"
	wget_writes_stdout(command.arguments)
}

curl_writes_file(args) if {
	some j, word in args
	regex.match(`^-[a-zA-Z]*[oO][a-zA-Z]*$`, word)
	not stdout_follows(args, j)
}

curl_writes_file(args) if {
	some j, word in args
	word in {"--output", "--remote-name", "--remote-name-all", "--output-dir"}
	not stdout_follows(args, j)
}

curl_writes_file(args) if {
	some word in args
	startswith(word, "--output=")
	not word in {"--output=-", "--output=/dev/stdout"}
}

# The option at j is given standard output as its value. (A helper, not `not args[j + 1] in ...`: an
# undefined reference inside that negation fails the whole body rather than counting as "not in".)
stdout_follows(args, j) if args[j + 1] in {"-", "/dev/stdout"}

wget_writes_stdout(args) if {
	some word in args
	regex.match(`^-[a-zA-Z]*O-$`, word)
}

wget_writes_stdout(args) if {
	some j, word in args
	regex.match(`^-[a-zA-Z]*O$`, word)
	args[j + 1] in {"-", "/dev/stdout"}
}

wget_writes_stdout(args) if {
	some word in args
	word in {"--output-document=-", "--output-document=/dev/stdout"}
}

wget_writes_stdout(args) if {
	some j, word in args
	word == "--output-document"
	args[j + 1] in {"-", "/dev/stdout"}
}

# A shell reads its script from standard input unless given one with -c or as a file operand; `-s`, `-` and
# /dev/stdin say standard input explicitly. Interpreters likewise, unless given code with -c, -e or -m.
reads_script_from_stdin(command) if {
	command.program in shells
	not option_matches(command.arguments, `^-[a-zA-Z]*c[a-zA-Z]*$`)
	stdin_operand(command.arguments)
}

reads_script_from_stdin(command) if {
	regex.match(`^(python[0-9.]*|perl|ruby|node|php)$`, command.program)
	not option_matches(command.arguments, `^-[a-zA-Z]*[cem][a-zA-Z]*$`)
	not option_matches(command.arguments, `^--(eval|print|command)$`)
	stdin_operand(command.arguments)
}

option_matches(args, pattern) if {
	some word in options(args)
	regex.match(pattern, word)
}

# The options before the first operand (shells take `-o name`).
options(args) := [word |
	some j, word in args
	j < first_operand(args)
	regex.match(`^[-+]`, word)
]

first_operand(args) := min(operand_indexes) if {
	operand_indexes := [j |
		some j, word in args
		not regex.match(`^[-+]`, word)
		not option_value(args, j)
	]
	count(operand_indexes) > 0
} else := count(args)

# `-o pipefail`: the word after a shell's -o or +o is the option's name.
option_value(args, j) if {
	j > 0
	args[j - 1] in {"-o", "+o"}
}

# No script file: no operand, or `-`, /dev/stdin, or -s (whose operands are the script's arguments).
stdin_operand(args) if first_operand(args) == count(args)

stdin_operand(args) if args[first_operand(args)] in {"-", "/dev/stdin"}

stdin_operand(args) if option_matches(args, `^-[a-zA-Z]*s[a-zA-Z]*$`)

stdin_operand(args) if {
	args[first_operand(args) - 1] == "--"
}

deny := result.messages(findings, "deny")

warn := result.messages(findings, "warn")
