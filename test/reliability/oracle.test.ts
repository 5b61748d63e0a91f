// shipshape's reading of the inputs against the real consumers' own Go code (tools/oracle): YAML scalars as
// kubectl (sigs.k8s.io/yaml) and compose-go decode them, users as runc resolves them (moby/sys/user), host
// paths as Go cleans them, image references as distribution/reference parses them. Each property feeds
// generated spellings to both and requires the same reading, so no spelling can hide a value from a rule.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalRef } from "../../harness/src/inputs/images.js";
import { parseText } from "../../harness/src/inputs/parse.js";
import { looksLikeCompose, SERVICE_KEYS, TOP_LEVEL_KEYS } from "../../harness/src/inputs/compose/keys.js";
import { samplesChecker } from "../helpers.js";
import { askOracle } from "../support/oracle.js";

const SEED = 20261202;
const sample = <T>(arbitrary: fc.Arbitrary<T>, numRuns: number): T[] => fc.sample(arbitrary, { numRuns, seed: SEED });

// Characters that matter to YAML scalar resolution: digits, signs, separators, base prefixes, exponents,
// the letters of the YAML 1.1 booleans and nulls.
const scalarChars = [..."0123456789_+-.eExXoObBaAfFyYnNtTrRuUlLsS~"];
const keywords = [
  "yes",
  "Yes",
  "YES",
  "no",
  "No",
  "on",
  "ON",
  "off",
  "Off",
  "y",
  "Y",
  "n",
  "N",
  "true",
  "True",
  "TRUE",
  "tRue",
  "false",
  "null",
  "Null",
  "NULL",
  "~",
  "0",
  "00",
  "-0",
  "+0",
  "0b0",
  "0_0",
  "0x0",
  "0o0",
  "0777",
  "08",
  "1_000",
  "-0b11",
  "0B1",
  "0X1F",
  "1e3",
  "1.",
  ".5",
  "+.5",
  "1_0.5",
  "1e400",
  "9223372036854775808",
  "18446744073709551616",
  "2001-12-14",
  "2001-12-14 21:59:43.10",
  "2001-12-14T21:59:43.10-05:00",
  "2001-2-3",
  "2001-13-01",
  "1:20",
  "0:0",
];
const scalar = fc.oneof(fc.constantFrom(...keywords), fc.string({ unit: fc.constantFrom(...scalarChars), minLength: 1, maxLength: 8 }));

/** A value as JSON would carry it (Go's -0 and 0 both print as 0). */
const normal = (value: unknown) => JSON.stringify(value);

