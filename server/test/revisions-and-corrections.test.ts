// Revisions, restores, correction notes and the 409's answer, against the real process over HTTP and real
// sockets: every save keeps a version for the newsroom (drafts' autosaves folded), none of it is ever public,
// corrections reach readers live, in replays, the feed and JSON-LD, and only the right people may do each.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { entryConflictSchema, type AuditEventDTO, type EntryDTO, type RevisionDTO } from "@/common/contracts/dto";
import type { EventsPage } from "@/common/contracts/events";
import { apiClient, startTestServer, waitFor, type TestServer } from "./harness";
import { everythingPublic } from "./public-answers";
import { closeSockets, connectSocket, joinBlog, ofType } from "./socket-reader";

const SLUG = "count-night";
let server: TestServer;
let anon: ReturnType<typeof apiClient>;
let admin: ReturnType<typeof apiClient>;
let editor: ReturnType<typeof apiClient>;
let journalist: ReturnType<typeof apiClient>;
let journalist2: ReturnType<typeof apiClient>;

beforeAll(async () => {
  server = await startTestServer({ env: { READ_RATE_PER_MINUTE: "0" } });
  anon = apiClient(server.url);
  admin = apiClient(server.url, server.users.admin.token);
  editor = apiClient(server.url, server.users.editor.token);
  journalist = apiClient(server.url, server.users.journalist.token);
  journalist2 = apiClient(server.url, server.users.journalist2.token);
  expect((await editor("POST", "/api/blogs", { slug: SLUG, title: "Count night" })).status).toBe(201);
});

afterAll(async () => {
  closeSockets();
  await server?.dispose();
});

const entries = `/api/blogs/${SLUG}/entries`;

async function create(client: typeof editor, entry: Record<string, unknown>): Promise<EntryDTO> {
  const answer = await client<{ entry: EntryDTO }>("POST", entries, entry);
  expect(answer.status).toBe(201);
  return answer.body.entry;
}

async function patch(client: typeof editor, entry: Pick<EntryDTO, "id">, change: Record<string, unknown>) {
  const answer = await client<{ entry: EntryDTO }>("PATCH", `${entries}/${entry.id}`, change);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body.entry;
}

async function revisionsOf(client: typeof editor, entry: Pick<EntryDTO, "id">): Promise<RevisionDTO[]> {
  const answer = await client<{ revisions: RevisionDTO[] }>("GET", `${entries}/${entry.id}/revisions`);
  expect(answer.status).toBe(200);
  return answer.body.revisions;
}

