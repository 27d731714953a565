// The cluster's counting and relaying, with two nodes wired to each other in memory instead of Redis.
import { MessageType, type ClusterMessage } from "socket.io-adapter";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  createOutbox,
  createRealtimeCluster,
  PUBLISH_TIMEOUT_MS,
  STALE_NODE_MS,
  withOutageHandling,
  type ClusterEvents,
} from "./redis-adapter";

type Handler = (message: never) => void;

function twoNodes(now: () => number) {
  const handlers = [new Map<string, Handler>(), new Map<string, Handler>()];
  const changes: [(string | null)[], (string | null)[]] = [[], []];
  const moved: [string[], string[]] = [[], []];
  const local: [Record<string, number>, Record<string, number>] = [{}, {}];
  const nodes = [0, 1].map((i) =>
    createRealtimeCluster({
      adapter: class {} as never,
      onRemoteChange: (slug) => changes[i as 0 | 1].push(slug),
      close: async () => undefined,
      now,
    }),
  );
  nodes.forEach((node, i) => {
    const other = handlers[1 - i]!;
    const io = {
      on: (event: keyof ClusterEvents, handler: Handler) => handlers[i]!.set(event, handler),
      serverSideEmit: (event: keyof ClusterEvents, message: never) => other.get(event)?.(message),
    };
    node.attach(io as never, {
      readersChanged: (slug) => moved[i as 0 | 1].push(slug),
      localCounts: () => local[i as 0 | 1],
    });
  });
  return { nodes, changes, moved, local };
}

describe("realtime cluster", () => {
  it("adds the other node's readers, tells only of changes, and never echoes a count back", () => {
    const { nodes, moved } = twoNodes(() => 0);
    const [a, b] = nodes as [ReturnType<typeof createRealtimeCluster>, ReturnType<typeof createRealtimeCluster>];
    a.shareReaders("storm", 3);
    expect(b.remoteReaders("storm")).toBe(3);
    expect(moved[1]).toEqual(["storm"]);
    a.shareReaders("storm", 3); // unchanged: nothing sent
    expect(moved[1]).toEqual(["storm"]);
    b.shareReaders("storm", 2);
    expect(a.remoteReaders("storm")).toBe(2);
    a.shareReaders("storm", 0);
    expect(b.remoteReaders("storm")).toBe(0);
    expect(moved[1]).toEqual(["storm", "storm"]);
    expect(a.remoteReaders("other")).toBe(0);
  });

  it("forgets a node that stopped talking", () => {
    let now = 0;
    const { nodes } = twoNodes(() => now);
    nodes[0]!.shareReaders("storm", 5);
    now = STALE_NODE_MS - 1;
    expect(nodes[1]!.remoteReaders("storm")).toBe(5);
    now = STALE_NODE_MS + 1;
    expect(nodes[1]!.remoteReaders("storm")).toBe(0);
  });

  it("after a Redis outage, drops every cached read on both nodes and tells its counts at once", () => {
    const { nodes, changes, local } = twoNodes(() => 0);
    local[0].storm = 4;
    nodes[0]!.resync();
    expect(changes).toEqual([[null], [null]]);
    expect(nodes[1]!.remoteReaders("storm")).toBe(4);
  });

  it("relays changes to the other node only", () => {
    const { nodes, changes } = twoNodes(() => 0);
    nodes[0]!.shareChange("storm");
    nodes[1]!.shareChange(null);
    expect(changes).toEqual([[null], ["storm"]]);
  });
});

