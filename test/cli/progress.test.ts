import { describe, expect, it } from "vitest";
import { progressReporter } from "../../harness/src/cli/progress.js";

describe("progressReporter", () => {
  const stream = (isTTY: boolean) => {
    const writes: string[] = [];
    return { writes, stderr: { write: (t: string) => writes.push(t), isTTY } };
  };

  it("writes progress for long scans on a terminal and clears it", () => {
    const { writes, stderr } = stream(true);
    const progress = progressReporter(stderr, 2);
    progress.update(1, 3);
    progress.update(3, 3);
    progress.done();
    expect(writes[0]).toBe("\rshipshape: checked 1/3 files");
    expect(writes.at(-2)).toBe("\rshipshape: checked 3/3 files");
    expect(writes.at(-1)).toBe("\r\u001b[K");
  });

  it("stays silent when stderr is not a terminal or the scan is short", () => {
    const piped = stream(false);
    const p = progressReporter(piped.stderr, 2);
    p.update(3, 3);
    p.done();
    expect(piped.writes).toEqual([]);
    const short = stream(true);
    const q = progressReporter(short.stderr, 200);
    q.update(3, 3);
    q.done();
    expect(short.writes).toEqual([]);
  });
});
