// Slow clients against the real process, its timeouts set short: headers that trickle in and a write
// whose body never comes are cut off with 408 instead of holding a connection (and a credential) for
// Node's default minutes, and the cut-off write is logged as a client abort, not as an outage.
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, waitFor, type TestServer } from "./harness";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({
    env: { HTTP_HEADERS_TIMEOUT_SECONDS: "1", HTTP_REQUEST_TIMEOUT_SECONDS: "2", WRITE_RATE_PER_MINUTE: "0" },
  });
});

afterAll(async () => {
  await server?.dispose();
});

/** Writes `start` on a raw connection, then `drip` every 200 ms, until the server closes it: what it answered, and after how long. */
async function sendUntilClosed(start: string, drip?: string): Promise<{ answer: string; seconds: number }> {
  const { hostname, port } = new URL(server.url);
  const socket = connect(Number(port), hostname);
  socket.on("error", () => undefined); // a reset after the answer is what we are waiting for
  socket.setEncoding("utf8");
  let answer = "";
  socket.on("data", (chunk: string) => (answer += chunk));
  const began = Date.now();
  socket.write(start);
  const dripping = drip ? setInterval(() => socket.writable && socket.write(drip), 200) : undefined;
  await new Promise((resolve) => socket.once("close", resolve));
  clearInterval(dripping);
  return { answer, seconds: (Date.now() - began) / 1000 };
}

describe("slow requests", () => {
  it("headers that trickle in (slowloris) are cut off with 408 after HTTP_HEADERS_TIMEOUT_SECONDS", async () => {
    const { answer, seconds } = await sendUntilClosed(
      "GET /api/blogs HTTP/1.1\r\nHost: 127.0.0.1\r\n",
      "X-Still-Coming: 1\r\n",
    );
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(seconds).toBeGreaterThanOrEqual(1);
    // Node's default would have let it go on for a minute.
    expect(seconds).toBeLessThan(10);
  });

  it("a write whose body never comes is cut off with 408 after HTTP_REQUEST_TIMEOUT_SECONDS, logged as a client abort", async () => {
    const before = server.output().length;
    const head = [
      "POST /api/blogs HTTP/1.1",
      "Host: 127.0.0.1",
      `Authorization: Bearer ${server.users.editor.token}`,
      "Content-Type: application/json",
      "Content-Length: 100",
    ].join("\r\n");
    const { answer, seconds } = await sendUntilClosed(`${head}\r\n\r\n{"slug":"never-",`);
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(seconds).toBeGreaterThanOrEqual(2);
    expect(seconds).toBeLessThan(10);
    const log = await waitFor(
      () => /client aborted/.test(server.output().slice(before)) && server.output().slice(before),
      "the cut-off write to be logged",
    );
    expect(log).toMatch(/POST \/api\/blogs: client aborted/);
    expect(log).not.toMatch(/database unavailable/);
    expect(await server.db.prisma.blog.count()).toBe(0);
  });
});
