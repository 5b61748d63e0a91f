// Sources a report shows (the HTML report) have their secrets masked: by the same names and formats as the
// rules' own library (policies/lib/secrets.rego, asked through opa eval), with every line kept in place.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { redactSource, secretName, secretValue } from "../../harness/src/report/redact.js";
import { ROOT } from "../helpers.js";

const NAMES = [
  "DB_PASSWORD",
  "password",
  "MYSQL_ROOT_PASSWORD",
  "API_KEY",
  "GITHUB_TOKEN",
  "aws_secret_access_key",
  "PRIVATE_KEY",
  "DB_PASSWORD_FILE",
  "SECRET_PATH",
  "ALLOYDB_SECRET_NAME",
  "DB_PASSWORD_SECRET_REF",
  "MYSQL_ALLOW_EMPTY_PASSWORD",
  "MYSQL_RANDOM_ROOT_PASSWORD",
  "HOME",
  "TOKENIZER_MODE",
  "CREDENTIALS",
  "passwd",
];
const VALUES = [
  "AKIAABCDEFGHIJKLMNOP",
  "ghp_0123456789abcdefghijklmnopqrstuvwxyz",
  "xoxb-0123456789-0123456789-abc",
  "sk_live_0123456789abcdefghijkl",
  "AIzaSyA0123456789abcdefghijklmnopqrstu",
  "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig",
  "-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----",
  "hunter2",
  "nginx:1.27",
  "AKIA-not-a-key",
];

function rego(query: string): string[] {
  const out = execFileSync(
    join(ROOT, ".tools", "bin", "opa"),
    ["eval", "-d", join(ROOT, "policies", "lib", "secrets.rego"), "--format", "json", query],
    {
      encoding: "utf8",
    },
  );
  return (JSON.parse(out) as { result: Array<{ bindings: { x: string[] } }> }).result[0]!.bindings.x;
}

describe("redactSource", () => {
  it("calls the same names and values secrets as the rules' library", () => {
    const names = rego(`x := [n | some n in ${JSON.stringify(NAMES)}; data.shipshape.lib.secrets.secret_name(n)]`);
    expect(NAMES.filter(secretName)).toEqual(names);
    const values = rego(`x := [v | some v in ${JSON.stringify(VALUES)}; data.shipshape.lib.secrets.value_kind(v)]`);
    expect(VALUES.filter(secretValue)).toEqual(values);
  });

  it("masks Kubernetes env values by name and by form, not references or other values", () => {
    const text = [
      "env:",
      "  - name: DB_PASSWORD",
      "    value: hunter2",
      "  - name: DB_PASSWORD_FILE",
      "    value: /run/secrets/db",
      "  - name: API",
      "    valueFrom:",
      "      secretKeyRef: {name: db, key: password}",
      "  - name: X",
      '    value: "AKIAABCDEFGHIJKLMNOP"',
      "",
    ].join("\n");
    const out = redactSource(text);
    expect(out).not.toContain("hunter2");
    expect(out).not.toContain("AKIAABCDEFGHIJKLMNOP");
    expect(out).toContain("    value: •••••••\n");
    expect(out).toContain("/run/secrets/db");
    expect(out).toContain("secretKeyRef: {name: db, key: password}");
    expect(out.split("\n")).toHaveLength(text.split("\n").length);
  });

  it("masks Compose maps and NAME=value lists, keeping the names", () => {
    const out = redactSource(
      'services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: "s3cr3t"\n      OTHER: fine\n    command: ["TOKEN=abc"]\n  x:\n    environment:\n      - MYSQL_ROOT_PASSWORD=topsecret\n      - MYSQL_RANDOM_ROOT_PASSWORD=yes\n',
    );
    for (const secret of ["s3cr3t", "abc", "topsecret"]) expect(out).not.toContain(secret);
    expect(out).toContain('POSTGRES_PASSWORD: "••••••"');
    expect(out).toContain("- MYSQL_ROOT_PASSWORD=•••••••••");
    expect(out).toContain("MYSQL_RANDOM_ROOT_PASSWORD=yes");
    expect(out).toContain("OTHER: fine");
  });

  it("masks Dockerfile ENV and ARG values, JSON values, private key blocks line by line", () => {
    const dockerfile = redactSource("FROM alpine\nENV API_TOKEN abcdef\nENV A=1 SECRET_KEY=xyz\nARG NPM_TOKEN=zzz\nRUN echo hi\n");
    for (const secret of ["abcdef", "xyz", "zzz"]) expect(dockerfile).not.toContain(secret);
    expect(dockerfile).toContain("ENV A=1 SECRET_KEY=•••");
    const json = redactSource('[{"Config": {"Env": ["PATH=/bin", "DB_PASSWORD=p4ss"]}}]');
    expect(json).not.toContain("p4ss");
    expect(json).toContain("PATH=/bin");
    const key = "a: |\n  -----BEGIN PRIVATE KEY-----\n  MIIEvQIBADANBg\n  -----END PRIVATE KEY-----\nb: 1\n";
    const masked = redactSource(key);
    expect(masked).not.toContain("MIIEvQIBADANBg");
    expect(masked.split("\n")).toHaveLength(key.split("\n").length);
    expect(masked).toContain("b: 1");
  });

  it("masks by the lines' look where YAML does not parse", () => {
    const out = redactSource("services:\n  web:\n    environment:\n      DB_PASSWORD: hunter2\n   bad: [\n");
    expect(out).not.toContain("hunter2");
  });
});
