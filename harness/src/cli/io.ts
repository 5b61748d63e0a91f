import { closeSync, openSync, writeSync } from "node:fs";

/** What the CLI touches of its process, so tests can run it in-process. */
export interface CliIO {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  env: Record<string, string | undefined>;
  cwd: string;
  /** Standard input, refused (rejecting) once it grows past `maxBytes`. */
  readStdin(maxBytes: number): Promise<Uint8Array | string>;
}

/**
 * The size of the pieces a report goes out in: Node turns a string into UTF-8 before writing it, and one 49 MB
 * report took 340 ms to encode at once against 37 ms in pieces (a large buffer is fresh memory, slow to fault
 * in on this kind of machine); below 128 KiB the allocator reuses the memory it freed.
 */
const PIECE = 1 << 16;

/** Text pieces regrouped for writing: short ones joined, long ones cut (never inside a surrogate pair). */
export function* writable(pieces: Iterable<string>): Generator<string> {
  let batch: string[] = [];
  let size = 0;
  for (const piece of pieces) {
    batch.push(piece);
    size += piece.length;
    if (size < PIECE) continue;
    const text = batch.join("");
    batch = [];
    size = 0;
    for (let start = 0; start < text.length;) {
      let end = Math.min(start + PIECE, text.length);
      const last = text.charCodeAt(end - 1);
      if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1; // a high surrogate: keep the pair whole
      yield text.slice(start, end);
      start = end;
    }
  }
  if (size > 0) yield batch.join("");
}

/** Writes text pieces to a file (see writable), replacing what the file held. */
export function writeTextFile(path: string, pieces: Iterable<string>): void {
  const fd = openSync(path, "w");
  try {
    for (const piece of writable(pieces)) {
      const bytes = Buffer.from(piece);
      for (let written = 0; written < bytes.length;) written += writeSync(fd, bytes, written);
    }
  } finally {
    closeSync(fd);
  }
}