describe("revisions", () => {
  it("keeps every saved version of a published entry, newest first, with who saved it", async () => {
    const entry = await create(editor, { headline: "Turnout", body: "<p>Turnout reached 7 000 by noon.</p>" });
    const edited = await patch(admin, entry, { version: 1, body: "<p>Turnout reached 9 000 by noon.</p>" });
    await patch(editor, edited, { version: 2, label: "Breaking", keyEvent: true });
    const revisions = await revisionsOf(editor, entry);
    expect(revisions.map((r) => [r.version, r.savedBy?.name, r.status])).toEqual([
      [3, "Test editor", "PUBLISHED"],
      [2, "Test admin", "PUBLISHED"],
      [1, "Test editor", "PUBLISHED"],
    ]);
    expect(revisions[0]).toMatchObject({
      label: "Breaking",
      keyEvent: true,
      body: "<p>Turnout reached 9 000 by noon.</p>",
    });
    expect(revisions[2]).toMatchObject({ headline: "Turnout", body: "<p>Turnout reached 7 000 by noon.</p>" });
  });

  it("folds one person's consecutive draft saves, and starts a new revision for someone else, later, or a publish", async () => {
    let draft = await create(editor, { body: "<p>Draft one</p>", status: "DRAFT" });
    draft = await patch(editor, draft, { version: draft.version, body: "<p>Draft one two</p>" });
    draft = await patch(editor, draft, { version: draft.version, body: "<p>Draft one two three</p>" });
    let revisions = await revisionsOf(editor, draft);
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({ version: 3, body: "<p>Draft one two three</p>", status: "DRAFT" });
    expect(revisions[0]!.savedAt > revisions[0]!.createdAt).toBe(true);

    draft = await patch(admin, draft, { version: draft.version, headline: "Admin's headline" });
    expect((await revisionsOf(editor, draft)).map((r) => r.version)).toEqual([4, 3]);

    // Past the fold window the same person's next save is a revision of its own.
    await server.db.prisma.entryRevision.updateMany({
      where: { entryId: draft.id },
      data: { createdAt: new Date(Date.now() - 10 * 60_000) },
    });
    draft = await patch(editor, draft, { version: draft.version, body: "<p>Much later</p>" });
    draft = await patch(editor, draft, { version: draft.version, body: "<p>Much later, again</p>" });
    draft = await patch(editor, draft, { version: draft.version, status: "PUBLISHED" });
    revisions = await revisionsOf(editor, draft);
    expect(revisions.map((r) => [r.version, r.status])).toEqual([
      [7, "PUBLISHED"],
      [6, "DRAFT"],
      [4, "DRAFT"],
      [3, "DRAFT"],
    ]);
  });

  it("restores an earlier version as a new save, checked against the current version and audited", async () => {
    const entry = await create(editor, { headline: "Result", body: "<p>Ana leads.</p>" });
    const edited = await patch(editor, entry, { version: 1, headline: "Result: Ben leads", body: "<p>Ben leads.</p>" });
    const [, first] = await revisionsOf(editor, entry);

    const stale = await editor("POST", `${entries}/${entry.id}/revisions/${first!.id}/restore`, { version: 1 });
    expect(stale.status).toBe(409);
    expect(entryConflictSchema.parse(stale.body).current.version).toBe(2);

    const restored = await editor<{ entry: EntryDTO }>(
      "POST",
      `${entries}/${entry.id}/revisions/${first!.id}/restore`,
      {
        version: edited.version,
      },
    );
    expect(restored.status).toBe(200);
    expect(restored.body.entry).toMatchObject({ headline: "Result", body: "<p>Ana leads.</p>", version: 3 });
    const revisions = await revisionsOf(editor, entry);
    expect(revisions[0]).toMatchObject({ version: 3, restoredFromId: first!.id, headline: "Result" });
    const audit = await editor<{ events: AuditEventDTO[] }>("GET", `/api/blogs/${SLUG}/audit`);
    expect(audit.body.events.find((e) => e.entryId === entry.id)).toMatchObject({
      action: "entry.restored",
      actor: { name: "Test editor" },
    });

    // A revision of another entry, or an unknown one, is not restorable here.
    const other = await create(editor, { body: "<p>Other</p>" });
    expect((await editor("POST", `${entries}/${other.id}/revisions/${first!.id}/restore`, { version: 1 })).status).toBe(
      404,
    );
    expect((await editor("POST", `${entries}/${entry.id}/revisions/${first!.id}/restore`, {})).status).toBe(400);
  });

  it("lets writers see the history of what they may edit, and nobody else", async () => {
    const editors = await create(editor, { body: "<p>Editor's entry</p>" });
    const own = await create(journalist, { body: "<p>Journalist's draft</p>", status: "DRAFT" });
    expect((await anon("GET", `${entries}/${editors.id}/revisions`)).status).toBe(401);
    expect((await journalist("GET", `${entries}/${editors.id}/revisions`)).status).toBe(403);
    expect(await revisionsOf(journalist, own)).toHaveLength(1);
    expect(await revisionsOf(editor, own)).toHaveLength(1);
    // A colleague's draft does not exist for another journalist.
    expect((await journalist2("GET", `${entries}/${own.id}/revisions`)).status).toBe(404);
    const [revision] = await revisionsOf(editor, editors);
    expect(
      (await journalist("POST", `${entries}/${editors.id}/revisions/${revision!.id}/restore`, { version: 1 })).status,
    ).toBe(403);

    // A deleted entry's history stays with the editors, not with journalists.
    const gone = await create(journalist, { body: "<p>Soon deleted</p>" });
    expect((await journalist("DELETE", `${entries}/${gone.id}`)).status).toBe(204);
    expect(await revisionsOf(editor, gone)).toHaveLength(1);
    expect((await journalist("GET", `${entries}/${gone.id}/revisions`)).status).toBe(404);
  });
});

