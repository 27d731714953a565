import { describe, expect, it } from "vitest";
import type { EntryDTO } from "@/common/contracts/dto";
import type { BlogEvent } from "@/common/contracts/events";
import {
  applyEffects,
  committed,
  entryRemoved,
  entryReviewed,
  entrySaved,
  settle,
  type Effect,
  type EffectTargets,
} from "./effects";

/** Targets that write down every call, in order. */
function recorder(): { calls: string[]; targets: EffectTargets } {
  const calls: string[] = [];
  const call = (name: string) => (arg?: unknown, more?: unknown) =>
    calls.push([name, ...[arg, more].filter((x) => x !== undefined).map((x) => JSON.stringify(x))].join(" "));
  return {
    calls,
    targets: {
      readCache: { blogChanged: call("cache.blogChanged"), everythingChanged: call("cache.everythingChanged") },
      realtime: {
        broadcast: (event) => calls.push(`realtime.broadcast ${event.type} ${event.payload.seq}`),
        entrySaved: (entry, by) => calls.push(`realtime.entrySaved ${entry.id} by ${by?.name ?? "the system"}`),
        entryReviewed: (entry, review) => calls.push(`realtime.entryReviewed ${entry.id} ${review.action}`),
        entryRemoved: call("realtime.entryRemoved"),
        disconnectUser: call("realtime.disconnectUser"),
        disconnectSession: call("realtime.disconnectSession"),
        blogListChanged: call("realtime.blogListChanged"),
        auditRecorded: call("realtime.auditRecorded"),
        userListChanged: call("realtime.userListChanged"),
      },
    },
  };
}

const entry = { id: "e1", blog: "storm" } as EntryDTO;
const published: BlogEvent = { type: "entry:published", payload: { blog: "storm", seq: 7, entry } };
const deleted: BlogEvent = { type: "entry:deleted", payload: { blog: "storm", seq: 8, id: "e1" } };

describe("applyEffects", () => {
  it("tells the newsroom of the entry before its review step", () => {
    const { calls, targets } = recorder();
    const review = { id: "r1", entryId: "e1", action: "returned", note: "Source?", by: null, at: "" } as const;
    applyEffects([...entrySaved(entry, null, { id: "e", name: "Eve" }), ...entryReviewed(entry, review)], targets);
    expect(calls).toEqual([
      "realtime.entrySaved e1 by Eve",
      'realtime.blogListChanged "storm"',
      'realtime.auditRecorded "storm"',
      "realtime.entryReviewed e1 returned",
    ]);
  });

  it("drops a blog's cached reads before its readers hear the event, then tells the newsroom", () => {
    const { calls, targets } = recorder();
    applyEffects(entrySaved(entry, published, { id: "u1", name: "Ana" }), targets);
    expect(calls).toEqual([
      'cache.blogChanged "storm"',
      "realtime.broadcast entry:published 7",
      "realtime.entrySaved e1 by Ana",
      'realtime.blogListChanged "storm"',
      'realtime.auditRecorded "storm"',
    ]);
  });

  it("tells only the newsroom about a change readers do not see (a draft), and drops nothing", () => {
    const { calls, targets } = recorder();
    applyEffects(entrySaved(entry, null, null), targets);
    expect(calls).toEqual([
      "realtime.entrySaved e1 by the system",
      'realtime.blogListChanged "storm"',
      'realtime.auditRecorded "storm"',
    ]);
  });

  it("sends a deletion to readers who saw the entry, and its removal to the newsroom", () => {
    const { calls, targets } = recorder();
    applyEffects(entryRemoved("storm", "e1", deleted), targets);
    expect(calls).toEqual([
      'cache.blogChanged "storm"',
      "realtime.broadcast entry:deleted 8",
      'realtime.entryRemoved "storm" "e1"',
      'realtime.blogListChanged "storm"',
      'realtime.auditRecorded "storm"',
    ]);
    const draft = recorder();
    applyEffects(entryRemoved("storm", "e1", null), draft.targets);
    expect(draft.calls).toEqual([
      'realtime.entryRemoved "storm" "e1"',
      'realtime.blogListChanged "storm"',
      'realtime.auditRecorded "storm"',
    ]);
  });

  it("applies cache drops and disconnections in the order they were committed", () => {
    const { calls, targets } = recorder();
    const effects: Effect[] = [
      { type: "drop-blog-cache", blog: "new-blog" },
      { type: "disconnect-user", userId: "u1" },
      { type: "drop-all-caches" },
      { type: "disconnect-session", secret: "s1" },
    ];
    applyEffects(effects, targets);
    expect(calls).toEqual([
      'cache.blogChanged "new-blog"',
      'realtime.disconnectUser "u1"',
      "cache.everythingChanged",
      'realtime.disconnectSession "s1"',
    ]);
  });
});

describe("settle", () => {
  it("applies the effects before it hands back the result", () => {
    const order: string[] = [];
    const change = committed({ id: "e1" }, [{ type: "drop-all-caches" }]);
    const value = settle(change, (effects) => order.push(`applied ${effects.length}`));
    order.push(`result ${value.id}`);
    expect(order).toEqual(["applied 1", "result e1"]);
  });

  it("applies nothing for a change with no effects, and still hands back its result", () => {
    const seen: (readonly Effect[])[] = [];
    expect(settle(committed("done"), (effects) => seen.push(effects))).toBe("done");
    expect(seen).toEqual([[]]);
  });
});
