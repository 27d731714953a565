import { describe, expect, it } from "vitest";
import { parseSort, preferredAddress, sortParamOf, withSort } from "./sort-choice";

describe("the reader's choice of order", () => {
  it("reads ?sort=newest|oldest and nothing else", () => {
    expect(parseSort("newest")).toBe("NEWEST");
    expect(parseSort("oldest")).toBe("OLDEST");
    expect(parseSort("OLDEST")).toBeUndefined();
    expect(parseSort(["oldest"])).toBeUndefined();
    expect(parseSort(undefined)).toBeUndefined();
    expect(sortParamOf("OLDEST")).toBe("oldest");
  });

  it("puts the order in the address, keeping the rest of it", () => {
    expect(withSort("https://n.example/live/b?x=1#entry-a", "OLDEST")).toBe(
      "https://n.example/live/b?x=1&sort=oldest#entry-a",
    );
    expect(withSort("https://n.example/live/b?sort=oldest", "NEWEST")).toBe("https://n.example/live/b?sort=newest");
  });

  it("goes to the remembered order only when the address names none and the page shows another", () => {
    const bare = "https://n.example/live/b";
    expect(preferredAddress(bare, "NEWEST", "OLDEST")).toBe(`${bare}?sort=oldest`);
    expect(preferredAddress(bare, "OLDEST", "OLDEST")).toBeNull();
    expect(preferredAddress(bare, "OLDEST", undefined)).toBeNull();
    // The address wins over what was remembered: a shared ?sort= link shows what its sender saw.
    expect(preferredAddress(`${bare}?sort=newest`, "NEWEST", "OLDEST")).toBeNull();
  });
});
