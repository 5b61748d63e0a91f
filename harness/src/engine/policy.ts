import * as sdk from "@open-policy-agent/opa-wasm";
import type { LoadedPolicy } from "@open-policy-agent/opa-wasm";

// The SDK's ES module entry has loadPolicySync only on its default export (its types say otherwise).
type Sync = (wasm: WebAssembly.Module) => LoadedPolicy;
const loadPolicySync = (sdk as unknown as { default: { loadPolicySync: Sync } }).default.loadPolicySync;
const { loadPolicy } = sdk;
import { PolicyError } from "../errors.js";
import type { Level, Profile, Shape } from "./catalog.js";

import type { DocumentPath } from "../inputs/document.js";

/** A finding as the policy returns it, before it is located in the source and joined with the catalog. */
export interface PolicyFinding {
  rule: string;
  level: Level;
  message: string;
  object: string;
  /** The owner's kind and name (`Deployment`, `web`), and its Kubernetes namespace (null where none). */
  kind: string;
  owner: string;
  namespace: string | null;
  /** Null when the finding is about the pod as a whole (a field of the pod spec its containers inherit). */
  container: string | null;
  /** Where the container stands in the document. */
  path: DocumentPath;
  /** The field a fix would touch; it may be absent from the document. */
  field: DocumentPath;
  /** The in-place waiver (annotation, x-shipshape, label) that names this rule, if any. */
  inline_waiver: { reason: string } | null;
}

/** One result of a conftest-style rule (`deny`, `warn_x`, ...): a string or an object with `msg`. */
export interface ConftestResult {
  /** `<namespace>/<rule>`, the rule's id in the catalog. */
  rule: string;
  result: unknown;
  /** Whether the namespace's `exception` rule names this rule (as conftest's exceptions do). */
  excepted: boolean;
}

export interface PolicyResult {
  /** null when no shape recognises the document: it is skipped, not an error. */
  shape: Shape | null;
  findings: PolicyFinding[];
  /** The in-place waivers the document carries: the rule ids each names, and where. */
  inline_waivers: Array<{ rules: string[]; path: DocumentPath }>;
}

const ENTRYPOINT = "shipshape/main/report";
/** Present in a bundle compiled with conftest-style policies: their results for the same input. */
const CONFTEST_ENTRYPOINT = "shipshape/conftest/results";

/**
 * The compiled policy, instantiated once. Evaluation is synchronous, so calls never interleave inside one
 * instance; the SDK resets the WASM heap to the data pointer before every evaluation, so memory stays flat.
 */
/** What the harness hands the policy besides the document: data.shipshape.*. */
export interface PolicyData {
  /** Rule parameters by rule id (data.shipshape.params). */
  params?: Record<string, unknown>;
  /** A shape every document is read as, instead of detecting it (data.shipshape.input_type). */
  inputType?: Shape;
  /** The Dockerfile stage the image is built from, instead of the last one (data.shipshape.dockerfile_target). */
  dockerfileTarget?: string;
  /** The rule set in force (data.shipshape.profile): a rule whose verdict has a baseline and a restricted part. */
  profile?: Profile;
}

export class Policy {
  private readonly direct: DirectEval | undefined;
  private readonly conftest: DirectEval | undefined;
  /** Whether the bundle holds conftest-style rules, which read every document, whatever its shape. */
  readonly hasConftestRules: boolean;

  private constructor(private readonly loaded: LoadedPolicy) {
    this.direct = DirectEval.of(loaded, ENTRYPOINT);
    this.hasConftestRules = CONFTEST_ENTRYPOINT in loaded.entrypoints;
    this.conftest = this.hasConftestRules ? DirectEval.of(loaded, CONFTEST_ENTRYPOINT) : undefined;
  }

  /** Loads the policy with the data its rules read (see PolicyData). */
  static async load(wasm: BufferSource | WebAssembly.Module, data: PolicyData = {}): Promise<Policy> {
    const { params = {}, inputType, dockerfileTarget, profile } = data;
    let loaded: LoadedPolicy;
    try {
      loaded = await instantiate(wasm);
    } catch (cause) {
      throw new PolicyError(`cannot load the policy bundle: ${(cause as Error).message}`, {}, { cause });
    }
    if (!(ENTRYPOINT in loaded.entrypoints)) {
      throw new PolicyError(`the policy bundle has no ${ENTRYPOINT} entrypoint`);
    }
    loaded.setData({
      shipshape: {
        params,
        ...(inputType && { input_type: inputType }),
        ...(dockerfileTarget && { dockerfile_target: dockerfileTarget }),
        ...(profile && { profile }),
      },
    });
    return new Policy(loaded);
  }

  /** Size of the instance's linear memory: flat across evaluations, since the heap is reset each time. */
  get memoryBytes(): number {
    return this.loaded.mem.buffer.byteLength;
  }

