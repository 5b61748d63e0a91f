import type { InputError } from "../errors.js";

/**
 * What a renderer made of one source (`helm template` of a chart, `kustomize build` of a kustomization): the
 * text to check and the name its findings are reported under, or why there is none (an error for that source).
 */
export interface RenderedSource {
  /** The chart or kustomization directory, as the user's path named it. */
  path: string;
  name: string;
  text?: string;
  error?: InputError;
}
