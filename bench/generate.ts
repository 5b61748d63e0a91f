// A deterministic generator of a large corpus for benchmarks: Kubernetes manifests (several documents per
// file), Compose files and docker inspect output, half compliant and half violating in varied ways.
// Usage: tsx bench/generate.ts DIR [--k8s-files 2000] [--docs-per-file 5] [--compose 2000] [--inspect 2000]
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { stringify } from "yaml";
import { random } from "../harness/scripts/generated-corpus.js";

const DIGEST = "sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31";

export interface CorpusSize {
  k8sFiles: number;
  docsPerFile: number;
  compose: number;
  inspect: number;
}

function pick<T>(next: () => number, items: T[]): T {
  return items[Math.floor(next() * items.length)]!;
}

function container(next: () => number, name: string, compliant: boolean): Record<string, unknown> {
  const c: Record<string, unknown> = {
    name,
    image: compliant
      ? `registry.example.com/${name}:1.${Math.floor(next() * 9)}.0@${DIGEST}`
      : pick(next, ["nginx", "redis:latest", `app/${name}:2.1`, `reg:5000/${name}`]),
    ports: [{ containerPort: compliant ? 8080 : pick(next, [8080, 22, 3000]) }],
    env: [
      { name: "LOG_LEVEL", value: "info" },
      compliant || next() < 0.5
        ? { name: "DB_PASSWORD", valueFrom: { secretKeyRef: { name: "db", key: "pw" } } }
        : { name: "DB_PASSWORD", value: "hunter2" },
    ],
    resources: compliant
      ? { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "500m", memory: "256Mi" } }
      : { limits: { memory: "256Mi" } },
  };
  if (compliant || next() < 0.5) {
    c.securityContext = {
      runAsNonRoot: true,
      runAsUser: 10001,
      readOnlyRootFilesystem: compliant || next() < 0.5,
      allowPrivilegeEscalation: false,
      capabilities: compliant ? { drop: ["ALL"] } : { add: [pick(next, ["NET_ADMIN", "SYS_ADMIN", "CHOWN"])] },
      seccompProfile: { type: compliant ? "RuntimeDefault" : "Unconfined" },
    };
  }
  if (compliant || next() < 0.5) {
    c.livenessProbe = { httpGet: { path: "/healthz", port: 8080 } };
    c.readinessProbe = { httpGet: { path: "/ready", port: 8080 } };
  }
  return c;
}

function workload(next: () => number, i: number): Record<string, unknown> {
  const compliant = next() < 0.5;
  const name = `svc-${i}`;
  const containers = [container(next, name, compliant)];
  if (next() < 0.3) containers.push(container(next, `${name}-sidecar`, compliant));
  const podSpec: Record<string, unknown> = { containers };
  if (!compliant && next() < 0.2) podSpec.hostNetwork = true;
  if (!compliant && next() < 0.1) podSpec.volumes = [{ name: "sock", hostPath: { path: "/var/run/docker.sock" } }];
  const kind = pick(next, ["Deployment", "Deployment", "StatefulSet", "DaemonSet", "CronJob", "Service", "ConfigMap"]);
  const metadata = { name, namespace: "apps", labels: { app: name, team: `team-${i % 17}` } };
  if (kind === "Service")
    return { apiVersion: "v1", kind, metadata, spec: { selector: { app: name }, ports: [{ port: 80, targetPort: 8080 }] } };
  if (kind === "ConfigMap") return { apiVersion: "v1", kind, metadata, data: { "app.properties": "a=1\nb=2\n".repeat(5) } };
  const template = { metadata: { labels: { app: name } }, spec: podSpec };
  if (kind === "CronJob") {
    return {
      apiVersion: "batch/v1",
      kind,
      metadata,
      spec: {
        schedule: "*/5 * * * *",
        jobTemplate: { spec: { template: { ...template, spec: { ...podSpec, restartPolicy: "OnFailure" } } } },
      },
    };
  }
  return { apiVersion: "apps/v1", kind, metadata, spec: { replicas: 2, selector: { matchLabels: { app: name } }, template } };
}

