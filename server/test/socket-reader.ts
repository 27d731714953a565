// socket.io clients as the integration tests open them: websocket only, no reconnection (a test decides
// when a socket goes away), and every event asked for kept in arrival order as `{ type, payload }`, the
// shape of the blog's event log, so a test can wait for an event and compare what it heard with the log.
// For a reader that reconnects and applies events as the page does, see delivery-reader.ts.
import { io, type Socket } from "socket.io-client";
import type {
  AdminJoinAck,
  AllServerToClientEvents,
  BlogEventType,
  ClientToServerEvents,
  JoinAck,
} from "@/common/contracts/events";
import { BLOG_EVENT_TYPES } from "@/common/contracts/events";

export type EventName = keyof AllServerToClientEvents;

/** One event as a socket heard it. */
export type Heard<K extends EventName = EventName> = {
  [T in K]: { type: T; payload: Parameters<AllServerToClientEvents[T]>[0] };
}[K];

export type TestSocket<K extends EventName = BlogEventType> = Socket<AllServerToClientEvents, ClientToServerEvents> & {
  received: Heard<K>[];
};

export interface TestSocketOptions<K extends EventName> {
  /** The events to keep; the logged blog events when not given. */
  events?: readonly K[];
  /** Handshake headers: a session cookie for the newsroom, an origin. */
  headers?: Record<string, string>;
}

// Every socket this test file opened, so one afterEach can close them whatever a test did.
const opened: Socket[] = [];

/** Connects to a Liveline process and resolves once connected (rejects on a refused connection). */
export async function connectSocket<K extends EventName = BlogEventType>(
  url: string,
  options: TestSocketOptions<K> = {},
): Promise<TestSocket<K>> {
  const socket = io(url, {
    transports: ["websocket"],
    forceNew: true,
    reconnection: false,
    ...(options.headers ? { extraHeaders: options.headers } : {}),
  }) as TestSocket<K>;
  socket.received = [];
  for (const type of (options.events ?? BLOG_EVENT_TYPES) as readonly K[]) {
    socket.on(type, ((payload: Heard<K>["payload"]) => socket.received.push({ type, payload })) as never);
  }
  opened.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  return socket;
}

/** Disconnects every socket connectSocket opened. */
export function closeSockets(): void {
  while (opened.length) opened.pop()!.disconnect();
}

/** What a socket heard of one event type, in order, with that type's payload. */
export function ofType<K extends EventName, T extends K>(
  socket: TestSocket<K>,
  type: T,
): Extract<Heard<K>, { type: T }>[] {
  return socket.received.filter((heard): heard is Extract<Heard<K>, { type: T }> => heard.type === type);
}

// The request is sent as given, not as the typed contract wants it: tests send bad requests on purpose.
type Emit = (...args: unknown[]) => void;

export function joinBlog(socket: Socket, request: unknown): Promise<JoinAck> {
  return new Promise((resolve) => (socket.emit as Emit)("blog:join", request, resolve));
}

export function joinNewsroom(socket: Socket, request: unknown): Promise<AdminJoinAck> {
  return new Promise((resolve) => (socket.emit as Emit)("admin:join", request, resolve));
}
