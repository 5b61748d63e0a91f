import picomatch from "picomatch";
import { ConfigApplier, type FindingContext, type WaiverSubject } from "../config/apply.js";
import { EMPTY_CONFIG, loadConfig, paramsOf, type Config, type InlineWaivers } from "../config/config.js";
import type { Catalog, Profile, Rule, Shape } from "../engine/catalog.js";
import { rulesById } from "../engine/catalog.js";
import { parseBundle, type PolicyBundle } from "../engine/bundle.js";
import { Policy, type PolicyData, type PolicyFinding } from "../engine/policy.js";
import { InputError, PolicyError, toShipshapeError, type ShipshapeError } from "../errors.js";
import type { SourceDocument } from "../inputs/document.js";
import type { Environment } from "../inputs/compose/interpolate.js";
import { isCompose, prepareCompose } from "../inputs/compose/prepare.js";
import {
  DEFAULT_MAX_CONTAINERS,
  DEFAULT_MAX_DEPTH,
  isKubernetesList,
  isKubernetesObject,
  isPod,
  measure,
  unitsOf,
  type Unit,
} from "../inputs/units.js";
import { ImageIndex, type ImageConfig } from "../inputs/images.js";
import { parseText, syntaxOf, type Syntax } from "../inputs/parse.js";
import { NO_SHELL, ShellReader, type ShellSource } from "../inputs/shell.js";
import { fixText, type FixResult, type FixTextOptions } from "../fix/fix.js";
import { toInputFailure, type FileResult, type Finding, type InputFailure } from "../report/finding.js";
import { formatPath } from "../report/path.js";
import { conftestFinding, exceptionName } from "./conftest-findings.js";

/** The compiled policy: bytes, a compiled module, or where to fetch it from (a URL, in a browser). */
export type PolicySource = BufferSource | WebAssembly.Module | URL | string;

export interface CheckerOptions {
  /** The compiled policy (dist/policy/policy.wasm, exported as `shipshape/policy.wasm`); or give `bundle`. */
  wasm?: PolicySource;
  /** The rule catalog (dist/policy/catalog.json, exported as `shipshape/catalog.json`); or give `bundle`. */
  catalog?: Catalog;
  /**
   * A bundle with a team's own rules (`shipshape build -p DIR -o FILE`: its bytes, or parseBundle's result):
   * its policy and catalog, instead of `wasm` and `catalog`.
   */
  bundle?: Uint8Array | ArrayBuffer | PolicyBundle;
  /**
   * The packages whose conftest-style rules (`deny`, `warn`, `violation`, and their `_suffix` forms) run, as
   * conftest's `--namespace` (globs; `*` is every namespace, `--all-namespaces`). Default: `main`.
   */
  namespaces?: string[];
  /**
   * Configuration as in docs/spec.md §5: a validated Config, or `.shipshape.yaml` text, or the same as an object;
   * none by default.
   */
  config?: Config | string | Record<string, unknown>;
  /** Rule parameters by rule id, merged over the configuration's (data.shipshape.params). */
  params?: Record<string, Record<string, unknown>>;
  /**
   * Whose in-place waivers count (see InlineWaivers); defaults to the configuration's `inline-waivers`, else
   * true. The admission server passes false unless its own configuration says otherwise.
   */
  inlineWaivers?: InlineWaivers;
  /** Read every document as this shape instead of detecting it. */
  inputType?: Shape;
  /** Today as YYYY-MM-DD, for waiver expiry; defaults to the current UTC date. */
  today?: string;
  /** Deepest nesting a document may have before it is refused. */
  maxDepth?: number;
  /** Most containers one object may hold before it is refused (an error for that object, not a finding). */
  maxContainers?: number;
  /** The Dockerfile stage the image is built from (`--target`); the last stage by default. */
  dockerfileTarget?: string;
  /**
   * The shell parser Dockerfile commands are read with (web-tree-sitter's runtime and the tree-sitter-bash
   * grammar, dist/shell/*.wasm). Without it, a Dockerfile whose RUN, CMD or ENTRYPOINT the rules must read
   * is an error rather than a file judged without its commands. The Node entry passes the bundled one.
   */
  shell?: ShellSource;
  /**
   * Load the shell parser only when `loadShell()` is called, not when the checker is created: checking a
   * Dockerfile before then is an error. The CLI and its workers load it only for a run that has a Dockerfile
   * (`needsShell`): it cost every run 50 ms of start-up and 33 MB of reserved memory.
   */
  shellOnDemand?: boolean;
  /** The rule set: `baseline` or `restricted` (every rule); defaults to the configuration's, else restricted. */
  profile?: Profile;
  /**
   * Images whose config is known (imageConfigsOf a `docker image inspect` output): a Compose service that runs
   * one and sets no user or health check is judged by the image's, instead of "the image decides".
   */
  images?: ImageConfig[];
}

