// A reader as a browser runs one, for delivery and fault tests: a real socket.io-client socket that
// reconnects, joins with the last applied seq, and applies events through the page's own EventSequencer
// and applyEvent (components/feed), filling gaps over HTTP, as components/feed/use-blog-events.ts does.
import { io, type Socket } from "socket.io-client";
import { EventSequencer } from "../../components/feed/event-sequencer";
import { applyEvent, initialFeedState, type FeedState } from "../../components/feed/feed-state";
import type { BlogDTO, EntryDTO } from "../contracts/dto";
import type { BlogEvent, ClientToServerEvents, EventsPage, JoinAck, ReaderServerEvents } from "../contracts/events";
import { BLOG_EVENT_TYPES } from "../contracts/events";
import { waitFor } from "./harness";

const GAP_WAIT_MS = 300;

export interface LiveReaderOptions {
  /** The seq the reader's page was rendered at (0: an empty page that gets everything replayed). */
  since?: number;
  /** socket.io's own reconnection (on for restart tests). */
  reconnection?: boolean;
}

export class LiveReader {
  readonly socket: Socket<ReaderServerEvents, ClientToServerEvents>;
  /** Every event the sequencer applied, in the order it applied them. */
  readonly applied: BlogEvent[] = [];
  /** Every event that arrived over the socket or HTTP, repeats included. */
  received = 0;
  /** How often a (re)connection was a socket.io recovery. */
  recoveries = 0;
  joins: JoinAck[] = [];
  state: FeedState;
  private sequencer: EventSequencer;
  private gapTimer: ReturnType<typeof setTimeout> | undefined;
  private fetching = false;

  constructor(
    private readonly base: string,
    readonly slug: string,
    blog: BlogDTO,
    { since = 0, reconnection = true }: LiveReaderOptions = {},
  ) {
    // An empty page with nothing left to load: every published entry the events bring belongs in it.
    this.state = initialFeedState({ blog, pinned: [], entries: [], nextCursor: null, seq: since });
    this.sequencer = new EventSequencer(since, (event) => {
      this.applied.push(event);
      this.state = applyEvent(this.state, event);
    });
    this.socket = io(base, {
      transports: ["websocket"],
      forceNew: true,
      reconnection,
      reconnectionDelay: 100,
      reconnectionDelayMax: 500,
      autoConnect: false,
    });
    for (const type of BLOG_EVENT_TYPES) {
      this.socket.on(type, ((payload: BlogEvent["payload"]) => this.receive({ type, payload } as BlogEvent)) as never);
    }
    this.socket.on("connect", () => {
      if (this.socket.recovered) this.recoveries += 1;
      const since = this.socket.recovered ? undefined : this.sequencer.seq;
      this.socket.emit("blog:join", { slug, ...(since === undefined ? {} : { since }) }, (ack) => {
        this.joins.push(ack);
        if (ack.error === undefined && ack.seq > this.sequencer.seq) void this.fillGap();
      });
    });
    this.socket.on("disconnect", (reason) => {
      // socket.io does not retry a disconnect the server asked for (a server shutting down).
      if (reason === "io server disconnect" && reconnection) this.socket.connect();
    });
  }

  get seq(): number {
    return this.sequencer.seq;
  }

  /** Connects and resolves once the first join is acknowledged. */
  async start(): Promise<JoinAck> {
    const before = this.joins.length;
    this.socket.connect();
    return waitFor(() => this.joins[before], "the reader's join");
  }

  close(): void {
    clearTimeout(this.gapTimer);
    this.socket.disconnect();
  }

  /** Ids of the published entries the page shows (pinned and stream), newest first. */
  shownIds(): string[] {
    return [...this.state.pinned, ...this.state.entries].map((e) => e.id);
  }

  /** What a seq-jump costs the page: wait briefly, then fetch the missing events over HTTP. */
  receive(event: BlogEvent): void {
    this.received += 1;
    this.sequencer.push(event);
    clearTimeout(this.gapTimer);
    if (this.sequencer.hasGap) this.gapTimer = setTimeout(() => void this.fillGap(), GAP_WAIT_MS);
  }

  async fillGap(): Promise<void> {
    if (this.fetching) return;
    this.fetching = true;
    try {
      for (;;) {
        const response = await fetch(`${this.base}/api/blogs/${encodeURIComponent(this.slug)}/events?since=${this.sequencer.seq}`);
        if (!response.ok) return;
        const page = (await response.json()) as EventsPage;
        for (const event of page.events) {
          this.received += 1;
          this.sequencer.push(event);
        }
        if (!page.hasMore) return;
      }
    } catch {
      // The server is away: the next join fills the gap.
    } finally {
      this.fetching = false;
    }
  }
}

/** Every published entry of a blog as the API lists it (pinned and not), newest first. */
export async function publishedEntries(base: string, slug: string): Promise<EntryDTO[]> {
  const entries: EntryDTO[] = [];
  let before: string | null = null;
  do {
    const response = await fetch(`${base}/api/blogs/${slug}/entries?limit=100${before ? `&before=${encodeURIComponent(before)}` : ""}`);
    if (!response.ok) throw new Error(`GET entries: ${response.status}`);
    const page = (await response.json()) as { entries: EntryDTO[]; nextCursor: string | null };
    entries.push(...page.entries);
    before = page.nextCursor;
  } while (before);
  return entries;
}
