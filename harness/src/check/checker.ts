import { ConfigApplier } from "../config/apply.js";
import { EMPTY_CONFIG, paramsOf, type Config } from "../config/config.js";
import type { Catalog, Rule, Shape } from "../engine/catalog.js";
import { rulesById } from "../engine/catalog.js";
import { Policy, type PolicyFinding } from "../engine/policy.js";
import { toShipshapeError, type ShipshapeError } from "../errors.js";
import type { SourceDocument } from "../inputs/document.js";
import { interpolate, type Environment } from "../inputs/compose/interpolate.js";
import { resolveExtends } from "../inputs/compose/extends.js";
import { checkDepth, DEFAULT_MAX_DEPTH } from "../inputs/depth.js";
import { parseText, type Syntax } from "../inputs/parse.js";
import type { FileResult, Finding, InputFailure } from "../report/finding.js";
import { formatPath } from "../report/path.js";

export interface CheckerOptions {
  /** The compiled policy (dist/policy/policy.wasm) as bytes or a compiled module. */
  wasm: BufferSource | WebAssembly.Module;
  catalog: Catalog;
  /** A validated configuration (rules, waivers, parameters); none by default. */
  config?: Config;
  /** Honour in-place waivers; defaults to the configuration's `inline-waivers` (true). */
  inlineWaivers?: boolean;
  /** Read every document as this shape instead of detecting it. */
  inputType?: Shape;
  /** Today as YYYY-MM-DD, for waiver expiry; defaults to the current UTC date. */
  today?: string;
  /** Deepest nesting a document may have before it is refused. */
  maxDepth?: number;
}

export interface CheckTextOptions {
  syntax?: Syntax;
  /** Variables for Compose interpolation (the caller merges the process environment and `.env`). */
  env?: Environment;
  /** The file's path as configuration globs see it (relative to the configuration file); defaults to `file`. */
  matchPath?: string;
}

/** Loads the policy once; then checks any number of files or documents. Holds no fs/path/process use. */
export class Checker {
  private readonly rules: Map<string, Rule>;

  private constructor(
    private readonly policy: Policy,
    readonly catalog: Catalog,
    readonly config: Config,
    private readonly applier: ConfigApplier,
    private readonly maxDepth: number,
  ) {
    this.rules = rulesById(catalog);
  }

  static async create(options: CheckerOptions): Promise<Checker> {
    const config = options.config ?? EMPTY_CONFIG;
    const policy = await Policy.load(options.wasm, paramsOf(config), options.inputType);
    const applier = new ConfigApplier(config, {
      inlineWaivers: options.inlineWaivers ?? config.inlineWaivers,
      today: options.today ?? new Date().toISOString().slice(0, 10),
    });
    return new Checker(policy, options.catalog, config, applier, options.maxDepth ?? DEFAULT_MAX_DEPTH);
  }

  /** Whether configuration excludes this path (`ignore`). */
  isIgnored(matchPath: string): boolean {
    return this.applier.isIgnored(matchPath);
  }

  /** Parses and checks one file's text; never throws for bad input, which becomes an entry in `errors`. */
  checkText(text: string, file: string, options: CheckTextOptions = {}): FileResult {
    const result: FileResult = { file, documents: 0, findings: [], errors: [], skipped: [] };
    let parsed;
    try {
      parsed = parseText(text, file, options.syntax);
    } catch (error) {
      result.errors.push(failure(toShipshapeError(error, { file })));
      return result;
    }
    result.errors.push(...parsed.errors.map(failure));
    if (parsed.documents.length === 0 && parsed.errors.length === 0) {
      result.skipped.push({ file, document: 0, reason: "the file holds no documents" });
    }
    for (const document of parsed.documents) {
      result.documents += 1;
      try {
        this.checkSourceDocument(document, options, result);
      } catch (error) {
        result.errors.push(failure(toShipshapeError(error, { file })));
      }
    }
    return result;
  }

  /** Checks an already-parsed document; findings are located at line 1 unless `locate` is given. */
  checkDocument(value: unknown, file: string, options: CheckTextOptions = {}): FileResult {
    const result: FileResult = { file, documents: 1, findings: [], errors: [], skipped: [] };
    const document: SourceDocument = { file, index: 0, value, locate: () => ({ line: 1, column: 1 }) };
    try {
      this.checkSourceDocument(document, options, result);
    } catch (error) {
      result.errors.push(failure(toShipshapeError(error, { file })));
    }
    return result;
  }

  private checkSourceDocument(document: SourceDocument, options: CheckTextOptions, result: FileResult): void {
    checkDepth(document.value, this.maxDepth, document.file);
    const value = isCompose(document.value)
      ? resolveExtends(interpolate(document.value, options.env ?? {}) as Record<string, unknown>)
      : document.value;
    const evaluation = this.policy.evaluate(value);
    if (evaluation.shape === null) {
      result.skipped.push({ file: document.file, document: document.index, reason: "no shape recognises this document" });
      return;
    }
    const matchPath = options.matchPath ?? document.file;
    for (const raw of evaluation.findings) {
      if (!this.applier.isEnabled(raw.rule)) continue;
      result.findings.push(this.applier.apply(this.finding(raw, evaluation.shape, document), raw, matchPath));
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
      container: raw.container,
      path: formatPath(raw.path),
      waived: false,
    };
  }
}

/** Compose files get interpolated before evaluation; the policy decides the shape of everything else. */
function isCompose(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value) && "services" in value && !("apiVersion" in value);
}

function failure(error: ShipshapeError): InputFailure {
  return {
    file: error.file ?? "",
    ...(error.line !== undefined && { line: error.line }),
    ...(error.column !== undefined && { column: error.column }),
    code: error.code,
    message: error.message,
  };
}
