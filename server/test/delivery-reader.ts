// A reader as a browser runs one, for delivery and fault tests: a real socket.io-client socket driven by
// the page's own subscription (components/feed/blog-subscription.ts: join with the last applied seq,
// replay pages, gap fill over HTTP, reload on reset) and its own applyEvent.
import { io, type Socket } from "socket.io-client";
import { subscribeToBlog, type BlogSubscription } from "../../components/feed/blog-subscription";
import { applyEvent, initialFeedState, type FeedState } from "../../components/feed/feed-state";
import type { BlogDTO, EntryDTO } from "@/common/contracts/dto";
import type { BlogEvent, ClientToServerEvents, JoinAck, ReaderServerEvents } from "@/common/contracts/events";
import { waitFor } from "./harness";

export interface LiveReaderOptions {
  /** The seq the reader's page was rendered at (0: an empty page that gets everything replayed). */
  since?: number;
  /** socket.io's own reconnection (on for restart tests). */
  reconnection?: boolean;
  /** False: a page with no connection at all (events are handed to it with `receive`; gaps still fill over HTTP). */
  online?: boolean;
}

export class LiveReader {
  readonly socket: Socket<ReaderServerEvents, ClientToServerEvents>;
  /** Every event the page applied, in the order it applied them. */
  readonly applied: BlogEvent[] = [];
  /** Every event that arrived over the socket or HTTP, repeats included. */
  received = 0;
  /** How often the page reloaded its first page because the log no longer reached back. */
  resets = 0;
  joins: JoinAck[] = [];
  state: FeedState;
  private subscription: BlogSubscription | null = null;

  constructor(
    private readonly base: string,
    readonly slug: string,
    blog: BlogDTO,
    private readonly options: LiveReaderOptions = {},
  ) {
    // An empty page with nothing left to load: every published entry the events bring belongs in it.
    this.state = initialFeedState({ blog, pinned: [], entries: [], nextCursor: null, seq: options.since ?? 0 });
    this.socket = io(base, {
      transports: ["websocket"],
      forceNew: true,
      reconnection: options.reconnection ?? true,
      reconnectionDelay: 100,
      reconnectionDelayMax: 500,
      autoConnect: false,
    });
  }

  get seq(): number {
    return this.subscription?.seq ?? this.state.seq;
  }

  /** Subscribes (connecting the socket) and resolves once the first join is answered. */
  async start(): Promise<JoinAck> {
    const before = this.joins.length;
    this.subscribe();
    return waitFor(() => this.joins[before], "the reader's join");
  }

  /** The page's subscription, without waiting for its join (or to hand it events by `receive`). */
  subscribe(): BlogSubscription {
    this.subscription ??= subscribeToBlog({
      slug: this.slug,
      seq: this.state.seq,
      socket: this.socket,
      base: this.base,
      onEvent: (event) => {
        this.applied.push(event);
        this.state = applyEvent(this.state, event);
      },
      onReset: (fresh) => {
        this.resets += 1;
        this.state = initialFeedState(fresh);
      },
      onJoin: (ack) => this.joins.push(ack),
      isOnline: () => this.options.online ?? true,
      onArrival: () => (this.received += 1),
    });
    return this.subscription;
  }

  close(): void {
    if (this.subscription) this.subscription.close();
    else this.socket.disconnect();
  }

  /** Ids of the published entries the page's stream shows (pinned ones are in it too), newest first. */
  shownIds(): string[] {
    return this.state.entries.map((e) => e.id);
  }

  /** Ids of the pinned entries, in the order the pinned area shows them. */
  pinnedIds(): string[] {
    return this.state.pinned.map((e) => e.id);
  }

  /** An event handed over as if the socket had delivered it (a seq jump makes the page fetch the gap). */
  receive(event: BlogEvent): void {
    this.subscribe().receive(event);
  }
}

/** Every published entry of a blog as the API lists it (pinned and not), newest first. */
export async function publishedEntries(base: string, slug: string): Promise<EntryDTO[]> {
  const entries: EntryDTO[] = [];
  let before: string | null = null;
  do {
    const response = await fetch(
      `${base}/api/blogs/${slug}/entries?limit=100${before ? `&before=${encodeURIComponent(before)}` : ""}`,
    );
    if (!response.ok) throw new Error(`GET entries: ${response.status}`);
    const page = (await response.json()) as { entries: EntryDTO[]; nextCursor: string | null };
    entries.push(...page.entries);
    before = page.nextCursor;
  } while (before);
  return entries;
}
