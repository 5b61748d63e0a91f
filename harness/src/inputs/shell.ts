import { Language, Parser, type Node } from "web-tree-sitter";
import { PolicyError } from "../errors.js";

/**
 * One simple command as a POSIX shell runs it, read from a syntax tree (tree-sitter-bash), never from a
 * regular expression over the text: `&&` chains, pipelines, quotes, continuations, heredocs and command
 * substitutions are the shell's. The policy reads these (a Dockerfile instruction's `Commands`).
 */
export interface ShellCommand {
  /** The words as the shell passes them: quotes removed, escapes resolved; an expansion stays as written. */
  Args: string[];
  /** `NAME=value` assignments written before the command. */
  Env: string[];
  /** The program that runs, after wrappers that run another (sudo, env, exec, nohup, ...): a base name. */
  Program: string;
  /** The arguments the program gets. */
  Arguments: string[];
  /** Commands in one pipeline share a number; a command outside any pipeline has one of its own. */
  Pipeline: number;
  /** Where the command stands in its pipeline, from 0. */
  Position: number;
  /**
   * The index of the command whose script or substitution holds this one (`sh -c '...'`, `$(...)`,
   * `<(...)`, a heredoc fed to a shell); -1 at the top level.
   */
  Within: number;
  /** Redirections: the operator (`>`, `>>`, `<`, `<<`, ...) and its target as written, quotes removed. */
  Redirects: Array<{ Op: string; Target: string }>;
}

/** The commands of a script and where each starts in it (UTF-16 offsets into the text given). */
export interface ShellReading {
  commands: ShellCommand[];
  offsets: number[];
  /** Whether the parser met text it could not read as shell (it then reads what it can around it). */
  incomplete: boolean;
  /** Whether scripts nested deeper than MAX_NESTING were left unread. */
  tooDeep: boolean;
  /** Pipeline numbers handed out so far. */
  pipelines: number;
}

/** The WebAssembly the reader runs on: web-tree-sitter's runtime and the tree-sitter-bash grammar. */
export interface ShellSource {
  runtime: Uint8Array;
  grammar: Uint8Array;
}

/** Shells that read a script: from `-c`, a file argument, or standard input. */
export const SHELLS = new Set(["sh", "bash", "dash", "ash", "zsh", "ksh", "mksh"]);

// Programs that run the command after their own options, and those options that take a value.
const WRAPPERS: Record<string, { valued: Set<string>; positionals: number }> = {
  sudo: { valued: new Set(["-u", "-g", "-h", "-p", "-C", "-D", "-r", "-t", "-U", "-T", "--user", "--group", "--host", "--prompt", "--chdir"]), positionals: 0 },
  env: { valued: new Set(["-u", "-C", "-S", "--unset", "--chdir", "--split-string"]), positionals: 0 },
  exec: { valued: new Set(["-a"]), positionals: 0 },
  nohup: { valued: new Set(), positionals: 0 },
  time: { valued: new Set(["-f", "-o", "--format", "--output"]), positionals: 0 },
  command: { valued: new Set(), positionals: 0 },
  nice: { valued: new Set(["-n", "--adjustment"]), positionals: 0 },
  stdbuf: { valued: new Set(["-i", "-o", "-e"]), positionals: 0 },
  timeout: { valued: new Set(["-s", "-k", "--signal", "--kill-after"]), positionals: 1 },
  gosu: { valued: new Set(), positionals: 1 },
  "su-exec": { valued: new Set(), positionals: 1 },
  setpriv: { valued: new Set(["--reuid", "--regid", "--groups"]), positionals: 0 },
  // `... | xargs apt-mark auto`: the command runs with arguments read from standard input.
  xargs: { valued: new Set(["-a", "-d", "-E", "-I", "-L", "-n", "-P", "-s", "--arg-file", "--delimiter", "--eof", "--replace"]), positionals: 0 },
};

/** The deepest scripts may nest within scripts (`sh -c`, a heredoc fed to a shell) before the rest is not read. */
export const MAX_NESTING = 16;

let runtime: Promise<void> | undefined;

