// Runs the CLI in this process and reports its peak RSS (MiB) on stderr as `maxrss=N`, so the benchmark can
// read memory without GNU time. Usage: node bench/measure-cli.mjs check ...
import { run } from "../dist/cli/main.js";

const code = await run(process.argv.slice(2), {
  stdout: { write: () => true },
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  readStdin: async () => "",
});
process.stderr.write(`maxrss=${(process.resourceUsage().maxRSS / 1024).toFixed(1)}\n`);
process.exitCode = code;
