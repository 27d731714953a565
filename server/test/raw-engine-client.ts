// engine.io/socket.io clients by hand, for attacks a well-behaved client library will not make: a
// WebSocket that stops reading but keeps sending, a long-polling client that stops polling, a connection
// that never opens the namespace. Packets are written in the wire format (engine.io v4: "4" message, then
// socket.io's "2" event / "3" ack, an ack id, and the JSON array).
import WebSocket from "ws";
import { waitFor } from "./harness";

/** A raw socket.io packet for an event with an ack id: `42<id>["event",data]`. */
export const eventPacket = (id: number, event: string, data: unknown) => `42${id}${JSON.stringify([event, data])}`;

export interface RawWebSocket {
  ws: WebSocket;
  /** Text frames received so far. */
  frames: string[];
  /** Opens the main namespace (the "40" handshake a socket.io client sends) and waits for its answer. */
  openNamespace(): Promise<void>;
  /** Stops reading from the TCP socket: what the server writes piles up on its side. Sending still works. */
  stopReading(): void;
  close(): void;
}

/** An engine.io WebSocket connection, open (its "0" handshake received) but no namespace joined yet. */
export async function rawWebSocket(base: string, headers: Record<string, string> = {}): Promise<RawWebSocket> {
  const ws = new WebSocket(`${base.replace(/^http/, "ws")}/socket.io/?EIO=4&transport=websocket`, { headers });
  const frames: string[] = [];
  ws.on("message", (data: Buffer) => {
    const text = data.toString();
    frames.push(text);
    // Answer the server's pings, as a client must, so only what we mean to test ends the connection.
    if (text === "2") ws.send("3");
  });
  await new Promise<void>((resolve, reject) => {
    ws.once("error", reject);
    ws.once("unexpected-response", (_request, response) =>
      reject(new Error(`handshake answered ${response.statusCode}`)),
    );
    ws.once("message", (data: Buffer) =>
      data.toString().startsWith("0") ? resolve() : reject(new Error(`unexpected first frame ${data.toString()}`)),
    );
  });
  return {
    ws,
    frames,
    async openNamespace() {
      const seen = frames.length;
      ws.send("40");
      await waitFor(() => frames.slice(seen).some((frame) => frame.startsWith("40")), "the namespace to open");
    },
    stopReading() {
      (ws as unknown as { _socket: { pause(): void } })._socket.pause();
    },
    close() {
      ws.terminate();
    },
  };
}

export interface RawPollingClient {
  sid: string;
  /** Sends packets (one POST). */
  send(...packets: string[]): Promise<void>;
  /** One GET: the packets the server had queued for us (it waits for one when none is). */
  poll(): Promise<string[]>;
  /** Whether the server still knows this session (it answers 400 once it dropped it), without polling. */
  alive(): Promise<boolean>;
}

/** A long-polling engine.io client that has opened the main namespace. */
export async function rawPollingClient(base: string, headers: Record<string, string> = {}): Promise<RawPollingClient> {
  const url = `${base}/socket.io/?EIO=4&transport=polling`;
  const open = await fetch(url, { headers });
  if (!open.ok) throw new Error(`handshake answered ${open.status}: ${await open.text()}`);
  const { sid } = JSON.parse((await open.text()).slice(1)) as { sid: string };
  const withSid = `${url}&sid=${sid}`;
  const client: RawPollingClient = {
    sid,
    async send(...packets) {
      const answer = await fetch(withSid, {
        method: "POST",
        headers: { ...headers, "content-type": "text/plain;charset=UTF-8" },
        body: packets.join("\x1e"),
      });
      if (!answer.ok) throw new Error(`POST answered ${answer.status}`);
    },
    async poll() {
      const answer = await fetch(withSid, { headers });
      if (!answer.ok) throw new Error(`GET answered ${answer.status}`);
      return (await answer.text()).split("\x1e");
    },
    async alive() {
      // A POST (an engine.io noop) does not take what is queued, as a GET would; an unknown session is a 400.
      const answer = await fetch(withSid, {
        method: "POST",
        headers: { ...headers, "content-type": "text/plain;charset=UTF-8" },
        body: "6",
      });
      return answer.ok;
    },
  };
  await client.send("40");
  const packets = await client.poll();
  if (!packets.some((packet) => packet.startsWith("40")))
    throw new Error(`namespace not opened: ${packets.join(" | ")}`);
  return client;
}