/** What reads commands for the Dockerfile reader: a ShellReader, or NO_SHELL where none was given. */
export interface CommandReader {
  read(script: string): ShellReading;
  readArgv(argv: string[]): ShellReading;
}

/** Stands in for a reader a checker was not given: reading fails loudly rather than judging without commands. */
export const NO_SHELL: CommandReader = {
  read: missing,
  readArgv: missing,
};

function missing(): never {
  throw new PolicyError("the Dockerfile's commands cannot be read: the checker was created without the shell parser (CheckerOptions.shell)");
}

/**
 * Reads shell scripts into simple commands. Loading is asynchronous (WebAssembly); reading is synchronous, so
 * a Checker loads one when it is created and checks files synchronously after that.
 */
export class ShellReader implements CommandReader {
  private constructor(private readonly parser: Parser) {}

  static async load(source: ShellSource): Promise<ShellReader> {
    try {
      // The runtime is one module per process (web-tree-sitter keeps it in a module variable).
      runtime ??= Parser.init({ wasmBinary: source.runtime });
      await runtime;
      const parser = new Parser();
      parser.setLanguage(await Language.load(source.grammar));
      return new ShellReader(parser);
    } catch (cause) {
      runtime = undefined;
      throw new PolicyError(`cannot load the shell parser: ${(cause as Error).message}`, {}, { cause });
    }
  }

  /** The commands of `script`, in the order they appear. */
  read(script: string): ShellReading {
    const reading: ShellReading = { commands: [], offsets: [], incomplete: false, tooDeep: false, pipelines: 0 };
    this.readInto(script, 0, -1, reading, 0);
    return reading;
  }

  /**
   * An exec-form argument list (`["sh", "-c", "..."]`): one command, and when it is a shell given a script
   * with `-c`, the script's commands within it. `offset` is where the list starts in the caller's text.
   */
  readArgv(argv: string[], offset = 0): ShellReading {
    const reading: ShellReading = { commands: [], offsets: [], incomplete: false, tooDeep: false, pipelines: 0 };
    const index = push(reading, argv, [], [], { pipeline: -1, position: 0, within: -1 }, offset);
    const script = dashCScript(reading.commands[index]!);
    if (script !== undefined) this.readInto(script, offset, index, reading, 1);
    return reading;
  }

  private readInto(script: string, base: number, within: number, reading: ShellReading, depth: number): void {
    if (depth > MAX_NESTING) {
      reading.incomplete = true;
      reading.tooDeep = true;
      return;
    }
    const tree = this.parser.parse(script);
    if (!tree) {
      reading.incomplete = true;
      return;
    }
    try {
      if (tree.rootNode.hasError) reading.incomplete = true;
      new Walker(this, reading, base, depth).walk(tree.rootNode, { pipeline: -1, position: 0, within });
    } finally {
      tree.delete(); // the tree lives in WebAssembly memory, not the JavaScript heap
    }
  }

  /** @internal A nested script (`sh -c '...'`, a heredoc fed to a shell), read into the same list. */
  nested(script: string, base: number, within: number, reading: ShellReading, depth: number): void {
    this.readInto(script, base, within, reading, depth + 1);
  }
}

interface Context {
  /** The pipeline the commands under this node belong to; -1 when none (each command gets its own). */
  pipeline: number;
  position: number;
  within: number;
}

function push(reading: ShellReading, args: string[], env: string[], redirects: ShellCommand["Redirects"], context: Context, offset: number): number {
  const { program, rest } = programOf(args);
  const pipeline = context.pipeline >= 0 ? context.pipeline : nextPipeline(reading);
  reading.commands.push({
    Args: args,
    Env: env,
    Program: program,
    Arguments: rest,
    Pipeline: pipeline,
    Position: context.position,
    Within: context.within,
    Redirects: redirects,
  });
  reading.offsets.push(offset);
  return reading.commands.length - 1;
}

// Pipeline numbers are unique within one reading.
function nextPipeline(reading: ShellReading): number {
  reading.pipelines += 1;
  return reading.pipelines - 1;
}

