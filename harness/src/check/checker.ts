import type { Catalog, Rule, Shape } from "../engine/catalog.js";
import { rulesById } from "../engine/catalog.js";
import { Policy, type PolicyFinding } from "../engine/policy.js";
import { toShipshapeError, type ShipshapeError } from "../errors.js";
import type { SourceDocument } from "../inputs/document.js";
import { interpolate, type Environment } from "../inputs/compose/interpolate.js";
import { parseText, type Syntax } from "../inputs/parse.js";
import type { FileResult, Finding, InputFailure } from "../report/finding.js";
import { formatPath } from "../report/path.js";

export interface CheckerOptions {
  /** The compiled policy (dist/policy/policy.wasm) as bytes or a compiled module. */
  wasm: BufferSource | WebAssembly.Module;
  catalog: Catalog;
  /** Rule parameters, by rule id (data.shipshape.params). */
  params?: Record<string, Record<string, unknown>>;
}

export interface CheckTextOptions {
  syntax?: Syntax;
  /** Variables for Compose interpolation (the caller merges the process environment and `.env`). */
  env?: Environment;
}

/** Loads the policy once; then checks any number of files or documents. Holds no fs/path/process use. */
export class Checker {
  private readonly rules: Map<string, Rule>;

  private constructor(
    private readonly policy: Policy,
    readonly catalog: Catalog,
  ) {
    this.rules = rulesById(catalog);
  }

  static async create(options: CheckerOptions): Promise<Checker> {
    return new Checker(await Policy.load(options.wasm, options.params ?? {}), options.catalog);
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
    for (const document of parsed.documents) {
      result.documents += 1;
      try {
        this.checkSourceDocument(document, options.env ?? {}, result);
      } catch (error) {
        result.errors.push(failure(toShipshapeError(error, { file })));
      }
    }
    return result;
  }

  private checkSourceDocument(document: SourceDocument, env: Environment, result: FileResult): void {
    const value = isCompose(document.value) ? interpolate(document.value, env) : document.value;
    const evaluation = this.policy.evaluate(value);
    if (evaluation.shape === null) {
      result.skipped.push({ file: document.file, document: document.index, reason: "no shape recognises this document" });
      return;
    }
    for (const raw of evaluation.findings) result.findings.push(this.finding(raw, evaluation.shape, document));
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
