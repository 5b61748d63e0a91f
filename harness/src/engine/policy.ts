import * as sdk from "@open-policy-agent/opa-wasm";
import type { LoadedPolicy } from "@open-policy-agent/opa-wasm";

// The SDK's ES module entry has loadPolicySync only on its default export (its types say otherwise).
type Sync = (wasm: WebAssembly.Module) => LoadedPolicy;
const loadPolicySync = (sdk as unknown as { default: { loadPolicySync: Sync } }).default.loadPolicySync;
const { loadPolicy } = sdk;
import { PolicyError } from "../errors.js";
import type { Level, Shape } from "./catalog.js";

/** A path into a document: object keys and array indexes, as the Rego model reports them. */
export type DocumentPath = Array<string | number>;

/** A finding as the policy returns it, before it is located in the source and joined with the catalog. */
export interface PolicyFinding {
  rule: string;
  level: Level;
  message: string;
  object: string;
  container: string;
  /** Where the container stands in the document. */
  path: DocumentPath;
  /** The field a fix would touch; it may be absent from the document. */
  field: DocumentPath;
  /** The in-place waiver (annotation, x-shipshape, label) that names this rule, if any. */
  inline_waiver: { reason: string } | null;
}

export interface PolicyResult {
  /** null when no shape recognises the document: it is skipped, not an error. */
  shape: Shape | null;
  findings: PolicyFinding[];
}

const ENTRYPOINT = "shipshape/main/report";

/**
 * The compiled policy, instantiated once. Evaluation is synchronous, so calls never interleave inside one
 * instance; the SDK resets the WASM heap to the data pointer before every evaluation, so memory stays flat.
 */
export class Policy {
  private constructor(private readonly loaded: LoadedPolicy) {}

  /**
   * @param params rule parameters by rule id (data.shipshape.params)
   * @param inputType a shape every document is read as, instead of detecting it (data.shipshape.input_type)
   */
  static async load(
    wasm: BufferSource | WebAssembly.Module,
    params: Record<string, unknown> = {},
    inputType?: Shape,
  ): Promise<Policy> {
    let loaded: LoadedPolicy;
    try {
      loaded = await instantiate(wasm);
    } catch (cause) {
      throw new PolicyError(`cannot load the policy bundle: ${(cause as Error).message}`, { cause });
    }
    if (!(ENTRYPOINT in loaded.entrypoints)) {
      throw new PolicyError(`the policy bundle has no ${ENTRYPOINT} entrypoint`);
    }
    loaded.setData({ shipshape: { params, ...(inputType && { input_type: inputType }) } });
    return new Policy(loaded);
  }

  /** Size of the instance's linear memory: flat across evaluations, since the heap is reset each time. */
  get memoryBytes(): number {
    return this.loaded.mem.buffer.byteLength;
  }

  evaluate(document: unknown): PolicyResult {
    let resultSet: Array<{ result: PolicyResult }>;
    try {
      resultSet = this.loaded.evaluate(document, ENTRYPOINT);
    } catch (cause) {
      throw new PolicyError(`policy evaluation failed: ${(cause as Error).message}`, { cause });
    }
    const result = resultSet[0]?.result;
    if (!result) throw new PolicyError("policy evaluation returned no result");
    return result;
  }
}

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
