// The newsroom stream's list over real HTTP: its order (scheduled, drafts, then published as readers see them,
// never by last change), its filters and search applied on the server and paged with a cursor, and an undo of
// a publish that every reader's socket hears as entry:deleted.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { EntryDTO, EntryPage } from "@/common/contracts/dto";
import { apiClient, startTestServer, waitFor, type TestServer } from "./harness";
import { closeSockets, connectSocket, joinBlog, ofType } from "./socket-reader";

let server: TestServer;
let editor: ReturnType<typeof apiClient>;
let journalist: ReturnType<typeof apiClient>;
let anon: ReturnType<typeof apiClient>;

beforeAll(async () => {
  server = await startTestServer();
  editor = apiClient(server.url, server.users.editor.token);
  journalist = apiClient(server.url, server.users.journalist.token);
  anon = apiClient(server.url);
});
afterEach(() => closeSockets());
afterAll(async () => {
  await server?.dispose();
});

async function post(client: typeof editor, slug: string, body: Record<string, unknown>): Promise<EntryDTO> {
  const answer = await client<{ entry: EntryDTO }>("POST", `/api/blogs/${slug}/entries`, body);
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body.entry;
}

/** Every page of the list for `query`, following nextCursor, with each page's length. */
async function readAll(client: typeof editor, slug: string, query: string): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let pages = 0;
  let before: string | null = null;
  do {
    const cursor: string = before ? `&before=${encodeURIComponent(before)}` : "";
    const answer = await client<EntryPage>("GET", `/api/blogs/${slug}/entries?status=all&${query}${cursor}`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    ids.push(...answer.body.entries.map((entry) => entry.id));
    before = answer.body.nextCursor;
    pages += 1;
  } while (before);
  return { ids, pages };
}

const later = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

