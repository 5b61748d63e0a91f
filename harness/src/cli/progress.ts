/** Progress on stderr for long scans, only when stderr is a terminal; silent otherwise. */
export function progressReporter(stderr: { write(text: string): unknown; isTTY?: boolean }, minFiles = 200) {
  let shown = false;
  let last = 0;
  return {
    update(done: number, total: number): void {
      if (!stderr.isTTY || total < minFiles) return;
      const now = Date.now();
      if (done !== total && now - last < 100) return;
      last = now;
      shown = true;
      stderr.write(`\rshipshape: checked ${done}/${total} files`);
    },
    done(): void {
      if (shown) stderr.write("\r\u001b[K");
    },
  };
}
