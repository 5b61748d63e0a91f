// The public API, core part: runs anywhere WebAssembly does (Node, browsers, workers). It never touches the
// file system or the process; the Node entry (node.ts, the package's default in Node) adds those helpers.
export { Checker, type CheckerOptions, type CheckTextOptions, type PolicySource } from "./check/checker.js";
export { loadConfig, parseConfig, type Config, type ConfigWaiver, type RuleSettings } from "./config/config.js";
export {
  parseCatalog,
  type Catalog,
  type ExampleFile,
  type Level,
  type Rule,
  type RuleExample,
  type Severity,
  type Shape,
} from "./engine/catalog.js";
export type { PolicyFinding, PolicyResult } from "./engine/policy.js";
export type { DocumentPath } from "./inputs/document.js";
export { InputError, ParseError, PolicyError, ShipshapeError, UsageError, type ErrorCode, type ErrorLocation } from "./errors.js";
export type { Environment } from "./inputs/compose/interpolate.js";
export { imageConfigsOf, type ImageConfig } from "./inputs/images.js";
export type { ShellSource } from "./inputs/shell.js";
export type { FileResult, Finding, InputFailure, SkippedDocument } from "./report/finding.js";
export { formatReport, formatters, type FormatOptions, type Formatter } from "./report/formatters/index.js";
export { buildReport, exitCode, type Report, type Summary } from "./report/report.js";
export type { FixResult, FixTextOptions } from "./fix/fix.js";
export type { FixOptions } from "./fix/fixers.js";
