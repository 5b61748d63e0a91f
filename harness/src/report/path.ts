import type { DocumentPath } from "../inputs/document.js";

/** `["spec", "containers", 1]` as `spec.containers[1]`; `[0]` as `[0]`. Keys that are not identifiers are quoted. */
export function formatPath(path: DocumentPath): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(segment)) out += out === "" ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}
