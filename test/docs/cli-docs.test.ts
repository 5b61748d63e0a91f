import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DOCS_WITH_OPTIONS, withOptionTables } from "../../harness/scripts/cli-docs.js";
import { ROOT } from "../helpers.js";

describe("command-line option tables in the docs", () => {
  it.each(Object.entries(DOCS_WITH_OPTIONS))(
    "%s shows the options the parser takes (run `make docs` after changing one)",
    async (file, commands) => {
      const text = readFileSync(join(ROOT, file), "utf8");
      expect(text).toBe(await withOptionTables(text, commands));
    },
  );
});
