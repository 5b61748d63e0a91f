/**
 * Parses a Compose `.env` file: `KEY=VALUE` lines, `#` comments, an optional `export ` prefix, single quotes
 * taken literally, double quotes with `\n`/`\t`/`\"` escapes, and ` #` comments after unquoted values.
 */
export function parseDotenv(text: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === "" || line.startsWith("#")) continue;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/.exec(line);
    if (!match) continue;
    const [, key, rawValue = ""] = match;
    vars[key!] = unquote(rawValue);
  }
  return vars;
}

function unquote(raw: string): string {
  const quote = raw[0];
  if ((quote === "'" || quote === '"') && raw.lastIndexOf(quote) > 0) {
    const inner = raw.slice(1, raw.lastIndexOf(quote));
    if (quote === "'") return inner;
    return inner.replace(/\\([nt"\\])/g, (_, c: string) => ({ n: "\n", t: "\t", '"': '"', "\\": "\\" })[c] ?? c);
  }
  return raw.replace(/\s+#.*$/, "").trim();
}
