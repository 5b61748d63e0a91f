import { beforeAll, describe, expect, it } from "vitest";
import { parseDockerfile } from "../../harness/src/inputs/dockerfile.js";
import { MAX_NESTING, NO_SHELL, ShellReader, programOf, type ShellCommand } from "../../harness/src/inputs/shell.js";
import { readBundledArtifacts } from "../../harness/src/node/bundled.js";

let reader: ShellReader;
beforeAll(async () => {
  reader = await ShellReader.load(readBundledArtifacts().shell);
});

const brief = (commands: ShellCommand[]) => commands.map((c) => [c.Program, ...c.Arguments].join(" "));

describe("ShellReader", () => {
  it("splits && and ; chains into simple commands, quotes removed and escapes resolved", () => {
    const { commands } = reader.read(`apt-get update && apt-get install -y "lib foo" 'bar' x\\ y; rm -rf /var/lib/apt/lists/*`);
    expect(commands.map((c) => c.Args)).toEqual([
      ["apt-get", "update"],
      ["apt-get", "install", "-y", "lib foo", "bar", "x y"],
      ["rm", "-rf", "/var/lib/apt/lists/*"],
    ]);
    expect(new Set(commands.map((c) => c.Pipeline)).size).toBe(3);
  });

  it("numbers pipelines and positions within them", () => {
    const { commands } = reader.read("curl -fsSL https://x | tee i.sh | sudo -E bash -s -- -y && echo done");
    expect(commands.map((c) => [c.Program, c.Pipeline, c.Position])).toEqual([
      ["curl", 0, 0],
      ["tee", 0, 1],
      ["bash", 0, 2],
      ["echo", 1, 0],
    ]);
  });

  it("sees the program past wrappers that run another: sudo, env, exec, nohup, timeout, gosu, busybox, xargs", () => {
    expect(programOf(["sudo", "-u", "app", "-E", "pip", "install", "x"])).toEqual({ program: "pip", rest: ["install", "x"] });
    expect(programOf(["env", "-i", "A=1", "/usr/bin/apt-get", "install"])).toEqual({ program: "apt-get", rest: ["install"] });
    expect(programOf(["exec", "nohup", "node", "s.js"]).program).toBe("node");
    expect(programOf(["timeout", "10", "curl", "x"]).program).toBe("curl");
    expect(programOf(["gosu", "app", "sshd", "-D"]).program).toBe("sshd");
    expect(programOf(["busybox", "wget", "x"]).program).toBe("wget");
    expect(programOf(["xargs", "-r", "-n", "1", "apt-mark", "auto"])).toEqual({ program: "apt-mark", rest: ["auto"] });
    expect(programOf([]).program).toBe("");
  });

  it("keeps assignments before a command apart from its words", () => {
    const [command] = reader.read("DEBIAN_FRONTEND=noninteractive PIP_NO_CACHE_DIR=1 pip install x").commands;
    expect(command).toMatchObject({ Env: ["DEBIAN_FRONTEND=noninteractive", "PIP_NO_CACHE_DIR=1"], Program: "pip" });
  });

  it("reads a shell's -c script, substitutions and a heredoc fed to a shell as commands within the outer one", () => {
    const { commands } = reader.read(`bash -o pipefail -c 'curl -s u | sh' ; sh -c "$(wget -qO- u)"; bash <(curl -s v)\nbash <<EOS\napk add gcc\nEOS`);
    expect(commands.map((c) => [c.Program, c.Within])).toEqual([
      ["bash", -1],
      ["curl", 0],
      ["sh", 0],
      ["sh", -1],
      ["wget", 3],
      ["bash", -1],
      ["curl", 5],
      ["bash", -1],
      ["apk", 7],
    ]);
  });

  it("gives redirections with their targets", () => {
    const [echo, cat] = reader.read(`echo "$KEY" > ~/.ssh/id_rsa 2>/dev/null && cat <<EOF >> "/root/.npmrc"\nx\nEOF`).commands;
    expect(echo!.Redirects).toEqual([
      { Op: ">", Target: "~/.ssh/id_rsa" },
      { Op: ">", Target: "/dev/null" },
    ]);
    expect(cat!.Redirects).toEqual([
      { Op: "<<", Target: "EOF" },
      { Op: ">>", Target: "/root/.npmrc" },
    ]);
  });

  it("reads commands inside compound commands: if, for, subshells, functions", () => {
    const text = "if [ -f x ]; then pip install a; else (cd b && make); fi; for p in a b; do apk add $p; done; f() { curl x; }";
    expect(brief(reader.read(text).commands)).toEqual(["pip install a", "cd b", "make", "apk add $p", "curl x"]);
  });

  it("reads an exec-form argument list as one command, and a shell's -c script within it", () => {
    const { commands } = reader.readArgv(["/bin/sh", "-ec", "apt-get install -y gcc && rm -rf /var/lib/apt/lists/*"]);
    expect(commands.map((c) => [c.Program, c.Within])).toEqual([
      ["sh", -1],
      ["apt-get", 0],
      ["rm", 0],
    ]);
    expect(brief(reader.readArgv(["tini", "--", "node", "s.js"]).commands)).toEqual(["tini -- node s.js"]);
  });

  it("says when it met text it could not read as shell, and reads what it can around it", () => {
    const reading = reader.read("apt-get install x && (( ; echo y");
    expect(reading.incomplete).toBe(true);
    expect(reading.commands[0]!.Program).toBe("apt-get");
  });

  it("reads a long script whole, and again (each syntax tree is freed after its reading)", () => {
    const script = Array.from({ length: 500 }, (_, i) => `echo ${i} && curl -s u${i} | sh`).join("\n");
    for (let i = 0; i < 2; i++) expect(reader.read(script).commands.filter((c) => c.Program === "sh" && c.Position === 1)).toHaveLength(500);
  });

  it("groups as bash does where tree-sitter-bash nests differently: | binds tighter than &&, redirections go to their command", () => {
    const three = reader.read("a | b | c && d").commands;
    expect(three.map((c) => [c.Program, c.Position])).toEqual([
      ["a", 0],
      ["b", 1],
      ["c", 2],
      ["d", 0],
    ]);
    expect(new Set(three.slice(0, 3).map((c) => c.Pipeline)).size).toBe(1);
    expect(three[3]!.Pipeline).not.toBe(three[0]!.Pipeline);
    const nested = reader.read("a | b 2>&1 | c; d").commands;
    expect(nested.map((c) => [c.Program, c.Position, c.Redirects.length])).toEqual([
      ["a", 0, 0],
      ["b", 1, 1],
      ["c", 2, 0],
      ["d", 0, 0],
    ]);
    expect(reader.read("a && b > f").commands.map((c) => c.Redirects.map((r) => r.Target))).toEqual([[], ["f"]]);
  });
});

