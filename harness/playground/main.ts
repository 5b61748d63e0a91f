// The playground: paste or drop a Kubernetes manifest, a Compose file, `docker inspect` output or a Dockerfile
// and see the findings as you type, each marked on its field in the editor. Everything runs here, in the
// browser, through shipshape/core and policy.wasm; the input travels only in the URL's fragment (which browsers
// never send), so a link shares it.
import { yaml } from "@codemirror/lang-yaml";
import { RangeSetBuilder, StateEffect, StateField } from "@codemirror/state";
import { Decoration, type DecorationSet } from "@codemirror/view";
import { basicSetup, EditorView } from "codemirror";
import { Checker, parseCatalog, type Catalog, type FileResult, type Finding, type Rule } from "../src/index.js";
import { decodeShared, encodeShared, type Kind } from "./share.js";

const DEBOUNCE_MS = 150;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className = "", text?: string) => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
};

// Marks on the editor: the line of each finding, and its field from the reported column to the line's end.
const setMarks = StateEffect.define<DecorationSet>();
const marks = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update: (value, transaction) => {
    for (const effect of transaction.effects) if (effect.is(setMarks)) return effect.value;
    return value.map(transaction.changes);
  },
  provide: (field) => EditorView.decorations.from(field),
});

function decorations(view: EditorView, findings: Finding[]): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>();
  const doc = view.state.doc;
  const byLine = new Map<number, Finding[]>();
  for (const f of findings) if (f.line >= 1 && f.line <= doc.lines) byLine.set(f.line, [...(byLine.get(f.line) ?? []), f]);
  for (const lineNo of [...byLine.keys()].sort((a, b) => a - b)) {
    const line = doc.line(lineNo);
    const here = byLine.get(lineNo)!;
    const level = here.some((f) => !f.waived && f.level === "deny") ? "deny" : "warn";
    const title = here.map((f) => `${f.rule}: ${f.message}`).join("\n");
    builder.add(line.from, line.from, Decoration.line({ class: `cm-finding cm-finding-${level}`, attributes: { title } }));
    const from = line.from + Math.max(0, Math.min(...here.map((f) => f.column)) - 1);
    if (from < line.to) builder.add(from, line.to, Decoration.mark({ class: `cm-field cm-field-${level}`, attributes: { title } }));
  }
  return builder.finish();
}