describe("differential: shipshape reads inputs as their real consumers do", () => {
  it("reads plain YAML scalars of Kubernetes manifests as kubectl does (YAML 1.1)", () => {
    const texts = [...new Set(sample(scalar, 600))].map((s) => `apiVersion: v1\nkind: ConfigMap\nk: ${s}\n`);
    const answers = askOracle(texts.map((text) => ({ op: "kubernetes", text })));
    let compared = 0;
    texts.forEach((text, i) => {
      const ours = parseText(text, "m.yaml");
      const theirs = answers[i]!;
      if (theirs.error) {
        expect(ours.errors.length, `kubectl refuses ${JSON.stringify(text)} (${theirs.error})`).toBeGreaterThan(0);
        return;
      }
      if (ours.errors.length > 0 && ours.documents.length === 0)
        return expect.fail(`we refuse ${JSON.stringify(text)}: ${ours.errors[0]!.message}`);
      compared += 1;
      const value = (ours.documents[0]!.value as Record<string, unknown>).k;
      expect(normal(value), JSON.stringify(text)).toBe(normal((theirs.value as Record<string, unknown>).k));
    });
    expect(compared).toBeGreaterThan(300);
  });

  it("reads plain YAML scalars of Compose files as compose-go does (YAML 1.2, Go integers)", () => {
    const texts = [...new Set(sample(scalar, 600))].map((s) => `services:\n  a:\n    image: x\n    x-k: ${s}\n`);
    const answers = askOracle(texts.map((text) => ({ op: "compose", text })));
    let compared = 0;
    texts.forEach((text, i) => {
      const theirs = answers[i]!;
      if (theirs.error) return; // compose-go refuses the file for reasons of its own (a schema check)
      const ours = parseText(text, "compose.yaml");
      expect(ours.errors, JSON.stringify(text)).toEqual([]);
      compared += 1;
      const value = (ours.documents[0]!.value as { services: Record<string, Record<string, unknown>> }).services.a!["x-k"];
      const expected = (theirs.value as { services: Record<string, Record<string, unknown>> }).services.a!["x-k"];
      expect(normal(value), JSON.stringify(text)).toBe(normal(expected));
    });
    expect(compared).toBeGreaterThan(300);
  });

  it("takes for Compose exactly what compose-go's schema accepts: its own keys and x- extensions", () => {
    // Every key the specification names, one per file; unknown keys at each level; Helm-values-like files.
    const services = [...SERVICE_KEYS].map((key) => `services:\n  a:\n    ${key}: ${SERVICE_VALUES[key] ?? "x"}\n`);
    const tops = [...TOP_LEVEL_KEYS]
      .filter((k) => k !== "services")
      .map((key) => `${key}: ${TOP_VALUES[key] ?? "{}"}\nservices:\n  a: {image: x}\n`);
    const unknown = [
      "services:\n  a: {image: x, type: ClusterIP}\n",
      "replicaCount: 1\nservices:\n  a: {image: x}\n",
      "services:\n  web: {type: ClusterIP, port: 80}\n",
      "services:\n  a: {image: x, x-team: t}\nx-defaults: {}\n",
    ];
    const texts = [...services, ...tops, ...unknown];
    const answers = askOracle(texts.map((text) => ({ op: "compose", text })));
    let accepted = 0;
    let refused = 0;
    texts.forEach((text, i) => {
      const theirs = answers[i]!;
      const ours = looksLikeCompose(parseText(text, "compose.yaml").documents[0]!.value);
      // compose-go also refuses values of the wrong type; a refusal over a known key is about its value.
      const unknownKey = /additional propert|not allowed|false schema/i.test(theirs.error ?? "");
      if (theirs.error && !unknownKey) return;
      if (!theirs.error) accepted += 1;
      else refused += 1;
      expect(ours, `${JSON.stringify(text)}: compose-go says ${theirs.error ?? "ok"}`).toBe(!theirs.error);
    });
    expect(accepted).toBeGreaterThan(80);
    expect(refused).toBe(3); // the three files with keys the specification does not have
  });

  it("decodes !!binary as both decoders do, and refuses tags neither knows", () => {
    const strings = sample(fc.string({ minLength: 0, maxLength: 24 }), 100);
    const texts = strings.map((s) => `apiVersion: v1\nkind: ConfigMap\nk: !!binary ${Buffer.from(s, "utf8").toString("base64") || '""'}\n`);
    const answers = askOracle(texts.map((text) => ({ op: "kubernetes", text })));
    texts.forEach((text, i) => {
      const value = (parseText(text, "m.yaml").documents[0]!.value as Record<string, unknown>).k;
      expect(value, text).toBe((answers[i]!.value as Record<string, unknown>).k);
    });
    for (const tag of ["!custom", "!!python/object", "!<tag:example.com,2000:x>", "!!set", "!!omap"]) {
      const parsed = parseText(`apiVersion: v1\nkind: Pod\nimage: ${tag} {nginx: latest}\n`, "m.yaml");
      expect(parsed.documents, tag).toEqual([]);
      expect(
        parsed.errors.map((e) => e.line),
        tag,
      ).toEqual([3]);
    }
  });

  it("judges a Compose user as root exactly when runc would run it as uid 0", async () => {
    const checker = await samplesChecker();
    const userChars = [..."0000+-:1239"];
    const names = ["root", "app", "daemon", "root:0", "app:root", "nobody", "0x0", "+-0", " 0"];
    const specs = [...new Set([...sample(fc.string({ unit: fc.constantFrom(...userChars), maxLength: 6 }), 500), ...names])];
    const answers = askOracle(specs.map((text) => ({ op: "user", text })));
    let compared = 0;
    specs.forEach((spec, i) => {
      const theirs = answers[i]!;
      if (theirs.error) return; // runc would refuse to start it at all
      if (spec !== spec.trim()) return; // we trim; runc's lookup of " 0" fails
      compared += 1;
      const uid = (theirs.value as { uid: number }).uid;
      const text = `services:\n  a:\n    image: x:1\n    user: ${JSON.stringify(spec)}\n`;
      const rules = checker.checkText(text, "compose.yaml").findings.map((f) => f.rule);
      expect(rules.includes("no-root-user"), `user ${JSON.stringify(spec)} runs as uid ${uid}`).toBe(uid === 0);
    });
    expect(compared).toBeGreaterThan(100);
  });

  it("judges host paths after cleaning them as Go does, and a directory that holds the socket", async () => {
    const checker = await samplesChecker();
    const segments = ["", ".", "..", "var", "run", "docker.sock", "etc", "srv", "tmp"];
    const paths = [
      ...new Set(sample(fc.array(fc.constantFrom(...segments), { minLength: 1, maxLength: 7 }), 500).map((s) => `/${s.join("/")}`)),
    ];
    const answers = askOracle(paths.map((text) => ({ op: "clean", text })));
    const socket = "/var/run/docker.sock";
    paths.forEach((path, i) => {
      const clean = answers[i]!.value as string;
      const sockets = [socket, "/run/docker.sock"];
      const reachesSocket = clean === "/" || sockets.some((s) => clean === s || s.startsWith(`${clean}/`));
      const listed = ["/", "/etc", "/proc", "/sys", "/boot", "/dev", "/root", "/var/lib/docker", "/var/lib/containerd", "/var/lib/kubelet"];
      const sensitive = listed.some(
        (l) => clean === l || (l !== "/" && clean.startsWith(`${l}/`)) || (clean === "/" ? l !== "/" : l.startsWith(`${clean}/`)),
      );
      const text = `services:\n  a:\n    image: x:1\n    volumes: [${JSON.stringify(`${path}:/mnt`)}]\n`;
      const findings = checker.checkText(text, "compose.yaml").findings;
      const rules = findings.map((f) => f.rule);
      expect(rules.includes("no-docker-socket"), `${path} is ${clean}`).toBe(reachesSocket);
      const isSocket = sockets.includes(clean);
      expect(rules.includes("no-sensitive-host-mounts"), `${path} is ${clean}`).toBe(sensitive && !isSocket);
      for (const f of findings.filter((f) => f.rule.startsWith("no-") && f.rule.endsWith("mounts"))) expect(f.message).toContain(clean);
    });
  });

  it("finds an image's tag as distribution/reference does", async () => {
    const checker = await samplesChecker();
    const hosts = ["", "docker.io/", "reg:5000/", "localhost/", "ghcr.io/org/"];
    for (const { ref, value } of referencesRead(hosts, ["", ":latest", ":1.2", ":LATEST", ":latest-alpine", ":5000"], 300)) {
      const { tag, digest } = value;
      const unpinned = !digest && (tag === undefined || tag === "latest");
      const text = `services:\n  a:\n    image: ${JSON.stringify(ref)}\n`;
      const rules = checker.checkText(text, "compose.yaml").findings.map((f) => f.rule);
      expect(rules.includes("no-latest-tag"), `${ref}: tag ${tag}, digest ${digest}`).toBe(unpinned);
    }
  });

  it("matches --image-config references as distribution/reference normalises them", () => {
    const hosts = ["", "docker.io/", "index.docker.io/", "reg:5000/", "localhost/", "ghcr.io/org/"];
    for (const { ref, value } of referencesRead(hosts, ["", ":latest", ":1.2", ":5000"], 200)) {
      const { domain, path, tag, digest } = value;
      const normalised = `${domain}/${path}${digest ? `@${digest}` : `:${tag ?? "latest"}`}`;
      expect(canonicalRef(ref), ref).toBe(normalised);
    }
  });
});

