/**
 * The HTML report's page: its style and its script. The script runs in the browser and is embedded as this
 * function's source text (`htmlPage.toString()`), so it must not use anything from outside its own body. It
 * reads the report from the page's JSON block and builds everything with textContent (nothing from a manifest
 * is ever parsed as HTML). The findings table is virtualised (only the visible rows exist), and a file's
 * source is rendered only when a finding in it is opened: 50,000 findings stay smooth.
 */

export const HTML_STYLE = `
:root { --deny: #c62828; --warn: #b26a00; --waived: #607d8b; --bg: #fafafa; --line: #e0e0e0; --hit: #fff3cd; --sel: #ffe08a; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #212121; background: var(--bg); }
header { padding: 16px 24px; background: #263238; color: #fff; }
header h1 { margin: 0 0 4px; font-size: 20px; }
header .verdict { font-weight: 600; }
main { padding: 16px 24px; max-width: 1600px; margin: 0 auto; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin-bottom: 16px; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px; min-width: 110px; }
.card b { display: block; font-size: 22px; }
.card.deny b { color: var(--deny); } .card.warn b { color: var(--warn); } .card.waived b { color: var(--waived); }
section { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 12px 14px; margin-bottom: 16px; }
h2 { font-size: 16px; margin: 0 0 10px; }
.bars { display: grid; grid-template-columns: minmax(160px, 260px) 1fr 56px; gap: 4px 10px; align-items: center; max-height: 216px; overflow: auto; }
.bars button { all: unset; cursor: pointer; font-family: ui-monospace, monospace; font-size: 13px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.bars button:hover, .bars button:focus { text-decoration: underline; }
.bar { height: 14px; border-radius: 3px; background: var(--warn); min-width: 2px; }
.bar.deny { background: var(--deny); }
.filters { display: flex; flex-wrap: wrap; gap: 8px; margin-bottom: 8px; align-items: center; }
.filters input[type=search] { flex: 1 1 260px; padding: 6px 8px; }
.filters select { padding: 5px; }
.count { color: #616161; margin-left: auto; }
.table { border: 1px solid var(--line); border-radius: 4px; }
.thead, .row { display: grid; grid-template-columns: 86px 64px 200px 220px 260px 1fr; gap: 8px; padding: 0 8px; align-items: center; }
.thead { background: #eceff1; font-weight: 600; height: 32px; }
.thead span { cursor: pointer; user-select: none; }
.thead span[data-dir=asc]::after { content: " ▲"; } .thead span[data-dir=desc]::after { content: " ▼"; }
.viewport { height: 60vh; overflow: auto; position: relative; }
.row { position: absolute; left: 0; right: 0; height: 28px; border-top: 1px solid #f0f0f0; cursor: pointer; white-space: nowrap; }
.row > span { overflow: hidden; text-overflow: ellipsis; }
.row:hover { background: #f5f5f5; } .row.selected { background: #e3f2fd; }
.sev { font-weight: 600; text-transform: uppercase; font-size: 11px; }
.sev.critical { color: #b71c1c; } .sev.high { color: var(--deny); } .sev.medium { color: var(--warn); } .sev.low { color: #546e7a; }
.lvl.deny { color: var(--deny); } .lvl.warn { color: var(--warn); } .lvl.waived { color: var(--waived); }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 12.5px; }
.detail h3 { margin: 0 0 6px; font-size: 15px; }
.detail .fix { background: #e8f5e9; border-left: 3px solid #2e7d32; padding: 6px 10px; margin: 8px 0; }
.detail ul { margin: 4px 0 8px; padding-left: 20px; }
.source { border: 1px solid var(--line); border-radius: 4px; max-height: 60vh; overflow: auto; background: #fff; }
.source .ln { display: grid; grid-template-columns: 56px 1fr; }
.source .no { text-align: right; padding-right: 10px; color: #9e9e9e; user-select: none; border-right: 1px solid var(--line); }
.source .tx { white-space: pre; padding-left: 10px; }
.source .ln.hit { background: var(--hit); } .source .ln.sel { background: var(--sel); }
.source .note { grid-column: 2; white-space: normal; padding: 2px 10px 4px; font-size: 12.5px; color: #5d4037; background: #fff8e1; border-left: 3px solid var(--warn); }
.source .note.deny { border-left-color: var(--deny); }
.muted { color: #757575; }
details summary { cursor: pointer; }
`;

