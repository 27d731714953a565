// One reader's subscription to a blog's live events, without React: joins with the seq the page was
// rendered at, applies each event once and in order, fills gaps from the HTTP event log, reloads the first
// page when the log no longer reaches back, and says how live it is. The page's hook (use-blog-events.ts)
// and the delivery tests (server/test/delivery-reader.ts) both run this, so the tests check the real client.
import type { BlogEvent, EventsPage, JoinAck, JoinRequest, ReaderServerEvents } from "@/common/contracts/events";
import { BLOG_EVENT_TYPES } from "@/common/contracts/events";
import { EventSequencer } from "./event-sequencer";
import type { FeedOrder, InitialFeed } from "@/common/contracts/dto";
import { getJson, loadFirstPage } from "./first-page";

export type ConnectionState = "connecting" | "live" | "reconnecting" | "offline";

/**
 * What the subscription needs of a socket: a socket.io-client Socket has it (the delivery tests use one), and
 * so has the pages' smaller client (live-socket.ts).
 */
export interface ReaderSocket {
  readonly connected: boolean;
  connect(): unknown;
  disconnect(): unknown;
  on<E extends keyof ReaderServerEvents>(event: E, listener: ReaderServerEvents[E]): unknown;
  on(event: "connect", listener: () => void): unknown;
  on(event: "connect_error", listener: (error: Error) => void): unknown;
  on(event: "disconnect", listener: (reason: string) => void): unknown;
  emit(event: "blog:join", request: JoinRequest, ack: (answer: JoinAck) => void): unknown;
}

// How long an out-of-order event may wait for the missing ones before we fetch them.
const GAP_WAIT_MS = 300;
/** After this many failed connection attempts in a row the page says it is offline (it keeps trying). */
export const FAILED_ATTEMPTS_BEFORE_OFFLINE = 3;
/** A join the server refused for now (busy, too many joins) is asked again after this, plus up to as much jitter. */
const JOIN_RETRY_MS = 2_000;

export interface BlogSubscriptionOptions {
  slug: string;
  /** The seq the page's data is at. */
  seq: number;
  /** A socket.io client socket, not connected yet; the subscription connects it (when online) and owns it. */
  socket: ReaderSocket;
  /** Each event, once, in seq order. */
  onEvent(event: BlogEvent): void;
  /** The page missed more than the server's event log keeps: replace everything with this fresh first page. */
  onReset?(fresh: InitialFeed): void;
  /** The stream's order, for that fresh first page (newest first without it). */
  order?: FeedOrder;
  onState?(state: ConnectionState): void;
  /** Readers watching this blog now; null while not joined. */
  onReaders?(count: number | null): void;
  /** The page is known to hold every change as of now (load, an event, a join, or losing a live socket). */
  onSynced?(): void;
  /** Every join answer (tests read them). */
  onJoin?(ack: JoinAck): void;
  /** Every event that arrives, over the socket or HTTP, repeats included (tests count them). */
  onArrival?(event: BlogEvent): void;
  /** Where the API is (a page uses its own origin: ""). */
  base?: string;
  isOnline?: () => boolean;
}

export interface BlogSubscription {
  /** The last seq applied. */
  readonly seq: number;
  /** Takes an event as if it came over the socket. */
  receive(event: BlogEvent): void;
  /** The browser says there is no network: say so and stop trying until `online()`. */
  offline(): void;
  online(): void;
  close(): void;
}

