/** What the CLI touches of its process, so tests can run it in-process. */
export interface CliIO {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  env: Record<string, string | undefined>;
  cwd: string;
  /** Standard input, refused (rejecting) once it grows past `maxBytes`. */
  readStdin(maxBytes: number): Promise<Uint8Array | string>;
}
