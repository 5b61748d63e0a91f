import { run } from "../../harness/src/cli/main.js";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured streams. */
export async function runCli(
  argv: string[],
  options: { env?: Record<string, string>; stdin?: string; tty?: boolean; cwd?: string } = {},
): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, {
    stdout: { write: (t: string) => (stdout += t), isTTY: options.tty ?? false },
    stderr: { write: (t: string) => (stderr += t), isTTY: false },
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    readStdin: () => Promise.resolve(options.stdin ?? ""),
  });
  return { code, stdout, stderr };
}
