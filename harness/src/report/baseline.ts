import { InputError } from "../errors.js";
import type { FileResult, Finding } from "./finding.js";

/**
 * A baseline: the findings a team accepts as they stand today, so that adopting shipshape on an existing
 * repository fails only on what is new. An entry names a finding by what it is about — rule, file, object,
 * container, where the container stands and the message — never by line, so edits elsewhere in a file keep it.
 */
export interface Baseline {
  version: 1;
  findings: BaselineEntry[];
}

export interface BaselineEntry {
  rule: string;
  file: string;
  object: string;
  container?: string;
  path: string;
  message: string;
}

/** The key an entry and a finding share; `file` is the finding's path as the baseline stores it. */
const keyOf = (e: Omit<BaselineEntry, "container"> & { container?: string | undefined }) =>
  [e.rule, e.file, e.object, e.container ?? "", e.path, e.message].join("\u0000");

/**
 * The baseline of these results: every finding that is not waived (a waiver already accounts for itself),
 * its file written as `fileKey` gives it (relative to the baseline file, so the run's directory does not matter).
 */
export function writeBaseline(results: FileResult[], fileKey: (file: string) => string): Baseline {
  const seen = new Set<string>();
  const findings: BaselineEntry[] = [];
  for (const f of results.flatMap((r) => r.findings)) {
    if (f.waived) continue;
    const entry: BaselineEntry = {
      rule: f.rule,
      file: fileKey(f.file),
      object: f.object,
      ...(f.container !== undefined && { container: f.container }),
      path: f.path,
      message: f.message,
    };
    const key = keyOf(entry);
    if (!seen.has(key)) findings.push(entry);
    seen.add(key);
  }
  findings.sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
  return { version: 1, findings };
}

/** A baseline file's content, validated; anything else is an InputError naming the file. */
export function parseBaseline(value: unknown, file: string): Baseline {
  const v = value as Partial<Baseline> | null;
  const valid =
    typeof v === "object" &&
    v !== null &&
    v.version === 1 &&
    Array.isArray(v.findings) &&
    v.findings.every(
      (e) =>
        typeof e === "object" &&
        e !== null &&
        ["rule", "file", "object", "path", "message"].every((k) => typeof (e as unknown as Record<string, unknown>)[k] === "string"),
    );
  if (!valid) throw new InputError("not a shipshape baseline (written by --write-baseline: {version: 1, findings: [...]})", { file });
  return v as Baseline;
}

/**
 * Marks every finding the baseline holds as baselined: reported (`baselined: true`), and, like a waived one,
 * not counted by the exit code, its waiver text saying where it is accepted. What is new stays as it is.
 */
export function applyBaseline(results: FileResult[], baseline: Baseline, fileKey: (file: string) => string, name: string): FileResult[] {
  const known = new Set(baseline.findings.map(keyOf));
  const mark = (f: Finding): Finding => {
    if (f.waived) return f;
    const entry = { rule: f.rule, file: fileKey(f.file), object: f.object, container: f.container, path: f.path, message: f.message };
    return known.has(keyOf(entry)) ? { ...f, waived: true, baselined: true, waiver: `in the baseline ${name}` } : f;
  };
  return results.map((r) => ({ ...r, findings: r.findings.map(mark) }));
}
