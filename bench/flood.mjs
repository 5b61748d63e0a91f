// Sends one body back to back on four connections for some seconds and prints what the server answered:
// the flood of the admission server's overload benchmark (bench/server-load.ts), in a process of its own.
import { readFileSync } from "node:fs";
import autocannon from "autocannon";

const [url, bodyFile, seconds] = process.argv.slice(2);
process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0"; // the benchmark's own certificate, on loopback
const result = await autocannon({
  url,
  method: "POST",
  headers: { "content-type": "application/json" },
  body: readFileSync(bodyFile, "utf8"),
  connections: 4,
  duration: Number(seconds),
  timeout: 10,
});
const shed = result.statusCodeStats?.["429"]?.count ?? 0;
console.log(JSON.stringify({ answered: result["2xx"], shed, errors: result.errors + result.timeouts }));
