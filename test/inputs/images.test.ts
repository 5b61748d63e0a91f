import { describe, expect, it } from "vitest";
import { canonicalRef, ImageIndex, imageConfigsOf } from "../../harness/src/inputs/images.js";

describe("image configs (docker image inspect)", () => {
  it("reads refs, the default user and whether a health check is set", () => {
    const inspect = [
      {
        Id: "sha256:aa",
        RepoTags: ["nginx:1.27", "nginx:latest"],
        RepoDigests: ["nginx@sha256:abc"],
        Config: { User: "", Healthcheck: { Test: ["CMD", "true"] } },
      },
      { Id: "sha256:bb", RepoTags: [], Config: { User: "10001", Healthcheck: { Test: ["NONE"] } } },
    ];
    expect(imageConfigsOf(inspect, "i.json")).toEqual([
      { refs: ["nginx:1.27", "nginx:latest", "nginx@sha256:abc"], user: "", healthcheck: true },
      { refs: [], user: "10001", healthcheck: false },
    ]);
    expect(imageConfigsOf(inspect[0], "i.json")).toHaveLength(1);
  });

  it("refuses what is not an image: a container's inspect output, an empty list, anything else", () => {
    for (const value of [[{ Id: "c", Config: {}, HostConfig: {}, RepoTags: [] }], [], [1], { services: {} }]) {
      expect(() => imageConfigsOf(value, "x.json")).toThrow(expect.objectContaining({ code: "INPUT_ERROR", file: "x.json" }));
    }
  });

  it("matches references as the engine resolves them", () => {
    expect(canonicalRef("nginx")).toBe("docker.io/library/nginx:latest");
    expect(canonicalRef("nginx:1.27")).toBe("docker.io/library/nginx:1.27");
    expect(canonicalRef("index.docker.io/library/nginx:1.27")).toBe("docker.io/library/nginx:1.27");
    // An official image is under library/ however its host is spelled (distribution/reference's normalisation).
    expect(canonicalRef("docker.io/nginx:1.27")).toBe("docker.io/library/nginx:1.27");
    expect(canonicalRef("index.docker.io/nginx")).toBe("docker.io/library/nginx:latest");
    expect(canonicalRef("bitnami/redis:7")).toBe("docker.io/bitnami/redis:7");
    expect(canonicalRef("reg:5000/app")).toBe("reg:5000/app:latest");
    expect(canonicalRef("localhost/app:2")).toBe("localhost/app:2");
    expect(canonicalRef("nginx:1.27@sha256:abc")).toBe("docker.io/library/nginx@sha256:abc");
    const index = new ImageIndex([{ refs: ["nginx:1.27", "nginx@sha256:abc"], user: "", healthcheck: false }]);
    expect(index.lookup("docker.io/library/nginx:1.27")).toBeDefined();
    expect(index.lookup("nginx:1.27@sha256:abc")).toBeDefined();
    expect(index.lookup("nginx")).toBeUndefined();
  });
});