describe("a stale save", () => {
  it("gets a 409 with the entry as it is now, who changed it and when", async () => {
    const entry = await create(journalist, { headline: "Queues", body: "<p>Long queues.</p>" });
    const theirs = await patch(admin, entry, { version: 1, headline: "Queues at every station" });
    const stale = await journalist("PATCH", `${entries}/${entry.id}`, { version: 1, body: "<p>Short queues.</p>" });
    expect(stale.status).toBe(409);
    const conflict = entryConflictSchema.parse(stale.body);
    expect(conflict.current).toMatchObject({
      version: 2,
      headline: "Queues at every station",
      body: "<p>Long queues.</p>",
    });
    expect(conflict.changedBy).toEqual({ id: server.users.admin.id, name: "Test admin" });
    expect(conflict.changedAt).toBe((await revisionsOf(editor, entry))[0]!.savedAt);
    expect(conflict.error).toContain("Test admin");
    expect(theirs.version).toBe(2);
  });
});

describe("correction notes", () => {
  it("reach readers live with a seq, in replays, the read API, the page, JSON-LD and the feed", async () => {
    const entry = await create(editor, { headline: "Turnout figure", body: "<p>Turnout was 9 000.</p>" });
    const reader = await connectSocket(server.url);
    const joined = await joinBlog(reader, { slug: SLUG });
    expect(joined.error).toBeUndefined();
    const before = joined.seq!;

    const text = "An earlier version said 7 000; it was 9 000. <b>not markup</b>";
    const answer = await editor<{ entry: EntryDTO }>("POST", `${entries}/${entry.id}/corrections`, {
      text: ` ${text}\n`,
    });
    expect(answer.status).toBe(201);
    expect(answer.body.entry.version).toBe(entry.version);
    expect(answer.body.entry.corrections).toEqual([{ id: expect.any(String), text, createdAt: expect.any(String) }]);
    expect(answer.body.entry.editedAt).not.toBeNull();

    const heard = await waitFor(
      () => ofType(reader, "entry:updated").find((e) => e.payload.entry.id === entry.id),
      "the correction's event",
    );
    expect(heard.payload.seq).toBe(before + 1);
    expect(heard.payload.entry.corrections.map((note) => note.text)).toEqual([text]);

    const replay = await anon<EventsPage>("GET", `/api/blogs/${SLUG}/events?since=${before}`);
    const replayed = replay.body.events.find((event) => event.type === "entry:updated");
    expect(replayed?.type === "entry:updated" && replayed.payload.entry.corrections[0]?.text).toBe(text);
    expect((await anon<{ entry: EntryDTO }>("GET", `${entries}/${entry.id}`)).body.entry.corrections[0]?.text).toBe(
      text,
    );

    const page = await (await fetch(`${server.url}/live/${SLUG}/entries/${entry.id}`)).text();
    expect(page).toContain("Correction: An earlier version said 7 000; it was 9 000. &lt;b&gt;not markup&lt;/b&gt;");
    const jsonLd = [...page.matchAll(/<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/g)].map(
      (match) => JSON.parse(match[1]!) as { liveBlogUpdate?: { url: string; correction?: unknown }[] },
    );
    const blogPage = await (await fetch(`${server.url}/live/${SLUG}`)).text();
    const posting = JSON.parse(
      /<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/.exec(blogPage)![1]!,
    ) as {
      liveBlogUpdate: { url: string; correction?: unknown }[];
    };
    expect(blogPage).toContain("Correction: An earlier version said 7 000");
    expect(posting.liveBlogUpdate.find((update) => update.url.endsWith(entry.id))?.correction).toEqual([
      {
        "@type": "CorrectionComment",
        text: `Correction: ${text}`,
        datePublished: answer.body.entry.corrections[0]!.createdAt,
      },
    ]);
    expect(jsonLd.length).toBeGreaterThan(0);
    const feed = await (await fetch(`${server.url}/live/${SLUG}/feed.xml`)).text();
    expect(feed).toContain("Correction: An earlier version said 7 000; it was 9 000. &amp;lt;b&amp;gt;not markup");
    const embed = await (await fetch(`${server.url}/embed/${SLUG}`)).text();
    expect(embed).toContain("Correction: An earlier version said 7 000; it was 9 000. &lt;b&gt;");
  });

  it("are for editors and admins, on published entries, as short plain text", async () => {
    const own = await create(journalist, { body: "<p>Journalist's own entry</p>" });
    const draft = await create(editor, { body: "<p>A draft</p>", status: "DRAFT" });
    const correct = (client: typeof editor, entry: Pick<EntryDTO, "id">, body: unknown) =>
      client("POST", `${entries}/${entry.id}/corrections`, body);
    expect((await correct(anon, own, { text: "x" })).status).toBe(401);
    expect((await correct(journalist, own, { text: "A journalist corrects" })).status).toBe(403);
    expect((await correct(editor, draft, { text: "On a draft" })).status).toBe(409);
    expect((await correct(editor, own, { text: "   " })).status).toBe(400);
    expect((await correct(editor, own, { text: "x".repeat(501) })).status).toBe(400);
    expect((await correct(editor, own, { text: "ok", extra: 1 })).status).toBe(400);
    expect((await correct(editor, { id: "nope" }, { text: "ok" })).status).toBe(404);
    expect((await correct(admin, own, { text: "Correction: the admin's note" })).status).toBe(201);
    const page = await (await fetch(`${server.url}/live/${SLUG}/entries/${own.id}`)).text();
    // Written with its own "Correction:" it is not said twice.
    expect(page).toContain("Correction: the admin&#x27;s note");
    expect(page).not.toContain("Correction: Correction:");
  });
});

