import { COMMANDS, renderOptions } from "./options.js";

type Command = keyof typeof COMMANDS;

/** `shipshape help`: every command, then each command's options, all from the option tables. */
export const USAGE = `Usage: shipshape <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(10)}${c.summary}`)
  .join("\n")}
  version   print the version

${Object.values(COMMANDS)
  .map((c) => `shipshape ${c.usage}\n${renderOptions(c.options)}`)
  .join("\n\n")}

Exit codes: 0 no failing finding, 1 failing findings, 2 usage error or unreadable input.
Run \`shipshape COMMAND --help\` for one command's options.
`;

/** `shipshape COMMAND --help`. */
export function commandHelp(command: Command): string {
  const c = COMMANDS[command];
  return `Usage: shipshape ${c.usage}\n\n${c.summary}\n\nOptions:\n${renderOptions(c.options)}\n`;
}
