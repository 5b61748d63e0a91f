import { readFileSync, statSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { Checker } from "../check/checker.js";
import { LEVELS, PROFILES, SEVERITIES, SHAPES } from "../engine/catalog.js";
import { EMPTY_CONFIG } from "../config/config.js";
import { readBundledArtifacts } from "../node/bundled.js";
import { InputError, ShipshapeError, UsageError } from "../errors.js";
import { DEFAULT_MAX_FILE_BYTES } from "../node/check-files.js";
import { decodeUtf8, readTextFile } from "../node/read-file.js";
import { checkFilesParallel } from "../node/parallel.js";
import { findConfigFile, loadConfigFile, type LoadedConfig } from "../node/config-file.js";
import { policySettingsOf, selectPolicy } from "../node/policy-source.js";
import { checkDockerContainers } from "../node/docker.js";
import { findCharts, renderCharts } from "../node/helm.js";
import { findKustomizations, renderKustomizations } from "../node/kustomize.js";
import { failedFile, type FileResult } from "../report/finding.js";
import { formatPieces, formatters } from "../report/formatters/index.js";
import { imageConfigsOf } from "../inputs/images.js";
import { applyBaseline, parseBaseline, writeBaseline } from "../report/baseline.js";
import { buildReport, exitCode, type Report } from "../report/report.js";
import { choice, parseCommandArgs } from "./args.js";
import { CHECK_OPTIONS } from "./options.js";
import { commandHelp } from "./usage.js";
import { writable, writeTextFile, type CliIO } from "./io.js";
import { progressReporter } from "./progress.js";
import { packageVersion } from "./version.js";

/**
 * A JSON file an option names (--image-config, --baseline), read by `read` into what the option needs; a file
 * that cannot be read, is not JSON or is not what the option takes is a usage error that quotes none of it
 * (JSON.parse's message would quote the text, and the file may hold anything).
 */
function readJsonOption<T>(option: string, name: string, cwd: string, read: (value: unknown) => T): T {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, name), "utf8");
  } catch (cause) {
    throw new UsageError(`--${option} ${name}: cannot read it (${(cause as NodeJS.ErrnoException).code ?? "error"})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UsageError(`--${option} ${name}: not JSON`);
  }
  try {
    return read(value);
  } catch (error) {
    throw new UsageError(`--${option} ${name}: ${(error as Error).message}`);
  }
}

/**
 * Whether text is coloured: --color always|never decides; else FORCE_COLOR (as CI logs such as GitHub
 * Actions' ask for it; "0" or "false" turns it off), else a terminal without NO_COLOR.
 */
function colorWanted(when: string | undefined, terminal: boolean, env: Record<string, string | undefined>): boolean {
  if (when === "always") return true;
  if (when === "never") return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !["0", "false"].includes(force);
  return terminal && !env.NO_COLOR;
}

/**
 * SARIF's %SRCROOT%: --sarif-base, else the git repository around the working directory, else the working
 * directory. A reported path (relative to the working directory, or absolute) becomes relative to it.
 */
function sourceRoot(base: string | undefined, cwd: string): { uri: string; relative: (file: string) => string | undefined } {
  let root = base === undefined ? undefined : resolve(cwd, base);
  if (root === undefined) {
    try {
      root = execFileSync("git", ["rev-parse", "--show-toplevel"], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    } catch {
      root = cwd;
    }
  }
  const top = root;
  return {
    uri: pathToFileURL(top.endsWith(sep) ? top : top + sep).href,
    relative: (file: string) => {
      if (file === "" || file.startsWith("<")) return undefined; // stdin, no file
      const inside = relative(top, resolve(cwd, file));
      return inside === "" || inside.startsWith("..") || isAbsolute(inside) ? undefined : inside;
    },
  };
}

/** A finding's file as a baseline stores it: relative to the baseline file's directory, with forward slashes. */
function baselineKey(baselineFile: string, cwd: string): (file: string) => string {
  const dir = dirname(baselineFile);
  return (file: string) => (file.startsWith("<") ? file : relative(dir, resolve(cwd, file)).split(sep).join("/"));
}

/** The text of each file that has findings and is a file on disk (not stdin, not rendered output). */
function sourcesOf(report: Report, cwd: string, maxBytes: number): Record<string, string> {
  const sources: Record<string, string> = {};
  for (const file of new Set(report.findings.map((f) => f.file))) {
    try {
      const path = resolve(cwd, file);
      if (statSync(path).isFile()) sources[file] = readTextFile(path, file, maxBytes);
    } catch {
      // gone since, or not a file: the report says its source is not there
    }
  }
  return sources;
}

export async function check(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, CHECK_OPTIONS);
  if (values.help) {
    io.stdout.write(commandHelp("check"));
    return 0;
  }
  const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
  if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1)) throw new UsageError("--jobs must be a whole number of at least 1");
  const format = choice("format", values.format, Object.keys(formatters));
  const inputType = values["input-type"] === undefined ? undefined : choice("input-type", values["input-type"], SHAPES);
  const maxFileBytes = values["max-file-size"] === undefined ? DEFAULT_MAX_FILE_BYTES : Number(values["max-file-size"]);
  if (!Number.isInteger(maxFileBytes) || maxFileBytes <= 0) throw new UsageError("--max-file-size must be a positive number of bytes");
  const printConfig = typeof values["print-config"] === "string" ? values["print-config"] : undefined;
  if (positionals.length === 0 && !values.docker && printConfig === undefined) {
    throw new UsageError("check needs at least one path (or - for stdin)");
  }
  const minimum = values.severity === undefined ? undefined : choice("severity", values.severity, SEVERITIES);
  // --baseline and --report FORMAT:FILE, checked before any file is read.
  const baseline =
    typeof values.baseline === "string"
      ? {
          name: values.baseline,
          content: readJsonOption("baseline", values.baseline, io.cwd, (v) => parseBaseline(v, String(values.baseline))),
        }
      : undefined;
  const reports = ((values.report as string[] | undefined) ?? []).map((spec) => {
    const at = spec.indexOf(":");
    const name = at > 0 ? choice("report", spec.slice(0, at), Object.keys(formatters)) : undefined;
    if (name === undefined || at === spec.length - 1) throw new UsageError(`--report takes FORMAT:FILE (got "${spec}")`);
    return { name, target: spec.slice(at + 1) };
  });
  if (values.color !== undefined) choice("color", values.color, ["auto", "always", "never"]);

  // Without --config or --no-config, each file takes the nearest .shipshape.yaml upward from itself (as ESLint
  // and Prettier do): each path from itself, and a walk's files from their directory (checkerFor), so
  // `check .` and `check sub/project` both use sub/project's for its files; run-wide settings (fail level,
  // the team's own rules) come from the working directory's.
  const noConfig = values["no-config"] === true || values.config === false;
  const configOption = typeof values.config === "string" ? values.config : undefined;
  const discover = !noConfig && configOption === undefined;
  const configFile = noConfig ? undefined : (configOption ?? findConfigFile(io.cwd));
  const settings = configFile === undefined ? { policies: [] } : policySettingsOf(resolve(io.cwd, configFile));
  const { shell } = readBundledArtifacts();
  const { wasm, catalog } = await selectPolicy({
    ...(typeof values.bundle === "string" && { bundle: values.bundle }),
    policies: [...((values.policy as string[] | undefined) ?? []), ...settings.policies],
    ...(typeof values.opa === "string" && { opa: values.opa }),
    env: io.env,
    cwd: io.cwd,
  });
  const namespaces = values["all-namespaces"] === true ? ["*"] : ((values.namespace as string[] | undefined) ?? settings.namespaces);
  const configs = new Map<string | undefined, LoadedConfig | undefined>();
  const load = (file: string | undefined): LoadedConfig | undefined => {
    const key = file === undefined ? undefined : resolve(io.cwd, file);
    if (!configs.has(key)) configs.set(key, key === undefined ? undefined : loadConfigFile(key, catalog.rules));
    return configs.get(key);
  };
  // Each directory is looked up once: a run over 409 files named one by one spent 27 ms walking up from each.
  const configsByDir = new Map<string, string | undefined>();
  const configFor = (path: string): string | undefined => {
    if (!discover) return configFile === undefined ? undefined : resolve(io.cwd, configFile);
    const absolute = resolve(io.cwd, path);
    let start = dirname(absolute);
    try {
      if (statSync(absolute).isDirectory()) start = absolute;
    } catch {
      start = io.cwd; // a glob or a missing path: the working directory's configuration
    }
    return findConfigFile(start, configsByDir);
  };
  const loaded = load(configFile);
  const config = loaded?.config ?? EMPTY_CONFIG;
  const failLevel = values["fail-level"] === undefined ? (config.failLevel ?? "deny") : choice("fail-level", values["fail-level"], LEVELS);
  const dockerfileTarget = typeof values["dockerfile-target"] === "string" ? values["dockerfile-target"] : undefined;
  const images = ((values["image-config"] as string[] | undefined) ?? []).flatMap((file) =>
    readJsonOption("image-config", file, io.cwd, (value) => imageConfigsOf(value, file)),
  );
  const makeChecker = (from: LoadedConfig | undefined) =>
    Checker.create({
      wasm,
      catalog,
      shell,
      shellOnDemand: true,
      ...(namespaces && { namespaces }),
      config: from?.config ?? EMPTY_CONFIG,
      inlineWaivers: values["inline-waivers"] === false ? false : (from?.config.inlineWaivers ?? true),
      ...(inputType && { inputType }),
      ...(dockerfileTarget !== undefined && { dockerfileTarget }),
      ...(values.profile !== undefined && { profile: choice("profile", values.profile, PROFILES) }),
      ...(images.length > 0 && { images }),
    });
  const checker = await makeChecker(loaded);
  if (printConfig !== undefined) {
    const file = configFor(printConfig);
    const shown = file === loaded?.file ? checker : await makeChecker(load(file));
    io.stdout.write(
      [
        `file: ${printConfig}`,
        `config: ${file ?? "none"}`,
        `profile: ${shown.options.profile}`,
        `inline waivers: ${shown.options.inlineWaivers === false ? "ignored" : "honoured"}`,
        `rules disabled: ${shown.disabledRules.join(", ") || "none"}`,
        `rule parameters: ${JSON.stringify(shown.options.params)}`,
        "",
      ].join("\n"),
    );
    return 0;
  }
  const disabled = new Set(checker.disabledRules);

  let results: FileResult[];
  if (values.docker) {
    results = await checkDockerContainers(checker, positionals, io.env);
  } else {
    const progress = progressReporter(io.stderr);
    const groups = new Map<string | undefined, string[]>();
    for (const path of positionals.filter((p) => p !== "-")) {
      const file = configFor(path);
      groups.set(file, [...(groups.get(file) ?? []), path]);
    }
    results = [];
    const checkers = new Map<string | undefined, Promise<Checker>>([[loaded?.file, Promise.resolve(checker)]]);
    const checkerFor = async (file: string | undefined) => {
      if (!checkers.has(file)) checkers.set(file, makeChecker(load(file)));
      const made = await checkers.get(file)!;
      for (const id of made.disabledRules) disabled.add(id);
      return made;
    };
    for (const [file, paths] of groups) {
      const from = load(file);
      const groupChecker = await checkerFor(from?.file);
      const options = {
        env: io.env,
        maxFileBytes,
        cwd: io.cwd,
        configDir: from ? dirname(from.file) : io.cwd,
        onFile: (done: number, total: number) => progress.update(done, total),
        skipUnknown: values["skip-unknown"] === true,
        ...(discover && { checkerFor, ...(from && { configFile: from.file }) }),
      };
      results.push(...(await checkFilesParallel(groupChecker, paths, options, jobs)));
    }
    progress.done();
    // Charts and kustomizations rendered by their own tools, checked as what they render to (run-wide config).
    const paths = positionals.filter((p) => p !== "-");
    const rendered = [
      ...(values.helm === true
        ? renderCharts(findCharts(paths, io.cwd), (values["helm-values"] as string[] | undefined) ?? [], io.cwd, io.env)
        : []),
      ...(values.kustomize === true ? renderKustomizations(findKustomizations(paths, io.cwd), io.cwd, io.env) : []),
    ];
    for (const { path, name, text, error } of rendered) {
      results.push(error ? failedFile(path, error) : checker.checkText(text!, name, { env: io.env, projectDir: io.cwd }));
    }
    if (positionals.includes("-")) {
      const name = String(values["stdin-filename"]);
      try {
        const input = await io.readStdin(maxFileBytes);
        const text = typeof input === "string" ? input : decodeUtf8(input, name);
        if (checker.needsShell(name)) await checker.loadShell();
        results.push(checker.checkText(text, name, { env: io.env, projectDir: io.cwd }));
      } catch (error) {
        results.push(
          failedFile(
            name,
            error instanceof Error && !(error instanceof ShipshapeError) ? new InputError(error.message, { file: name }) : error,
          ),
        );
      }
    }
  }

  if (baseline) results = applyBaseline(results, baseline.content, baselineKey(resolve(io.cwd, baseline.name), io.cwd), baseline.name);
  if (typeof values["write-baseline"] === "string") {
    const file = resolve(io.cwd, values["write-baseline"]);
    try {
      writeFileSync(file, JSON.stringify(writeBaseline(results, baselineKey(file, io.cwd)), null, 2) + "\n");
    } catch (cause) {
      throw new UsageError(`cannot write ${values["write-baseline"]}: ${(cause as NodeJS.ErrnoException).code ?? "error"}`);
    }
  }
  // --severity drops what is below it from the report, so the summary and the exit code follow what is shown.
  if (minimum !== undefined) {
    const rank = (s: string) => SEVERITIES.indexOf(s as (typeof SEVERITIES)[number]);
    results = results.map((r) => ({ ...r, findings: r.findings.filter((f) => rank(f.severity) <= rank(minimum)) }));
  }
  const report = buildReport(results, packageVersion(), { disabledRules: [...disabled] });
  // SARIF's source root, found once (it may ask git) for however many SARIF outputs there are.
  let root: ReturnType<typeof sourceRoot> | undefined;
  const sarifRoot = () => (root ??= sourceRoot(typeof values["sarif-base"] === "string" ? values["sarif-base"] : undefined, io.cwd));
  // The HTML report shows the sources of the files with findings, read again (once) for it.
  let sources: Record<string, string> | undefined;
  const htmlOptions = (name: string) =>
    name === "html" && { sources: (sources ??= sourcesOf(report, io.cwd, maxFileBytes)), generated: new Date().toISOString() };
  const output = formatPieces(report, format, {
    catalog,
    color: format === "text" && colorWanted(values.color as string | undefined, !values.output && Boolean(io.stdout.isTTY), io.env),
    quiet: values.quiet === true,
    compact: values.compact === true,
    ...(format === "sarif" && { sourceRoot: sarifRoot() }),
    ...htmlOptions(format),
  });
  // More formats from the same run (a CI job wants annotations, SARIF and a summary without checking thrice).
  for (const { name, target } of reports) {
    const text = formatPieces(report, name, {
      catalog,
      color: false,
      ...(name === "sarif" && { sourceRoot: sarifRoot() }),
      ...htmlOptions(name),
    });
    try {
      writeTextFile(resolve(io.cwd, target), text);
    } catch (cause) {
      throw new UsageError(`cannot write ${target}: ${(cause as NodeJS.ErrnoException).code ?? "error"}`);
    }
  }
  if (typeof values.output === "string") {
    try {
      writeTextFile(resolve(io.cwd, values.output), output);
    } catch (cause) {
      throw new UsageError(`cannot write ${values.output}: ${(cause as Error).message}`);
    }
  } else {
    for (const piece of writable(output)) io.stdout.write(piece);
  }
  return exitCode(report, failLevel);
}
