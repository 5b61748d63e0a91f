import { formatters } from "../report/formatters/index.js";

export const USAGE = `Usage: shipshape <command> [options]

Commands:
  check [PATH...|-]     check files, directories and globs (- reads stdin)
  check --docker [NAME...]
                        check running containers (all when no NAME) through the docker CLI
  rules                 list every rule
  explain RULE          describe a rule, how to fix it, and examples
  serve                 run the Kubernetes validating admission webhook (see docs/admission-webhook.md)
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

Options for serve:
      --tls-cert FILE --tls-key FILE   PEM files, reloaded when they change
      --insecure-http                  plain HTTP instead (local testing only)
      --port N (8443)  --host ADDR (0.0.0.0)  --timeout-ms N (2000)  --max-body-bytes N (3 MiB)
      --max-containers N (100)         refuse objects with more containers, saying why
      --shutdown-grace-ms N (10000)    on SIGTERM, time left to requests in flight
      --exclude-namespace NS           allowed without evaluation (repeatable; kube-system and
                                       $POD_NAMESPACE always are)
      --audit                          allow everything, warn and count what would be denied
  -c, --config FILE                    waivers by kind/namespace/name; reloaded on SIGHUP
      --inline-waivers                 honour waivers objects carry themselves (off by default:
                                       an object's author could waive its own findings)

Options for rules: --format text|json

Exit codes: 0 no failing finding, 1 failing findings, 2 usage error or unreadable input.
`;