describe("the newsroom stream's order", () => {
  let published: EntryDTO[];
  let drafts: EntryDTO[];
  let scheduled: EntryDTO[];

  beforeAll(async () => {
    expect((await editor("POST", "/api/blogs", { slug: "stream", title: "Stream" })).status).toBe(201);
    published = [];
    for (let i = 0; i < 5; i++)
      published.push(await post(editor, "stream", { body: `<p>Update ${i} on the fire</p>` }));
    drafts = [
      await post(journalist, "stream", { body: "<p>Journalist draft about rain</p>", status: "DRAFT" }),
      await post(editor, "stream", { headline: "Fire chief quotes", body: "<p>Editor draft</p>", status: "DRAFT" }),
    ];
    scheduled = [
      await post(editor, "stream", { body: "<p>Late</p>", status: "SCHEDULED", scheduledAt: later(90) }),
      await post(editor, "stream", { body: "<p>Soon</p>", status: "SCHEDULED", scheduledAt: later(30) }),
    ];
  });

  const newestFirst = () => [...published].reverse().map((entry) => entry.id);

  it("lists scheduled (soonest first), drafts (newest first), then published newest first, on every page size", async () => {
    const expected = [scheduled[1]!.id, scheduled[0]!.id, drafts[1]!.id, drafts[0]!.id, ...newestFirst()];
    expect((await readAll(editor, "stream", "limit=100")).ids).toEqual(expected);
    for (const limit of [1, 2, 3]) {
      const { ids, pages } = await readAll(editor, "stream", `limit=${limit}`);
      expect(ids).toEqual(expected);
      expect(pages).toBe(Math.ceil(expected.length / limit));
    }
  });

  it("keeps an old entry in its place when a colleague fixes a typo in it", async () => {
    const oldest = published[0]!;
    const fixed = await journalist("PATCH", `/api/blogs/stream/entries/${oldest.id}`, {
      version: oldest.version,
      body: "<p>Update 0 on the fire (typo fixed)</p>",
    });
    // A journalist may not edit the editor's entry; the editor fixes it.
    expect(fixed.status).toBe(403);
    const edited = await editor<{ entry: EntryDTO }>("PATCH", `/api/blogs/stream/entries/${oldest.id}`, {
      version: oldest.version,
      body: "<p>Update 0 on the fire (typo fixed)</p>",
    });
    expect(edited.status).toBe(200);
    published[0] = edited.body.entry;
    const { ids } = await readAll(editor, "stream", "limit=100&filter=published");
    expect(ids).toEqual(newestFirst());
    expect(ids.at(-1)).toBe(oldest.id);
  });

  it("follows the blog's reading order for published entries", async () => {
    expect((await editor("PATCH", "/api/blogs/stream", { defaultSort: "OLDEST" })).status).toBe(200);
    expect((await readAll(editor, "stream", "limit=2&filter=published")).ids).toEqual(published.map((e) => e.id));
    expect((await editor("PATCH", "/api/blogs/stream", { defaultSort: "NEWEST" })).status).toBe(200);
  });

  it("filters on the server, paged: drafts, scheduled, mine, published", async () => {
    expect((await readAll(editor, "stream", "limit=1&filter=drafts")).ids).toEqual([drafts[1]!.id, drafts[0]!.id]);
    expect((await readAll(editor, "stream", "limit=1&filter=scheduled")).ids).toEqual([
      scheduled[1]!.id,
      scheduled[0]!.id,
    ]);
    expect((await readAll(journalist, "stream", "limit=1&filter=mine")).ids).toEqual([drafts[0]!.id]);
    const published2 = await readAll(editor, "stream", "limit=2&filter=published");
    expect(published2.ids).toEqual(newestFirst());
    expect(published2.pages).toBe(3);
    // A journalist's Drafts are their own only.
    expect((await readAll(journalist, "stream", "limit=10&filter=drafts")).ids).toEqual([drafts[0]!.id]);
  });

  it("searches headlines and text (any case, not the markup), paged, combined with a filter", async () => {
    const fire = await readAll(editor, "stream", "limit=2&q=FIRE");
    expect(fire.ids).toEqual([drafts[1]!.id, ...newestFirst()]);
    expect((await readAll(editor, "stream", "limit=10&q=fire&filter=drafts")).ids).toEqual([drafts[1]!.id]);
    expect((await readAll(editor, "stream", "limit=10&q=rain")).ids).toEqual([drafts[0]!.id]);
    expect((await editor("POST", "/api/blogs", { slug: "markup", title: "Markup" })).status).toBe(201);
    const bold = await post(editor, "markup", { body: "<p><strong>Evacuation</strong> ordered</p>" });
    // "strong" is in the body's markup, not in its text; the text's words match across the tags.
    expect((await readAll(editor, "markup", "limit=10&q=strong")).ids).toEqual([]);
    expect((await readAll(editor, "markup", "limit=10&q=evacuation%20ordered")).ids).toEqual([bold.id]);
    expect((await readAll(editor, "stream", "limit=10&q=update%203")).ids).toEqual([published[3]!.id]);
  });

  it("refuses bad queries with a message, and never lists drafts for readers", async () => {
    const bad = await editor<{ error: string }>("GET", "/api/blogs/stream/entries?status=all&filter=nope");
    expect(bad.status).toBe(400);
    expect(bad.body.error).toContain("filter must be one of drafts, scheduled, submitted, mine, published");
    const long = await editor<{ error: string }>("GET", `/api/blogs/stream/entries?status=all&q=${"x".repeat(101)}`);
    expect(long.status).toBe(400);
    const cursor = await editor<{ error: string }>("GET", "/api/blogs/stream/entries?status=all&before=bm9wZQ");
    expect(cursor.status).toBe(400);
    expect(cursor.body.error).toContain("cursor");
    // Filters and search belong to the newsroom's list; the readers' list refuses them rather than ignoring them.
    const readers = await anon<{ error: string }>("GET", "/api/blogs/stream/entries?filter=drafts");
    expect(readers.status).toBe(400);
    expect((await anon("GET", "/api/blogs/stream/entries?status=all&filter=drafts")).status).toBe(401);
  });
});

describe("undoing a publish", () => {
  it("is a real deletion: readers' sockets hear entry:deleted and the entry leaves every public answer", async () => {
    expect((await editor("POST", "/api/blogs", { slug: "undo", title: "Undo" })).status).toBe(201);
    const reader = await connectSocket(server.url);
    expect(await joinBlog(reader, { slug: "undo" })).toMatchObject({ seq: 0 });
    const entry = await post(editor, "undo", { body: "<p>Published too soon</p>" });
    await waitFor(() => ofType(reader, "entry:published").length === 1, "entry:published");
    expect((await editor("DELETE", `/api/blogs/undo/entries/${entry.id}`)).status).toBe(204);
    const deleted = await waitFor(() => ofType(reader, "entry:deleted")[0], "entry:deleted");
    expect(deleted.payload).toMatchObject({ blog: "undo", id: entry.id });
    expect((await anon<EntryPage>("GET", "/api/blogs/undo/entries")).body.entries).toEqual([]);
    expect((await anon("GET", `/api/blogs/undo/entries/${entry.id}`)).status).toBe(404);
  });
});
