import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../helpers.js";

/** tools/oracle, built by `make tools`: how the real consumers (kubectl, compose-go, runc) read inputs. */
export const ORACLE = join(ROOT, ".tools", "bin", "oracle");

export type OracleOp = "kubernetes" | "compose" | "user" | "clean" | "reference";
export interface OracleAnswer {
  value?: unknown;
  error?: string;
}

/** Asks the oracle every question in one process; answers come back in order. */
export function askOracle(questions: Array<{ op: OracleOp; text: string; dir?: string }>): OracleAnswer[] {
  if (!existsSync(ORACLE)) throw new Error(`${ORACLE} is missing: run \`make tools\``);
  const input = questions.map((q) => JSON.stringify(q)).join("\n") + "\n";
  const run = spawnSync(ORACLE, { input, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`oracle failed: ${run.stderr}`);
  const answers = run.stdout
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as OracleAnswer);
  if (answers.length !== questions.length) throw new Error(`oracle answered ${answers.length} of ${questions.length}`);
  return answers;
}
