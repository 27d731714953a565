import { describe, expect, it } from "vitest";
import type { PresencePerson } from "@/common/contracts/events";
import { createNewsroomPresence, PRESENCE_TTL_MS, type PresenceShare } from "./newsroom-presence";

const ana = { id: "u-ana", name: "Ana" };
const ben = { id: "u-ben", name: "Ben" };

/** Two nodes wired to each other by hand, with one clock, each writing down what its sockets are told. */
function twoNodes() {
  let time = 0;
  const told: Record<"a" | "b", PresencePerson[][]> = { a: [], b: [] };
  const nodes = {} as Record<"a" | "b", ReturnType<typeof createNewsroomPresence>>;
  let wired = true;
  for (const [name, other] of [
    ["a", "b"],
    ["b", "a"],
  ] as const) {
    nodes[name] = createNewsroomPresence({
      node: name,
      now: () => time,
      send: (_slug, people) => told[name].push(people),
      share: (message: PresenceShare) => {
        if (wired) nodes[other].heard(structuredClone(message));
      },
    });
  }
  return {
    ...nodes,
    told,
    advance: (ms: number) => (time += ms),
    cut: () => (wired = false),
  };
}

describe("newsroom presence", () => {
  it("merges a person's tabs, lists their open entries, and drops a tab at once", () => {
    const { a, told } = twoNodes();
    a.join("desk", "s1", ana);
    a.join("desk", "s2", ana);
    a.setEditing("desk", "s2", ["e2", "e1"]);
    expect(a.peopleOf("desk")).toEqual([{ ...ana, editing: ["e1", "e2"] }]);
    a.leave("s2");
    expect(told.a.at(-1)).toEqual([{ ...ana, editing: [] }]);
    a.leave("s1");
    expect(told.a.at(-1)).toEqual([]);
    expect(a.isIn("desk", "s1")).toBe(false);
  });

  it("tells each node's sockets who is on the other, only when the list changed", () => {
    const { a, b, told } = twoNodes();
    a.join("desk", "s1", ana);
    b.join("desk", "s2", ben);
    expect(a.peopleOf("desk")).toEqual([
      { ...ana, editing: [] },
      { ...ben, editing: [] },
    ]);
    expect(told.a.at(-1)).toEqual(b.peopleOf("desk"));
    const heardBefore = told.a.length;
    a.beat();
    b.beat();
    expect(told.a).toHaveLength(heardBefore);
    b.leave("s2");
    expect(told.a.at(-1)).toEqual([{ ...ana, editing: [] }]);
  });

  it("forgets a node that went silent after the TTL, and learns everything from a node it did not know", () => {
    const { a, b, told, advance, cut } = twoNodes();
    b.join("desk", "s2", ben);
    a.join("desk", "s1", ana);
    cut();
    advance(PRESENCE_TTL_MS - 1);
    a.beat();
    expect(a.peopleOf("desk").map((person) => person.name)).toEqual(["Ana", "Ben"]);
    advance(2);
    a.beat();
    expect(told.a.at(-1)).toEqual([{ ...ana, editing: [] }]);

    // A fresh node hears of the others' people as soon as it says anything.
    const late = createNewsroomPresence({ node: "c", send: () => undefined });
    const toC: PresenceShare[] = [];
    const d = createNewsroomPresence({ node: "d", send: () => undefined, share: (m) => toC.push(m) });
    d.join("desk", "s4", ben);
    d.heard({ node: "c", blogs: {}, full: true });
    late.heard(toC.at(-1)!);
    expect(late.peopleOf("desk")).toEqual([{ ...ben, editing: [] }]);
  });
});
