import { isMap, isScalar, Scalar, YAMLMap, type Document } from "yaml";
import type { DocumentPath } from "../inputs/document.js";
import { DOCKERFILE_FIX_EDITS, DOCKERFILE_FIXERS } from "./dockerfile-fixers.js";
import type { Finding } from "../report/finding.js";
import { childMap, childSeq, flowList, mapAt, NotFixed, parsePath, quotedIfColon, scalarValues, setScalar } from "./yaml-edit.js";

/** What a fixer is given: the document as written and the finding, whose `path` names the container or pod. */
export interface FixContext {
  doc: Document;
  finding: Finding;
  options: FixOptions;
}

export interface FixOptions {
  /** The user id `runAsUser` gets when a pod sets none (default 10001). */
  runAsUser?: number;
  /** Where a read-only container gets a writable scratch directory (default ["/tmp"]). */
  writablePaths?: string[];
  /** Compose `pids_limit` when a service sets none (default 200). */
  pidsLimit?: number;
}

/** One edit: it changes the document and says what it did, in a few words, or throws NotFixed with why not. */
type Fixer = (context: FixContext) => string;

const CONTAINER_LISTS = new Set(["containers", "initContainers", "ephemeralContainers"]);

/** The container's map (Kubernetes), and the pod spec that holds it. */
function kubernetesContainer({ doc, finding }: FixContext): { container: YAMLMap; pod: YAMLMap; podPath: DocumentPath } {
  const path = parsePath(finding.path);
  const list = path.at(-2);
  if (typeof list !== "string" || !CONTAINER_LISTS.has(list) || typeof path.at(-1) !== "number") {
    throw new NotFixed("the finding is about the pod, not one container");
  }
  const podPath = path.slice(0, -2);
  return { container: mapAt(doc, path), pod: mapAt(doc, podPath), podPath };
}

/** The pod spec (Kubernetes) a finding is about, through its container when it names one. */
function kubernetesPod(context: FixContext): YAMLMap {
  const path = parsePath(context.finding.path);
  const list = path.at(-2);
  const podPath = typeof list === "string" && CONTAINER_LISTS.has(list) ? path.slice(0, -2) : path;
  return mapAt(context.doc, podPath);
}

const service = ({ doc, finding }: FixContext): YAMLMap => mapAt(doc, parsePath(finding.path));

/** Removes a key written in this map; one that comes from elsewhere (a merge key, `extends`) is not there to remove. */
function deleteOwn(map: YAMLMap, key: string): void {
  if (!map.has(key)) throw new NotFixed(`${key} is set through an anchor, a merge key or extends: fix it where it is written`);
  map.delete(key);
}

const valueOf = (map: YAMLMap, key: string): unknown => {
  const node = map.get(key, true);
  return isScalar(node) ? node.value : node;
};