async function bytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status} fetching ${url}`);
  return new Uint8Array(await response.arrayBuffer());
}

async function main(): Promise<void> {
  performance.mark("shipshape:start");
  const status = $("status");
  const [catalogJson, runtime, grammar] = await Promise.all([
    fetch("catalog.json").then((r) => r.json() as Promise<unknown>),
    bytes("shell/web-tree-sitter.wasm"),
    bytes("shell/tree-sitter-bash.wasm"),
  ]);
  performance.mark("shipshape:fetched");
  const catalog = parseCatalog(catalogJson);
  const checker = await Checker.create({ wasm: new URL("policy.wasm", document.baseURI), catalog, shell: { runtime, grammar } });
  performance.mark("shipshape:checker");
  const rules = new Map(catalog.rules.map((rule) => [rule.id, rule]));

  const kindSelect = $<HTMLSelectElement>("kind");
  const shared = await decodeShared(location.hash).catch(() => undefined);
  const start = shared ?? { kind: "yaml" as Kind, text: exampleFor(catalog, "kubernetes") };
  kindSelect.value = start.kind;

  let timer: ReturnType<typeof setTimeout> | undefined;
  const view = new EditorView({
    doc: start.text,
    extensions: [
      basicSetup,
      yaml(),
      marks,
      EditorView.updateListener.of((update) => {
        if (!update.docChanged) return;
        clearTimeout(timer);
        timer = setTimeout(run, DEBOUNCE_MS);
      }),
      EditorView.domEventHandlers({
        drop: (event, editor) => {
          const file = event.dataTransfer?.files[0];
          if (!file) return false;
          event.preventDefault();
          void file.text().then((text) => {
            kindSelect.value = /(^|[./])(Docker|Container)file/i.test(file.name) ? "dockerfile" : "yaml";
            editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: text } });
          });
          return true;
        },
      }),
    ],
    parent: $("editor"),
  });

  function run(): void {
    const text = view.state.doc.toString();
    // Pasted text that starts as a Dockerfile does is read as one.
    if (kindSelect.value === "yaml" && /^(\s*#[^\n]*\n)*\s*(FROM|ARG)\s+\S/i.test(text) && !/^\s*[\w-]+:/m.test(text))
      kindSelect.value = "dockerfile";
    const kind = kindSelect.value as Kind;
    const started = performance.now();
    let result: FileResult;
    try {
      result = checker.checkText(text, kind === "dockerfile" ? "Dockerfile" : "input.yaml");
    } catch (error) {
      status.textContent = `cannot check: ${(error as Error).message}`;
      return;
    }
    const elapsed = performance.now() - started;
    status.textContent = `${result.findings.length} finding${result.findings.length === 1 ? "" : "s"} · checked in ${elapsed.toFixed(1)} ms`;
    status.dataset.ms = elapsed.toFixed(2);
    status.dataset.findings = String(result.findings.length);
    view.dispatch({ effects: setMarks.of(decorations(view, result.findings)) });
    showFindings(result);
    void encodeShared({ kind, text }).then((hash) => history.replaceState(null, "", hash));
  }

  function showFindings(result: FileResult): void {
    const list = $("findings");
    const items: HTMLElement[] = [];
    for (const e of result.errors) {
      const item = el("li", "error");
      item.append(el("b", "", `${e.code}${e.line ? ` (line ${e.line})` : ""}: `), document.createTextNode(e.message));
      items.push(item);
    }
    for (const s of result.skipped) items.push(el("li", "muted", `skipped: ${s.reason}`));
    const order = (f: Finding) => (f.waived ? 2 : f.level === "deny" ? 0 : 1);
    for (const f of [...result.findings].sort((a, b) => order(a) - order(b) || a.line - b.line)) {
      const item = el("li", `finding ${f.waived ? "waived" : f.level}`);
      item.append(
        el("span", `sev ${f.severity}`, f.severity),
        el("span", "rule", f.rule),
        el("span", "where", `${f.line}:${f.column}`),
        el("div", "message", f.message),
      );
      const fix = rules.get(f.rule)?.remediation[f.shape];
      if (fix) item.append(el("div", "fix", fix));
      item.tabIndex = 0;
      item.addEventListener("click", () => {
        const line = view.state.doc.line(Math.min(f.line, view.state.doc.lines));
        view.dispatch({ selection: { anchor: Math.min(line.from + f.column - 1, line.to) }, scrollIntoView: true });
        view.focus();
      });
      items.push(item);
    }
    if (items.length === 0) items.push(el("li", "clean", "No findings."));
    list.replaceChildren(...items);
  }

  kindSelect.addEventListener("change", run);
  $<HTMLSelectElement>("example").addEventListener("change", (event) => {
    const shape = (event.target as HTMLSelectElement).value as Rule["shapes"][number] | "";
    if (!shape) return;
    kindSelect.value = shape === "dockerfile" ? "dockerfile" : "yaml";
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: exampleFor(catalog, shape) } });
    (event.target as HTMLSelectElement).value = "";
  });
  $("share").addEventListener("click", () => {
    void navigator.clipboard?.writeText(location.href).catch(() => undefined);
    $("share").textContent = "Link copied";
  });
  showCatalog(catalog);
  run();
  performance.mark("shipshape:ready");
  document.body.dataset.ready = "true";
}

/** A violating sample of the shape from the catalog (no-privileged's, else the first there is). */
function exampleFor(catalog: Catalog, shape: Rule["shapes"][number]): string {
  const preferred = catalog.rules.find((rule) => rule.id === "no-privileged")?.examples[shape];
  return (preferred ?? catalog.rules.map((rule) => rule.examples[shape]).find(Boolean))?.violating.text ?? "";
}

/** The rule catalog, searchable: what each rule checks, why, and how to fix it per shape. */
function showCatalog(catalog: Catalog): void {
  const list = $("rules");
  const search = $<HTMLInputElement>("rule-search");
  const entries = catalog.rules.map((rule) => {
    const entry = el("details", "rule");
    const summary = el("summary");
    summary.append(el("span", `sev ${rule.severity}`, rule.severity), el("code", "", rule.id), document.createTextNode(` ${rule.title}`));
    entry.append(summary, el("p", "", rule.description));
    for (const [shape, fix] of Object.entries(rule.remediation)) {
      const p = el("p", "fix");
      p.append(el("b", "", `${shape}: `), document.createTextNode(fix));
      entry.append(p);
    }
    for (const link of rule.links.filter((l) => /^https?:\/\//.test(l.url))) {
      const a = el("a", "", link.description || link.url);
      a.href = link.url;
      a.rel = "noopener noreferrer";
      a.target = "_blank";
      entry.append(el("div"), a);
    }
    list.append(entry);
    return { entry, text: `${rule.id} ${rule.title} ${rule.description}`.toLowerCase() };
  });
  search.addEventListener("input", () => {
    const text = search.value.trim().toLowerCase();
    for (const { entry, text: haystack } of entries) entry.hidden = text !== "" && !haystack.includes(text);
  });
}

main().catch((error: unknown) => {
  $("status").textContent = `cannot start: ${(error as Error).message}`;
});