  evaluate(document: unknown): PolicyResult {
    const result = this.run<PolicyResult>(this.direct, ENTRYPOINT, document);
    if (!result) throw new PolicyError("policy evaluation returned no result");
    return result;
  }

  /** The conftest-style rules' results for a document (none when the bundle has no such rules). */
  evaluateConftest(document: unknown): ConftestResult[] {
    if (!this.hasConftestRules) return [];
    return this.run<ConftestResult[]>(this.conftest, CONFTEST_ENTRYPOINT, document) ?? [];
  }

  /** One entrypoint's result for a document, through opa_eval where the module has it, else the SDK. */
  private run<T>(direct: DirectEval | undefined, entrypoint: string, document: unknown): T | undefined {
    try {
      // As in the SDK, a falsy document (null, false, 0, "") is evaluated with no input at all.
      const json = document ? wellFormed(JSON.stringify(document)) : undefined;
      const resultSet = direct
        ? direct.evaluate<T>(json)
        : (this.loaded.evaluate(json === undefined ? undefined : new TextEncoder().encode(json).buffer, entrypoint) as Array<{
            result: T;
          }>);
      return resultSet[0]?.result;
    } catch (cause) {
      // The SDK and the WASM module throw plain strings as well as Errors.
      const reason = cause instanceof Error ? cause.message : String(cause);
      throw new PolicyError(`policy evaluation failed: ${reason}`, {}, { cause });
    }
  }
}

type OpaEval = (ctx: 0, entrypoint: number, data: number, input: number, length: number, heap: number, format: 0) => number;

/**
 * The SDK's own single-call path (OPA's ABI 1.2 `opa_eval`), without its per-call costs: the input is encoded
 * straight into WASM memory instead of through an intermediate buffer, and the result's end is found with
 * `indexOf` instead of a byte-by-byte loop in JavaScript: about 2 µs of a 50 µs evaluation. An older module
 * (ABI 1.0/1.1) takes the SDK's path.
 */
class DirectEval {
  private readonly encoder = new TextEncoder();
  private readonly decoder = new TextDecoder();

  private constructor(
    private readonly loaded: LoadedPolicy,
    private readonly opaEval: OpaEval,
    private readonly entrypoint: number,
  ) {}

  static of(loaded: LoadedPolicy, name: string): DirectEval | undefined {
    const instance = loaded.wasmInstance;
    const exports = ("instance" in instance ? instance.instance : instance).exports;
    const entrypoint = (loaded.entrypoints as Record<string, number | undefined>)[name];
    if (!(Number(loaded.minorVersion) >= 2) || typeof exports.opa_eval !== "function" || entrypoint === undefined) return undefined;
    return new DirectEval(loaded, exports.opa_eval as OpaEval, entrypoint);
  }

  /** @param json the input document as JSON text, or undefined for no input */
  evaluate<T>(json: string | undefined): Array<{ result: T }> {
    const { mem, dataAddr } = this.loaded;
    const inputAddr = this.loaded.dataHeapPtr as number;
    let length = 0;
    if (json !== undefined) {
      const room = json.length * 3; // UTF-8 takes at most 3 bytes per UTF-16 code unit
      const short = inputAddr + room - mem.buffer.byteLength;
      if (short > 0) mem.grow(Math.ceil(short / 65536));
      length = this.encoder.encodeInto(json, new Uint8Array(mem.buffer, inputAddr, room)).written;
    }
    const resultAddr = this.opaEval(0, this.entrypoint, dataAddr, length ? inputAddr : 0, length, inputAddr + length, 0);
    const bytes = new Uint8Array(mem.buffer);
    const end = bytes.indexOf(0, resultAddr);
    return JSON.parse(this.decoder.decode(bytes.subarray(resultAddr, end))) as Array<{ result: T }>;
  }
}

// JSON.stringify writes a lone surrogate (a broken "\ud800" escape in YAML, say) as a \udxxx escape, which
// OPA's JSON parser refuses; it becomes U+FFFD, as a UTF-8 encoder would make it. The lookbehind and the
// even run of backslashes keep an escaped backslash followed by "ud800" as it is.
const LONE_SURROGATE = /(?<!\\)((?:\\\\)*)\\ud[89a-f][0-9a-f]{2}/g;
const wellFormed = (json: string) => (json.includes("\\ud") ? json.replace(LONE_SURROGATE, "$1\ufffd") : json);

/**
 * A compiled module is instantiated synchronously where the platform allows it (Node, workers): the async
 * path probes for `Response`, which makes Node load its whole fetch implementation at start-up. Browsers
 * refuse synchronous instantiation of large modules on the main thread, so that falls back to the async path.
 */
async function instantiate(wasm: BufferSource | WebAssembly.Module): Promise<LoadedPolicy> {
  if (wasm instanceof WebAssembly.Module) {
    try {
      return loadPolicySync(wasm);
    } catch {
      // fall through to the asynchronous instantiation
    }
  }
  return loadPolicy(wasm);
}
