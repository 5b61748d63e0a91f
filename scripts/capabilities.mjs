#!/usr/bin/env node
// Writes policies/capabilities.json: the builtins a policy may call when it runs as WebAssembly under the
// JS SDK. It keeps only those OPA's wasm compiler implements natively, plus those @open-policy-agent/opa-wasm
// supplies in JavaScript, minus the ones we refuse on purpose. With this file passed to `opa build` and
// `opa check`, a rule that calls anything else fails the build instead of failing a user at evaluation time.
//
// Usage: node scripts/capabilities.mjs <opa-binary> <opa-module-dir>   (the Makefile passes both)
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { createRequire } from "node:module";

const [opaBin, opaModuleDir] = process.argv.slice(2);
if (!opaBin || !opaModuleDir) {
  console.error("usage: capabilities.mjs <opa-binary> <opa-module-dir>");
  process.exit(2);
}

// Go variable name -> builtin name, e.g. Plus -> "plus".
const builtinsSource = readFileSync(join(opaModuleDir, "v1/ast/builtins.go"), "utf8");
const nameOfVar = new Map([...builtinsSource.matchAll(/^var (\w+) = &Builtin\{\s*Name:\s*"([^"]+)"/gm)].map((m) => [m[1], m[2]]));

// Builtins compiled to native wasm functions: the keys of builtinsFunctions in the wasm compiler.
const wasmSource = readFileSync(join(opaModuleDir, "internal/compiler/wasm/wasm.go"), "utf8");
const mapBody = wasmSource.split("var builtinsFunctions = map[string]string{")[1].split("\n}\n")[0];
const native = [...mapBody.matchAll(/ast\.(\w+)\.Name:/g)].map((m) => {
  const name = nameOfVar.get(m[1]);
  if (!name) throw new Error(`cannot resolve ast.${m[1]} in builtins.go`);
  return name;
});

// Builtins the JS SDK implements itself (src/builtins/*.js).
// The package's exports map hides src/, so load the file by its path next to the package entry.
const require = createRequire(import.meta.url);
const sdkEntry = require.resolve("@open-policy-agent/opa-wasm");
const sdkBuiltins = Object.keys(require(join(dirname(sdkEntry), "builtins/index.js")));

// sprintf comes from sprintf-js in the SDK and formats differently from OPA: build messages with concat.
const refused = new Set(["sprintf"]);
// Rewritten into constants by the compiler, so they never reach the wasm runtime.
const compileTime = ["rego.metadata.chain", "rego.metadata.rule"];
// Unification and assignment are planned as statements, not calls.
const plannerStatements = ["eq", "assign"];

const allowed = new Set([...native, ...sdkBuiltins, ...compileTime, ...plannerStatements].filter((n) => !refused.has(n)));
const current = JSON.parse(execFileSync(opaBin, ["capabilities", "--current"], { encoding: "utf8" }));
const builtins = current.builtins.filter((b) => allowed.has(b.name));
const capabilities = { ...current, builtins, features: current.features };
writeFileSync("policies/capabilities.json", JSON.stringify(capabilities, null, 2) + "\n");
console.log(`policies/capabilities.json: ${builtins.length} of ${current.builtins.length} builtins allowed`);