/** Rule id → shape → fixer. A rule without an entry has no automatic fix (explain and docs/rules say so). */
export const FIXERS: Readonly<Record<string, Partial<Record<"kubernetes" | "compose", Fixer>>>> = {
  "no-privileged": {
    kubernetes: (context) => {
      deleteOwn(childMap(kubernetesContainer(context).container, "securityContext"), "privileged");
      return "removed securityContext.privileged";
    },
    compose: (context) => {
      deleteOwn(service(context), "privileged");
      return "removed privileged";
    },
  },
  "no-privilege-escalation": {
    kubernetes: (context) => {
      const { container } = kubernetesContainer(context);
      if (valueOf(childMap(container, "securityContext"), "privileged") === true) {
        throw new NotFixed("the container is privileged, which always allows escalation: fix no-privileged first");
      }
      setScalar(childMap(container, "securityContext"), "allowPrivilegeEscalation", false);
      return "securityContext.allowPrivilegeEscalation: false";
    },
    compose: (context) => {
      const options = childSeq(service(context), "security_opt");
      const values = scalarValues(options).map(String);
      const at = values.findIndex((v) => /^no-new-privileges([:=]|$)/.test(v));
      if (at >= 0) options.items.splice(at, 1);
      options.add(quotedIfColon("no-new-privileges:true"));
      return "security_opt: no-new-privileges:true";
    },
  },
  "drop-all-capabilities": {
    kubernetes: (context) => {
      const capabilities = childMap(childMap(kubernetesContainer(context).container, "securityContext"), "capabilities");
      capabilities.set("drop", flowList(["ALL"]));
      return "securityContext.capabilities.drop: [ALL]";
    },
    compose: (context) => {
      service(context).set("cap_drop", flowList(["ALL"]));
      return "cap_drop: [ALL]";
    },
  },
  "seccomp-profile": {
    kubernetes: (context) => {
      const path = parsePath(context.finding.path);
      const list = path.at(-2);
      // A container's own profile overrides the pod's: fix it where it is set, else the pod's.
      if (typeof list === "string" && CONTAINER_LISTS.has(list)) {
        const own = kubernetesContainer(context).container.getIn(["securityContext", "seccompProfile"], true);
        if (isMap(own)) {
          setScalar(own, "type", "RuntimeDefault");
          own.delete("localhostProfile");
          return "securityContext.seccompProfile.type: RuntimeDefault";
        }
      }
      const profile = childMap(childMap(kubernetesPod(context), "securityContext"), "seccompProfile");
      setScalar(profile, "type", "RuntimeDefault");
      profile.delete("localhostProfile");
      return "pod securityContext.seccompProfile.type: RuntimeDefault";
    },
  },
  "no-root-user": {
    kubernetes: (context) => {
      const { container, pod } = kubernetesContainer(context);
      const own = container.get("securityContext", true);
      if (isMap(own) && (valueOf(own, "runAsNonRoot") === false || valueOf(own, "runAsUser") === 0)) {
        throw new NotFixed("the container asks for root itself (runAsNonRoot: false or runAsUser: 0): no automatic fix");
      }
      const podContext = childMap(pod, "securityContext");
      if (valueOf(podContext, "runAsUser") === 0) throw new NotFixed("the pod asks for root itself (runAsUser: 0): no automatic fix");
      setScalar(podContext, "runAsNonRoot", true);
      const user = isMap(own) ? valueOf(own, "runAsUser") : undefined;
      if (valueOf(podContext, "runAsUser") === undefined && user === undefined) {
        setScalar(podContext, "runAsUser", context.options.runAsUser ?? 10001);
        return `pod securityContext.runAsNonRoot: true, runAsUser: ${context.options.runAsUser ?? 10001}`;
      }
      return "pod securityContext.runAsNonRoot: true";
    },
  },
  "read-only-rootfs": {
    kubernetes: (context) => {
      const { container, pod } = kubernetesContainer(context);
      setScalar(childMap(container, "securityContext"), "readOnlyRootFilesystem", true);
      // The app keeps a writable scratch directory: an emptyDir mounted at each writable path not mounted yet.
      const mounts = childSeq(container, "volumeMounts");
      const mounted = new Set(mounts.items.map((m) => (isMap(m) ? valueOf(m, "mountPath") : undefined)));
      const volumes = childSeq(pod, "volumes");
      const names = new Set(volumes.items.map((v) => (isMap(v) ? valueOf(v, "name") : undefined)));
      const added: string[] = [];
      for (const path of context.options.writablePaths ?? ["/tmp"]) {
        if (mounted.has(path)) continue;
        const base =
          path
            .replace(/[^a-z0-9]+/gi, "-")
            .replace(/^-|-$/g, "")
            .toLowerCase() || "scratch";
        let name = base;
        for (let i = 2; names.has(name); i++) name = `${base}-${i}`;
        names.add(name);
        const volume = new YAMLMap();
        const emptyDir = new YAMLMap();
        emptyDir.flow = true;
        volume.set("name", name);
        volume.set("emptyDir", emptyDir);
        volumes.flow = false;
        volumes.add(volume);
        const mount = new YAMLMap();
        mount.set("name", name);
        mount.set("mountPath", path);
        mounts.flow = false;
        mounts.add(mount);
        added.push(path);
      }
      return `securityContext.readOnlyRootFilesystem: true${added.length > 0 ? `, an emptyDir at ${added.join(", ")}` : ""}`;
    },
    compose: (context) => {
      const web = service(context);
      setScalar(web, "read_only", true);
      const tmpfs = childSeq(web, "tmpfs");
      const present = new Set(scalarValues(tmpfs).map((v) => String(v).split(":")[0]));
      const added = (context.options.writablePaths ?? ["/tmp"]).filter((path) => !present.has(path));
      for (const path of added) tmpfs.add(path);
      return `read_only: true${added.length > 0 ? `, tmpfs: ${added.join(", ")}` : ""}`;
    },
  },
  "init-process": {
    compose: (context) => {
      setScalar(service(context), "init", true);
      return "init: true";
    },
  },
  "pids-limit": {
    compose: (context) => {
      setScalar(service(context), "pids_limit", context.options.pidsLimit ?? 200);
      return `pids_limit: ${context.options.pidsLimit ?? 200}`;
    },
  },
  "log-rotation": {
    compose: (context) => {
      const logging = childMap(service(context), "logging");
      const driver = valueOf(logging, "driver");
      if (driver !== undefined && driver !== "json-file" && driver !== "local") {
        throw new NotFixed(
          `the ${typeof driver === "string" ? driver : "configured"} logging driver rotates (or not) by its own options: no automatic fix`,
        );
      }
      const options = childMap(logging, "options");
      const set: string[] = [];
      // Strings, as Docker's logging options are (a bare 3 would be a number to the YAML reader).
      const quoted = (value: string) => Object.assign(new Scalar(value), { type: Scalar.QUOTE_DOUBLE });
      if (valueOf(options, "max-size") === undefined) {
        options.set("max-size", quoted("10m"));
        set.push('max-size: "10m"');
      }
      if (valueOf(options, "max-file") === undefined) {
        options.set("max-file", quoted("3"));
        set.push('max-file: "3"');
      }
      return `logging options ${set.join(", ")}`;
    },
  },
};

