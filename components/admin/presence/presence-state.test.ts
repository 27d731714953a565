import { describe, expect, it } from "vitest";
import type { PresencePerson } from "@/common/contracts/events";
import { colleaguesEditing, editingClaims, editingNotice, namesInWords, othersHere } from "./presence-state";

const ana: PresencePerson = { id: "u-ana", name: "Ana", editing: ["e1"] };
const ben: PresencePerson = { id: "u-ben", name: "Ben", editing: ["e1", "e2"] };
const me: PresencePerson = { id: "u-me", name: "Me", editing: ["e1"] };

describe("presence state", () => {
  it("leaves the signed-in person out of who else is here and who else edits an entry", () => {
    expect(othersHere([ana, me, ben], "u-me")).toEqual([ana, ben]);
    expect(colleaguesEditing([ana, me, ben], "u-me", "e1")).toEqual([ana, ben]);
    expect(colleaguesEditing([ana, me, ben], "u-me", "e2")).toEqual([ben]);
    expect(colleaguesEditing([ana, me, ben], "u-me", "e3")).toEqual([]);
  });

  it("names people in words, shortening long lists", () => {
    expect(namesInWords([])).toBe("");
    expect(namesInWords(["Ana"])).toBe("Ana");
    expect(namesInWords(["Ana", "Ben"])).toBe("Ana and Ben");
    expect(namesInWords(["Ana", "Ben", "Cy"])).toBe("Ana, Ben and Cy");
    expect(namesInWords(["Ana", "Ben", "Cy", "Di"])).toBe("Ana, Ben and 2 others");
  });

  it("says who else is editing, inside an editor and on a card", () => {
    expect(editingNotice([], true)).toBeNull();
    expect(editingNotice([ana], true)).toBe("Ana is also editing");
    expect(editingNotice([ana, ben], true)).toBe("Ana and Ben are also editing");
    expect(editingNotice([ana], false)).toBe("Ana is editing");
  });

  it("claims at most three open entries, the most recently opened, and only known ones", () => {
    const known = (id: string) => id !== "gone";
    expect(editingClaims([], known)).toEqual([]);
    expect(editingClaims(["e1", "gone", "e2"], known)).toEqual(["e1", "e2"]);
    expect(editingClaims(new Set(["e1", "e2", "e3", "e4"]), known)).toEqual(["e2", "e3", "e4"]);
  });
});
