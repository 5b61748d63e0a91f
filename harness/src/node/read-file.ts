import { closeSync, constants, fstatSync, openSync, readSync, statSync } from "node:fs";
import { InputError } from "../errors.js";

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Bytes as UTF-8 text; bytes that are not UTF-8 are an error rather than silently replaced characters. */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  if (bytes.includes(0)) throw new InputError("binary data (the file contains NUL bytes), not JSON or YAML", { file });
  try {
    return utf8.decode(bytes);
  } catch {
    throw new InputError("the file is not valid UTF-8", { file });
  }
}

/**
 * Reads a regular file of at most `maxBytes` as UTF-8 text. A FIFO, a device (`/dev/zero`), a socket or a
 * directory is refused before it is read, so nothing blocks forever or grows without bound; the file is opened
 * without blocking and checked again through its descriptor, so swapping one in after the check changes nothing.
 */
export function readTextFile(absolute: string, file: string, maxBytes: number): string {
  let stats;
  try {
    stats = statSync(absolute);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT" ? "no such file or directory" : code === "EACCES" ? "permission denied" : `cannot read it (${code ?? "unknown"})`;
    throw new InputError(reason, { file }, { cause });
  }
  const kind = describe(stats);
  if (kind) throw new InputError(`not a regular file (${kind})`, { file });
  const fd = openSync(absolute, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = fstatSync(fd);
    const again = describe(stats);
    if (again) throw new InputError(`not a regular file (${again})`, { file });
    if (stats.size > maxBytes) throw new InputError(`file is ${stats.size} bytes, over the limit of ${maxBytes}`, { file });
    // Read at most one byte past the limit: a file that grows while it is read is still bounded.
    const buffer = Buffer.alloc(Math.min(stats.size, maxBytes) + 1);
    let length = 0;
    for (let n = -1; n !== 0 && length < buffer.length; length += n) n = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > maxBytes) throw new InputError(`file is over the limit of ${maxBytes} bytes`, { file });
    return decodeUtf8(buffer.subarray(0, length), file);
  } finally {
    closeSync(fd);
  }
}

function describe(stats: import("node:fs").Stats): string | undefined {
  if (stats.isFile()) return undefined;
  if (stats.isFIFO()) return "a named pipe";
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return "a device";
  if (stats.isSocket()) return "a socket";
  if (stats.isDirectory()) return "a directory";
  return "not a file";
}
