import { execFileSync } from "node:child_process";

/*
 * A TCP port free on this machine now, found synchronously (a test's configuration is set before any
 * module reads it, in vi.hoisted). The operating system picks it, so it never collides with another
 * test file, another run, or the thousands of client sockets a benchmark may hold open.
 */
export function freePortSync(): number {
  const script =
    "const s = require('node:net').createServer().listen(0, '127.0.0.1', () => { process.stdout.write(String(s.address().port)); s.close(); });";
  return Number(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }));
}

/** Points the portal's mail (SMTP_URL) at a free local port and returns it, for a sink to listen on. */
export function mailToFreePort(): number {
  const port = freePortSync();
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  return port;
}
