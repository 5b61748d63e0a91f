// Writes the command-line option tables into the docs from the option tables the parser uses
// (harness/src/cli/options.ts), between `<!-- options:COMMAND -->` and `<!-- /options:COMMAND -->` markers.
// `make docs` writes them; a test fails when the committed docs differ, so the README cannot drift.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { format } from "prettier";
import { COMMANDS, renderMarkdown } from "../src/cli/options.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The docs that hold option tables, and whose tables they hold. */
export const DOCS_WITH_OPTIONS: Record<string, Array<keyof typeof COMMANDS>> = {
  "README.md": ["check"],
  "docs/admission-webhook.md": ["serve"],
};

/** A doc's text with each marked option table regenerated (and formatted as Prettier formats the rest). */
export async function withOptionTables(text: string, commands: Array<keyof typeof COMMANDS>): Promise<string> {
  let out = text;
  for (const command of commands) {
    const start = `<!-- options:${command} -->`;
    const end = `<!-- /options:${command} -->`;
    const from = out.indexOf(start);
    const to = out.indexOf(end);
    if (from < 0 || to < from) throw new Error(`no ${start} ... ${end} markers`);
    out = `${out.slice(0, from + start.length)}\n\n${renderMarkdown(COMMANDS[command].options)}\n\n${out.slice(to)}`;
  }
  return format(out, { parser: "markdown", printWidth: 140 });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [file, commands] of Object.entries(DOCS_WITH_OPTIONS)) {
    const path = join(ROOT, file);
    writeFileSync(path, await withOptionTables(readFileSync(path, "utf8"), commands));
    console.log(`${file}: option tables of ${commands.join(", ")}`);
  }
}
