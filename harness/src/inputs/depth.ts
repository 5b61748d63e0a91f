import { InputError } from "../errors.js";

/** Nesting far beyond any real manifest; deeper documents are refused before they reach the WASM heap. */
export const DEFAULT_MAX_DEPTH = 256;

/** Throws an InputError when `value` nests deeper than `maxDepth` (checked without recursion). */
export function checkDepth(value: unknown, maxDepth: number, file: string): void {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== "object") continue;
    if (depth >= maxDepth) throw new InputError(`the document nests deeper than ${maxDepth} levels`, { file });
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
}
