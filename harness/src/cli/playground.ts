import type { AddressInfo } from "node:net";
import { playgroundDir, staticSite } from "../node/static-site.js";
import { UsageError } from "../errors.js";
import { parseCommandArgs } from "./args.js";
import type { CliIO } from "./io.js";
import { PLAYGROUND_OPTIONS } from "./options.js";
import { commandHelp } from "./usage.js";

/**
 * `shipshape playground [--port N]`: serves the playground (dist/playground, a static site) on this machine
 * until SIGINT or SIGTERM. The checking happens in the browser; the server only hands out files.
 */
export async function playground(args: string[], io: CliIO, signals: NodeJS.EventEmitter = process): Promise<number> {
  const { values } = parseCommandArgs(args, PLAYGROUND_OPTIONS);
  if (values.help) {
    io.stdout.write(commandHelp("playground"));
    return 0;
  }
  const port = values.port === undefined ? 8080 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError("--port must be a port number (0 picks a free one)");
  const host = typeof values.host === "string" ? values.host : "127.0.0.1";
  const server = staticSite(playgroundDir());
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(new UsageError(`cannot listen on ${host}:${port}: ${error.code ?? error.message}`)),
    );
    server.listen(port, host, resolve);
  });
  const address = server.address() as AddressInfo;
  const shown = address.family === "IPv6" ? `[${address.address}]` : address.address;
  io.stdout.write(`shipshape playground: http://${shown}:${address.port}/ (Ctrl-C stops it)\n`);
  return new Promise((done) => {
    const stop = () => {
      server.closeAllConnections();
      server.close(() => done(0));
    };
    signals.once("SIGINT", stop);
    signals.once("SIGTERM", stop);
  });
}