/** The page's script (see the module comment): runs once, when the page loads. */
export function htmlPage(): void {
  type Level = "deny" | "warn";
  interface PageFinding {
    rule: string;
    severity: string;
    level: Level;
    message: string;
    file: string;
    line: number;
    column: number;
    shape: string;
    object: string;
    container?: string;
    waived: boolean;
    waiver?: string;
    source?: string;
  }
  interface PageRule {
    title: string;
    description: string;
    remediation: Record<string, string>;
    links: Array<{ url: string; description: string }>;
  }
  interface PageData {
    version: string;
    generated: string;
    summary: Record<string, number>;
    findings: PageFinding[];
    errors: Array<{ file: string; line?: number; code: string; message: string }>;
    ignored: string[];
    disabledRules: string[];
    rules: Record<string, PageRule>;
    sources: Record<string, string>;
    sourcesLeftOut: number;
  }
  const data = JSON.parse(document.getElementById("shipshape-data")!.textContent) as PageData;
  const SEVERITIES = ["critical", "high", "medium", "low"];
  const ROW = 28;
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: { className?: string; text?: string } = {}, ...children: Node[]) => {
    const node = document.createElement(tag);
    if (props.className) node.className = props.className;
    if (props.text !== undefined) node.textContent = props.text;
    for (const child of children) node.append(child);
    return node;
  };
  const status = (f: PageFinding) => (f.waived ? "waived" : f.level);
  const where = (f: PageFinding) => `${f.file}:${f.line}:${f.column}`;

  // Summary.
  const s = data.summary;
  const verdict = document.getElementById("verdict")!;
  verdict.textContent = s.deny! > 0 || s.errors! > 0 ? "failed" : "passed";
  document.getElementById("meta")!.textContent = `shipshape ${data.version} · ${data.generated}`;
  const cards = document.getElementById("cards")!;
  for (const [label, value, className] of [
    ["files", s.files, ""],
    ["deny", s.deny, "deny"],
    ["warn", s.warn, "warn"],
    ["waived", s.waived, "waived"],
    ["errors", s.errors, s.errors ? "deny" : ""],
    ["skipped documents", s.skipped, ""],
    ["ignored files", data.ignored.length, ""],
  ] as Array<[string, number, string]>) {
    cards.append(el("div", { className: `card ${className}` }, el("b", { text: String(value ?? 0) }), document.createTextNode(label)));
  }
  // What the run left out on purpose is named, as in every format: a report never passes in silence.
  const leftOut = [
    ...(data.disabledRules.length > 0 ? [`Rules not run: ${data.disabledRules.join(", ")}.`] : []),
    ...(data.ignored.length > 0 ? [`Ignored files: ${data.ignored.join(", ")}.`] : []),
  ];
  document.getElementById("scope")!.textContent = leftOut.join(" ");

  // Findings per rule, as bars; a click filters the table by the rule.
  const perRule = new Map<string, { deny: number; all: number }>();
  for (const f of data.findings) {
    const c = perRule.get(f.rule) ?? { deny: 0, all: 0 };
    c.all++;
    if (status(f) === "deny") c.deny++;
    perRule.set(f.rule, c);
  }
  const ranked = [...perRule].sort((a, b) => b[1].all - a[1].all || a[0].localeCompare(b[0]));
  const bars = document.getElementById("bars")!;
  const most = ranked[0]?.[1].all ?? 1;
  for (const [rule, c] of ranked) {
    const button = el("button", { text: rule });
    button.title = data.rules[rule]?.title ?? rule;
    button.addEventListener("click", () => {
      ruleFilter.value = rule;
      apply();
    });
    const bar = el("div", { className: `bar ${c.deny > 0 ? "deny" : ""}` });
    bar.style.width = `${Math.max(0.5, (100 * c.all) / most)}%`;
    bar.title = `${c.deny} failing of ${c.all}`;
    bars.append(button, el("div", {}, bar), el("span", { className: "mono", text: String(c.all) }));
  }
  if (ranked.length === 0) bars.append(el("span", { className: "muted", text: "No findings." }));

  // Filters.
  const search = document.getElementById("search") as HTMLInputElement;
  const levelFilter = document.getElementById("level") as HTMLSelectElement;
  const severityFilter = document.getElementById("severity") as HTMLSelectElement;
  const ruleFilter = document.getElementById("rule") as HTMLSelectElement;
  for (const [rule] of [...perRule].sort((a, b) => a[0].localeCompare(b[0]))) ruleFilter.append(new Option(rule, rule));
  const count = document.getElementById("count")!;

  // The table: sorted and filtered indexes into data.findings; only the rows in view are in the DOM.
  const columns: Array<[string, (f: PageFinding) => string | number]> = [
    ["severity", (f) => SEVERITIES.indexOf(f.severity)],
    ["level", (f) => ["deny", "warn", "waived"].indexOf(status(f))],
    ["rule", (f) => f.rule],
    ["object", (f) => f.object],
    ["location", (f) => `${f.file}\u0000${String(f.line).padStart(8, "0")}`],
    ["message", (f) => f.message],
  ];
  let sortBy = 0;
  let ascending = true;
  let shown: number[] = [];
  let selected = -1;
  const viewport = document.getElementById("viewport")!;
  const spacer = document.getElementById("spacer")!;
  const head = document.getElementById("thead")!;
  columns.forEach(([name], i) => {
    const span = el("span", { text: name });
    span.addEventListener("click", () => {
      ascending = sortBy === i ? !ascending : true;
      sortBy = i;
      apply();
    });
    head.append(span);
  });

  // What the search box matches, lower-cased once (a keystroke over 50,000 findings stays a plain scan).
  let haystack: string[] | undefined;
  function apply(): void {
    const text = search.value.trim().toLowerCase();
    if (text !== "")
      haystack ??= data.findings.map((f) => `${f.rule} ${f.object} ${f.file} ${f.message} ${f.container ?? ""}`.toLowerCase());
    const level = levelFilter.value;
    const minimum = severityFilter.value === "" ? SEVERITIES.length : SEVERITIES.indexOf(severityFilter.value) + 1;
    const rule = ruleFilter.value;
    shown = [];
    data.findings.forEach((f, i) => {
      if (level !== "" && status(f) !== level) return;
      if (SEVERITIES.indexOf(f.severity) >= minimum) return;
      if (rule !== "" && f.rule !== rule) return;
      if (text !== "" && !haystack![i]!.includes(text)) return;
      shown.push(i);
    });
    const key = columns[sortBy]![1];
    const keys = new Map(shown.map((i) => [i, key(data.findings[i]!)]));
    shown.sort((a, b) => {
      const [x, y] = [keys.get(a)!, keys.get(b)!];
      const order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
      return (ascending ? order : -order) || a - b;
    });
    head.querySelectorAll("span").forEach((span, i) => {
      if (i === sortBy) span.dataset.dir = ascending ? "asc" : "desc";
      else delete span.dataset.dir;
    });
    count.textContent = `${shown.length} of ${data.findings.length} findings`;
    spacer.style.height = `${shown.length * ROW}px`;
    viewport.style.height = `${Math.max(3 * ROW, Math.min(shown.length * ROW + 2, window.innerHeight * 0.6))}px`;
    viewport.scrollTop = 0;
    render();
  }

  function render(): void {
    const first = Math.max(0, Math.floor(viewport.scrollTop / ROW) - 10);
    const last = Math.min(shown.length, Math.ceil((viewport.scrollTop + viewport.clientHeight) / ROW) + 10);
    spacer.replaceChildren();
    for (let r = first; r < last; r++) {
      const index = shown[r]!;
      const f = data.findings[index]!;
      const row = el(
        "div",
        { className: `row${index === selected ? " selected" : ""}` },
        el("span", { className: `sev ${f.severity}`, text: f.severity }),
        el("span", { className: `lvl ${status(f)}`, text: status(f) }),
        el("span", { className: "mono", text: f.rule }),
        el("span", { text: f.container ? `${f.object} ${f.container}` : f.object }),
        el("span", { className: "mono", text: where(f) }),
        el("span", { text: f.message }),
      );
      row.style.top = `${r * ROW}px`;
      row.dataset.index = String(index);
      row.title = f.message;
      spacer.append(row);
    }
  }
  viewport.addEventListener("scroll", () => requestAnimationFrame(render));
  spacer.addEventListener("click", (event) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>(".row");
    if (row) open(Number(row.dataset.index));
  });
  for (const control of [search, levelFilter, severityFilter, ruleFilter]) control.addEventListener("input", apply);

  // A finding opened: its rule, its fix, and its file's source with every finding in the file marked.
  const detail = document.getElementById("detail")!;
  const safeUrl = (url: string) => /^https?:\/\//i.test(url);
  function open(index: number): void {
    selected = index;
    render();
    const f = data.findings[index]!;
    const rule = data.rules[f.rule];
    const parts: Node[] = [el("h3", { text: `${f.rule}: ${rule?.title ?? ""}` })];
    parts.push(
      el("p", {
        text: `${where(f)} · ${f.object}${f.container ? ` · container ${f.container}` : ""}${f.source ? ` · from ${f.source}` : ""}`,
      }),
    );
    parts.push(el("p", {}, el("b", { text: `${status(f)} · ${f.severity}: ` }), document.createTextNode(f.message)));
    if (f.waived) parts.push(el("p", { className: "muted", text: `waived: ${f.waiver ?? ""}` }));
    const fix = rule?.remediation[f.shape];
    if (fix) parts.push(el("div", { className: "fix" }, el("b", { text: "Fix: " }), document.createTextNode(fix)));
    if (rule) {
      const about = el("details", {}, el("summary", { text: "About the rule" }), el("p", { text: rule.description }));
      const links = rule.links.filter((l) => safeUrl(l.url));
      if (links.length > 0) {
        const list = el("ul");
        for (const link of links) {
          const a = el("a", { text: link.description || link.url });
          a.href = link.url;
          a.rel = "noopener noreferrer";
          a.target = "_blank";
          list.append(el("li", {}, a));
        }
        about.append(list);
      }
      parts.push(about);
    }
    const text = data.sources[f.file];
    if (text === undefined) {
      parts.push(el("p", { className: "muted", text: "The source of this file is not in the report." }));
    } else {
      const notes = new Map<number, PageFinding[]>();
      for (const other of data.findings) {
        if (other.file === f.file) notes.set(other.line, [...(notes.get(other.line) ?? []), other]);
      }
      const source = el("div", { className: "source mono" });
      let target: HTMLElement | undefined;
      text.split("\n").forEach((line, i) => {
        const n = i + 1;
        const here = notes.get(n);
        const ln = el("div", { className: `ln${here ? " hit" : ""}${n === f.line ? " sel" : ""}` });
        ln.append(el("span", { className: "no", text: String(n) }), el("span", { className: "tx", text: line }));
        for (const note of here ?? []) {
          ln.append(el("div", { className: `note ${status(note)}`, text: `${note.rule}: ${note.message}` }));
        }
        if (n === f.line) target = ln;
        source.append(ln);
      });
      parts.push(source);
      requestAnimationFrame(() => target && (source.scrollTop = target.offsetTop - source.clientHeight / 3));
    }
    detail.replaceChildren(...parts);
    detail.hidden = false;
    detail.scrollIntoView({ block: "start" });
  }

  // Errors.
  const errors = document.getElementById("errors")!;
  if (data.errors.length === 0) errors.hidden = true;
  for (const e of data.errors) {
    errors.append(
      el(
        "p",
        {},
        el("span", { className: "mono", text: `${e.file}${e.line ? `:${e.line}` : ""} ` }),
        document.createTextNode(`${e.code}: ${e.message}`),
      ),
    );
  }
  if (data.sourcesLeftOut > 0) {
    document.getElementById("note")!.textContent =
      `Sources of ${data.sourcesLeftOut} files are left out of this report (it keeps at most a set size of source).`;
  }
  apply();
}