describe("Dockerfile commands", () => {
  const parse = (text: string) => parseDockerfile(text, "Dockerfile", reader);
  const instructions = (text: string) => parse(text).documents[0]!.value as Array<{ Cmd: string; Commands?: ShellCommand[]; Value: string[] }>;

  it("reads RUN, CMD and ENTRYPOINT in both forms; exec-form strings keep their spaces", () => {
    const [, run, cmd, entrypoint] = instructions('FROM a:1\nRUN apk add --no-cache curl\nCMD ["sh", "-c", "exec node server.js --port 8080"]\nENTRYPOINT exec tini -- x\n');
    expect(run!.Commands!.map((c) => c.Args)).toEqual([["apk", "add", "--no-cache", "curl"]]);
    expect(cmd!.Value).toEqual(["sh", "-c", "exec node server.js --port 8080"]);
    expect(brief(cmd!.Commands!)).toEqual(["sh -c exec node server.js --port 8080", "node server.js --port 8080"]);
    expect(entrypoint!.Commands![0]!.Args[0]).toBe("exec");
  });

  it("takes brackets that are not a JSON array of strings as the shell form, as BuildKit does", () => {
    const [, cmd] = instructions("FROM a:1\nCMD [\"a\", 'b']\n");
    expect(cmd).toMatchObject({ JSON: false, Value: ["[\"a\", 'b']"] });
  });

  it("reads a lone heredoc's body as the script, and a heredoc after a command as the shell does", () => {
    const [, lone, after, python] = instructions(
      "FROM a:1\nRUN <<EOF\nset -e\ncurl -s u | sh\nEOF\nRUN cat <<EOF > /root/.ssh/id_rsa\nkey\nEOF\nRUN <<EOF\n#!/usr/bin/env python3\nprint(1)\nEOF\n",
    );
    expect(brief(lone!.Commands!)).toEqual(["set -e", "curl -s u", "sh"]);
    expect(after!.Commands!.map((c) => [c.Program, c.Redirects.map((r) => r.Target)])).toEqual([["cat", ["EOF", "/root/.ssh/id_rsa"]]]);
    expect(python!.Commands).toEqual([]);
    const [, shell, stdin] = instructions("FROM a:1\nRUN <<EOT bash -e\n  apt-get install -y gcc\nEOT\nRUN <<EOT python3 -\nimport os\nEOT\n");
    expect(brief(shell!.Commands!)).toEqual(["apt-get install -y gcc"]);
    expect(brief(stdin!.Commands!)).toEqual(["python3 -"]);
  });

  it("leaves shell-form commands unread where SHELL is not a POSIX shell, inherited through FROM <stage>", () => {
    const text = 'FROM a:1 AS win\nSHELL ["powershell", "-Command"]\nRUN Invoke-WebRequest x\nFROM win\nRUN iex x\nFROM a:1\nRUN echo posix\n';
    const runs = instructions(text).filter((i) => i.Cmd === "run");
    expect(runs.map((r) => r.Commands?.length)).toEqual([undefined, undefined, 1]);
  });

  it("locates each command at its line and column, across continuation lines and heredoc bodies", () => {
    const text = "FROM a:1\nRUN apt-get update && \\\n    # why\n    apt-get install -y gcc \\\n  && rm -rf /var/lib/apt/lists/*\nRUN <<EOF\n  curl -s u | sh\nEOF\n";
    const doc = parse(text).documents[0]!;
    expect([0, 1, 2].map((k) => doc.locate([1, "Commands", k]))).toEqual([
      { line: 2, column: 5 },
      { line: 4, column: 5 },
      { line: 5, column: 6 },
    ]);
    expect(doc.locate([2, "Commands", 1])).toEqual({ line: 7, column: 15 });
  });

  it("says when scripts nest too deep to read, and still judges what it read", () => {
    let script = "curl -s u | sh";
    for (let i = 0; i < MAX_NESTING + 1; i++) script = `sh -c ${JSON.stringify(script)}`;
    const { documents, errors } = parse(`FROM a:1\nRUN apk add gcc && ${script}\n`);
    expect(errors.map((e) => [e.code, e.line, e.message])).toEqual([
      ["INPUT_ERROR", 2, "the RUN nests scripts more than 16 levels deep; the deeper ones are not read"],
    ]);
    const [, run] = documents[0]!.value as Array<{ Commands: ShellCommand[] }>;
    expect(run!.Commands[0]!.Program).toBe("apk");
  });

  it("is an error, not a file judged without its commands, when no shell parser was given", () => {
    const { documents, errors } = parseDockerfile("FROM a:1\nUSER 1\nRUN make\n", "Dockerfile", NO_SHELL);
    expect(documents).toEqual([]);
    expect(errors.map((e) => [e.code, e.line, e.message])).toEqual([
      ["POLICY_ERROR", 3, "the Dockerfile's commands cannot be read: the checker was created without the shell parser (CheckerOptions.shell)"],
    ]);
  });
});
