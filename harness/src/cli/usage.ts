import { formatters } from "../report/formatters/index.js";

export const USAGE = `Usage: shipshape <command> [options]

Commands:
  check [PATH...|-]     check files, directories and globs (- reads stdin)
  check --docker [NAME...]
                        check running containers (all when no NAME) through the docker CLI
  rules                 list every rule
  explain RULE          describe a rule, how to fix it, and examples
  version               print the version

Options for check:
  -f, --format FORMAT     ${Object.keys(formatters).join(", ")} (default: text)
  -o, --output FILE       write the report to FILE instead of stdout
      --fail-level LEVEL  deny (default) or warn: the lowest level that fails the run
  -c, --config FILE       configuration file (default: the nearest .shipshape.yaml upward)
      --no-config         ignore configuration files
      --no-inline-waivers ignore waivers written into workloads (annotations, x-shipshape, labels)
      --input-type SHAPE  read every document as kubernetes, compose or docker
      --stdin-filename F  the name to report for stdin
      --max-file-size N   refuse files larger than N bytes (default 33554432)
  -j, --jobs N            worker threads (default: 1 below 200 files, else one per core, at most 4)

Options for rules: --format text|json

Exit codes: 0 no failing finding, 1 failing findings, 2 usage error or unreadable input.
`;
