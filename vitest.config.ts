import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

// Two projects: "unit" is everything `make test` runs; "package" installs the packed tarball into a fresh
// project (npm pack + npm install from the registry, about 12 s), run by `make test-package` (and `make check`).
//
// Files share a worker's module registry (isolate: false): each of 60 files re-importing the library cost about
// 45 s of CPU (vitest's "import" time, 59 s -> 15 s); no test mutates a module's state without restoring it.
// One worker more than cores (3 on 2 cores): many tests wait on a child process (OPA, conftest, chromium, helm).
export default defineConfig({
  test: {
    setupFiles: ["test/setup.ts"],
    // A hang guard, not a budget: on a clean clone the checks run side by side with cold caches, and a test that
    // compiles rules with OPA three times took 18.6 s there (2 s warm).
    testTimeout: 60_000,
    isolate: false,
    maxWorkers: availableParallelism() + 1,
    projects: [
      { extends: true, test: { name: "unit", include: ["test/**/*.test.ts"], exclude: ["test/package/**"] } },
      { extends: true, test: { name: "package", include: ["test/package/**/*.test.ts"] } },
    ],
  },
});
