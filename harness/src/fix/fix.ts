import { parseAllDocuments, type Document, type ToStringOptions } from "yaml";
import type { FileResult, Finding } from "../report/finding.js";
import { DOCKERFILE_FIXERS } from "./dockerfile-fixers.js";
import { FIXERS, fixerFor, hasFixer, type FixOptions } from "./fixers.js";
import { layoutFor, NotFixed, printAll, splice } from "./yaml-edit.js";

export interface FixTextOptions extends FixOptions {
  /** Only these rules' findings (`--rule`); default every rule with a fixer. */
  rules?: string[];
}

export interface FixResult {
  /** The text with the fixes made (the input itself when none could be). */
  text: string;
  applied: Array<{ finding: Finding; edit: string }>;
  /** Findings of rules with a fixer that were left as they are, and why. */
  skipped: Array<{ finding: Finding; reason: string }>;
}

/**
 * Fixes what can be fixed safely in one file's text: the findings of rules with a fixer. YAML is edited through
 * the yaml library's Document API (fix/fixers.ts) and only the lines the edit changed are spliced into the
 * original, so comments, anchors, quoting, key order and indentation stay; a file whose layout the printer cannot
 * keep line for line is left alone, never rewritten wholesale. Dockerfiles are edited line by line
 * (fix/dockerfile-fixers.ts). The result is checked again: an edit must make its finding go and bring no new one,
 * or it is not made. `check` is the checker's checkText for this file.
 */
export function fixText(check: (text: string) => FileResult, text: string, options: FixTextOptions = {}): FixResult {
  const before = check(text);
  // In the fixers' order (no-privileged first: a privileged container cannot be kept from escalating).
  const order = [...Object.keys(FIXERS), ...Object.keys(DOCKERFILE_FIXERS)];
  const candidates = before.findings
    .filter((f) => !f.waived && (options.rules === undefined || options.rules.includes(f.rule)) && hasFixer(f.rule, f.shape))
    .sort((a, b) => order.indexOf(a.rule) - order.indexOf(b.rule));
  if (candidates.length === 0) return { text, applied: [], skipped: [] };
  const skipAll = (reason: string): FixResult => ({ text, applied: [], skipped: candidates.map((finding) => ({ finding, reason })) });
  if (before.errors.length > 0) return skipAll("the file has errors: fix those first");

  let edit: Editor;
  if (candidates.every((f) => f.shape === "dockerfile")) {
    edit = editLines;
  } else {
    const first = parseAllDocuments(text, { prettyErrors: false }) as Document[] | { empty: true };
    if (!Array.isArray(first) || first.some((doc) => doc.errors.length > 0))
      return skipAll("the file is not YAML that can be edited in place");
    const layout = layoutFor(first, text);
    if (!layout) return skipAll("the file's layout cannot be kept line for line, so it is left for a person to edit");
    edit = (original, findings) => editYaml(original, findings, layout, options);
  }

  // All at once; when the result does not hold (an edit that fixes nothing or adds a finding), one at a time.
  const together = attempt(check, before, text, edit, candidates);
  if (together.ok) return together.result;
  let current = { text, findings: before };
  const applied: FixResult["applied"] = [];
  const skipped: FixResult["skipped"] = [...together.result.skipped];
  for (const finding of candidates.filter((f) => !together.result.skipped.some((s) => s.finding === f))) {
    const one = attempt(check, current.findings, current.text, edit, [finding]);
    if (one.ok && one.result.applied.length > 0) {
      applied.push(...one.result.applied);
      current = { text: one.result.text, findings: one.after };
    } else {
      skipped.push(...(one.ok ? one.result.skipped : [{ finding, reason: one.reason }]));
    }
  }
  return { text: current.text, applied, skipped };
}

/** Makes the edits for some findings in a text: the new text (undefined: it cannot be made cleanly), and what was and was not done. */
type Editor = (
  original: string,
  findings: Finding[],
) => { text: string | undefined; applied: FixResult["applied"]; skipped: FixResult["skipped"] };

