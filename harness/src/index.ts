// The public API. Everything here but the Node helpers at the end runs in a browser too.
export { Checker, type CheckerOptions, type CheckTextOptions } from "./check/checker.js";
export { parseCatalog, type Catalog, type Level, type Rule, type Severity, type Shape } from "./engine/catalog.js";
export type { DocumentPath, PolicyFinding, PolicyResult } from "./engine/policy.js";
export {
  InputError,
  ParseError,
  PolicyError,
  ShipshapeError,
  UsageError,
  type ErrorCode,
  type ErrorLocation,
} from "./errors.js";
export type { Environment } from "./inputs/compose/interpolate.js";
export type { FileResult, Finding, InputFailure, SkippedDocument } from "./report/finding.js";
export { formatters, type FormatOptions, type Formatter } from "./report/formatters/index.js";
export { buildReport, exitCode, type Report, type Summary } from "./report/report.js";

// Node only: the bundled policy and the file system.
export { createBundledChecker } from "./node/bundled-checker.js";
export { checkFiles, type CheckFilesOptions } from "./node/check-files.js";
