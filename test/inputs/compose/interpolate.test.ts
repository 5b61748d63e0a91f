import { describe, expect, it } from "vitest";
import { interpolate, interpolateCompose, interpolateString } from "../../../harness/src/inputs/compose/interpolate.js";

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

describe("interpolateCompose", () => {
  it("leaves service environments as written, so secrets are judged by what the file says", () => {
    const doc = {
      "x-tag": "${TAG}",
      services: {
        db: { image: "postgres:${TAG}", environment: { POSTGRES_PASSWORD: "${DB_PASSWORD}" } },
        web: { image: "web:${TAG}", environment: ["TOKEN=${TOKEN}"] },
        odd: "${TAG}",
      },
    };
    expect(interpolateCompose(doc, { TAG: "1.2.3", DB_PASSWORD: "hunter2", TOKEN: "t" })).toEqual({
      "x-tag": "1.2.3",
      services: {
        db: { image: "postgres:1.2.3", environment: { POSTGRES_PASSWORD: "${DB_PASSWORD}" } },
        web: { image: "web:1.2.3", environment: ["TOKEN=${TOKEN}"] },
        odd: "1.2.3",
      },
    });
  });
});
