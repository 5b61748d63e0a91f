import { DEFAULT_MAX_FILE_BYTES } from "../node/check-files.js";
import { PARALLEL_THRESHOLD_MB } from "../node/parallel.js";
import { formatters } from "../report/formatters/index.js";
import { DEFAULT_SERVE_OPTIONS } from "../server/options.js";

/**
 * One command-line option, declared once: node:util parseArgs reads `type`, `short`, `multiple` and `default`;
 * `--help`, the usage text and the README tables are rendered from `argument` and `help` (vitest's idea).
 */
export interface CliOption {
  type: "string" | "boolean";
  short?: string;
  multiple?: boolean;
  default?: string | boolean;
  /** The value's name in help (FILE, N); none for booleans. */
  argument?: string;
  /** One line; how the option is written in help when it is only used negated (`--no-config`). */
  help: string;
  negated?: boolean;
}

export type OptionTable = Record<string, CliOption>;

const help: CliOption = { type: "boolean", short: "h", help: "show this command's options" };

/** Where the rules come from, for every command that runs or lists them. */
const POLICY_OPTIONS = {
  policy: {
    type: "string",
    short: "p",
    multiple: true,
    argument: "PATH",
    help: "your own rules, a directory or .rego file (repeatable): compiled with the built-in ones by OPA, cached",
  },
  bundle: { type: "string", argument: "FILE", help: "rules prebuilt with `shipshape build` (needs no OPA)" },
  opa: { type: "string", argument: "PATH", help: "the OPA binary that compiles -p rules (default: $SHIPSHAPE_OPA, else opa on PATH)" },
} satisfies OptionTable;

export const CHECK_OPTIONS = {
  format: {
    type: "string",
    short: "f",
    default: "text",
    argument: "FORMAT",
    help: `${Object.keys(formatters).join(", ")} (default: text)`,
  },
  output: { type: "string", short: "o", argument: "FILE", help: "write the report to FILE instead of stdout" },
  "fail-level": { type: "string", argument: "LEVEL", help: "deny (default) or warn: the lowest level that fails the run" },
  report: {
    type: "string",
    multiple: true,
    argument: "FORMAT:FILE",
    help: "also write the report in FORMAT to FILE, from the same run (repeatable: sarif:out.sarif, markdown:$GITHUB_STEP_SUMMARY)",
  },
  "skip-unknown": {
    type: "boolean",
    default: false,
    help: "skip named files no shape recognises, as a directory walk does (for hooks that pass every changed file)",
  },
  baseline: {
    type: "string",
    argument: "FILE",
    help: "findings recorded in FILE are reported as baselined (like waived) and do not fail the run",
  },
  "write-baseline": {
    type: "string",
    argument: "FILE",
    help: "record today's findings in FILE (by rule, object, container, path: not lines)",
  },
  "sarif-base": {
    type: "string",
    argument: "DIR",
    help: "sarif: paths relative to DIR as %SRCROOT% (default: the git repository's root, else the working directory)",
  },
  severity: {
    type: "string",
    argument: "SEVERITY",
    help: "report only findings of this severity or above: low (default), medium, high, critical",
  },
  quiet: { type: "boolean", short: "q", default: false, help: "text: list only failing findings (no warn or waived ones) and errors" },
  compact: { type: "boolean", default: false, help: "text: one line per finding, without the fix" },
  color: {
    type: "string",
    argument: "WHEN",
    help: "text colours: auto (default: a terminal without NO_COLOR, or FORCE_COLOR), always, never",
  },
  config: {
    type: "string",
    short: "c",
    argument: "FILE",
    help: "configuration file (default: the nearest .shipshape.yaml upward from each file)",
  },
  "no-config": { type: "boolean", default: false, help: "read no configuration file" },
  "print-config": {
    type: "string",
    argument: "FILE",
    help: "show the configuration in force for FILE (which file, profile, rules off) and exit",
  },
  "inline-waivers": {
    type: "boolean",
    default: true,
    negated: true,
    help: "ignore waivers written into workloads (annotations, x-shipshape, labels)",
  },
  "input-type": { type: "string", argument: "SHAPE", help: "read every document as kubernetes, compose, docker or dockerfile" },
  "dockerfile-target": { type: "string", argument: "STAGE", help: "the Dockerfile stage the image is built from (default: the last)" },
  profile: {
    type: "string",
    argument: "PROFILE",
    help: "baseline (the Pod Security Standards' baseline controls) or restricted (default: every rule)",
  },
  helm: {
    type: "boolean",
    default: false,
    help: "also render the Helm charts under the paths (helm template, helm on PATH) and check the output",
  },
  "helm-values": { type: "string", multiple: true, argument: "FILE", help: "a values file for --helm (repeatable)" },
  kustomize: {
    type: "boolean",
    default: false,
    help: "also build the kustomizations under the paths (kustomize build; kustomize or kubectl on PATH) and check the output",
  },
  "image-config": {
    type: "string",
    multiple: true,
    argument: "FILE",
    help: "`docker image inspect` output: Compose services running those images take their user and health check",
  },
  ...POLICY_OPTIONS,
  namespace: {
    type: "string",
    multiple: true,
    argument: "NS",
    help: "conftest-style rules: the package(s) whose deny/warn/violation rules run (globs; default: main)",
  },
  "all-namespaces": { type: "boolean", default: false, help: "conftest-style rules: run those of every package" },
  "stdin-filename": { type: "string", default: "<stdin>", argument: "NAME", help: "the name to report for stdin" },
  "max-file-size": { type: "string", argument: "N", help: `refuse files larger than N bytes (default ${DEFAULT_MAX_FILE_BYTES})` },
  docker: { type: "boolean", default: false, help: "check running containers (all when no NAME is given) through the docker CLI" },
  jobs: {
    type: "string",
    short: "j",
    argument: "N",
    help: `worker threads (default: 1 below ${PARALLEL_THRESHOLD_MB} MB of input, else one per core, at most 4)`,
  },
  help,
} satisfies OptionTable;

