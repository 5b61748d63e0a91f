// The browser-safe core ("shipshape/core"): no file system, no process. You hand it the compiled policy and
// the catalog; in a browser pass the URL of `shipshape/policy.wasm` (your bundler can emit it) instead of bytes.
// Here it also shows configuration as an object, rule parameters and an already-parsed document.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { Checker, buildReport, formatReport } from "shipshape/core";

const require = createRequire(import.meta.url);
const wasm = await readFile(require.resolve("shipshape/policy.wasm"));
const catalog = JSON.parse(await readFile(require.resolve("shipshape/catalog.json"), "utf8"));

const checker = await Checker.create({
  wasm,
  catalog,
  config: {
    rules: { "healthcheck-required": { level: "warn" } },
    waivers: [{ rule: "no-root-user", object: "service cache", reason: "upstream image, tracked in OPS-42" }],
  },
  params: { "resource-limits": { resources: ["memory"] } },
});

const digest = "sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31";
const compose = {
  services: {
    cache: {
      image: `redis:7.4.1@${digest}`,
      read_only: true,
      init: true,
      cap_drop: ["ALL"],
      security_opt: ["no-new-privileges:true"],
      pids_limit: 100,
      logging: { driver: "local" },
      mem_limit: "256m",
      deploy: { resources: { reservations: { memory: "128m", cpus: "0.25" } } },
    },
  },
};
const result = checker.checkDocument(compose, "compose.yaml");
const report = buildReport([result], "example");
process.stdout.write(formatReport(report, "text", { catalog, color: false }));
