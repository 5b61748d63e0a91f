#!/usr/bin/env node
// Bundles the CLI and its workers (checking files, reviewing large admission requests) into dist/cli/ with esbuild: one file to load instead of hundreds of
// modules, which is most of a cold start. The library (dist/lib) stays unbundled for embedding.
import { build } from "esbuild";

await build({
  entryPoints: {
    main: "harness/src/cli/main.ts",
    worker: "harness/src/node/worker.ts",
    "review-worker": "harness/src/server/review-worker.ts",
  },
  outdir: "dist/cli",
  bundle: true,
  splitting: true,
  platform: "node",
  // Prefer ES modules: jsonc-parser's UMD build requires its own files at run time, which a bundle cannot.
  mainFields: ["module", "main"],
  format: "esm",
  target: "node20",
  chunkNames: "chunk-[hash]",
  // CommonJS dependencies (ajv, the opa-wasm SDK) call require; give the ESM bundle one.
  banner: { js: 'import { createRequire as __shipshapeRequire } from "node:module"; const require = __shipshapeRequire(import.meta.url);' },
  logLevel: "warning",
});
