// CommonJS: the package is ESM; Node >= 20.19 can require() it (no top-level await inside). On older Node 20
// releases use `const shipshape = await import("shipshape")` from an async function instead.
// Run: node examples/check-manifest.cjs [FILE]
const { readFileSync } = require("node:fs");
const { join } = require("node:path");
const { createBundledChecker } = require("shipshape");

async function main() {
  const file = process.argv[2] ?? join(__dirname, "manifest.yaml");
  const checker = await createBundledChecker();
  const { findings } = checker.checkText(readFileSync(file, "utf8"), file);
  for (const f of findings) console.log(`${f.line}:${f.column} ${f.rule} ${f.message}`);
  process.exitCode = findings.some((f) => f.level === "deny" && !f.waived) ? 1 : 0;
}

main();
