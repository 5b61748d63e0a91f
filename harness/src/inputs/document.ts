/** A path into a document: object keys and array indexes, as the Rego model reports them. */
export type DocumentPath = Array<string | number>;

/** A 1-based line and column in a source file. */
export interface Location {
  line: number;
  column: number;
}

/** One parsed document of a file (a YAML file may hold many), able to say where a path stands in the source. */
export interface SourceDocument {
  file: string;
  /** 0-based position of the document in its file. */
  index: number;
  value: unknown;
  /**
   * The template the document was rendered from, when rendered output says so: `helm template` writes
   * `# Source: chart/templates/deployment.yaml` above each document, kustomize's origin annotations
   * `config.kubernetes.io/origin: "path: base/deployment.yaml"` in each object.
   */
  source?: string;
  /** The location of the deepest node on `path` that exists in the source. */
  locate(path: DocumentPath): Location;
}

/** What parsing a file gives: the documents that parsed, and an error for each part that did not. */
export interface ParsedFile {
  documents: SourceDocument[];
  errors: import("../errors.js").ShipshapeError[];
}
