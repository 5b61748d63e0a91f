/** Where a document came from, when a tool that rendered it says so: shared by both YAML readers. */

/** helm template's `# Source: <template>` comment (its text without the `#`, or the raw lines above a document). */
export const SOURCE_COMMENT = /^[\s#]*Source:\s*(\S[^\n]*?)\s*$/m;

/**
 * Where an object came from, by kustomize's origin annotation (`buildMetadata: [originAnnotations]`, which
 * `check --kustomize` turns on): `config.kubernetes.io/origin: "path: base/deployment.yaml"`.
 */
export function originOf(value: unknown): string | undefined {
  const annotations = (value as { metadata?: { annotations?: Record<string, unknown> } } | null)?.metadata?.annotations;
  const origin = typeof annotations === "object" && annotations !== null ? annotations["config.kubernetes.io/origin"] : undefined;
  return typeof origin === "string" ? /^path:\s*(\S[^\n]*?)\s*$/m.exec(origin)?.[1] : undefined;
}
