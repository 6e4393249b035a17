/**
 * What the inbox command tests share: the CLI run as a child process (through tsx, from the
 * source), and a fixture HTTP server on 127.0.0.1 started by the test itself (no other network).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "../../..");
const main = path.join(root, "plugin/cli/main.ts");

export interface CliResult {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The command line the CLI runs with (for tests that spawn it themselves). */
export function cliCommand(args: readonly string[]): [string, string[]] {
  return [process.execPath, ["--import", "tsx", main, ...args]];
}

/**
 * Runs the CLI with `args` in `cwd` (asynchronously: the fixture server answers from this
 * process meanwhile). `onSpawn` gets the child, for tests that kill it.
 */
export function runCli(
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string>; onSpawn?: (child: ChildProcess) => void; shell?: string } = {},
): Promise<CliResult> {
  const [command, commandArgs] = cliCommand(args);
  const env = { ...process.env, NO_COLOR: undefined, DIGEST_NOW: undefined, ...options.env };
  const child =
    options.shell !== undefined
      ? spawn("bash", ["-c", `${options.shell}; exec "$0" "$@"`, command, ...commandArgs], {
          cwd: options.cwd ?? root,
          env,
        })
      : spawn(command, commandArgs, { cwd: options.cwd ?? root, env });
  options.onSpawn?.(child);
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (status, signal) => resolve({ status, signal, stdout, stderr }));
  });
}

export type Handler = (request: IncomingMessage, response: ServerResponse) => void;

/** A server on 127.0.0.1 with a handler per path; anything else is a 404. */
export async function startServer(
  routes: Record<string, Handler>,
): Promise<{ url: (pathname: string) => string; close: () => Promise<void> }> {
  const server = createServer((request, response) => {
    const handler = routes[new URL(request.url ?? "/", "http://127.0.0.1").pathname];
    if (handler) handler(request, response);
    else {
      response.writeHead(404, { "content-type": "text/html" });
      response.end("<title>Not found</title>");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (pathname) => `http://127.0.0.1:${port}${pathname}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An HTML page from a handler. */
export function html(body: string, contentType = "text/html; charset=utf-8"): Handler {
  return (_request, response) => {
    response.writeHead(200, { "content-type": contentType });
    response.end(body);
  };
}

/** A fresh folder under .cache/ (inside the project, as the other CLI tests), removed by `dispose`. */
export function scratchFolder(prefix: string): { dir: string; dispose: () => void } {
  mkdirSync(path.join(root, ".cache"), { recursive: true });
  const dir = mkdtempSync(path.join(root, ".cache", prefix));
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