/**
 * Walks tree-sitter-bash's tree, undoing where it groups differently from bash: it may nest pipelines
 * (`a | b 2>&1 | c`), take `a | b | c && d` as a pipeline ending in a list, and attach a redirection written
 * after the last command of a list or pipeline (`a && b > f`) to the whole. Bash binds `|` tighter than `&&`,
 * `||` and `;`, and a redirection to the simple command it follows; so does this reading.
 */
class Walker {
  /** Redirections tree-sitter attached to a list or pipeline, by the simple command bash gives them to. */
  private readonly moved = new Map<string, Node[]>();

  constructor(
    private readonly reader: ShellReader,
    private readonly reading: ShellReading,
    private readonly base: number,
    private readonly depth: number,
  ) {}

  walk(node: Node, context: Context): void {
    switch (node.type) {
      case "pipeline": {
        const id = nextPipeline(this.reading);
        const { elements, after } = this.pipelineParts(node);
        elements.forEach((element, position) => this.walk(element, { pipeline: id, position, within: context.within }));
        for (const operand of after) this.walk(operand, { pipeline: -1, position: 0, within: context.within });
        return;
      }
      case "command":
        this.command(node, [], context);
        return;
      case "redirected_statement": {
        const body = node.childForFieldName("body");
        const redirects = node.childrenForFieldName("redirect").filter((r): r is Node => r !== null);
        if (body?.type === "command") {
          this.command(body, redirects, context);
        } else if (body && (body.type === "list" || body.type === "pipeline")) {
          this.moveRedirects(body, redirects);
          this.walk(body, context);
        } else {
          if (body) this.walk(body, context);
          for (const redirect of redirects) this.substitutions(redirect, context.within);
        }
        return;
      }
      case "declaration_command":
      case "unset_command": {
        const words = node.children.filter((c): c is Node => c !== null).map((c) => wordText(c));
        const index = push(this.reading, words, [], [], context, this.base + node.startIndex);
        for (const child of node.namedChildren) if (child) this.substitutions(child, index);
        return;
      }
      case "command_substitution":
      case "process_substitution":
        for (const child of node.namedChildren) if (child) this.walk(child, { pipeline: -1, position: 0, within: context.within });
        return;
      default:
        for (const child of node.namedChildren) if (child) this.walk(child, context);
    }
  }

  /** A pipeline's elements as bash groups them, and the list operands tree-sitter folded into its last one. */
  private pipelineParts(node: Node): { elements: Node[]; after: Node[] } {
    const elements: Node[] = [];
    const after: Node[] = [];
    const expand = (element: Node, last: boolean): void => {
      if (element.type === "redirected_statement") {
        const body = element.childForFieldName("body");
        if (body?.type === "pipeline") {
          this.moveRedirects(body, element.childrenForFieldName("redirect").filter((r): r is Node => r !== null));
          expand(body, last);
          return;
        }
      }
      if (element.type === "pipeline") {
        const children = element.namedChildren.filter((c): c is Node => c !== null);
        children.forEach((child, k) => expand(child, last && k === children.length - 1));
      } else if (element.type === "list" && last) {
        const [head, ...rest] = listOperands(element);
        if (head) expand(head, true);
        after.push(...rest);
      } else {
        elements.push(element);
      }
    };
    const children = node.namedChildren.filter((c): c is Node => c !== null);
    children.forEach((child, k) => expand(child, k === children.length - 1));
    return { elements, after };
  }

  /** Gives redirections written after a list or pipeline to its last simple command, as bash does. */
  private moveRedirects(body: Node, redirects: Node[]): void {
    let last: Node | null = body;
    while (last && (last.type === "list" || last.type === "pipeline" || last.type === "redirected_statement")) {
      last = last.type === "redirected_statement" ? last.childForFieldName("body") : last.namedChildren[last.namedChildren.length - 1] ?? null;
    }
    if (last?.type === "command") this.moved.set(key(last), [...(this.moved.get(key(last)) ?? []), ...redirects]);
  }

