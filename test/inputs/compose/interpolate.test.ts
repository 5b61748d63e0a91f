import { describe, expect, it } from "vitest";
import { interpolate, interpolateString } from "../../../harness/src/inputs/compose/interpolate.js";

const env = { TAG: "1.2.3", EMPTY: "", HOST: "db" };

describe("interpolateString", () => {
  it.each([
    ["app:${TAG}", "app:1.2.3"],
    ["app:$TAG", "app:1.2.3"],
    ["app:${MISSING}", "app:"],
    ["app:${MISSING:-latest}", "app:latest"],
    ["app:${EMPTY:-latest}", "app:latest"],
    ["app:${EMPTY-latest}", "app:"],
    ["app:${MISSING-latest}", "app:latest"],
    ["${TAG:+set}", "set"],
    ["${EMPTY:+set}", ""],
    ["${EMPTY+set}", "set"],
    ["${MISSING+set}", ""],
    ["${MISSING:-${HOST:-x}}:5432", "db:5432"],
    ["${MISSING:?must be set}", ""],
    ["${TAG?err}", "1.2.3"],
    ["cost $$5 and $$TAG", "cost $5 and $TAG"],
    ["trailing $", "trailing $"],
    ["${unterminated", "${unterminated"],
    ["no variables", "no variables"],
  ])("%s -> %s", (input, expected) => {
    expect(interpolateString(input, env)).toBe(expected);
  });
});

describe("interpolate", () => {
  it("resolves strings at any depth and leaves keys and other values alone", () => {
    const doc = { services: { "${TAG}": { image: "x:${TAG}", ports: ["${HOST}:80", 443], read_only: true } } };
    expect(interpolate(doc, env)).toEqual({
      services: { "${TAG}": { image: "x:1.2.3", ports: ["db:80", 443], read_only: true } },
    });
  });
});
