import { redactSource } from "../redact.js";
import type { Formatter } from "./formatter.js";
import { HTML_STYLE, htmlPage } from "./html-page.js";

/** Most source text one report embeds (UTF-16 units); files past it are listed without their source. */
export const MAX_EMBEDDED_SOURCE = 32 * 1024 * 1024;

/**
 * One self-contained HTML file (no network: style, script and data inline; opens from `file://` and as a CI
 * artifact): a summary, findings per rule, a sortable and filterable table of every finding, and for a
 * finding its rule, its fix and its file's source with the findings marked. Sources come from
 * `options.sources` (the CLI reads the files that have findings) and are shown with secrets masked.
 */
export const formatHtml: Formatter = (report, options) => {
  const used = new Set(report.findings.map((f) => f.rule));
  const rules = Object.fromEntries(
    options.catalog.rules
      .filter((rule) => used.has(rule.id))
      .map((rule) => [
        rule.id,
        {
          title: rule.title,
          description: rule.description,
          remediation: rule.remediation,
          links: rule.links,
        },
      ]),
  );
  const sources: Record<string, string> = {};
  let embedded = 0;
  let sourcesLeftOut = 0;
  for (const file of new Set(report.findings.map((f) => f.file))) {
    const text = options.sources?.[file];
    if (text === undefined) continue;
    if (embedded + text.length > MAX_EMBEDDED_SOURCE) {
      sourcesLeftOut++;
      continue;
    }
    embedded += text.length;
    sources[file] = redactSource(text);
  }
  const data = {
    version: report.tool.version,
    generated: options.generated ?? "",
    summary: report.summary,
    findings: report.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      level: f.level,
      message: f.message,
      file: f.file,
      line: f.line,
      column: f.column,
      shape: f.shape,
      object: f.object,
      ...(f.container !== undefined && { container: f.container }),
      waived: f.waived,
      ...(f.waiver !== undefined && { waiver: f.waiver }),
      ...(f.source !== undefined && { source: f.source }),
    })),
    errors: report.errors,
    ignored: report.ignored,
    disabledRules: report.disabledRules,
    rules,
    sources,
    sourcesLeftOut,
  };
  const failed = report.summary.deny > 0 || report.summary.errors > 0;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>shipshape report: ${failed ? "failed" : "passed"}, ${report.summary.findings} findings</title>
<style>${HTML_STYLE}</style>
</head>
<body>
<header><h1>shipshape report: <span class="verdict" id="verdict"></span></h1><div id="meta"></div></header>
<main>
<div class="cards" id="cards"></div>
<p class="muted" id="scope"></p>
<section><h2>Findings per rule</h2><div class="bars" id="bars"></div></section>
<section>
<h2>Findings</h2>
<div class="filters">
<input type="search" id="search" placeholder="Filter by rule, object, file or message" aria-label="filter">
<select id="level" aria-label="level"><option value="">every level</option><option value="deny">deny</option><option value="warn">warn</option><option value="waived">waived</option></select>
<select id="severity" aria-label="severity"><option value="">every severity</option><option value="critical">critical</option><option value="high">high and above</option><option value="medium">medium and above</option><option value="low">low and above</option></select>
<select id="rule" aria-label="rule"><option value="">every rule</option></select>
<span class="count" id="count"></span>
</div>
<div class="table"><div class="thead" id="thead"></div><div class="viewport" id="viewport"><div id="spacer" style="position:relative"></div></div></div>
<p class="muted" id="note"></p>
</section>
<section class="detail" id="detail" hidden></section>
<section id="errors"><h2>Errors</h2></section>
</main>
<script type="application/json" id="shipshape-data">${scriptSafe(JSON.stringify(data))}</script>
<script>(${htmlPage.toString()})();</script>
</body>
</html>
`;
};

/** JSON inside a script element: `<` escaped, so no text from a manifest can close the element. */
const scriptSafe = (json: string) =>
  json
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