export function subscribeToBlog(options: BlogSubscriptionOptions): BlogSubscription {
  const { slug, socket, base = "", isOnline = () => true } = options;
  const synced = () => options.onSynced?.();
  const sequencer = new EventSequencer(options.seq, (event) => {
    options.onEvent(event);
    synced();
  });
  const api = `${base}/api/blogs/${encodeURIComponent(slug)}`;
  let gapTimer: ReturnType<typeof setTimeout> | undefined;
  let joinTimer: ReturnType<typeof setTimeout> | undefined;
  let fetching = false;
  let refreshing = false;
  let failedAttempts = 0;
  let joined = false;
  let closed = false;

  const arrived = (events: readonly BlogEvent[]) => {
    for (const event of events) options.onArrival?.(event);
  };

  // The log no longer holds what we missed: reload the first page, then carry on from its seq. Events
  // arriving meanwhile wait in the sequencer (they are ahead of what it has applied).
  const refresh = async () => {
    if (refreshing || closed) return;
    refreshing = true;
    try {
      const fresh = await loadFirstPage(slug, <T>(path: string) => getJson<T>(base + path), options.order);
      if (closed) return;
      options.onReset?.(fresh);
      sequencer.reset(fresh.seq);
      synced();
    } catch {
      // Offline or the server is away: the next (re)join tries again.
      return;
    } finally {
      refreshing = false;
    }
    void fillGap();
  };

  const fillGap = async () => {
    if (fetching || refreshing || closed) return;
    fetching = true;
    try {
      for (;;) {
        const since = sequencer.seq;
        const response = await fetch(`${api}/events?since=${since}`, { cache: "no-store" });
        // Gone from the log: the page reloads instead (after this returns, so `fetching` is clear again).
        if (response.status === 410) return void setTimeout(() => void refresh());
        if (!response.ok || closed) return;
        const page = (await response.json()) as EventsPage;
        arrived(page.events);
        sequencer.applyPage(since, page.seq, page.events);
        if (!page.hasMore) return;
      }
    } catch {
      // Offline or the server is away: the next (re)join fills the gap.
    } finally {
      fetching = false;
    }
  };

  const receive = (event: BlogEvent) => {
    arrived([event]);
    sequencer.push(event);
    clearTimeout(gapTimer);
    if (sequencer.hasGap) gapTimer = setTimeout(() => void fillGap(), GAP_WAIT_MS);
  };

  // On every (re)connect, ask for everything after what we have applied: the answer carries it.
  const join = () => {
    clearTimeout(joinTimer);
    const since = sequencer.seq;
    socket.emit("blog:join", { slug, since }, (answer) => {
      options.onJoin?.(answer);
      if (closed) return;
      if (answer.error !== undefined) {
        options.onState?.("reconnecting");
        // Refused for now (the server is busy or this connection joined too often): ask again a little later.
        joinTimer = setTimeout(() => socket.connected && join(), JOIN_RETRY_MS * (1 + Math.random()));
        return;
      }
      joined = true;
      options.onReaders?.(answer.readers);
      options.onState?.("live");
      synced();
      if (answer.reset) return void refresh();
      if (answer.events) {
        arrived(answer.events);
        sequencer.applyPage(since, answer.seq, answer.events);
      }
      if (answer.seq > sequencer.seq) void fillGap();
    });
  };

  for (const type of BLOG_EVENT_TYPES) {
    socket.on(type, (payload: BlogEvent["payload"]) => receive({ type, payload } as BlogEvent));
  }
  socket.on("blog:readers", (payload) => {
    if (payload.blog === slug) options.onReaders?.(payload.count);
  });
  socket.on("connect", () => {
    failedAttempts = 0;
    join();
  });
  socket.on("connect_error", () => {
    failedAttempts += 1;
    options.onState?.(failedAttempts >= FAILED_ATTEMPTS_BEFORE_OFFLINE || !isOnline() ? "offline" : "reconnecting");
  });
  socket.on("disconnect", (reason) => {
    // Up to date until this moment.
    if (joined) synced();
    joined = false;
    clearTimeout(joinTimer);
    options.onReaders?.(null);
    if (reason === "io client disconnect") return; // we closed it (offline, or the page is going)
    options.onState?.(isOnline() ? "reconnecting" : "offline");
    // socket.io does not retry a disconnect the server asked for (shutting down, or this reader fell too far behind).
    if (reason === "io server disconnect") socket.connect();
  });

  synced();
  if (isOnline()) socket.connect();
  else options.onState?.("offline");

  return {
    get seq() {
      return sequencer.seq;
    },
    receive,
    offline() {
      options.onState?.("offline");
      socket.disconnect();
    },
    online() {
      if (socket.connected) return;
      options.onState?.("reconnecting");
      socket.connect();
    },
    close() {
      closed = true;
      clearTimeout(gapTimer);
      clearTimeout(joinTimer);
      socket.disconnect();
      options.onReaders?.(null);
    },
  };
}
