#!/usr/bin/env node
import { run } from "../dist/cli/main.js";

// Bounded: `-` fed from /dev/zero or an endless pipe stops at the size limit instead of filling memory.
const readStdin = async (maxBytes) => {
  const chunks = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += chunk.length;
    if (size > maxBytes) {
      process.stdin.destroy();
      throw new Error(`standard input is over the limit of ${maxBytes} bytes`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
};

// A reader that stops early (`shipshape rules | head`) closes the pipe: stop writing, as other CLIs do, rather
// than crash with a stack trace. Any other stream error is reported in one line.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    process.stderr.write(`error: ${error.message}\n`);
    process.exit(2);
  });
}

const code = await run(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  readStdin,
});
process.exitCode = code;
