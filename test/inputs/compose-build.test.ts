// A Compose service that builds its image is judged with its Dockerfile's final stage where it sets nothing
// itself: USER and HEALTHCHECK there decide, and a finding says which file decided (issue 20, part 5).
import { describe, expect, it } from "vitest";
import type { Report } from "../../harness/src/index.js";
import { runCli } from "../cli/run-cli.js";
import { tempDir } from "../helpers.js";

const service = (build: string) => `services:\n  web:\n    image: registry.example.com/web:1.0\n    build: ${build}\n`;

async function rules(files: Record<string, string>): Promise<Report["findings"]> {
  const dir = tempDir("compose-build", files);
  return (JSON.parse((await runCli(["check", "--no-config", "-f", "json", "compose.yaml"], { cwd: dir })).stdout) as Report).findings;
}

describe("Compose services that build", () => {
  it("run as the Dockerfile's USER, with its HEALTHCHECK", async () => {
    const findings = await rules({
      "compose.yaml": service("{context: app, dockerfile: Containerfile}"),
      "app/Containerfile": 'FROM registry.example.com/base:1.0 AS base\nUSER 10001\nHEALTHCHECK CMD ["/app/check"]\nFROM base\n',
    });
    expect(findings.map((f) => f.rule)).not.toContain("no-root-user");
    expect(findings.map((f) => f.rule)).not.toContain("healthcheck-required");
  });

  it("name the Dockerfile when it decides that the service runs as root", async () => {
    const findings = await rules({ "compose.yaml": service("."), Dockerfile: "FROM registry.example.com/base:1.0\nUSER root\n" });
    const root = findings.find((f) => f.rule === "no-root-user")!;
    expect(root.message).toBe('service web may run as root: in its Dockerfile (Dockerfile), its user is "root"');
    expect(root.line).toBe(4); // the service's build key
    expect(findings.find((f) => f.rule === "healthcheck-required")?.line).toBe(4);
  });

  it("keep the Compose verdict, and say why, when the Dockerfile cannot be read", async () => {
    const findings = await rules({ "compose.yaml": service("./missing") });
    expect(findings.find((f) => f.rule === "no-root-user")?.message).toBe(
      "service web may run as root: no user is set, so the image's default user runs it (root unless the image sets USER) (its Dockerfile missing/Dockerfile could not be read: no such file or directory)",
    );
  });

  it("follow the build target", async () => {
    const findings = await rules({
      "compose.yaml": service("{context: ., target: app}"),
      Dockerfile: "FROM registry.example.com/base:1.0 AS app\nUSER 10001\nFROM app AS debug\nUSER 0\n",
    });
    expect(findings.map((f) => f.rule)).not.toContain("no-root-user");
  });
});
