#!/usr/bin/env node
// Copies the shell parser Dockerfile commands are read with into dist/shell: web-tree-sitter's runtime (a
// dependency) and the tree-sitter-bash grammar (a build-time dependency: only its .wasm ships), with licences.
import { copyFileSync, mkdirSync } from "node:fs";

mkdirSync("dist/shell", { recursive: true });
for (const [from, to] of [
  ["node_modules/web-tree-sitter/web-tree-sitter.wasm", "web-tree-sitter.wasm"],
  ["node_modules/tree-sitter-bash/tree-sitter-bash.wasm", "tree-sitter-bash.wasm"],
  ["node_modules/web-tree-sitter/LICENSE", "LICENSE.web-tree-sitter"],
  ["node_modules/tree-sitter-bash/LICENSE", "LICENSE.tree-sitter-bash"],
]) {
  copyFileSync(from, `dist/shell/${to}`);
}
