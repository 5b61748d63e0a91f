// Peer comparison: shipshape and kube-score (a compiled Go tool, pinned in tools/kube-score) on the same
// Kubernetes files, verdict by verdict where the two check the same thing (issue 15). For every object both
// read, every container, and every concept below, the two say "fails" or "passes"; a difference must fall in
// a class docs/decisions.md explains (CLASSES below), or this exits 1. Usage:
//   npm run peers -- DIR   (or SHIPSHAPE_CORPUS; the Kubernetes files under DIR/k8s when there is one)
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";
import { checkFiles, createBundledChecker, type Finding } from "../src/node.js";
import { expandPaths } from "../src/node/files.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const KUBE_SCORE = process.env.KUBE_SCORE ?? join(ROOT, ".tools", "bin", "kube-score");

const CONCEPTS = [
  "latest-tag",
  "cpu-limit",
  "memory-limit",
  "cpu-request",
  "memory-request",
  "read-only-root",
  "privileged",
  "seccomp",
] as const;
type Concept = (typeof CONCEPTS)[number];

/** A container as both tools see it: file, object, container name, and whether it is an init container. */
interface Container {
  file: string;
  object: string;
  name: string;
  init: boolean;
  spec: Record<string, unknown>;
  pod: Record<string, unknown>;
}

interface KubeScoreObject {
  file_name: string;
  type_meta: { kind: string };
  object_meta: { name?: string };
  checks: Array<{ check: { id: string }; skipped: boolean; comments: Array<{ path: string; summary: string }> | null }>;
}

/** kube-score's comment (check id, summary) that says a container fails a concept. */
function kubeScoreConcept(check: string, summary: string): Concept | undefined {
  if (check === "container-image-tag") return "latest-tag";
  if (check === "container-security-context-readonlyrootfilesystem") return "read-only-root";
  if (check === "container-security-context-privileged") return "privileged";
  if (check === "container-seccomp-profile") return "seccomp";
  if (check !== "container-resources") return undefined;
  const match = /^(CPU|Memory) (limit|request) is not set$/.exec(summary);
  return match ? (`${match[1]!.toLowerCase()}-${match[2]}` as Concept) : undefined;
}

/** The shipshape finding's concept, where it has one kube-score shares. */
function shipshapeConcept(f: Finding): Concept | undefined {
  if (f.rule === "no-latest-tag") return "latest-tag";
  if (f.rule === "read-only-rootfs") return "read-only-root";
  if (f.rule === "no-privileged") return "privileged";
  if (f.rule === "seccomp-profile") return "seccomp";
  const resource = /no (cpu|memory)/.exec(f.message)?.[1];
  if (f.rule === "resource-limits" && resource) return `${resource}-limit` as Concept;
  if (f.rule === "resource-requests" && resource) return `${resource}-request` as Concept;
  return undefined;
}

const POD_SPEC_PATHS: Record<string, string[]> = {
  Pod: ["spec"],
  Deployment: ["spec", "template", "spec"],
  StatefulSet: ["spec", "template", "spec"],
  DaemonSet: ["spec", "template", "spec"],
  ReplicaSet: ["spec", "template", "spec"],
  Job: ["spec", "template", "spec"],
  CronJob: ["spec", "jobTemplate", "spec", "template", "spec"],
};

const at = (value: unknown, path: string[]): unknown =>
  path.reduce<unknown>((v, key) => (v && typeof v === "object" ? (v as Record<string, unknown>)[key] : undefined), value);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Every container of every workload in a file, as written (the universe both verdicts are read against). */
function containersOf(file: string): Container[] {
  const found: Container[] = [];
  for (const document of parseAllDocuments(readFileSync(file, "utf8"))) {
    const doc = document.toJS() as unknown;
    if (!isObject(doc) || typeof doc.kind !== "string" || !POD_SPEC_PATHS[doc.kind]) continue;
    const name = at(doc, ["metadata", "name"]);
    const pod = at(doc, POD_SPEC_PATHS[doc.kind]!);
    if (typeof name !== "string" || !isObject(pod)) continue;
    for (const [field, init] of [
      ["containers", false],
      ["initContainers", true],
    ] as const) {
      const list = pod[field];
      if (!Array.isArray(list)) continue;
      for (const spec of list) {
        if (isObject(spec) && typeof spec.name === "string")
          found.push({ file, object: `${doc.kind}/${name}`, name: spec.name, init, spec, pod });
      }
    }
  }
  return found;
}