export interface CheckTextOptions {
  syntax?: Syntax;
  /** Variables for Compose interpolation (the caller merges the process environment and `.env`). */
  env?: Environment;
  /** The file's path as configuration globs see it (relative to the configuration file); defaults to `file`. */
  matchPath?: string;
  /**
   * The object under check, as its source vouches for it (an AdmissionReview's kind, namespace and name).
   * Given one, the check is about an object rather than a file: waiver path globs never match.
   */
  subject?: WaiverSubject;
  /** Read the documents as this shape instead of detecting it (overrides the checker's `inputType`). */
  shape?: Shape;
  /** Compose: the absolute directory relative host paths resolve against (the file's; see ComposeContext). */
  projectDir?: string;
  /** Compose: reads another file by absolute path, so `extends.file` is followed; without it, it is reported. */
  readFile?: (path: string) => string;
}

/** CheckerOptions with every default applied and the policy compiled: what a worker thread rebuilds a Checker from. */
export interface ResolvedCheckerOptions {
  wasm: WebAssembly.Module;
  catalog: Catalog;
  namespaces: string[];
  config: Config;
  params: Record<string, Record<string, unknown>>;
  inlineWaivers: InlineWaivers;
  inputType?: Shape;
  today: string;
  maxDepth: number;
  maxContainers: number;
  dockerfileTarget?: string;
  shell?: ShellSource;
  shellOnDemand?: boolean;
  profile: Profile;
  images: ImageConfig[];
}

/**
 * Compiles the policy once; then checks any number of files or documents. Evaluation is synchronous, so
 * concurrent callers never interleave inside a WASM instance. Holds no fs/path/process use.
 */
export class Checker {
  private readonly rules: Map<string, Rule>;
  /** Whether in-place waivers count here at all: only then is a rule id they name that does not exist an error. */
  private readonly inlineWaiversHonoured: boolean;
  /** One instance per forced shape (undefined: detect), made from the one compiled module on first use. */
  private readonly policies = new Map<Shape | undefined, Promise<Policy> | Policy>();

  private readonly applier: ConfigApplier;

  private readonly images: ImageIndex;

  /** Whether a conftest-style rule's package is one of the namespaces that run. */
  private readonly conftestNamespaces: (namespace: string) => boolean;

  private constructor(
    /** Everything the checker was made from, resolved: a worker thread builds the same checker from it. */
    readonly options: ResolvedCheckerOptions,
    defaultPolicy: Policy,
    private shell: ShellReader | undefined,
  ) {
    this.inlineWaiversHonoured = options.inlineWaivers !== false;
    this.rules = rulesById(options.catalog);
    this.applier = new ConfigApplier(options.config, {
      inlineWaivers: options.inlineWaivers,
      today: options.today,
      profile: options.profile,
      ruleProfiles: new Map(options.catalog.rules.map((rule) => [rule.id, rule.profile])),
    });
    this.policies.set(options.inputType, defaultPolicy);
    this.images = new ImageIndex(options.images);
    this.conftestNamespaces = picomatch(options.namespaces);
  }

  static async create(options: CheckerOptions): Promise<Checker> {
    const bundle =
      options.bundle instanceof Uint8Array || options.bundle instanceof ArrayBuffer
        ? parseBundle(new Uint8Array(options.bundle))
        : options.bundle;
    const catalog = bundle?.catalog ?? options.catalog;
    const wasm = bundle?.wasm ?? options.wasm;
    if (!catalog || !wasm) throw new PolicyError("Checker.create needs a policy: `wasm` and `catalog`, or a `bundle`");
    const config =
      options.config === undefined ? EMPTY_CONFIG : isConfig(options.config) ? options.config : loadConfig(options.config, catalog.rules);
    const resolved: ResolvedCheckerOptions = {
      wasm: await compilePolicy(wasm),
      catalog,
      namespaces: options.namespaces ?? ["main"],
      config,
      params: { ...paramsOf(config), ...options.params },
      inlineWaivers: options.inlineWaivers ?? config.inlineWaivers ?? true,
      ...(options.inputType !== undefined && { inputType: options.inputType }),
      today: options.today ?? new Date().toISOString().slice(0, 10),
      maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH,
      maxContainers: options.maxContainers ?? DEFAULT_MAX_CONTAINERS,
      ...(options.dockerfileTarget !== undefined && { dockerfileTarget: options.dockerfileTarget }),
      ...(options.shell && { shell: options.shell }),
      ...(options.shellOnDemand === true && { shellOnDemand: true }),
      profile: options.profile ?? config.profile ?? "restricted",
      images: options.images ?? [],
    };
    const [policy, shell] = await Promise.all([
      Policy.load(resolved.wasm, policyData(resolved, resolved.inputType)),
      resolved.shell && !resolved.shellOnDemand ? ShellReader.load(resolved.shell) : undefined,
    ]);
    return new Checker(resolved, policy, shell);
  }

