import { PolicyError } from "../errors.js";
import { parseCatalog, type Catalog } from "./catalog.js";

/**
 * A compiled policy and its rule catalog in one artifact: what `shipshape build -p DIR -o FILE` writes and
 * `check --bundle`, `serve --bundle` and `Checker.create({ bundle })` read, so a CI image or an admission
 * server runs a team's own rules with neither Go nor OPA. JSON (the WASM as base64): one file that Node and
 * browsers read without an archive library, and that `jq .catalog` can look into.
 */
export interface PolicyBundle {
  /** SHA-256 of everything it was compiled from (the built-in and the custom sources). */
  hash: string;
  wasm: Uint8Array;
  catalog: Catalog;
}

const FORMAT = "shipshape-bundle";
const VERSION = 1;

export function serializeBundle(bundle: PolicyBundle): string {
  return JSON.stringify({ format: FORMAT, version: VERSION, hash: bundle.hash, catalog: bundle.catalog, wasm: toBase64(bundle.wasm) });
}

/** Reads a bundle; `where` names it in errors (a file path). */
export function parseBundle(text: string, where = "the policy bundle"): PolicyBundle {
  let json: { format?: unknown; version?: unknown; hash?: unknown; catalog?: unknown; wasm?: unknown };
  try {
    json = JSON.parse(text) as typeof json;
  } catch {
    throw new PolicyError(`${where} is not a shipshape bundle (not JSON); write one with \`shipshape build -p DIR -o FILE\``);
  }
  if (json?.format !== FORMAT || typeof json.wasm !== "string" || typeof json.hash !== "string") {
    throw new PolicyError(`${where} is not a shipshape bundle; write one with \`shipshape build -p DIR -o FILE\``);
  }
  if (json.version !== VERSION) {
    throw new PolicyError(`${where} is a version ${String(json.version)} bundle; this shipshape reads version ${VERSION}: rebuild it`);
  }
  try {
    return { hash: json.hash, catalog: parseCatalog(json.catalog), wasm: fromBase64(json.wasm) };
  } catch (cause) {
    throw new PolicyError(`${where} is damaged: ${(cause as Error).message}`, {}, { cause });
  }
}

// atob/btoa work on "binary strings"; chunks keep String.fromCharCode's argument list short.
function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

// Node's Buffer decodes natively (a third of the time of a JavaScript loop); browsers take atob.
const NodeBuffer = (globalThis as { Buffer?: { from(text: string, encoding: "base64"): Uint8Array } }).Buffer;

function fromBase64(text: string): Uint8Array {
  if (NodeBuffer) return NodeBuffer.from(text, "base64");
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