function composeFile(next: () => number, i: number): Record<string, unknown> {
  const services: Record<string, unknown> = {};
  const count = 1 + Math.floor(next() * 4);
  for (let s = 0; s < count; s++) {
    const compliant = next() < 0.5;
    services[`s${s}`] = compliant
      ? {
          image: `registry.example.com/s${s}:1.0.${i % 10}@${DIGEST}`,
          user: "10001",
          read_only: true,
          init: true,
          cap_drop: ["ALL"],
          security_opt: ["no-new-privileges:true"],
          pids_limit: 100,
          logging: { driver: "json-file", options: { "max-size": "10m" } },
          healthcheck: { test: ["CMD", "/healthcheck"] },
          deploy: { resources: { limits: { memory: "256M", cpus: "0.5" }, reservations: { memory: "128M", cpus: "0.25" } } },
        }
      : {
          image: pick(next, ["postgres", "redis:7", "nginx:latest", "${IMAGE:-app:latest}"]),
          environment: { POSTGRES_PASSWORD: next() < 0.5 ? "secret" : "${PG_PASSWORD}" },
          ports: ["8080:80"],
          volumes: next() < 0.3 ? ["/var/run/docker.sock:/var/run/docker.sock"] : ["data:/data"],
        };
  }
  return { services };
}

function inspect(next: () => number, i: number): unknown[] {
  const compliant = next() < 0.5;
  return [
    {
      Id: (i.toString(16) + "0".repeat(64)).slice(0, 64),
      Name: `/c${i}`,
      Config: {
        User: compliant ? "10001" : "",
        Image: compliant ? `registry.example.com/c:1.0@${DIGEST}` : "busybox",
        Env: ["PATH=/usr/bin", compliant ? "API_TOKEN_FILE=/run/t" : "API_TOKEN=abc"],
        ExposedPorts: { [compliant ? "8080/tcp" : "22/tcp"]: {} },
        ...(compliant && { Healthcheck: { Test: ["CMD", "/hc"] } }),
      },
      HostConfig: {
        Memory: compliant ? 268435456 : 0,
        NanoCpus: compliant ? 500000000 : 0,
        ReadonlyRootfs: compliant,
        Privileged: !compliant && next() < 0.3,
        CapDrop: compliant ? ["ALL"] : null,
        SecurityOpt: compliant ? ["no-new-privileges"] : null,
        PidsLimit: compliant ? 100 : null,
        Init: compliant,
        LogConfig: { Type: "json-file", Config: compliant ? { "max-size": "10m" } : {} },
        NetworkMode: compliant ? "bridge" : pick(next, ["bridge", "host"]),
      },
      Mounts: [],
    },
  ];
}

/** Writes the corpus under `dir` (k8s/, compose/, docker-inspect/) and returns the number of documents. */
export function generateCorpus(dir: string, size: CorpusSize, seed = 42): number {
  const next = random(seed);
  let documents = 0;
  for (const sub of ["k8s", "compose", "docker-inspect"]) mkdirSync(join(dir, sub), { recursive: true });
  for (let f = 0; f < size.k8sFiles; f++) {
    const docs = Array.from({ length: size.docsPerFile }, (_, d) => stringify(workload(next, f * size.docsPerFile + d)));
    writeFileSync(join(dir, "k8s", `manifests-${f}.yaml`), docs.join("---\n"));
    documents += docs.length;
  }
  for (let f = 0; f < size.compose; f++) {
    writeFileSync(join(dir, "compose", `compose-${f}.yaml`), stringify(composeFile(next, f)));
    documents += 1;
  }
  for (let f = 0; f < size.inspect; f++) {
    writeFileSync(join(dir, "docker-inspect", `inspect-${f}.json`), JSON.stringify(inspect(next, f), null, 4));
    documents += 1;
  }
  return documents;
}

if (process.argv[1]?.endsWith("generate.ts")) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      "k8s-files": { type: "string", default: "2000" },
      "docs-per-file": { type: "string", default: "5" },
      compose: { type: "string", default: "2000" },
      inspect: { type: "string", default: "2000" },
    },
  });
  const dir = positionals[0];
  if (!dir) throw new Error("usage: generate.ts DIR");
  const n = generateCorpus(dir, {
    k8sFiles: Number(values["k8s-files"]),
    docsPerFile: Number(values["docs-per-file"]),
    compose: Number(values.compose),
    inspect: Number(values.inspect),
  });
  console.log(`${dir}: ${n} documents`);
}
