// A free TCP port on 127.0.0.1 for a service twinrun starts: bind port 0, read the port the
// system chose, close. (Another process could take it in between; on a developer machine or a CI
// runner that is rare, and the health check then fails with a clear message.)
import net from "node:net";

/** Why: old and new services started side by side each need their own port, known before they start. */
export function pickFreePort(): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once("error", reject);
    server.listen({ host: "127.0.0.1", port: 0 }, () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Why: without a start command, a service that is not there is exit 3 before any input is sent. */
export function canConnect(url: URL, timeoutMs: number): Promise<{ ok: true } | { ok: false; code: string }> {
  const port = Number(url.port || (url.protocol === "https:" ? 443 : 80));
  const host = url.hostname.replace(/^\[|\]$/g, "");
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (result: { ok: true } | { ok: false; code: string }) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () => done({ ok: false, code: "ETIMEDOUT" }));
    socket.once("connect", () => done({ ok: true }));
    socket.once("error", (error: NodeJS.ErrnoException) => done({ ok: false, code: error.code ?? "ERROR" }));
  });
}
