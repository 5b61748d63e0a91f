import { DockerfileParser, type Instruction } from "dockerfile-ast";
import { ParseError } from "../errors.js";
import type { DocumentPath, Location, ParsedFile } from "./document.js";

/**
 * One instruction as conftest's Dockerfile parser (BuildKit's) hands it to Rego: `Cmd` lower case, `Flags`
 * as written, `Value` the arguments (ENV and LABEL as name, value, "=" triples; FROM as image, "AS", name),
 * `JSON` for the exec (JSON array) form, `Stage` the index of the FROM it belongs to. The policy reads these, so
 * it runs under conftest too; shipshape adds what conftest does not give: heredoc bodies.
 */
export interface DockerfileInstruction {
  Cmd: string;
  SubCmd: string;
  Flags: string[];
  Value: string[];
  JSON: boolean;
  Stage: number;
  /** Bodies of `<<NAME` heredocs, in order (shipshape's addition). */
  Heredocs?: Array<{ Name: string; Content: string }>;
}

/** A zero-based position and range, as dockerfile-ast (the Language Server Protocol's types) gives them. */
interface Range {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

const NAME = /(^|\/)(Dockerfile|Containerfile)(\.[^/]*)?$|\.[Dd]ockerfile$/;

/** Whether a file name says it is a Dockerfile: Dockerfile, Containerfile, *.Dockerfile, *.dockerfile, Dockerfile.*, Containerfile.*. */
export function isDockerfileName(file: string): boolean {
  return NAME.test(file.split("\\").join("/"));
}

/**
 * Parses a Dockerfile with dockerfile-ast (the parser behind VS Code's Docker support): parser directives
 * (`# escape=`), line continuations with comments between them, exec and shell forms, heredocs, flags. The
 * document is the instruction list; a path [i, "Value", k] is located at instruction i's k-th argument.
 */
export function parseDockerfile(text: string, file: string): ParsedFile {
  let dockerfile;
  try {
    dockerfile = DockerfileParser.parse(text);
  } catch {
    return { documents: [], errors: [new ParseError("invalid Dockerfile: the file cannot be read", { file })] };
  }
  const instructions = dockerfile.getInstructions();
  if (instructions.length === 0) return { documents: [], errors: [] };
  const escape = dockerfile.getEscapeCharacter();
  const lines = text.split(/\r?\n/);
  let stage = -1;
  let seenFrom = false;
  const value: DockerfileInstruction[] = [];
  const ranges: Array<{ start: Range["start"]; values: Array<Range["start"]> }> = [];
  for (const instruction of instructions) {
    const keyword = instruction.getKeyword();
    if (keyword === "FROM") {
      stage += 1;
      seenFrom = true;
    }
    const converted = convert(instruction, keyword, seenFrom ? stage : 0, escape, lines);
    value.push(converted.instruction);
    ranges.push({ start: instruction.getRange().start, values: converted.positions });
  }
  // As BuildKit refuses them: an instruction it does not know, or a file without a FROM.
  const unknown = value.findIndex((i) => !KNOWN.has(i.Cmd));
  const errors: ParseError[] = [];
  if (unknown >= 0) {
    const where = { file, ...position(ranges[unknown]!.start) };
    errors.push(new ParseError(`invalid Dockerfile: unknown instruction ${value[unknown]!.Cmd.toUpperCase()}`, where));
  }
  if (!value.some((i) => i.Cmd === "from")) errors.push(new ParseError("invalid Dockerfile: no FROM instruction", { file, ...position(ranges[0]!.start) }));
  const locate = (path: DocumentPath): Location => {
    const [index, field, k] = path;
    const entry = typeof index === "number" ? ranges[index] : undefined;
    if (!entry) return { line: 1, column: 1 };
    if (field === "Value" && typeof k === "number" && entry.values[k]) return position(entry.values[k]);
    return position(entry.start);
  };
  return { documents: [{ file, index: 0, value, locate }], errors };
}

const KNOWN = new Set([
  "from", "run", "cmd", "label", "maintainer", "expose", "env", "add", "copy", "entrypoint", "volume", "user", "workdir",
  "arg", "onbuild", "stopsignal", "healthcheck", "shell",
]);

function position(p: Range["start"]): Location {
  return { line: p.line + 1, column: p.character + 1 };
}

interface Converted {
  instruction: DockerfileInstruction;
  /** Where each Value entry starts in the source. */
  positions: Array<Range["start"]>;
}

function convert(instruction: Instruction, keyword: string, stage: number, escape: string, lines: string[]): Converted {
  const flagged = instruction as Instruction & { getFlags?: () => Array<{ toString(): string }> };
  const flags = flagged.getFlags?.().map((f) => f.toString()) ?? [];
  const base = { Cmd: keyword.toLowerCase(), SubCmd: "", Flags: flags, JSON: false, Stage: stage };
  const args = instruction.getArguments();
  const positions = args.map((a) => a.getRange().start);
  switch (keyword) {
    case "ENV":
    case "LABEL": {
      const properties = (instruction as Instruction & { getProperties(): PropertyLike[] }).getProperties();
      return {
        instruction: { ...base, Value: properties.flatMap((p) => [p.getName(), p.getValue() ?? "", "="]) },
        positions: properties.flatMap((p) => [p.getNameRange().start, p.getValueRange()?.start ?? p.getNameRange().start, p.getNameRange().start]),
      };
    }
    case "RUN":
    case "CMD":
    case "ENTRYPOINT":
    case "SHELL": {
      const json = jsonForm(instruction);
      if (json) return { instruction: { ...base, JSON: true, Value: json.values }, positions: json.positions };
      const heredocs = heredocsOf(instruction, lines);
      const command = shellCommand(instruction, escape, lines, flags);
      return {
        instruction: { ...base, Value: command === "" ? [] : [command], ...(heredocs.length > 0 && { Heredocs: heredocs }) },
        positions: positions.slice(0, 1),
      };
    }
    case "HEALTHCHECK": {
      const sub = args[0]?.getValue().toUpperCase();
      if (sub === "CMD") {
        const command = shellCommand(instruction, escape, lines, flags, 1);
        const json = jsonArray(command);
        if (json) return { instruction: { ...base, JSON: true, Value: ["CMD", ...json] }, positions: positions.slice(0, 2) };
        return { instruction: { ...base, Value: ["CMD", command] }, positions: positions.slice(0, 2) };
      }
      return { instruction: { ...base, Value: args.map((a) => a.getValue()) }, positions };
    }
    case "ONBUILD": {
      const trigger = (instruction as Instruction & { getTriggerInstruction(): Instruction | null }).getTriggerInstruction();
      if (!trigger) return { instruction: { ...base, Value: [] }, positions: [] };
      const inner = convert(trigger, trigger.getKeyword(), stage, escape, lines);
      return { instruction: { ...inner.instruction, Cmd: "onbuild", SubCmd: trigger.getKeyword().toLowerCase() }, positions: inner.positions };
    }
    default:
      return { instruction: { ...base, Value: args.map((a) => a.getValue()) }, positions };
  }
}

interface PropertyLike {
  getName(): string;
  getValue(): string | null;
  getNameRange(): Range;
  getValueRange(): Range | null;
}

/** The exec (JSON array) form's strings, or undefined for the shell form. */
function jsonForm(instruction: Instruction): { values: string[]; positions: Array<Range["start"]> } | undefined {
  const json = instruction as Instruction & {
    getOpeningBracket?: () => unknown;
    getClosingBracket?: () => unknown;
    getJSONStrings?: () => Array<{ getJSONValue(): string; getRange(): Range }>;
  };
  if (!json.getOpeningBracket?.() || !json.getClosingBracket?.()) return undefined;
  const strings = json.getJSONStrings?.() ?? [];
  return { values: strings.map((s) => s.getJSONValue()), positions: strings.map((s) => s.getRange().start) };
}

/** A JSON array of strings (HEALTHCHECK CMD's exec form), or undefined. */
function jsonArray(text: string): string[] | undefined {
  if (!text.startsWith("[")) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) && value.every((v) => typeof v === "string") ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A shell-form command line as BuildKit sees it: continuation lines joined (the escape character and the line
 * break removed), comment lines inside the continuation dropped, flags before the command left out, a heredoc's
 * body not included (it is in Heredocs). `skip` drops leading words (HEALTHCHECK's CMD).
 */
function shellCommand(instruction: Instruction, escape: string, lines: string[], flags: string[], skip = 0): string {
  const range = instruction.getArgumentsRange();
  if (!range) return "";
  const joined: string[] = [];
  let continued = false;
  for (let line = range.start.line; line <= range.end.line; line++) {
    let text = lines[line] ?? "";
    if (line === range.start.line) text = text.slice(range.start.character);
    if (line === range.end.line && range.end.line !== range.start.line) text = text.slice(0, range.end.character);
    if (continued && /^\s*#/.test(text)) continue;
    if (continued && text.trim() === "") continue;
    const trimmed = text.replace(/\s+$/, "");
    continued = trimmed.endsWith(escape);
    joined.push(continued ? trimmed.slice(0, -escape.length) : text);
    if (!continued && line > range.start.line && /<</.test(joined.join(""))) break; // a heredoc body follows
    if (!continued) break;
  }
  let command = joined.join("").trim();
  for (const flag of flags) if (command.startsWith(flag)) command = command.slice(flag.length).trimStart();
  for (let i = 0; i < skip; i++) command = command.replace(/^\S+\s*/, "");
  return command;
}

/** The bodies of `<<NAME` heredocs of an instruction, as their lines stand in the source. */
function heredocsOf(instruction: Instruction, lines: string[]): Array<{ Name: string; Content: string }> {
  const withHeredocs = instruction as unknown as { getHeredocs(): Array<{ getName(): string; getContentRange(): Range | null }> };
  return withHeredocs.getHeredocs().map((heredoc) => {
    const range = heredoc.getContentRange();
    const body = range ? lines.slice(range.start.line, range.end.line + 1) : [];
    if (range && body.length > 0) {
      body[body.length - 1] = body[body.length - 1]!.slice(0, range.end.character);
      body[0] = body[0]!.slice(range.start.character);
    }
    return { Name: heredoc.getName(), Content: body.join("\n") };
  });
}
