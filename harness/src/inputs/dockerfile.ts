import { DockerfileParser, type Instruction } from "dockerfile-ast";
import { Util } from "dockerfile-ast/lib/util.js";
import { InputError, ParseError, PolicyError, toShipshapeError, type ShipshapeError } from "../errors.js";
import type { DocumentPath, Location, ParsedFile } from "./document.js";
import { MAX_NESTING, SHELLS, type CommandReader, type ShellCommand, type ShellReading } from "./shell.js";

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
  /**
   * RUN, CMD and ENTRYPOINT: the simple commands the instruction runs, read by a shell parser (shipshape's
   * addition; absent under conftest, and where the stage's SHELL is not a POSIX shell).
   */
  Commands?: ShellCommand[];
}

/** A zero-based position and range, as dockerfile-ast (the Language Server Protocol's types) gives them. */
interface Range {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

// dockerfile-ast 0.7 tests for a byte order mark with Node's Buffer, which browsers do not have: every
// Dockerfile failed to parse there. The character it is given is one UTF-16 unit, whose UTF-8 bytes are
// EF BB BF exactly when it is U+FEFF; the same test without Buffer, for the parser everywhere.
Util.isUTF8BOM = (char: string) => char === "\uFEFF";

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
export function parseDockerfile(text: string, file: string, shell?: CommandReader): ParsedFile {
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
  const ranges: Array<{ start: Range["start"]; values: Array<Range["start"]>; commands: Array<Range["start"]> }> = [];
  const shells = new StageShells();
  const errors: ShipshapeError[] = [];
  let reader = shell;
  for (const instruction of instructions) {
    const keyword = instruction.getKeyword();
    if (keyword === "FROM") {
      stage += 1;
      seenFrom = true;
    }
    const converted = convert(instruction, keyword, seenFrom ? stage : 0, escape, lines);
    shells.follow(converted.instruction);
    let commands;
    try {
      commands = reader && COMMANDS.has(keyword) ? readCommands(reader, instruction, converted, shells.posix, escape, lines) : undefined;
    } catch (error) {
      // No reader to read them with (NO_SHELL): one error for the file, which is not judged without them.
      const { message } = toShipshapeError(error);
      errors.push(new PolicyError(message, { file, ...position(instruction.getRange().start) }));
      reader = undefined;
    }
    if (commands) converted.instruction.Commands = commands.reading.commands;
    if (commands?.reading.tooDeep) {
      // Judged on what was read, and said: a script nested this deep could hide a command from the rules.
      const where = { file, ...position(instruction.getRange().start) };
      errors.push(new InputError(`the ${keyword} nests scripts more than ${MAX_NESTING} levels deep; the deeper ones are not read`, where));
    }
    value.push(converted.instruction);
    ranges.push({ start: instruction.getRange().start, values: converted.positions, commands: commands?.positions ?? [] });
  }
  if (errors.some((e) => e instanceof PolicyError)) return { documents: [], errors };
  // As BuildKit refuses them: an instruction it does not know, or a file without a FROM.
  const unknown = value.findIndex((i) => !KNOWN.has(i.Cmd));
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
    if (field === "Commands" && typeof k === "number" && entry.commands[k]) return position(entry.commands[k]);
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
      // The exec form is what BuildKit's JSON decoding accepts (a JSON array of strings); anything else is the
      // shell form, brackets or not.
      const array = jsonArray(shellCommand(instruction, escape, lines, flags));
      if (array) return { instruction: { ...base, JSON: true, Value: array }, positions: jsonPositions(instruction, array.length) };
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

/**
 * Where each string of an exec-form array starts: dockerfile-ast's ranges when it found as many strings as the
 * JSON holds (its values are not used: it drops spaces inside strings), else the arguments' start.
 */
function jsonPositions(instruction: Instruction, count: number): Array<Range["start"]> {
  const json = instruction as Instruction & { getJSONStrings?: () => Array<{ getRange(): Range }> };
  const strings = json.getJSONStrings?.() ?? [];
  const fallback = instruction.getArgumentsRange()?.start ?? instruction.getRange().start;
  return Array.from({ length: count }, (_, k) => (strings.length === count ? strings[k]!.getRange().start : fallback));
}

/** A JSON array of strings (the exec form), or undefined. */
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

const COMMANDS = new Set(["RUN", "CMD", "ENTRYPOINT"]);

/**
 * The SHELL each stage runs shell-form commands with, as BuildKit tracks it: `/bin/sh -c` unless a SHELL
 * instruction changes it, inherited by a stage built `FROM` an earlier one.
 */
class StageShells {
  private current: string[] = ["/bin/sh", "-c"];
  private readonly byName = new Map<string, string[]>();
  private name: string | undefined;

  follow(instruction: DockerfileInstruction): void {
    if (instruction.Cmd === "from") {
      if (this.name !== undefined) this.byName.set(this.name, this.current);
      const base = (instruction.Value[0] ?? "").toLowerCase();
      this.current = this.byName.get(base) ?? ["/bin/sh", "-c"];
      this.name = instruction.Value.length >= 3 && instruction.Value[1]?.toUpperCase() === "AS" ? instruction.Value[2]!.toLowerCase() : undefined;
    } else if (instruction.Cmd === "shell" && instruction.JSON && instruction.Value.length > 0) {
      this.current = instruction.Value;
    }
    if (this.name !== undefined) this.byName.set(this.name, this.current);
  }

  /** Whether shell-form commands run in a POSIX shell here (not PowerShell or cmd). */
  get posix(): boolean {
    const program = this.current[0] ?? "";
    return SHELLS.has(program.slice(program.lastIndexOf("/") + 1));
  }
}

/** A span of script text and where it starts in the Dockerfile. */
interface Piece {
  at: number;
  start: Range["start"];
}

/**
 * The commands of a RUN, CMD or ENTRYPOINT and where each starts in the source. The exec form is one command
 * (with a shell's `-c` script read within it); the shell form is read as the stage's shell reads it: the
 * command line with its continuations joined, followed by its heredocs, or a lone heredoc's body as the script.
 */
function readCommands(
  shell: CommandReader,
  instruction: Instruction,
  converted: Converted,
  posix: boolean,
  escape: string,
  lines: string[],
): { reading: ShellReading; positions: Array<Range["start"]> } | undefined {
  if (converted.instruction.JSON) {
    const start = converted.positions[0] ?? instruction.getRange().start;
    const reading = shell.readArgv(converted.instruction.Value);
    // A `-c` script sits inside a JSON string: its offsets count from the string's opening quote.
    const scriptAt = converted.positions[scriptPosition(converted.instruction.Value)];
    const positions = reading.offsets.map((offset, k) =>
      k === 0 || !scriptAt ? start : { line: scriptAt.line, character: scriptAt.character + 1 + offset },
    );
    return { reading, positions };
  }
  if (!posix) return undefined;
  const script = shellScript(instruction, escape, lines);
  if (script === undefined) return { reading: { commands: [], offsets: [], incomplete: false, tooDeep: false, pipelines: 0 }, positions: [] };
  const reading = shell.read(script.text);
  return { reading, positions: reading.offsets.map((offset) => locateIn(script.pieces, offset)) };
}

function scriptPosition(argv: string[]): number {
  const at = argv.findIndex((a, i) => i > 0 && /^-[a-zA-Z]*c[a-zA-Z]*$/.test(a));
  return at < 0 ? -1 : at + 1;
}

function locateIn(pieces: Piece[], offset: number): Range["start"] {
  let piece = pieces[0]!;
  for (const p of pieces) if (p.at <= offset) piece = p;
  return { line: piece.start.line, character: piece.start.character + (offset - piece.at) };
}

/**
 * The script a shell-form instruction hands its shell, as BuildKit builds it, with a map back to the source:
 * the command line (continuations joined, comment lines inside them dropped), then the heredoc lines that
 * follow it; or, for a lone `<<EOF`, the heredoc's body. Undefined when the body is for another interpreter
 * (a `#!` line naming one).
 */
function shellScript(instruction: Instruction, escape: string, lines: string[]): { text: string; pieces: Piece[] } | undefined {
  const range = instruction.getArgumentsRange();
  if (!range) return { text: "", pieces: [{ at: 0, start: instruction.getRange().start }] };
  const pieces: Piece[] = [];
  let text = "";
  let line = range.start.line;
  let character = range.start.character;
  let continued = true;
  for (; line <= range.end.line && continued; line++) {
    const raw = (lines[line] ?? "").slice(0, line === range.end.line ? range.end.character : undefined);
    const from = line === range.start.line ? character : 0;
    const piece = raw.slice(from);
    if (line > range.start.line && (/^\s*#/.test(piece) || piece.trim() === "")) continue;
    const trimmed = piece.replace(/\s+$/, "");
    continued = trimmed.endsWith(escape);
    pieces.push({ at: text.length, start: { line, character: from } });
    text += continued ? trimmed.slice(0, -escape.length) : piece;
  }
  character = 0;
  const heredocs = (instruction as unknown as { getHeredocs(): Array<{ getContentRange(): Range | null }> }).getHeredocs();
  const leading = /^(\s*<<-?\s*(["']?)[A-Za-z0-9_.-]+\2\s*)(.*)$/.exec(text);
  if (heredocs.length === 1 && leading && !LONE_SHELL.test(leading[3]!)) {
    // `RUN <<EOF python3`: a command given the heredoc on its standard input; the body is not shell.
    return { text: leading[3]!, pieces: pieces.map((p) => ({ at: p.at - leading[1]!.length, start: p.start })) };
  }
  if (heredocs.length === 1 && leading) {
    // `RUN <<EOF` (or `RUN <<EOF bash`): the body is the script (BuildKit writes it to a file and runs it when
    // it starts with #!).
    const body = heredocs[0]!.getContentRange();
    if (!body) return undefined;
    const bodyLines = lines.slice(body.start.line, body.end.line + 1);
    if (bodyLines.length > 0) bodyLines[bodyLines.length - 1] = bodyLines[bodyLines.length - 1]!.slice(0, body.end.character);
    const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(bodyLines[0] ?? "");
    if (shebang) {
      const program = shebang[1]!.endsWith("/env") && shebang[2] ? shebang[2] : shebang[1]!;
      if (!SHELLS.has(program.slice(program.lastIndexOf("/") + 1))) return undefined;
    }
    return { text: bodyLines.join("\n"), pieces: bodyLines.map((_, i) => ({ at: offsetOfLine(bodyLines, i), start: { line: body.start.line + i, character: 0 } })) };
  }
  // Heredocs after a command: the lines that follow the command line, as the shell reads them.
  for (; line <= range.end.line; line++) {
    const raw = (lines[line] ?? "").slice(0, line === range.end.line ? range.end.character : undefined);
    text += "\n";
    pieces.push({ at: text.length, start: { line, character: 0 } });
    text += raw;
  }
  return { text, pieces };
}

// What may follow a leading heredoc for its body to be the script: nothing, or a shell with options only.
const LONE_SHELL = /^\s*$|^(\S*\/)?(sh|bash|dash|ash|zsh|ksh|mksh)(\s+-[a-zA-Z]+)*\s*$/;

function offsetOfLine(lines: string[], i: number): number {
  let at = 0;
  for (let k = 0; k < i; k++) at += lines[k]!.length + 1;
  return at;
}
