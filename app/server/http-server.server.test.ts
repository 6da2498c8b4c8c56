import { connect } from "node:net";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { createContext, type ServerBuild } from "react-router";
import { afterEach, describe, expect, it } from "vitest";
import { createPortalServer } from "./http-server.server";

/*
 * The HTTP server with a tiny stand-in for the React Router build: a resource route at /echo that
 * reads the whole body, as every action does.
 */
function fakeBuild(): ServerBuild {
  const routeModule = {
    loader: () => Response.json({ ok: true }),
    action: async ({ request }: { request: Request }) => new Response(`read ${(await request.text()).length}`),
  };
  return {
    entry: {
      module: {
        default: () => new Response("page"),
        clientAddressContext: createContext<string>(""),
      },
    },
    routes: {
      root: { id: "root", path: "", module: {} },
      echo: { id: "echo", parentId: "root", path: "echo", module: routeModule },
    },
    assets: { entry: { module: "/e.js", imports: [] }, routes: {}, url: "/m.js", version: "1" },
    publicPath: "/",
    assetsBuildDirectory: "/nonexistent",
    future: {},
    ssr: true,
    isSpaMode: false,
    prerender: [],
    routeDiscovery: { mode: "initial", manifestPath: "/__manifest" },
  } as unknown as ServerBuild;
}

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function start(options: { headersTimeoutMs?: number; requestTimeoutMs?: number } = {}) {
  server = createPortalServer({ buildDir: "/nonexistent", build: fakeBuild(), mode: "production", ...options });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

/** Writes raw bytes and waits for the server to answer and close, or for `giveUpMs`. */
function raw(port: number, bytes: string, giveUpMs: number) {
  return new Promise<{ answer: string; closedAfterMs: number | null }>((resolve) => {
    const started = Date.now();
    const socket = connect(port, "127.0.0.1", () => socket.write(bytes));
    let answer = "";
    socket.on("data", (chunk) => (answer += chunk.toString("latin1")));
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ answer, closedAfterMs: null });
    }, giveUpMs);
    socket.on("close", () => {
      clearTimeout(timer);
      resolve({ answer, closedAfterMs: Date.now() - started });
    });
    socket.on("error", () => undefined);
  });
}

describe("createPortalServer", () => {
  it("answers a body shorter than its Content-Length within the request timeout", async () => {
    const port = await start({ headersTimeoutMs: 300, requestTimeoutMs: 600 });
    const { answer, closedAfterMs } = await raw(
      port,
      "POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: 100000\r\n\r\nshort",
      5_000,
    );
    expect(closedAfterMs, "the connection was still open after 5 s").not.toBeNull();
    expect(closedAfterMs!).toBeLessThan(3_000);
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
  });

  it("cuts off a client that never finishes its headers", async () => {
    const port = await start({ headersTimeoutMs: 300, requestTimeoutMs: 600 });
    const { closedAfterMs } = await raw(port, "GET /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ", 5_000);
    expect(closedAfterMs).not.toBeNull();
    expect(closedAfterMs!).toBeLessThan(3_000);
  });

  it("uses 10 s for headers and 60 s for a whole request by default", async () => {
    await start();
    expect(server!.headersTimeout).toBe(10_000);
    expect(server!.requestTimeout).toBe(60_000);
  });

  it("puts the static security headers on every answer, plain-text errors included", async () => {
    const port = await start();
    const base = `http://127.0.0.1:${port}`;
    const answers = [
      await fetch(`${base}/echo`),
      await fetch(`${base}/echo`, { method: "POST", body: "x", headers: { Origin: "https://evil.example" } }),
      await fetch(`${base}/echo`, {
        method: "POST",
        body: "x",
        headers: { "Content-Length": String(65 * 1024 * 1024) },
      }).catch(() => null),
    ];
    for (const response of answers.filter((r) => r !== null)) {
      expect(response.headers.get("x-content-type-options"), `${response.status}`).toBe("nosniff");
      expect(response.headers.get("x-frame-options")).toBe("DENY");
      expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    }
    expect(answers[0]!.status).toBe(200);
    expect(answers[1]!.status).toBe(403);
  });
});
