import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { serializeBundle } from "../engine/bundle.js";
import { UsageError } from "../errors.js";
import { compileCustomRules } from "../node/custom-rules.js";
import { parseCommandArgs } from "./args.js";
import type { CliIO } from "./io.js";
import { BUILD_OPTIONS } from "./options.js";
import { commandHelp } from "./usage.js";

/** `shipshape build -p DIR -o FILE`: the built-in and the given rules, compiled into one bundle file. */
export async function build(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, BUILD_OPTIONS);
  if (values.help) {
    io.stdout.write(commandHelp("build"));
    return 0;
  }
  const policies = [...((values.policy as string[] | undefined) ?? []), ...positionals];
  if (policies.length === 0) throw new UsageError("build needs the rules to compile: -p DIR (or .rego files)");
  const bundle = await compileCustomRules({
    paths: policies.map((p) => resolve(io.cwd, p)),
    env: io.env,
    ...(typeof values.opa === "string" && { opa: values.opa }),
  });
  const output = resolve(io.cwd, typeof values.output === "string" ? values.output : "shipshape.bundle");
  writeFileSync(output, serializeBundle(bundle));
  const custom = bundle.catalog.rules.filter((r) => r.origin === "custom").length;
  const conftest = bundle.catalog.rules.filter((r) => r.origin === "conftest").length;
  io.stderr.write(
    `${output}: ${bundle.catalog.rules.length} rules (${custom} custom, ${conftest} conftest-style), sha256 ${bundle.hash.slice(0, 12)}\n`,
  );
  return 0;
}