const serveDefaults = DEFAULT_SERVE_OPTIONS;
export const SERVE_OPTIONS = {
  "tls-cert": { type: "string", argument: "FILE", help: "certificate (PEM), re-read when it changes" },
  "tls-key": { type: "string", argument: "FILE", help: "private key (PEM), re-read when it changes" },
  "insecure-http": { type: "boolean", default: false, help: "plain HTTP instead of TLS (local testing only)" },
  port: { type: "string", argument: "N", help: `port to listen on (default ${serveDefaults.port})` },
  host: { type: "string", argument: "ADDR", help: `address to listen on (default ${serveDefaults.host})` },
  "timeout-ms": {
    type: "string",
    argument: "N",
    help: `bound on the TLS handshake, headers, body and wait for evaluation (default ${serveDefaults.timeoutMs})`,
  },
  "max-body-bytes": { type: "string", argument: "N", help: `larger bodies get 413 (default ${serveDefaults.maxBodyBytes})` },
  "max-containers": {
    type: "string",
    argument: "N",
    help: `refuse objects with more containers, saying why (default ${serveDefaults.maxContainers})`,
  },
  "shutdown-grace-ms": {
    type: "string",
    argument: "N",
    help: `on SIGTERM, time left to requests in flight (default ${serveDefaults.shutdownGraceMs})`,
  },
  "exclude-namespace": {
    type: "string",
    multiple: true,
    argument: "NS",
    help: "allow without evaluation (repeatable; kube-system and $POD_NAMESPACE always are)",
  },
  audit: { type: "boolean", default: false, help: "allow everything; warn and count what would be denied" },
  config: { type: "string", short: "c", argument: "FILE", help: "waivers by kind/namespace/name and settings; reloaded on SIGHUP" },
  "inline-waivers": {
    type: "boolean",
    help: "honour waivers objects carry themselves (off by default: an object's author could waive its own findings)",
  },
  bundle: { type: "string", argument: "FILE", help: "rules prebuilt with `shipshape build`; reloaded when the file changes" },
  help,
} satisfies OptionTable;

export const RULES_OPTIONS = {
  format: { type: "string", short: "f", default: "text", argument: "FORMAT", help: "text (default) or json" },
  ...POLICY_OPTIONS,
  help,
} satisfies OptionTable;

export const EXPLAIN_OPTIONS = { ...POLICY_OPTIONS, help } satisfies OptionTable;

export const BUILD_OPTIONS = {
  policy: POLICY_OPTIONS.policy,
  output: { type: "string", short: "o", argument: "FILE", help: "where to write the bundle (default: shipshape.bundle)" },
  opa: POLICY_OPTIONS.opa,
  help,
} satisfies OptionTable;

export const TEST_OPTIONS = {
  policy: POLICY_OPTIONS.policy,
  opa: POLICY_OPTIONS.opa,
  verbose: { type: "boolean", short: "v", default: false, help: "name every test, passed or not (opa test --verbose)" },
  help,
} satisfies OptionTable;