describe("outbox", () => {
  it("keeps the last window while Redis answers, everything since it stopped (up to a cap), and hands them back oldest first", () => {
    let now = 0;
    const outbox = createOutbox({ now: () => now, windowMs: 100, max: 4 });
    const sent: string[] = [];
    const keep = (name: string) => outbox.keep(async () => void sent.push(name));
    const resend = async () => {
      for (const publish of outbox.back()) await publish();
    };
    keep("old");
    now = 150;
    keep("recent");
    expect(outbox.back()).toEqual([]); // Redis never went away: nothing to send again
    now = 200;
    outbox.lost(200);
    for (const name of ["away-1", "away-2", "away-3", "away-4"]) {
      now += 1000; // long after the window: kept anyway while Redis is away
      keep(name);
    }
    expect(outbox.lostAt).toBe(200);
    return resend().then(() => {
      // "old" had left the window; "recent" was within it of the loss, but the cap keeps the newest 4.
      expect(sent).toEqual(["away-1", "away-2", "away-3", "away-4"]);
      expect(outbox.lostAt).toBeNull();
      expect(outbox.back()).toEqual([]);
    });
  });

  it("sends again what Redis took just before it went away", async () => {
    let now = 0;
    const outbox = createOutbox({ now: () => now, windowMs: 100 });
    const sent: string[] = [];
    for (const [at, name] of [
      [0, "long before"],
      [950, "just before"],
    ] as const) {
      now = at;
      outbox.keep(async () => void sent.push(name));
    }
    outbox.lost(1000);
    for (const publish of outbox.back()) await publish();
    expect(sent).toEqual(["just before"]);
  });
});

describe("withOutageHandling", () => {
  afterEach(() => vi.useRealTimers());

  const broadcast = (text: string): ClusterMessage => ({
    uid: "a",
    nsp: "/",
    type: MessageType.BROADCAST,
    data: {
      opts: { rooms: ["blog:x"], except: [], flags: {} },
      packet: { type: 2, nsp: "/", data: ["entry:published", text] },
    },
  });
  const serverSideEmit = {
    uid: "a",
    nsp: "/",
    type: MessageType.SERVER_SIDE_EMIT,
    data: { packet: ["cluster:changed", {}] },
  } as ClusterMessage;

  /** The outbox around a stand-in for the Redis Streams adapter whose transport is `transport`. */
  function relayed(transport: (message: ClusterMessage) => Promise<string>, ready = () => true) {
    const outbox = createOutbox();
    const events: string[] = [];
    class StandInStreams {
      doPublish(message: ClusterMessage): Promise<string> {
        return transport(message);
      }
    }
    const factory = withOutageHandling(StandInStreams as never, outbox, {
      ready,
      late: (at) => {
        events.push("late");
        outbox.lost(at);
      },
      back: () => void events.push("back"),
    });
    const adapter = new (factory as unknown as new (nsp: unknown) => StandInStreams)({ name: "/" });
    return { publish: (message: ClusterMessage) => adapter.doPublish(message), outbox, events };
  }

  it("gives up at once while Redis is away, keeping what changes who gets what to send again", async () => {
    const published: ClusterMessage[] = [];
    const node = relayed(
      async (message) => (published.push(message), "1-0"),
      () => false,
    );
    await expect(node.publish(broadcast("one"))).rejects.toThrow(/away/);
    await expect(node.publish(serverSideEmit)).rejects.toThrow(/away/);
    expect(published).toEqual([]);
    node.outbox.lost(0);
    expect(node.outbox.back()).toHaveLength(1); // the broadcast; a server-side emit only mattered then
  });

  it("stops waiting for a Redis that does not answer, and learns it is back when the answer comes", async () => {
    vi.useFakeTimers();
    let answer: (offset: string) => void = () => undefined;
    const node = relayed(() => new Promise<string>((resolve) => (answer = resolve)));
    const outcome = node.publish(broadcast("one")).then(
      () => "answered",
      () => "given up",
    );
    await vi.advanceTimersByTimeAsync(PUBLISH_TIMEOUT_MS);
    expect(await outcome).toBe("given up"); // the cluster adapter sends it to this node's readers now
    expect(node.events).toEqual(["late"]);
    answer("1-0");
    await vi.advanceTimersByTimeAsync(0);
    expect(node.events).toEqual(["late", "back"]);
  });
});
