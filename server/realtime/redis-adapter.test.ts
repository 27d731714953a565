// The cluster's counting and relaying, with two nodes wired to each other in memory instead of Redis.
import { describe, expect, it } from "vitest";
import { createRealtimeCluster, STALE_NODE_MS, type ClusterEvents } from "./redis-adapter";

type Handler = (message: never) => void;

function twoNodes(now: () => number) {
  const handlers = [new Map<string, Handler>(), new Map<string, Handler>()];
  const changes: [(string | null)[], (string | null)[]] = [[], []];
  const moved: [string[], string[]] = [[], []];
  const local: [Record<string, number>, Record<string, number>] = [{}, {}];
  const nodes = [0, 1].map((i) =>
    createRealtimeCluster({ adapter: class {} as never, onRemoteChange: (slug) => changes[i as 0 | 1].push(slug), close: async () => undefined, now }),
  );
  nodes.forEach((node, i) => {
    const other = handlers[1 - i]!;
    const io = {
      on: (event: keyof ClusterEvents, handler: Handler) => handlers[i]!.set(event, handler),
      serverSideEmit: (event: keyof ClusterEvents, message: never) => other.get(event)?.(message),
    };
    node.attach(io as never, { readersChanged: (slug) => moved[i as 0 | 1].push(slug), localCounts: () => local[i as 0 | 1] });
  });
  return { nodes, changes, moved };
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

  it("relays changes to the other node only", () => {
    const { nodes, changes } = twoNodes(() => 0);
    nodes[0]!.shareChange("storm");
    nodes[1]!.shareChange(null);
    expect(changes).toEqual([[null], ["storm"]]);
  });
});