/**
 * Every kind of difference, and why. A difference no class explains fails the run: read it, then fix
 * shipshape, or add the class here and to docs/decisions.md ("Peers: kube-score").
 */
const CLASSES: Array<{
  id: string;
  side: "kube-score" | "shipshape";
  concepts: Concept[];
  why: string;
  applies: (c: Container) => boolean;
}> = [
  {
    id: "requests-default-to-limits",
    side: "kube-score",
    concepts: ["cpu-request", "memory-request"],
    why: "a limit without a request: the API server defaults the request to the limit; kube-score reads the request as unset",
    applies: (c) => isObject(at(c.spec, ["resources", "limits"])),
  },
  {
    id: "no-image",
    side: "kube-score",
    concepts: ["latest-tag"],
    why: "a container that names no image: kube-score reads it as tagged latest; shipshape judges no image it cannot see",
    applies: (c) => typeof c.spec.image !== "string" || c.spec.image === "",
  },
  {
    id: "init-containers",
    side: "shipshape",
    concepts: ["seccomp"],
    why: "an init container runs on the node like any other; kube-score's seccomp check reads the containers only",
    applies: (c) => c.init,
  },
  {
    id: "unconfined",
    side: "shipshape",
    concepts: ["seccomp"],
    why: "a profile of Unconfined: kube-score asks only that a profile is set; shipshape fails Unconfined (no filter at all)",
    applies: (c) => seccompType(c) === "Unconfined",
  },
];

/** The seccomp profile type that applies to a container: its own, else its pod's. */
function seccompType(c: Container): unknown {
  return at(c.spec, ["securityContext", "seccompProfile", "type"]) ?? at(c.pod, ["securityContext", "seccompProfile", "type"]);
}

interface Tally {
  both: number;
  neither: number;
  onlyKubeScore: Map<string, string[]>;
  onlyShipshape: Map<string, string[]>;
}

const dir = process.argv[2] ?? process.env.SHIPSHAPE_CORPUS;
if (!dir) {
  console.error("usage: npm run peers -- DIR   (or set SHIPSHAPE_CORPUS)");
  process.exit(2);
}
if (!existsSync(KUBE_SCORE)) {
  console.error(`peers: ${KUBE_SCORE} is missing (make tools builds it)`);
  process.exit(2);
}
const root = existsSync(join(dir, "k8s")) ? join(dir, "k8s") : dir;
const files = expandPaths([root]).files.filter((f) => /\.ya?ml$/.test(f));

// kube-score refuses a whole run for one file it cannot read, so each file is scored alone.
const kubeScoreFails = new Set<string>();
const scored = new Set<string>();
for (const file of files) {
  let objects: KubeScoreObject[] | null;
  try {
    const out = execFileSync(KUBE_SCORE, ["score", "-o", "json", "--enable-optional-test", "container-seccomp-profile", file], {
      encoding: "utf8",
      maxBuffer: 64 << 20,
      stdio: ["ignore", "pipe", "ignore"],
    });
    objects = JSON.parse(out) as KubeScoreObject[] | null;
  } catch (error) {
    const out = (error as { stdout?: string }).stdout ?? "";
    if (!out.trim().startsWith("[")) continue; // a file kube-score cannot parse: not compared
    objects = JSON.parse(out) as KubeScoreObject[];
  }
  for (const object of objects ?? []) {
    const key = `${file}|${object.type_meta.kind}/${object.object_meta.name ?? ""}`;
    scored.add(key);
    for (const check of object.checks) {
      if (check.skipped) continue;
      for (const comment of check.comments ?? []) {
        const concept = kubeScoreConcept(check.check.id, comment.summary);
        if (concept) kubeScoreFails.add(`${key}|${comment.path}|${concept}`);
      }
    }
  }
}

