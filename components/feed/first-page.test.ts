import { describe, expect, it } from "vitest";
import { FIRST_PAGE_SIZE, loadFirstPage } from "./first-page";

describe("loadFirstPage (the reload after a reset)", () => {
  it("reads the blog and its seq before the entries, so nothing between the two is lost", async () => {
    const calls: string[] = [];
    let blogAnswered = false;
    const fetchJson = async <T>(path: string): Promise<T> => {
      calls.push(path);
      if (path === "/api/blogs/storm") {
        await new Promise((r) => setTimeout(r, 10));
        blogAnswered = true;
        return { blog: { slug: "storm", seq: 41 } } as T;
      }
      expect(blogAnswered).toBe(true);
      const pinned = path.includes("pinned=true");
      return { entries: [{ id: pinned ? "p1" : "e1" }], nextCursor: pinned ? null : "next" } as T;
    };
    const fresh = await loadFirstPage("storm", fetchJson);
    expect(calls).toEqual([
      "/api/blogs/storm",
      "/api/blogs/storm/entries?pinned=true&limit=100",
      `/api/blogs/storm/entries?order=desc&limit=${FIRST_PAGE_SIZE}`,
    ]);
    expect(fresh).toMatchObject({ seq: 41, pinned: [{ id: "p1" }], entries: [{ id: "e1" }], nextCursor: "next" });
  });
});

describe("loadFirstPage oldest first", () => {
  it("asks for the oldest entries and says the page is in that order", async () => {
    const calls: string[] = [];
    const fetchJson = async <T>(path: string): Promise<T> => {
      calls.push(path);
      if (path === "/api/blogs/storm") return { blog: { slug: "storm", seq: 3 } } as T;
      return { entries: [], nextCursor: null, seq: 3 } as T;
    };
    const fresh = await loadFirstPage("storm", fetchJson, "OLDEST");
    expect(calls).toContain(`/api/blogs/storm/entries?order=asc&limit=${FIRST_PAGE_SIZE}`);
    expect(fresh.order).toBe("OLDEST");
  });
});

describe("loadFirstPage with answers from caches of different ages", () => {
  it("starts from the oldest seq among the answers, so the events in between are replayed", async () => {
    const fetchJson = async <T>(path: string): Promise<T> => {
      if (path === "/api/blogs/storm") return { blog: { slug: "storm", seq: 44 } } as T;
      // The unpinned page was read when the blog was at 42: entries 43 and 44 are not in it.
      return { entries: [], nextCursor: null, seq: path.includes("pinned=true") ? 44 : 42 } as T;
    };
    expect((await loadFirstPage("storm", fetchJson)).seq).toBe(42);
  });
});