export const NEW_RULE_OPTIONS = {
  policy: { type: "string", short: "p", argument: "DIR", help: "where to write the rule (default: policy)" },
  help,
} satisfies OptionTable;

export const FIX_OPTIONS = {
  write: { type: "boolean", default: false, help: "write the fixes to the files (default: print them as a unified diff)" },
  "dry-run": { type: "boolean", default: false, help: "print the diff, change nothing (the default)" },
  rule: { type: "string", multiple: true, argument: "ID", help: "fix only this rule's findings (repeatable)" },
  "run-as-user": { type: "string", argument: "UID", help: "the runAsUser a pod that sets none gets (default 10001)" },
  "writable-path": {
    type: "string",
    multiple: true,
    argument: "PATH",
    help: "where a container made read-only keeps a writable directory (emptyDir or tmpfs; repeatable; default /tmp)",
  },
  config: { type: "string", short: "c", argument: "FILE", help: "configuration file (default: the nearest .shipshape.yaml upward)" },
  "no-config": { type: "boolean", default: false, help: "read no configuration file" },
  help,
} satisfies OptionTable;

export const PLAYGROUND_OPTIONS = {
  port: { type: "string", argument: "N", help: "port to listen on (default 8080; 0 picks a free one)" },
  host: { type: "string", argument: "ADDR", help: "address to listen on (default 127.0.0.1: this machine only)" },
  help,
} satisfies OptionTable;

/** What each command does and takes, for `shipshape help` and `shipshape COMMAND --help`. */
export const COMMANDS = {
  check: {
    usage: "check [PATH...|-] [options]  |  check --docker [NAME...]",
    summary: "check files, directories and globs (- reads stdin)",
    options: CHECK_OPTIONS,
  },
  rules: { usage: "rules [--format text|json]", summary: "list every rule", options: RULES_OPTIONS },
  explain: { usage: "explain RULE", summary: "describe a rule, how to fix it, and examples", options: EXPLAIN_OPTIONS },
  build: {
    usage: "build -p PATH... [-o FILE]",
    summary: "compile your own rules with the built-in ones into one bundle (for --bundle: no OPA needed)",
    options: BUILD_OPTIONS,
  },
  test: {
    usage: "test -p PATH... [--verbose]",
    summary: "run your rules' Rego tests (opa test, with the built-in libraries)",
    options: TEST_OPTIONS,
  },
  "new-rule": {
    usage: "new-rule ID [-p DIR]",
    summary: "scaffold a rule over the container model, its tests and two samples",
    options: NEW_RULE_OPTIONS,
  },
  fix: {
    usage: "fix [PATH...] [--write] [--rule ID]",
    summary: "fix what can be fixed safely (comments and layout kept): a diff, or --write",
    options: FIX_OPTIONS,
  },
  playground: {
    usage: "playground [--port N]",
    summary: "serve the in-browser playground: paste a manifest, see its findings as you type",
    options: PLAYGROUND_OPTIONS,
  },
  serve: {
    usage: "serve --tls-cert FILE --tls-key FILE [options]",
    summary: "run the Kubernetes validating admission webhook (docs/admission-webhook.md)",
    options: SERVE_OPTIONS,
  },
} satisfies Record<string, { usage: string; summary: string; options: OptionTable }>;

/** How an option is written: `-f, --format FORMAT`, `--no-config`, `--no-inline-waivers`. */
export function optionSignature(name: string, option: CliOption): string {
  const long = option.negated ? `--no-${name}` : `--${name}`;
  const short = option.short && !option.negated ? `-${option.short}, ` : "";
  return `${short}${long}${option.argument ? ` ${option.argument}` : ""}`;
}

/** The options part of a command's help: one line per option, aligned. */
export function renderOptions(table: OptionTable): string {
  const rows = Object.entries(table).map(([name, option]) => [optionSignature(name, option), option.help] as const);
  const width = Math.max(...rows.map(([signature]) => signature.length)) + 2;
  return rows.map(([signature, text]) => `  ${signature.padEnd(width)}${text}`).join("\n");
}

/** The README's options table for a command, as markdown rows. */
export function renderMarkdown(table: OptionTable): string {
  const rows = Object.entries(table)
    .filter(([name]) => name !== "help")
    .map(([name, option]) => `| \`${optionSignature(name, option)}\` | ${option.help.replace(/\|/g, "\\|")} |`);
  return ["| option | |", "|---|---|", ...rows].join("\n");
}
