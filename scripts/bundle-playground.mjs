#!/usr/bin/env node
// Builds the playground into dist/playground/: a static site (index.html, app.js, the policy and its catalog,
// the shell parser) that any static host serves, and `shipshape playground` serves locally. The app is bundled
// with esbuild for browsers from harness/playground/ and shipshape/core; CodeMirror is bundled in.
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { build } from "esbuild";

const out = "dist/playground";
rmSync(out, { recursive: true, force: true });
mkdirSync(`${out}/shell`, { recursive: true });
await build({
  entryPoints: ["harness/playground/main.ts"],
  outfile: `${out}/app.js`,
  bundle: true,
  platform: "browser",
  format: "esm",
  target: "es2022",
  minify: true,
  legalComments: "linked",
  logLevel: "warning",
});
for (const [from, to] of [
  ["harness/playground/index.html", "index.html"],
  ["harness/playground/playground.css", "playground.css"],
  ["dist/policy/policy.wasm", "policy.wasm"],
  ["dist/policy/catalog.json", "catalog.json"],
  ["dist/shell/web-tree-sitter.wasm", "shell/web-tree-sitter.wasm"],
  ["dist/shell/tree-sitter-bash.wasm", "shell/tree-sitter-bash.wasm"],
  ["dist/shell/LICENSE.web-tree-sitter", "shell/LICENSE.web-tree-sitter"],
  ["dist/shell/LICENSE.tree-sitter-bash", "shell/LICENSE.tree-sitter-bash"],
]) {
  copyFileSync(from, `${out}/${to}`);
}
