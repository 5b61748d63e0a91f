import type { Finding } from "../report/finding.js";
import { NotFixed } from "./yaml-edit.js";

/**
 * A Dockerfile fixer: edits the line a finding points at (its 1-based `line` and `column`), keeping the line
 * count, and says what it did, or throws NotFixed with why not.
 */
type LineFixer = (lines: string[], finding: Finding) => string;

// What makes a command shell syntax: quoting, expansion, operators, redirection, globs, comments, escapes.
const SHELL_SYNTAX = /[$`'"\\|&;<>(){}*?~#!]|\[|\]/;

/** Rule id → the fixer of its Dockerfile findings. */
export const DOCKERFILE_FIXERS: Readonly<Record<string, LineFixer>> = {
  "exec-form-entrypoint": (lines, finding) => {
    const at = finding.line - 1;
    const match = /^(\s*)(CMD|ENTRYPOINT)(\s+)(\S.*?)\s*$/i.exec(lines[at] ?? "");
    if (!match) throw new NotFixed("the instruction spans lines or is not where the finding points");
    const [, indent, instruction, space, command] = match as unknown as [string, string, string, string, string];
    if (command.startsWith("[")) throw new NotFixed("the instruction is already in exec form");
    const words = command.split(/\s+/);
    // `NAME=value cmd` sets a variable for the command: shell syntax too.
    if (SHELL_SYNTAX.test(command) || /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0]!)) {
      throw new NotFixed("the command uses shell syntax: keep the shell and end it with `exec`, or rewrite it by hand");
    }
    lines[at] = `${indent}${instruction}${space}[${words.map((word) => JSON.stringify(word)).join(", ")}]`;
    return `${instruction.toUpperCase()} in exec form`;
  },
  "clean-package-cache": (lines, finding) => {
    const at = finding.line - 1;
    const line = lines[at] ?? "";
    const from = Math.max(0, finding.column - 1);
    if (/apk add without --no-cache/.test(finding.message)) {
      const apk = /\bapk(\s+)add\b/.exec(line.slice(from));
      if (!apk) throw new NotFixed("the apk command is not on the line the finding points at");
      const end = from + apk.index + apk[0].length;
      lines[at] = `${line.slice(0, end)} --no-cache${line.slice(end)}`;
      return "apk add --no-cache";
    }
    if (/pip install without --no-cache-dir/.test(finding.message)) {
      const pip = /\bpip3?(\s+)install\b/.exec(line.slice(from));
      if (!pip) throw new NotFixed("the pip command is not on the line the finding points at");
      const end = from + pip.index + pip[0].length;
      lines[at] = `${line.slice(0, end)} --no-cache-dir${line.slice(end)}`;
      return "pip install --no-cache-dir";
    }
    throw new NotFixed("cleaning apt's lists (or another manager's cache) belongs in the same RUN: no automatic fix");
  },
};

export const DOCKERFILE_FIX_EDITS: Readonly<Record<string, string>> = {
  "exec-form-entrypoint":
    'rewrites a shell-form `CMD`/`ENTRYPOINT` on one line in exec form (`CMD node server.js` → `CMD ["node", "server.js"]`) when the command has no shell syntax',
  "clean-package-cache": "adds `--no-cache` to `apk add` and `--no-cache-dir` to `pip install`; apt's lists are left for you",
};