  /** A simple command: its words, the assignments before it, its redirections; then what runs within it. */
  private command(node: Node, outer: Node[], context: Context): void {
    const env: string[] = [];
    const args: string[] = [];
    const redirectNodes: Node[] = [...outer, ...(this.moved.get(key(node)) ?? [])];
    for (let i = 0; i < node.childCount; i++) {
      const child = node.child(i);
      if (!child) continue;
      const field = node.fieldNameForChild(i);
      if (child.type === "variable_assignment") env.push(wordText(child));
      else if (field === "name" || field === "argument") args.push(wordText(child));
      else if (field === "redirect" || child.type.endsWith("_redirect")) redirectNodes.push(child);
    }
    const redirects = redirectNodes.flatMap((r) => redirectsOf(r));
    const index = push(this.reading, args, env, redirects, context, this.base + node.startIndex);
    const pushed = this.reading.commands[index]!;
    // What runs within: substitutions in the words and redirections, a `-c` script, a heredoc fed to a shell.
    for (let i = 0; i < node.childCount; i++) {
      const child = node.child(i);
      if (child) this.substitutions(child, index);
    }
    for (const redirect of redirectNodes) this.substitutions(redirect, index);
    const script = dashCScript(pushed);
    if (script !== undefined) {
      const argument = scriptArgumentNode(node, pushed);
      if (argument && !hasSubstitution(argument)) {
        // The script's text starts after the opening quote (if any) of its argument.
        const start = argument.startIndex + (argument.type === "raw_string" || argument.type === "string" ? 1 : 0);
        this.reader.nested(script, this.base + start, index, this.reading, this.depth);
      }
    } else if (readsScriptFromStdin(pushed)) {
      for (const redirect of redirectNodes) {
        const body = heredocBody(redirect);
        if (body) this.reader.nested(body.text, this.base + body.startIndex, index, this.reading, this.depth);
      }
    }
  }

  /** Commands inside substitutions anywhere under `node`, each within the command `within`. */
  private substitutions(node: Node, within: number): void {
    if (node.type === "command_substitution" || node.type === "process_substitution") {
      this.walk(node, { pipeline: -1, position: 0, within });
      return;
    }
    for (const child of node.namedChildren) if (child) this.substitutions(child, within);
  }
}

const key = (node: Node) => `${node.startIndex}:${node.endIndex}`;

/** A list's operands in order (`a && b || c` is a list of a list: its operands are a, b and c). */
function listOperands(node: Node): Node[] {
  return node.namedChildren.filter((c): c is Node => c !== null).flatMap((c) => (c.type === "list" ? listOperands(c) : [c]));
}

/** The redirections a redirect node holds (a heredoc's redirect may carry a file redirect, `<<EOF > file`). */
function redirectsOf(node: Node): ShellCommand["Redirects"] {
  if (node.type === "heredoc_redirect") {
    const start = node.children.find((c) => c?.type === "heredoc_start");
    const nested = node.childrenForFieldName("redirect").filter((r): r is Node => r !== null);
    return [{ Op: "<<", Target: start ? unquote(start.text) : "" }, ...nested.flatMap(redirectsOf)];
  }
  if (node.type === "herestring_redirect") {
    const value = node.namedChildren.find((c) => c !== null);
    return [{ Op: "<<<", Target: value ? wordText(value) : "" }];
  }
  if (node.type === "file_redirect") {
    const op = node.children.find((c) => c !== null && !c.isNamed)?.type ?? ">";
    const destination = node.childrenForFieldName("destination").filter((d): d is Node => d !== null);
    return [{ Op: op, Target: destination.map((d) => wordText(d)).join(" ") }];
  }
  return [];
}

function heredocBody(node: Node): Node | undefined {
  if (node.type !== "heredoc_redirect") return undefined;
  return node.children.find((c): c is Node => c?.type === "heredoc_body") ?? undefined;
}

function hasSubstitution(node: Node): boolean {
  if (node.type === "command_substitution" || node.type === "process_substitution") return true;
  return node.namedChildren.some((c) => c !== null && hasSubstitution(c));
}