  /** Loads the shell parser the checker was given, if it is not loaded yet (see CheckerOptions.shellOnDemand). */
  async loadShell(): Promise<void> {
    if (!this.shell && this.options.shell) this.shell = await ShellReader.load(this.options.shell);
  }

  /** Whether checking `file` reads it as a Dockerfile, whose commands need the shell parser (see loadShell). */
  needsShell(file: string, options: CheckTextOptions = {}): boolean {
    return (this.syntaxFor(options) ?? syntaxOf(file)) === "dockerfile";
  }

  /** The syntax a text is read as when the caller or a forced shape says; else its name decides. */
  private syntaxFor(options: CheckTextOptions): Syntax | undefined {
    const shape = options.shape ?? this.inputType;
    return options.syntax ?? (shape === "dockerfile" ? "dockerfile" : undefined);
  }

  /** The compiled policy, for workers that instantiate it again without recompiling. */
  get module(): WebAssembly.Module {
    return this.options.wasm;
  }

  get catalog(): Catalog {
    return this.options.catalog;
  }

  get config(): Config {
    return this.options.config;
  }

  private get inputType(): Shape | undefined {
    return this.options.inputType;
  }

  private get maxDepth(): number {
    return this.options.maxDepth;
  }

  private get maxContainers(): number {
    return this.options.maxContainers;
  }

  /** Prepares the instance for a forced shape, so `checkText(..., {shape})` can run synchronously. */
  async prepare(shape: Shape): Promise<void> {
    let entry = this.policies.get(shape);
    if (!entry) {
      entry = Policy.load(this.module, policyData(this.options, shape));
      this.policies.set(shape, entry);
    }
    this.policies.set(shape, await entry);
  }

  private policyFor(shape: Shape | undefined): Policy {
    const policy = this.policies.get(shape ?? this.inputType);
    if (!(policy instanceof Policy)) throw new PolicyError(`call prepare("${shape}") before checking documents as ${shape}`);
    return policy;
  }

  /** Rules that do not run: turned off by the configuration, or outside the chosen profile. */
  get disabledRules(): string[] {
    return this.options.catalog.rules.map((rule) => rule.id).filter((id) => !this.applier.isEnabled(id));
  }

  /** Whether configuration excludes this path (`ignore`). */
  isIgnored(matchPath: string): boolean {
    return this.applier.isIgnored(matchPath);
  }

  /**
   * Fixes what can be fixed safely in one file's text (`shipshape fix`): the findings of rules with a fixer,
   * edited in place (comments and layout kept) and checked again, so each edit makes its finding go and adds
   * none. Returns the text, what was fixed and what was left, with why.
   */
  fix(text: string, file: string, options: CheckTextOptions & FixTextOptions = {}): FixResult {
    return fixText((candidate) => this.checkText(candidate, file, options), text, options);
  }

  /** Parses and checks one file's text; never throws for bad input, which becomes an entry in `errors`. */
  checkText(text: string, file: string, options: CheckTextOptions = {}): FileResult {
    const result: FileResult = { file, documents: 0, findings: [], errors: [], skipped: [] };
    let parsed;
    try {
      const shape = options.shape ?? this.inputType;
      parsed = parseText(
        text,
        file,
        this.syntaxFor(options),
        undefined,
        shape === "kubernetes" || shape === "compose" ? shape : undefined,
        this.shell ?? NO_SHELL,
      );
    } catch (error) {
      result.errors.push(failure(toShipshapeError(error, { file })));
      return result;
    }
    result.errors.push(...parsed.errors.map(failure));
    if (parsed.documents.length === 0 && parsed.errors.length === 0) {
      result.skipped.push({ file, document: 0, reason: "the file holds no documents" });
    }
    result.documents = parsed.documents.length;
    return this.checkDocuments(parsed.documents, options, result);
  }

