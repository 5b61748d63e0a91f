import type { Level, Severity, Shape } from "../engine/catalog.js";
import { toShipshapeError, type ShipshapeError } from "../errors.js";

/** One violation of one rule by one container, located in its source file (docs/spec.md §4). */
export interface Finding {
  rule: string;
  severity: Severity;
  level: Level;
  title: string;
  /** Names the container and its owner; never echoes a secret value. */
  message: string;
  file: string;
  /** 1-based; of the offending field, or of the container/service when the field is absent. */
  line: number;
  column: number;
  /** 0-based position of the document in a multi-document file. */
  document: number;
  shape: Shape;
  object: string;
  /** The owner's Kubernetes namespace, when the manifest names one. */
  namespace?: string;
  /** The container; absent when the finding is about the pod as a whole (a pod-level field). */
  container?: string;
  /** Where the container stands in its document, e.g. `spec.template.spec.containers[1]`. */
  path: string;
  waived: boolean;
  waiver?: string;
  /** The template the document was rendered from (`# Source:` in helm template output): the file to edit. */
  source?: string;
  /** In the baseline given with --baseline: accepted as it stood, reported as waived (`waiver` names the file). */
  baselined?: boolean;
}

/** A file or document that could not be read, parsed or evaluated. */
export interface InputFailure {
  file: string;
  line?: number;
  column?: number;
  code: string;
  message: string;
}

/** The one way an error becomes a report entry: its file, line and column when it has them, code and message. */
export function toInputFailure(error: ShipshapeError, file = ""): InputFailure {
  return {
    file: error.file ?? file,
    ...(error.line !== undefined && { line: error.line }),
    ...(error.column !== undefined && { column: error.column }),
    code: error.code,
    message: error.message,
  };
}

/** A file that could not be checked at all: one error, nothing else. */
export function failedFile(file: string, error: unknown): FileResult {
  return { file, documents: 0, findings: [], errors: [toInputFailure(toShipshapeError(error, { file }), file)], skipped: [] };
}

/** A document no shape recognises: reported, not an error. */
export interface SkippedDocument {
  file: string;
  document: number;
  reason: string;
}

/** Everything checking one file produced. */
export interface FileResult {
  file: string;
  documents: number;
  findings: Finding[];
  errors: InputFailure[];
  skipped: SkippedDocument[];
  /** Compose files this one includes (`include:`, absolute paths): the caller checks them as files of their own. */
  includes?: string[];
  /** The file was not read because configuration ignores it (`ignore:`); reported so nothing passes unseen. */
  ignored?: true;
}