/** YAML: through the Document API, and only the changed lines spliced into the original. */
function editYaml(original: string, findings: Finding[], layout: ToStringOptions, options: FixTextOptions): ReturnType<Editor> {
  const docs = parseAllDocuments(original) as Document[];
  const printedBefore = printAll(docs, layout);
  const applied: FixResult["applied"] = [];
  const skipped: FixResult["skipped"] = [];
  for (const finding of findings) {
    const doc = docs[finding.document];
    try {
      if (!doc) throw new NotFixed("its document is not in the file as written");
      applied.push({ finding, edit: fixerFor(finding.rule, finding.shape)!({ doc, finding, options }) });
    } catch (error) {
      if (!(error instanceof NotFixed)) throw error;
      skipped.push({ finding, reason: error.message });
    }
  }
  return { text: splice(original, printedBefore, printAll(docs, layout)), applied, skipped };
}

/** Dockerfiles: each fixer edits the line its finding points at, keeping the line count. */
function editLines(original: string, findings: Finding[]): ReturnType<Editor> {
  const lines = original.split("\n");
  const applied: FixResult["applied"] = [];
  const skipped: FixResult["skipped"] = [];
  for (const finding of findings) {
    try {
      applied.push({ finding, edit: DOCKERFILE_FIXERS[finding.rule]!(lines, finding) });
    } catch (error) {
      if (!(error instanceof NotFixed)) throw error;
      skipped.push({ finding, reason: error.message });
    }
  }
  return { text: lines.join("\n"), applied, skipped };
}

/** An attempt that holds carries the check of its text (`after`), which the next attempt starts from. */
type Attempt = { ok: true; result: FixResult; after: FileResult } | { ok: false; reason: string; result: FixResult };

function attempt(check: (text: string) => FileResult, before: FileResult, original: string, edit: Editor, findings: Finding[]): Attempt {
  const { text, applied, skipped } = edit(original, findings);
  if (text === undefined) {
    const reason = "the edit would also reformat lines around it, so the file is left for a person to edit";
    return {
      ok: false,
      reason,
      result: { text: original, applied: [], skipped: [...skipped, ...applied.map(({ finding }) => ({ finding, reason }))] },
    };
  }
  const after = check(text);
  const reason = verdict(before, after, applied);
  if (reason === undefined) return { ok: true, result: { text, applied, skipped }, after };
  return { ok: false, reason, result: { text: original, applied: [], skipped } };
}

/**
 * Why the fixed text does not hold, if it does not: an error, or more findings of a kind than before less the
 * ones fixed (a finding left, or one added). Findings are counted by kind, as several can share one (a stage's
 * commands in a Dockerfile).
 */
function verdict(before: FileResult, after: FileResult, applied: FixResult["applied"]): string | undefined {
  if (after.errors.length > 0) return "the edit would make the file unreadable";
  const count = (findings: Finding[]) => {
    const counts = new Map<string, number>();
    for (const f of findings) counts.set(key(f), (counts.get(key(f)) ?? 0) + 1);
    return counts;
  };
  const was = count(before.findings.filter((f) => !f.waived));
  const fixed = count(applied.map(({ finding }) => finding));
  for (const [k, n] of count(after.findings.filter((f) => !f.waived))) {
    const allowed = (was.get(k) ?? 0) - (fixed.get(k) ?? 0);
    if (n > allowed) {
      const rule = k.split("\0")[0]!;
      return fixed.has(k) ? `the edit would not make ${rule}'s finding go` : `the edit would add a finding (${rule})`;
    }
  }
  return undefined;
}

/**
 * A finding as itself across an edit: its rule, object, container and place — not its line, which may move, nor
 * its message, which may say something else of the same problem.
 */
const key = (f: Finding) => [f.rule, f.object, f.container ?? "", f.path].join("\0");