  /** Checks an already-parsed document; findings are located at line 1 unless `locate` is given. */
  checkDocument(value: unknown, file: string, options: CheckTextOptions = {}): FileResult {
    const result: FileResult = { file, documents: 1, findings: [], errors: [], skipped: [] };
    const document: SourceDocument = { file, index: 0, value, locate: () => ({ line: 1, column: 1 }) };
    return this.checkDocuments([document], options, result);
  }

  /** Checks each document into `result`: a document that fails becomes an error, and the others still count. */
  private checkDocuments(documents: SourceDocument[], options: CheckTextOptions, result: FileResult): FileResult {
    for (const document of documents) {
      try {
        this.checkSourceDocument(document, options, result);
      } catch (error) {
        result.errors.push(failure(toShipshapeError(error, { file: result.file })));
      }
    }
    result.findings.sort(bySourceOrder);
    return result;
  }

  private checkSourceDocument(document: SourceDocument, options: CheckTextOptions, result: FileResult): void {
    const shape = options.shape ?? this.inputType;
    const policy = this.policyFor(options.shape);
    let value = document.value;
    if (isCompose(value)) {
      const prepared = prepareCompose(value, {
        env: options.env ?? {},
        ...(options.projectDir !== undefined && { projectDir: options.projectDir }),
        ...(options.readFile && { readFile: options.readFile }),
        ...(this.images.size > 0 && { images: this.images }),
        parse: (text, path) => parseText(text, path, "yaml", undefined, "compose").documents[0]?.value,
      });
      value = prepared.value;
      for (const problem of prepared.problems) result.errors.push(failure(new InputError(problem, { file: document.file })));
      for (const include of prepared.includes) if (!result.includes?.includes(include)) (result.includes ??= []).push(include);
    }
    const kubernetes = shape === undefined || shape === "kubernetes";
    // A List's items are evaluated one by one (the cost of one evaluation grows faster than its findings).
    const units: Unit[] = kubernetes ? unitsOf(value) : [{ value, prefix: [] }];
    let recognised: Shape | null = kubernetes && isKubernetesList(value) ? "kubernetes" : null;
    const context: FindingContext = options.subject ? { subject: options.subject } : { matchPath: options.matchPath ?? document.file };
    for (const unit of units) {
      const { containers, templates } = measure(unit.value, this.maxDepth, document.file);
      if (containers > this.maxContainers) {
        const where = { file: document.file, ...document.locate(unit.prefix) };
        result.errors.push(
          failure(new InputError(`the object holds ${containers} containers, more than the ${this.maxContainers} allowed`, where)),
        );
        continue;
      }
      // Every rule reads containers or a pod's own settings: a Kubernetes object that holds neither (a ConfigMap,
      // a Service) needs no evaluation. A pod spec without containers is still judged on its pod-level fields.
      if (containers === 0 && templates === 0 && kubernetes && isKubernetesObject(unit.value) && !isPod(unit.value)) {
        recognised = "kubernetes";
        this.checkConftest(policy, unit, "kubernetes", document, context, result);
        continue;
      }
      const evaluation = this.evaluate(() => policy.evaluate(unit.value), unit, document);
      if (evaluation.shape === null) {
        // Conftest-style rules judge every document, as conftest does (a kustomization.yaml, say): one no shape
        // recognises is theirs, and its findings are labelled kubernetes (an object located by its metadata).
        if (policy.hasConftestRules) {
          recognised = "kubernetes";
          this.checkConftest(policy, unit, "kubernetes", document, context, result);
        }
        continue;
      }
      recognised = evaluation.shape;
      this.checkConftest(policy, unit, evaluation.shape, document, context, result);
      if (this.inlineWaiversHonoured) {
        for (const waiver of evaluation.inline_waivers ?? []) {
          for (const id of waiver.rules.filter((r) => !this.rules.has(r))) {
            const where = { file: document.file, ...document.locate([...unit.prefix, ...waiver.path]) };
            result.errors.push(failure(new InputError(`unknown rule "${id}" in an in-place waiver`, where)));
          }
        }
      }
      for (const raw of evaluation.findings) {
        if (!this.applier.isEnabled(raw.rule)) continue;
        const located =
          unit.prefix.length === 0 ? raw : { ...raw, path: [...unit.prefix, ...raw.path], field: [...unit.prefix, ...raw.field] };
        result.findings.push(this.applier.apply(this.finding(located, evaluation.shape, document), located, context));
      }
    }
    if (recognised === null) {
      const reason = shape
        ? `the document does not have the outline of a ${shape} document, the shape it is read as`
        : "no shape recognises this document";
      result.skipped.push({ file: document.file, document: document.index, reason });
    }
  }

