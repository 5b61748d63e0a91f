import { spawnSync } from "node:child_process";
import { basename, resolve } from "node:path";
import { InputError, UsageError } from "../errors.js";
import { walkDirectories } from "./directories.js";
import type { RenderedSource } from "./rendered.js";

/**
 * The Helm charts under the given paths: a directory holding Chart.yaml, found by walking (not into a chart's
 * own `charts/`, whose subcharts render with their parent, nor node_modules or .git).
 */
export function findCharts(paths: string[], cwd: string): string[] {
  const charts: string[] = [];
  walkDirectories(paths, cwd, (dir, entries) => {
    if (!entries.some((e) => e.name === "Chart.yaml" && e.isFile())) return true;
    charts.push(dir);
    return false; // its charts/ render with it
  });
  return charts;
}

/**
 * Renders each chart with `helm template` (the helm on PATH, with the given values files), as `helm install`
 * would produce its objects; a chart that does not render is an error for that chart, the others still render.
 */
export function renderCharts(charts: string[], values: string[], cwd: string, env: Record<string, string | undefined>): RenderedSource[] {
  const probe = spawnSync("helm", ["version", "--short"], { cwd, env, encoding: "utf8" });
  if (probe.error || probe.status !== 0) throw new UsageError("--helm needs helm on PATH (https://helm.sh/docs/intro/install/)");
  return charts.map((chart) => {
    const name = `${chart} (helm template)`;
    const args = ["template", basename(resolve(cwd, chart)), chart, ...values.flatMap((v) => ["--values", v])];
    const run = spawnSync("helm", args, { cwd, env, encoding: "utf8", maxBuffer: 256 << 20 });
    if (run.status === 0) return { path: chart, name, text: run.stdout };
    // helm's first error line names the template and the problem; values it quotes stay out of the report.
    const reason = (run.stderr.split("\n").find((l) => l.startsWith("Error:")) ?? "helm template failed").slice(0, 200);
    return { path: chart, name, error: new InputError(`the chart does not render: ${reason.replace(/"[^"]*"/g, '"…"')}`, { file: chart }) };
  });
}