/** A word as the shell passes it to the program: quotes removed and escapes resolved; expansions as written. */
export function wordText(node: Node): string {
  switch (node.type) {
    case "word":
    case "command_name":
      if (node.type === "command_name" && node.namedChildren[0]) return wordText(node.namedChildren[0]);
      return node.text.replace(/\\(.)/gs, "$1");
    case "raw_string":
      return node.text.slice(1, -1);
    case "string":
      return node.text.slice(1, -1).replace(/\\([$`"\\])/g, "$1");
    case "ansi_c_string":
      return node.text.slice(2, -1);
    case "translated_string":
      return node.text.slice(2, -1);
    case "concatenation":
      return node.children.map((c) => (c ? wordText(c) : "")).join("");
    default:
      return node.text;
  }
}

function unquote(text: string): string {
  return text.replace(/^(['"])(.*)\1$/s, "$2").replace(/\\(.)/gs, "$1");
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

/** The program a command line runs, past wrappers that run another command, and the arguments it gets. */
export function programOf(args: string[]): { program: string; rest: string[] } {
  let i = 0;
  for (let wrapped = 0; wrapped < 8 && i < args.length; wrapped++) {
    const name = basename(args[i]!);
    const wrapper = WRAPPERS[name];
    if (name === "busybox" && i + 1 < args.length) {
      i += 1; // `busybox sh`: the applet is the program
      break;
    }
    if (!wrapper) break;
    i += 1;
    while (i < args.length) {
      const word = args[i]!;
      if (word === "--") {
        i += 1;
        break;
      }
      if (word.startsWith("-") && word.length > 1) i += wrapper.valued.has(word) ? 2 : 1;
      else if (name === "env" && /^[A-Za-z_][A-Za-z0-9_]*=/.test(word)) i += 1;
      else break;
    }
    i += wrapper.positionals;
  }
  const program = args[i] === undefined ? "" : basename(args[i]!);
  return { program, rest: args.slice(i + 1) };
}

/** The script a shell is given with `-c` (its first operand after the option), or undefined. */
export function dashCScript(command: ShellCommand): string | undefined {
  if (!SHELLS.has(command.Program)) return undefined;
  const at = scriptIndex(command.Arguments);
  return at === undefined ? undefined : command.Arguments[at];
}

function scriptIndex(args: string[]): number | undefined {
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    if (word === "--") return undefined;
    if (/^-[a-zA-Z]*c[a-zA-Z]*$/.test(word)) {
      // The first operand after the options is the script (`bash -o pipefail -c '...'`, `sh -ec '...'`).
      for (let j = i + 1; j < args.length; j++) {
        if (args[j] === "-o" || args[j] === "+o") {
          j += 1;
          continue;
        }
        if (!/^[-+]/.test(args[j]!)) return j;
      }
      return undefined;
    }
    if (word === "-o" || word === "+o") i += 1;
    else if (!/^[-+]/.test(word)) return undefined;
  }
  return undefined;
}

function scriptArgumentNode(node: Node, command: ShellCommand): Node | undefined {
  const at = scriptIndex(command.Arguments);
  if (at === undefined) return undefined;
  const offset = command.Args.length - command.Arguments.length; // words before the shell's arguments
  return node.childrenForFieldName("argument").filter((a): a is Node => a !== null)[at + offset - 1];
}

/** Whether a shell reads its script from standard input: no `-c` and no script file operand (or `-s`, `-`). */
export function readsScriptFromStdin(command: ShellCommand): boolean {
  if (!SHELLS.has(command.Program)) return false;
  const args = command.Arguments;
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    if (word === "-" || word === "/dev/stdin") return true;
    if (word === "--") return i + 1 >= args.length || args[i + 1] === "-";
    if (/^-[a-zA-Z]*s[a-zA-Z]*$/.test(word)) return true;
    if (/^-[a-zA-Z]*c[a-zA-Z]*$/.test(word)) return false;
    if (word === "-o" || word === "+o") i += 1;
    else if (!/^[-+]/.test(word)) return false;
  }
  return true;
}
