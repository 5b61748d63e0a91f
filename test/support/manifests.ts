// Small manifests the tests share: a Deployment `web` with one container `app`, whose lines are given.
export function deploymentYaml(containerLines: string[] = ["image: nginx:1.27"]): string {
  return [
    "apiVersion: apps/v1",
    "kind: Deployment",
    "metadata:",
    "  name: web",
    "spec:",
    "  template:",
    "    spec:",
    "      containers:",
    "        - name: app",
    ...containerLines.map((line) => `          ${line}`),
    "",
  ].join("\n");
}
