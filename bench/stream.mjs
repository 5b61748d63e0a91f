// 100,000 documents through one Checker, generated on the fly and discarded after checking, sampling RSS:
// memory must stay flat however many documents pass. Prints JSON {documents, samples: [[docs, rssMiB]...]}.
import { stringify } from "yaml";
import { createBundledChecker } from "../dist/lib/node.js";

const total = Number(process.argv[2] ?? 100_000);
const checker = await createBundledChecker();
const samples = [];
const doc = (i) =>
  stringify({
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: `app-${i}` },
    spec: {
      template: {
        spec: { containers: [{ name: "c", image: i % 2 ? "nginx" : `reg.example.com/a:${i}`, env: [{ name: "TOKEN", value: `t${i}` }] }] },
      },
    },
  });
let findings = 0;
for (let i = 1; i <= total; i++) {
  findings += checker.checkText(doc(i), `doc-${i}.yaml`).findings.length;
  if (i % 10_000 === 0) samples.push([i, Math.round(process.memoryUsage().rss / 1048576)]);
}
process.stdout.write(
  JSON.stringify({ documents: total, findings, samples, maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024) }) + "\n",
);
