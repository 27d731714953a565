// A reader's socket to the server, in the few hundred bytes a reader needs instead of socket.io-client's
// 13 KB gzipped (the reader page's JavaScript budget is 150 KB, docs/performance.md): engine.io v4 over a
// WebSocket only, the main namespace, text events, acks. It speaks to the same socket.io server, and has the
// part of socket.io-client's Socket that blog-subscription.ts uses (ReaderSocket), with the same events and
// disconnect reasons and the same reconnection (1 s doubling to 5 s, ±50 % jitter), so the subscription does
// not know which one it has. The newsroom, which needs cookies and more, keeps socket.io-client.
//
// What it gives up: the long-polling fallback for networks that block WebSockets. Such a reader stays on
// "Reconnecting…"/"Offline" and still gets updates on reload, as with any network trouble.
import type { ClientToServerEvents, JoinAck, JoinRequest, ReaderServerEvents } from "@/common/contracts/events";

type Listener = (...args: never[]) => void;

/** What a socket.io-client Socket's `connect_error` and `disconnect` carry, as far as readers use them. */
export type DisconnectReason = "io server disconnect" | "io client disconnect" | "ping timeout" | "transport close";

const BASE_DELAY_MS = 1_000;
const MAX_DELAY_MS = 5_000;

/** The engine.io path the server listens on (socket.io's default). */
const PATH = "/socket.io/";

export class LiveSocket {
  connected = false;
  private ws: WebSocket | null = null;
  private listeners = new Map<string, Listener[]>();
  private acks = new Map<number, (answer: never) => void>();
  private nextAckId = 0;
  private attempts = 0;
  private wanted = false;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private pingTimer: ReturnType<typeof setTimeout> | undefined;

  private readonly base: string;
  private readonly Transport: typeof WebSocket;

  /** `base`: the server's http(s) origin, the page's own by default; `WebSocket`: another implementation (tests in Node). */
  constructor(options: { base?: string; WebSocket?: typeof WebSocket } = {}) {
    this.base = options.base ?? window.location.origin;
    this.Transport = options.WebSocket ?? WebSocket;
  }

  on<E extends keyof ReaderServerEvents>(event: E, listener: ReaderServerEvents[E]): this;
  on(event: "connect", listener: () => void): this;
  on(event: "connect_error", listener: (error: Error) => void): this;
  on(event: "disconnect", listener: (reason: DisconnectReason) => void): this;
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  emit(event: "blog:join", request: JoinRequest, ack: (answer: JoinAck) => void): this;
  emit(event: "blog:leave", request: Parameters<ClientToServerEvents["blog:leave"]>[0]): this;
  emit(event: string, request: unknown, ack?: (answer: never) => void): this {
    // Like socket.io-client without its buffer: a reader emits only once connected (it joins on "connect").
    if (!this.connected || !this.ws) return this;
    let id = "";
    if (ack) {
      const ackId = this.nextAckId++;
      this.acks.set(ackId, ack);
      id = String(ackId);
    }
    this.ws.send(`42${id}${JSON.stringify([event, request])}`);
    return this;
  }

  connect(): this {
    this.wanted = true;
    if (!this.ws) this.open();
    return this;
  }

  disconnect(): this {
    this.wanted = false;
    clearTimeout(this.reconnectTimer);
    if (this.connected) this.ws?.send("41");
    this.close("io client disconnect");
    return this;
  }

  private fire(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (...a: unknown[]) => void)(...args);
  }

  private open(): void {
    clearTimeout(this.reconnectTimer);
    const url = new URL(PATH, this.base);
    url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
    url.search = "EIO=4&transport=websocket";
    const ws = new this.Transport(url);
    this.ws = ws;
    let pingTimeoutMs = 0;
    const alive = () => {
      clearTimeout(this.pingTimer);
      if (pingTimeoutMs) this.pingTimer = setTimeout(() => this.close("ping timeout"), pingTimeoutMs);
    };
    ws.onmessage = ({ data }) => {
      if (this.ws !== ws || typeof data !== "string") return;
      alive();
      const type = data[0];
      if (type === "0") {
        // The engine's handshake: how often the server pings, then the namespace's.
        const { pingInterval, pingTimeout } = JSON.parse(data.slice(1)) as {
          pingInterval: number;
          pingTimeout: number;
        };
        pingTimeoutMs = pingInterval + pingTimeout;
        alive();
        ws.send("40");
      } else if (type === "2") {
        ws.send("3");
      } else if (type === "1") {
        this.close("transport close");
      } else if (type === "4") {
        this.packet(data.slice(1));
      }
    };
    // A close always follows an error, and says what it means for the connection.
    ws.onerror = () => undefined;
    ws.onclose = () => {
      if (this.ws !== ws) return;
      if (this.connected) this.close("transport close");
      else this.failed(new Error("websocket error"));
    };
  }

  /** A socket.io packet: connect (0), disconnect (1), event (2), ack (3), connect error (4). */
  private packet(text: string): void {
    const type = text[0];
    const body = text.slice(1);
    if (type === "0") {
      this.connected = true;
      this.attempts = 0;
      this.fire("connect");
    } else if (type === "1") {
      // The server ended this socket: socket.io-client does not reconnect by itself then, and neither do we.
      this.wanted = false;
      this.close("io server disconnect");
    } else if (type === "2") {
      const [event, ...args] = JSON.parse(body.slice(/^\d*/.exec(body)![0].length)) as [string, ...unknown[]];
      this.fire(event, ...args);
    } else if (type === "3") {
      const id = /^\d+/.exec(body)?.[0];
      if (id === undefined) return;
      const ack = this.acks.get(Number(id));
      this.acks.delete(Number(id));
      const [answer] = JSON.parse(body.slice(id.length)) as [never];
      ack?.(answer);
    } else if (type === "4") {
      const { message } = JSON.parse(body || "{}") as { message?: string };
      this.failed(new Error(message ?? "connection refused"));
    }
  }

  /** A connection attempt failed: say so, and try again later. */
  private failed(error: Error): void {
    this.drop();
    this.fire("connect_error", error);
    this.scheduleReconnect();
  }

  private close(reason: DisconnectReason): void {
    const was = this.connected;
    this.drop();
    if (was) this.fire("disconnect", reason);
    if (reason !== "io client disconnect" && reason !== "io server disconnect") this.scheduleReconnect();
  }

  private drop(): void {
    clearTimeout(this.pingTimer);
    const ws = this.ws;
    this.ws = null;
    this.connected = false;
    this.acks.clear();
    ws?.close();
  }

  private scheduleReconnect(): void {
    if (!this.wanted) return;
    clearTimeout(this.reconnectTimer);
    const delay = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** this.attempts++) * (0.5 + Math.random());
    this.reconnectTimer = setTimeout(() => this.wanted && !this.ws && this.open(), Math.min(MAX_DELAY_MS, delay));
  }
}
