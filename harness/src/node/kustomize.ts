import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { parse } from "yaml";
import { InputError, UsageError } from "../errors.js";
import { walkDirectories } from "./directories.js";
import type { RenderedSource } from "./rendered.js";

/** The names kustomize looks for in a directory. */
export const KUSTOMIZATION_FILES = ["kustomization.yaml", "kustomization.yml", "Kustomization"];

interface Found {
  dir: string;
  /** The directories it builds on (`resources`, `bases`, `components` that are directories), absolute. */
  uses: string[];
  component: boolean;
}

/**
 * The kustomizations under the given paths that nothing else there builds on: each overlay, and a base only
 * when no overlay found beside it uses it (its objects are checked as the overlays make them). Components
 * (`kind: Component`) are never built alone. Walks like the file walk (not into node_modules or .git).
 */
export function findKustomizations(paths: string[], cwd: string): string[] {
  const found: Found[] = [];
  walkDirectories(paths, cwd, (dir, entries) => {
    const file = KUSTOMIZATION_FILES.find((name) => entries.some((e) => e.name === name && e.isFile()));
    if (file) found.push(describe(dir, resolve(cwd, dir, file), cwd));
  });
  const used = new Set(found.flatMap((k) => k.uses));
  return found.filter((k) => !k.component && !used.has(resolve(cwd, k.dir))).map((k) => k.dir);
}

function describe(dir: string, file: string, cwd: string): Found {
  let value: Record<string, unknown> = {};
  try {
    const parsed: unknown = parse(readFileSync(file, "utf8"));
    if (typeof parsed === "object" && parsed !== null) value = parsed as Record<string, unknown>;
  } catch {
    // kustomize build reports it
  }
  const entries = ["resources", "bases", "components"].flatMap((key) => (Array.isArray(value[key]) ? (value[key] as unknown[]) : []));
  const uses = entries
    .filter((entry): entry is string => typeof entry === "string" && !/^[a-z]+:\/\/|^git@/.test(entry) && !/\.(ya?ml|json)$/.test(entry))
    .map((entry) => resolve(cwd, dir, entry));
  return { dir, uses, component: value.kind === "Component" };
}

/** kustomize on PATH, else kubectl's built-in kustomize. */
function kustomizeCommand(cwd: string, env: Record<string, string | undefined>): string[] {
  for (const command of [["kustomize"], ["kubectl", "kustomize"]]) {
    const probe = spawnSync(command[0]!, [...command.slice(1), "--help"], { cwd, env, encoding: "utf8" });
    if (!probe.error && probe.status === 0) return command;
  }
  throw new UsageError("--kustomize needs kustomize (https://kubectl.docs.kubernetes.io/installation/kustomize/) or kubectl on PATH");
}

const ORIGIN = /(config\.kubernetes\.io\/origin: \|\n\s+path: )(\S[^\n]*)/g;

/**
 * Builds each kustomization as `kubectl apply -k` would see it, through a wrapper kustomization (in a temporary
 * directory) that adds kustomize's origin annotations, so each object says which file it came from: the file
 * to edit for its findings (`source`), as helm's `# Source:` comments do. A kustomization that does not build
 * is an error for it; the others still build.
 */
export function renderKustomizations(dirs: string[], cwd: string, env: Record<string, string | undefined>): RenderedSource[] {
  if (dirs.length === 0) return [];
  const command = kustomizeCommand(cwd, env);
  const work = mkdtempSync(join(tmpdir(), "shipshape-kustomize-"));
  try {
    return dirs.map((dir) => {
      const name = `${dir} (kustomize build)`;
      const wrapper = join(work, "wrapper");
      mkdirSync(wrapper, { recursive: true });
      const target = relative(wrapper, resolve(cwd, dir)).split("\\").join("/");
      writeFileSync(join(wrapper, "kustomization.yaml"), `resources:\n  - ${JSON.stringify(target)}\nbuildMetadata: [originAnnotations]\n`);
      // A directory resource is a kustomization root of its own: kustomize's load restrictions apply to it as
      // they would to `kustomize build DIR`.
      const run = spawnSync(command[0]!, [...command.slice(1), "build", wrapper], {
        cwd,
        env,
        encoding: "utf8",
        maxBuffer: 256 << 20,
      });
      if (run.status === 0) {
        const text = run.stdout.replace(ORIGIN, (_, prefix: string, path: string) => prefix + relative(cwd, resolve(wrapper, path)));
        return { path: dir, name, text };
      }
      // kustomize's first error line names the files and the problem, from the wrapper down: said from the
      // kustomization, with paths relative to the working directory; values it quotes stay out of the report.
      const line = run.stderr.split("\n").find((l) => l.startsWith("Error:")) ?? "kustomize build failed";
      const reason = line
        .replace(
          /accumulating resources: accumulation err='accumulating resources from '[^']*': '[^']*' must resolve to a file': recursed accumulation of path '[^']*': /,
          "",
        )
        .replaceAll(`${resolve(cwd)}/`, "")
        .slice(0, 300);
      return {
        path: dir,
        name,
        error: new InputError(`the kustomization does not build: ${reason.replace(/"[^"]*"/g, '"…"')}`, { file: dir }),
      };
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