const checker = await createBundledChecker();
const shipshapeFails = new Set<string>();
const universe = files.flatMap(containersOf);
const byObject = new Map<string, Container[]>();
for (const c of universe) byObject.set(`${c.file}|${c.object}`, [...(byObject.get(`${c.file}|${c.object}`) ?? []), c]);
for (const result of checkFiles(checker, files, { env: {} })) {
  for (const f of result.findings) {
    const concept = shipshapeConcept(f);
    if (!concept) continue;
    const object = `${f.file}|${f.object}`;
    // A pod-level finding is every container's.
    const names = f.container !== undefined ? [f.container] : (byObject.get(object) ?? []).map((c) => c.name);
    for (const name of names) shipshapeFails.add(`${object}|${name}|${concept}`);
  }
}

// Objects that appear once per file and that both tools read.
const counts = new Map<string, number>();
for (const c of universe)
  if (c.name) counts.set(`${c.file}|${c.object}|${c.name}`, (counts.get(`${c.file}|${c.object}|${c.name}`) ?? 0) + 1);
const compared = universe.filter((c) => scored.has(`${c.file}|${c.object}`) && counts.get(`${c.file}|${c.object}|${c.name}`) === 1);

const tallies = new Map<Concept, Tally>(
  CONCEPTS.map((c) => [c, { both: 0, neither: 0, onlyKubeScore: new Map(), onlyShipshape: new Map() }]),
);
const unexplained: string[] = [];
for (const c of compared) {
  for (const concept of CONCEPTS) {
    const key = `${c.file}|${c.object}|${c.name}|${concept}`;
    const ks = kubeScoreFails.has(key);
    const ss = shipshapeFails.has(key);
    const tally = tallies.get(concept)!;
    if (ks === ss) {
      if (ks) tally.both += 1;
      else tally.neither += 1;
      continue;
    }
    const side = ks ? "kube-score" : "shipshape";
    const cls = CLASSES.find((k) => k.side === side && k.concepts.includes(concept) && k.applies(c));
    const where = `${relative(root, c.file)} ${c.object} ${c.name}`;
    const bucket = ks ? tally.onlyKubeScore : tally.onlyShipshape;
    const id = cls?.id ?? "UNEXPLAINED";
    bucket.set(id, [...(bucket.get(id) ?? []), where]);
    if (!cls) unexplained.push(`${concept}: only ${side} fails ${where}`);
  }
}

console.log(`peers: kube-score and shipshape on ${files.length} files, ${compared.length} containers both read`);
console.log(`${"concept".padEnd(16)} ${"agree".padStart(6)} ${"both".padStart(6)} ${"neither".padStart(8)}  differences by class`);
for (const [concept, t] of tallies) {
  const differ = [...t.onlyKubeScore, ...t.onlyShipshape].reduce((n, [, list]) => n + list.length, 0);
  const total = t.both + t.neither + differ;
  const classes = [
    ...[...t.onlyKubeScore].map(([id, list]) => `only kube-score ${id}: ${list.length}`),
    ...[...t.onlyShipshape].map(([id, list]) => `only shipshape ${id}: ${list.length}`),
  ];
  const agree = total === 0 ? "-" : `${((100 * (t.both + t.neither)) / total).toFixed(1)}%`;
  console.log(
    `${concept.padEnd(16)} ${agree.padStart(6)} ${String(t.both).padStart(6)} ${String(t.neither).padStart(8)}  ${classes.join("; ")}`,
  );
}
for (const cls of CLASSES) console.log(`  ${cls.id} (only ${cls.side}): ${cls.why}`);
if (unexplained.length > 0) {
  console.log(`\nunexplained differences: ${unexplained.length}`);
  for (const line of unexplained.slice(0, Number(process.env.SHOW ?? 40))) console.log(`  ${line}`);
  process.exit(1);
}