/**
 * Generated image references (these hosts and tags, with and without a digest) and how distribution/reference
 * reads each; the ones it refuses are left out.
 */
function referencesRead(hosts: string[], tags: string[], count: number) {
  const parts = fc.record({
    host: fc.constantFrom(...hosts),
    name: fc.constantFrom("nginx", "app", "library/nginx", "a/b/c"),
    tag: fc.constantFrom(...tags),
    digest: fc.constantFrom("", `@sha256:${"a".repeat(64)}`),
  });
  const refs = [...new Set(sample(parts, count).map((p) => `${p.host}${p.name}${p.tag}${p.digest}`))];
  const answers = askOracle(refs.map((text) => ({ op: "reference", text })));
  return refs
    .map((ref, i) => ({ ref, answer: answers[i]! }))
    .filter(({ answer }) => !answer.error)
    .map(({ ref, answer }) => ({ ref, value: answer.value as { domain: string; path: string; tag?: string; digest?: string } }));
}

// Values of the right type for the keys whose schema refuses a plain string.
const SERVICE_VALUES: Record<string, string> = {
  annotations: "{}",
  attach: "true",
  blkio_config: "{}",
  build: ".",
  cap_add: "[]",
  cap_drop: "[]",
  configs: "[]",
  cpu_count: "1",
  cpu_percent: "1",
  cpu_shares: "1",
  cpus: "1",
  credential_spec: "{}",
  depends_on: "[]",
  deploy: "{}",
  develop: "{}",
  device_cgroup_rules: "[]",
  devices: "[]",
  dns_opt: "[]",
  env_file: "[]",
  environment: "{}",
  expose: "[]",
  extends: "b",
  external_links: "[]",
  extra_hosts: "[]",
  gpus: "all",
  group_add: "[]",
  healthcheck: "{}",
  init: "true",
  label_file: "[]",
  labels: "{}",
  links: "[]",
  logging: "{}",
  models: "[]",
  networks: "[]",
  oom_kill_disable: "true",
  oom_score_adj: "1",
  pids_limit: "1",
  ports: "[]",
  post_start: "[]",
  pre_start: "[]",
  pre_stop: "[]",
  privileged: "true",
  profiles: "[]",
  provider: "{type: x}",
  read_only: "true",
  scale: "1",
  secrets: "[]",
  security_opt: "[]",
  stdin_open: "true",
  storage_opt: "{}",
  sysctls: "{}",
  tmpfs: "[]",
  tty: "true",
  ulimits: "{}",
  use_api_socket: "true",
  volumes: "[]",
  volumes_from: "[]",
  cpu_period: "1",
  cpu_quota: "1",
  cpu_rt_period: "1",
  cpu_rt_runtime: "1",
  mem_swappiness: "1",
  dns: "[]",
  dns_search: "[]",
};
const TOP_VALUES: Record<string, string> = { version: "'3'", name: "p", include: "[]", jobs: "{}" };