  /** The conftest-style rules' findings for one object (none when the bundle has no such rules). */
  private checkConftest(policy: Policy, unit: Unit, shape: Shape, document: SourceDocument, context: FindingContext, result: FileResult) {
    if (!policy.hasConftestRules) return;
    // Conftest policies read the object itself: an AdmissionReview (the admission server's input) is unwrapped.
    const review = unit.value as { kind?: unknown; request?: { object?: unknown } } | null;
    const input =
      review?.kind === "AdmissionReview" && review.request?.object !== undefined
        ? { value: review.request.object, prefix: [...unit.prefix, "request", "object"] }
        : { value: unit.value, prefix: unit.prefix };
    const results = this.evaluate(() => policy.evaluateConftest(input.value), unit, document);
    for (const entry of results) {
      const rule = this.rules.get(entry.rule);
      if (!rule || !this.conftestNamespaces(rule.package) || !this.applier.isEnabled(entry.rule)) continue;
      const raw = conftestFinding(entry, rule.level, shape, input.value);
      if (typeof raw === "string") {
        result.errors.push(failure(new PolicyError(raw, { file: document.file, ...document.locate(unit.prefix) })));
        continue;
      }
      const located = input.prefix.length === 0 ? raw : { ...raw, path: input.prefix, field: [...input.prefix, ...raw.field] };
      const finding = this.applier.apply(this.finding(located, shape, document), located, context);
      if (!entry.excepted || finding.waived) result.findings.push(finding);
      else
        result.findings.push({
          ...finding,
          waived: true,
          waiver: `conftest exception: data.${rule.package}.exception names ${exceptionName(entry.rule)}`,
        });
    }
  }

  /** Runs an evaluation of one unit; a failure is an error located at the unit. */
  private evaluate<T>(evaluation: () => T, unit: Unit, document: SourceDocument): T {
    try {
      return evaluation();
    } catch (error) {
      const { message } = toShipshapeError(error);
      throw new PolicyError(message, { file: document.file, ...document.locate(unit.prefix) }, { cause: error });
    }
  }

  private finding(raw: PolicyFinding, shape: Shape, document: SourceDocument): Finding {
    const rule = this.rules.get(raw.rule);
    const { line, column } = document.locate(raw.field);
    return {
      rule: raw.rule,
      severity: rule?.severity ?? "medium",
      level: raw.level,
      title: rule?.title ?? raw.rule,
      message: raw.message,
      file: document.file,
      line,
      column,
      document: document.index,
      shape,
      object: raw.object,
      ...(typeof raw.namespace === "string" && { namespace: raw.namespace }),
      ...(typeof raw.container === "string" && { container: raw.container }),
      path: formatPath(raw.path),
      ...(document.source !== undefined && { source: document.source }),
      waived: false,
    };
  }
}

const bySourceOrder = (a: Finding, b: Finding) =>
  a.document - b.document || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule) || a.message.localeCompare(b.message);

async function compilePolicy(source: PolicySource): Promise<WebAssembly.Module> {
  if (source instanceof WebAssembly.Module) return source;
  try {
    if (typeof source === "string" || source instanceof URL) {
      const response = await fetch(source);
      if (!response.ok) throw new Error(`HTTP ${response.status} fetching ${String(source)}`);
      return await WebAssembly.compile(await response.arrayBuffer());
    }
    return await WebAssembly.compile(source);
  } catch (cause) {
    throw new PolicyError(`cannot load the policy bundle: ${(cause as Error).message}`, {}, { cause });
  }
}

function isConfig(value: unknown): value is Config {
  const v = value as Config;
  return (
    typeof v === "object" &&
    v !== null &&
    Array.isArray(v.ignore) &&
    Array.isArray(v.waivers) &&
    typeof v.rules === "object" &&
    !("inline-waivers" in v)
  );
}

const failure = (error: ShipshapeError): InputFailure => toInputFailure(error);

function policyData(options: ResolvedCheckerOptions, inputType: Shape | undefined): PolicyData {
  return {
    params: options.params,
    ...(inputType && { inputType }),
    ...(options.dockerfileTarget !== undefined && { dockerfileTarget: options.dockerfileTarget }),
    profile: options.profile,
  };
}
