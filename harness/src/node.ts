// The public API for Node: everything in the core entry, plus the bundled policy and the file system.
export * from "./index.js";
export { createBundledChecker } from "./node/bundled-checker.js";
export { bundledPolicyDir, readBundledArtifacts, type BundledArtifacts } from "./node/bundled.js";
export { checkFiles, type CheckFilesOptions } from "./node/check-files.js";
export { findConfigFile, loadConfigFile, type LoadedConfig } from "./node/config-file.js";
export { checkDockerContainers } from "./node/docker.js";
