import { describe, expect, it } from "vitest";
import { parseDotenv } from "../../../harness/src/inputs/compose/dotenv.js";

describe("parseDotenv", () => {
  it("reads assignments, quotes, comments and export prefixes", () => {
    const text = [
      "# comment",
      "",
      "TAG=1.2.3",
      "export REGISTRY=registry.example.com",
      "QUOTED=\"a b\\n c\"",
      "LITERAL='${NOT_EXPANDED}'",
      "SPACED = value with spaces   # trailing comment",
      "not an assignment",
      "EMPTY=",
    ].join("\r\n");
    expect(parseDotenv(text)).toEqual({
      TAG: "1.2.3",
      REGISTRY: "registry.example.com",
      QUOTED: "a b\n c",
      LITERAL: "${NOT_EXPANDED}",
      SPACED: "value with spaces",
      EMPTY: "",
    });
  });
});
