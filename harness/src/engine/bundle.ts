import { PolicyError } from "../errors.js";
import { parseCatalog, type Catalog } from "./catalog.js";

/**
 * A compiled policy and its rule catalog in one artifact: what `shipshape build -p DIR -o FILE` writes and
 * `check --bundle`, `serve --bundle` and `Checker.create({ bundle })` read, so a CI image or an admission
 * server runs a team's own rules with neither Go nor OPA.
 *
 * The file is the policy's WebAssembly module itself, with the catalog and the source hash in a custom
 * section (`shipshape.bundle`, JSON) appended: custom sections are part of the WebAssembly format and ignored
 * when the module is compiled, so the bytes are read once and compiled as they are — no archive, no base64.
 * (Version 1 was JSON with the module in base64: a third of a cold start went to decoding it.)
 */
export interface PolicyBundle {
  /** SHA-256 of everything it was compiled from (the built-in and the custom sources). */
  hash: string;
  wasm: Uint8Array;
  catalog: Catalog;
}

const FORMAT = "shipshape-bundle";
const VERSION = 2;
const SECTION = "shipshape.bundle";
const MAGIC = [0x00, 0x61, 0x73, 0x6d]; // "\0asm"

/** The module with the bundle's section appended (a bundle's own section, if any, is replaced). */
export function serializeBundle(bundle: PolicyBundle): Uint8Array {
  const module = stripSection(bundle.wasm, SECTION);
  const payload = new TextEncoder().encode(
    JSON.stringify({ format: FORMAT, version: VERSION, hash: bundle.hash, catalog: bundle.catalog }),
  );
  const name = new TextEncoder().encode(SECTION);
  const body = [...uleb128(name.length), ...name];
  const size = uleb128(body.length + payload.length);
  const out = new Uint8Array(module.length + 1 + size.length + body.length + payload.length);
  let at = 0;
  for (const part of [module, [0], size, body, payload]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Reads a bundle's bytes; `where` names it in errors (a file path). */
export function parseBundle(bytes: Uint8Array, where = "the policy bundle"): PolicyBundle {
  const rebuild = "write one with `shipshape build -p DIR -o FILE`";
  if (!MAGIC.every((b, i) => bytes[i] === b)) {
    if (bytes[0] === 0x7b /* "{" */) {
      throw new PolicyError(`${where} is a version 1 bundle (JSON); this shipshape reads version ${VERSION}: rebuild it`);
    }
    throw new PolicyError(`${where} is not a shipshape bundle; ${rebuild}`);
  }
  let section: Uint8Array | undefined;
  try {
    section = sections(bytes).find((s) => s.name === SECTION)?.payload;
  } catch (cause) {
    throw new PolicyError(`${where} is damaged: ${(cause as Error).message}`, {}, { cause });
  }
  if (!section) throw new PolicyError(`${where} is a WebAssembly module but not a shipshape bundle (no catalog); ${rebuild}`);
  let json: { format?: unknown; version?: unknown; hash?: unknown; catalog?: unknown };
  try {
    json = JSON.parse(new TextDecoder().decode(section)) as typeof json;
  } catch (cause) {
    throw new PolicyError(`${where} is damaged: its catalog is not JSON`, {}, { cause });
  }
  if (json?.format !== FORMAT || typeof json.hash !== "string") throw new PolicyError(`${where} is not a shipshape bundle; ${rebuild}`);
  if (json.version !== VERSION) {
    throw new PolicyError(`${where} is a version ${String(json.version)} bundle; this shipshape reads version ${VERSION}: rebuild it`);
  }
  try {
    return { hash: json.hash, catalog: parseCatalog(json.catalog), wasm: bytes };
  } catch (cause) {
    throw new PolicyError(`${where} is damaged: ${(cause as Error).message}`, {}, { cause });
  }
}

interface Section {
  id: number;
  start: number;
  end: number;
  /** Custom sections only. */
  name?: string;
  payload?: Uint8Array;
}

/** The module's sections, from their headers (an id byte and a LEB128 size each). */
function sections(bytes: Uint8Array): Section[] {
  const out: Section[] = [];
  let at = 8; // magic and version
  while (at < bytes.length) {
    const start = at;
    const id = bytes[at++]!;
    const [size, sizeLength] = readUleb128(bytes, at);
    at += sizeLength;
    const end = at + size;
    if (end > bytes.length) throw new RangeError(`a section runs past the end of the file (offset ${start})`);
    if (id === 0) {
      const [nameLength, nameBytes] = readUleb128(bytes, at);
      const nameEnd = at + nameBytes + nameLength;
      const name = new TextDecoder().decode(bytes.subarray(at + nameBytes, nameEnd));
      out.push({ id, start, end, name, payload: bytes.subarray(nameEnd, end) });
    } else {
      out.push({ id, start, end });
    }
    at = end;
  }
  return out;
}

function stripSection(bytes: Uint8Array, name: string): Uint8Array {
  const own = sections(bytes).filter((s) => s.name === name);
  if (own.length === 0) return bytes;
  const parts: Uint8Array[] = [];
  let at = 0;
  for (const s of own) {
    parts.push(bytes.subarray(at, s.start));
    at = s.end;
  }
  parts.push(bytes.subarray(at));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

function uleb128(value: number): number[] {
  const out: number[] = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    out.push(byte);
  } while (value !== 0);
  return out;
}

function readUleb128(bytes: Uint8Array, at: number): [value: number, length: number] {
  let value = 0;
  for (let i = 0; i < 5; i++) {
    const byte = bytes[at + i];
    if (byte === undefined) throw new RangeError("the file ends inside a section header");
    value += (byte & 0x7f) * 2 ** (7 * i);
    if ((byte & 0x80) === 0) return [value, i + 1];
  }
  throw new RangeError("a section size is longer than 32 bits");
}
