import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseText } from "../harness/src/inputs/parse.js";
import { ShellReader } from "../harness/src/inputs/shell.js";
import { createBundledChecker, readBundledArtifacts, type Checker } from "../harness/src/node.js";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const INPUTS = join(ROOT, "inputs");

let checker: Promise<Checker> | undefined;

/** The configuration the samples are checked with (it turns trusted-registries on). */
export const SAMPLES_CONFIG = join(INPUTS, ".shipshape.yaml");

/** One checker over the built bundle (dist/policy) with the samples' configuration, shared by a test file. */
export function samplesChecker(): Promise<Checker> {
  checker ??= createBundledChecker({ config: readFileSync(SAMPLES_CONFIG, "utf8") });
  return checker;
}

/** Every sample under inputs/<shape>/{good,bad}/, relative to inputs/. */
export function sampleFiles(): string[] {
  const files: string[] = [];
  for (const shape of readdirSync(INPUTS, { withFileTypes: true }).filter((e) => e.isDirectory())) {
    for (const verdict of ["good", "bad"]) {
      const dir = join(INPUTS, shape.name, verdict);
      for (const name of readdirSync(dir).sort()) files.push(relative(INPUTS, join(dir, name)));
    }
  }
  return files;
}

let shell: Promise<ShellReader> | undefined;

/** The bundled shell parser (dist/shell), loaded once per test file. */
export function shellReader(): Promise<ShellReader> {
  shell ??= ShellReader.load(readBundledArtifacts().shell);
  return shell;
}

/** Every document of every sample, parsed as the checker parses it (Dockerfile commands read), keyed sample#index. */
export async function sampleDocuments(): Promise<Map<string, unknown>> {
  const reader = await shellReader();
  const documents = new Map<string, unknown>();
  for (const sample of sampleFiles()) {
    for (const doc of parseText(readFileSync(join(INPUTS, sample), "utf8"), sample, undefined, undefined, undefined, reader).documents) {
      documents.set(`${sample}#${doc.index}`, doc.value);
    }
  }
  return documents;
}

export function countByRule(findings: Array<{ rule: string }>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { rule } of findings) counts[rule] = (counts[rule] ?? 0) + 1;
  return counts;
}

export { removeTempDirs, tempDir } from "./support/temp.js";
