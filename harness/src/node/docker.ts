import { execFile } from "node:child_process";
import type { Checker } from "../check/checker.js";
import { InputError } from "../errors.js";
import { failedFile, type FileResult } from "../report/finding.js";

function docker(args: string[], env: Record<string, string | undefined>): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile("docker", args, { env, maxBuffer: 64 * 1024 * 1024, timeout: 60_000 }, (error, stdout, stderr) => {
      if (!error) return resolve(stdout);
      const reason =
        (error as NodeJS.ErrnoException).code === "ENOENT" ? "the docker CLI is not installed" : stderr.trim() || error.message;
      reject(new InputError(`docker ${args[0]} failed: ${reason}`, { file: `docker ${args.join(" ")}` }));
    });
  });
}

/**
 * Checks containers through the docker CLI: the named ones, or every running one (`docker ps -q`). Each is
 * inspected on its own, so a finding's line is a line of what `docker inspect NAME` prints.
 */
export async function checkDockerContainers(
  checker: Checker,
  names: string[],
  env: Record<string, string | undefined>,
): Promise<FileResult[]> {
  let targets = names;
  if (targets.length === 0) {
    try {
      targets = (await docker(["ps", "-q"], env)).split(/\s+/).filter(Boolean);
    } catch (error) {
      return [failedFile((error as InputError).file ?? "docker", error)];
    }
  }
  const results: FileResult[] = [];
  for (const name of targets) {
    const file = `docker inspect ${name}`;
    try {
      results.push(checker.checkText(await docker(["inspect", name], env), file, { syntax: "json" }));
    } catch (error) {
      results.push(failedFile(file, error));
    }
  }
  return results;
}