describe("earlier versions", () => {
  it("are on no public surface: pages, permalinks, embed, feed, read API, event replay and a socket's join", async () => {
    const entry = await create(editor, { headline: "MARK-OLD-HEAD", body: "<p>MARK-OLD-BODY said 7 000.</p>" });
    const draft = await create(editor, { body: "<p>MARK-DRAFT-REVISION</p>", status: "DRAFT" });
    const edited = await patch(editor, entry, { version: 1, headline: "Count", body: "<p>It was 9 000.</p>" });
    await patch(admin, edited, { version: 2, body: "<p>It was 9 000, officially.</p>" });
    await patch(editor, draft, { version: 1, body: "<p>Still a draft</p>" });
    const gone = await create(editor, { body: "<p>MARK-DELETED-BODY</p>" });
    expect((await editor("DELETE", `${entries}/${gone.id}`)).status).toBe(204);
    expect((await revisionsOf(editor, entry)).some((r) => r.headline === "MARK-OLD-HEAD")).toBe(true);

    const seen = await everythingPublic(server.url, SLUG, [entry.id, draft.id, gone.id]);
    expect(seen).toContain("It was 9 000, officially.");
    for (const marker of ["MARK-OLD-HEAD", "MARK-OLD-BODY", "MARK-DRAFT-REVISION", "MARK-DELETED-BODY"])
      expect(seen, marker).not.toContain(marker);
    expect((await anon("GET", `${entries}/${gone.id}/revisions`)).status).toBe(401);
  });
});
