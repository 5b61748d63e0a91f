import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Environment } from "../inputs/compose/interpolate.js";
import { parseDotenv } from "../inputs/compose/dotenv.js";

/**
 * Compose interpolation variables for files in a directory: the `.env` file there, overridden by the process
 * environment (the precedence `docker compose` uses). Each directory's `.env` is read once.
 */
export class ComposeEnvironments {
  private readonly byDirectory = new Map<string, Environment>();

  constructor(private readonly processEnv: Environment) {}

  forFile(file: string): Environment {
    const dir = dirname(file);
    let env = this.byDirectory.get(dir);
    if (!env) {
      env = { ...readDotenv(join(dir, ".env")), ...this.processEnv };
      this.byDirectory.set(dir, env);
    }
    return env;
  }
}

function readDotenv(path: string): Record<string, string> {
  try {
    return parseDotenv(readFileSync(path, "utf8"));
  } catch {
    return {}; // no .env: nothing to add
  }
}
