// The pages' own socket client (components/feed/live-socket.ts) against the real socket.io server, driven by
// the page's subscription as a reader page drives it: it joins, gets live events and acks, disconnects when
// asked and rejoins from its seq, and keeps retrying a server it cannot reach.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import type { EntryDTO } from "@/common/contracts/dto";
import type { BlogEvent, JoinAck } from "@/common/contracts/events";
import { subscribeToBlog, type ConnectionState } from "../../components/feed/blog-subscription";
import { LiveSocket } from "../../components/feed/live-socket";
import { apiClient, startTestServer, waitFor, type TestServer } from "./harness";

let server: TestServer;
let editor: ReturnType<typeof apiClient>;

beforeAll(async () => {
  server = await startTestServer({ env: { WRITE_RATE_PER_MINUTE: "0" } });
  editor = apiClient(server.url, server.users.editor.token);
});

afterAll(async () => {
  await server?.dispose();
});

// Node 20 has no WebSocket global; `ws` has the same interface.
const socketTo = (base: string) =>
  new LiveSocket({ base, WebSocket: WebSocket as unknown as typeof globalThis.WebSocket });

async function publish(slug: string, body: string): Promise<EntryDTO> {
  const answer = await editor<{ entry: EntryDTO }>("POST", `/api/blogs/${slug}/entries`, { body });
  expect(answer.status).toBe(201);
  return answer.body.entry;
}

describe("the pages' socket client", () => {
  it("joins, gets live events, leaves when told and rejoins from its seq with what it missed", async () => {
    const slug = "live-socket";
    expect((await editor("POST", "/api/blogs", { slug, title: "Socket" })).status).toBe(201);
    const socket = socketTo(server.url);
    const events: BlogEvent[] = [];
    const joins: JoinAck[] = [];
    const states: ConnectionState[] = [];
    const disconnects: string[] = [];
    socket.on("disconnect", (reason) => disconnects.push(reason));
    let readers: number | null = null;
    const subscription = subscribeToBlog({
      slug,
      seq: 0,
      socket,
      onEvent: (event) => events.push(event),
      onJoin: (ack) => joins.push(ack),
      onState: (state) => states.push(state),
      onReaders: (count) => (readers = count),
    });
    try {
      await waitFor(() => states.at(-1) === "live", "the join");
      expect(joins[0]).toMatchObject({ seq: 0, readers: 1 });
      expect(readers).toBe(1);
      expect(socket.connected).toBe(true);

      const first = await publish(slug, "<p>One</p>");
      await waitFor(() => events.length === 1, "the live event");
      expect(events[0]).toMatchObject({ type: "entry:published", payload: { seq: 1, entry: { id: first.id } } });

      // Offline: the client closes, says why, and does not come back by itself.
      subscription.offline();
      expect(socket.connected).toBe(false);
      expect(disconnects).toEqual(["io client disconnect"]);
      const second = await publish(slug, "<p>Two, while away</p>");
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(events).toHaveLength(1);

      // Back: the rejoin asks from seq 1 and its answer carries what was missed.
      subscription.online();
      await waitFor(() => joins.length === 2 && events.length === 2, "the rejoin's replay");
      expect(events[1]).toMatchObject({ type: "entry:published", payload: { seq: 2, entry: { id: second.id } } });
      expect(subscription.seq).toBe(2);
    } finally {
      subscription.close();
    }
  });

  it("keeps trying a server it cannot reach, with a growing delay, and stops when closed", async () => {
    const errors: number[] = [];
    const socket = socketTo("http://127.0.0.1:9"); // the discard port: nothing listens
    socket.on("connect_error", () => errors.push(Date.now()));
    socket.connect();
    try {
      await waitFor(() => errors.length >= 3, "three failed attempts", 15_000);
      // 1 s, then 2 s, ±50 %: the second wait is at least as long as half of 2 s.
      expect(errors[2]! - errors[1]!).toBeGreaterThanOrEqual(900);
    } finally {
      socket.disconnect();
    }
    const after = errors.length;
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(errors.length).toBe(after);
  });
});