/** What each fixer does, in the words `explain` and docs/rules use (a test holds it to FIXERS, key for key). */
export const FIX_EDITS: Readonly<Record<string, Partial<Record<"kubernetes" | "compose", string>>>> = {
  "no-privileged": { kubernetes: "removes `securityContext.privileged`", compose: "removes `privileged`" },
  "no-privilege-escalation": {
    kubernetes: "sets `securityContext.allowPrivilegeEscalation: false` on the container",
    compose: 'adds `"no-new-privileges:true"` to `security_opt`',
  },
  "drop-all-capabilities": {
    kubernetes: "sets `securityContext.capabilities.drop: [ALL]` on the container (what it adds stays)",
    compose: "sets `cap_drop: [ALL]` (`cap_add` stays)",
  },
  "seccomp-profile": {
    kubernetes: "sets `seccompProfile.type: RuntimeDefault` where the container sets a profile, else on the pod's `securityContext`",
  },
  "no-root-user": {
    kubernetes:
      "sets the pod's `securityContext.runAsNonRoot: true`, and `runAsUser: 10001` (`--run-as-user`) when neither pod nor container sets one; a container that asks for root itself (`runAsUser: 0`, `runAsNonRoot: false`) is left for you",
  },
  "read-only-rootfs": {
    kubernetes:
      "sets `securityContext.readOnlyRootFilesystem: true` and mounts an `emptyDir` at `/tmp` (`--writable-path`), so the app keeps a scratch directory",
    compose: "sets `read_only: true` and adds `/tmp` (`--writable-path`) to `tmpfs`",
  },
  "init-process": { compose: "sets `init: true`" },
  "pids-limit": { compose: "sets `pids_limit: 200`" },
  "log-rotation": { compose: 'sets the json-file (or local) driver\'s `max-size: "10m"` and `max-file: "3"` where unset' },
};

/** What `shipshape fix` does for a rule's findings in a shape, as a sentence. */
export function automaticFix(rule: string, shape: string): string {
  const edit =
    shape === "dockerfile" ? DOCKERFILE_FIX_EDITS[rule] : (FIX_EDITS[rule] as Record<string, string | undefined> | undefined)?.[shape];
  return edit
    ? `\`shipshape fix\` ${edit}.`
    : "No automatic fix: it needs a value only you know (a size, a digest, a registry, a user) or a change that is not safe to make blind.";
}

/** Whether the rule has a fixer for the shape. */
export function hasFixer(rule: string, shape: string): boolean {
  return shape === "dockerfile" ? DOCKERFILE_FIXERS[rule] !== undefined : fixerFor(rule, shape) !== undefined;
}

export function fixerFor(rule: string, shape: string): Fixer | undefined {
  return (FIXERS[rule] as Record<string, Fixer | undefined> | undefined)?.[shape];
}
