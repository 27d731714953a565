// The approval workflow over real HTTP and real sockets: a contributor submits, the editors' newsroom sockets
// hear it at once, an editor publishes it through the event log (readers get entry:published), sends one back
// with a note (the contributor's socket hears it) or rejects it; two editors acting at once get one win and a
// 409; a contributor's token can neither publish nor pin; and nothing submitted, returned or rejected is ever
// in a public answer. On PostgreSQL with Redis, the editor and the contributor sit on different nodes.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { AuditEventDTO, EntryDTO, SubmissionDTO } from "@/common/contracts/dto";
import { BLOG_EVENT_TYPES } from "@/common/contracts/events";
import { apiClient, sessionCookie, waitFor, type TestServer, type TestUser } from "./harness";
import { postgres, startNodePair, type NodePair } from "./node-pair";
import { everythingPublic } from "./public-answers";
import { closeSockets, connectSocket, joinBlog, joinNewsroom, ofType } from "./socket-reader";

const SLUG = "field-reports";
let nodes: NodePair;
let a: TestServer;
/** Where the contributor works: node B on PostgreSQL, node A on SQLite. */
let b: { url: string };
type Client = ReturnType<typeof apiClient>;
let editor: Client;
let admin: Client;
let journalist: Client;
let contributor: Client;
let contributor2: Client;

beforeAll(async () => {
  nodes = await startNodePair("review", { READ_RATE_PER_MINUTE: "0", WRITE_RATE_PER_MINUTE: "0" });
  a = nodes.a;
  b = nodes.b ?? nodes.a;
  editor = apiClient(a.url, a.users.editor.token);
  admin = apiClient(a.url, a.users.admin.token);
  journalist = apiClient(a.url, a.users.journalist.token);
  contributor = apiClient(b.url, a.users.contributor.token);
  contributor2 = apiClient(b.url, a.users.contributor2.token);
  expect((await editor("POST", "/api/blogs", { slug: SLUG, title: "Field reports" })).status).toBe(201);
});

afterEach(closeSockets);

afterAll(async () => {
  await nodes?.stop();
});

const NEWSROOM_EVENTS = ["admin:entry-saved", "admin:entry-removed", "admin:entry-reviewed"] as const;

async function newsroomSocket(base: string, user: TestUser) {
  const socket = await connectSocket(base, {
    events: NEWSROOM_EVENTS,
    headers: { cookie: await sessionCookie(base, user) },
  });
  expect(await joinNewsroom(socket, { slug: SLUG })).toEqual({ ok: true });
  return socket;
}

async function submit(client: Client, headline: string, body = `<p>${headline} body</p>`): Promise<EntryDTO> {
  const answer = await client<{ entry: EntryDTO }>("POST", `/api/blogs/${SLUG}/entries`, { headline, body });
  expect(answer.status).toBe(201);
  return answer.body.entry;
}

const review = (client: Client, id: string, body: unknown) =>
  client<SubmissionDTO & { error?: string; current?: EntryDTO }>(
    "POST",
    `/api/blogs/${SLUG}/entries/${id}/review`,
    body,
  );

async function auditOf(id: string): Promise<AuditEventDTO[]> {
  const answer = await editor<{ events: AuditEventDTO[] }>("GET", `/api/blogs/${SLUG}/audit?limit=100`);
  return answer.body.events.filter((event) => event.entryId === id);
}

describe(`the approval workflow (${postgres ? "two PostgreSQL nodes through Redis" : "SQLite"})`, () => {
  it("brings a submission to the editors live, publishes it to readers, and tells its contributor", async () => {
    const editorSocket = await newsroomSocket(a.url, a.users.editor);
    const journalistSocket = await newsroomSocket(a.url, a.users.journalist);
    const contributorSocket = await newsroomSocket(b.url, a.users.contributor);
    const otherContributor = await newsroomSocket(b.url, a.users.contributor2);
    const reader = await connectSocket(b.url, { events: BLOG_EVENT_TYPES });
    const seq = (await joinBlog(reader, { slug: SLUG })).seq ?? 0;

    // A contributor's publish is a submission: nobody reads it yet.
    const entry = await submit(contributor, "Flooded bridge on the A9");
    expect(entry.status).toBe("SUBMITTED");
    const arrived = await waitFor(() => ofType(editorSocket, "admin:entry-reviewed")[0], "the submission, live");
    expect(arrived.payload).toMatchObject({
      blog: SLUG,
      entry: { id: entry.id, status: "SUBMITTED" },
      review: { action: "submitted", by: { id: a.users.contributor.id } },
    });
    const queue = await editor<{ submissions: SubmissionDTO[] }>("GET", `/api/blogs/${SLUG}/submissions`);
    expect(queue.body.submissions.map((item) => item.entry.id)).toContain(entry.id);

    const published = await review(editor, entry.id, { action: "publish", version: entry.version });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ entry: { status: "PUBLISHED" }, review: { action: "published" } });
    const event = await waitFor(() => ofType(reader, "entry:published")[0], "the reader's entry:published");
    expect(event.payload).toMatchObject({ blog: SLUG, seq: seq + 1, entry: { id: entry.id, status: "PUBLISHED" } });
    const outcome = await waitFor(
      () =>
        ofType(contributorSocket, "admin:entry-reviewed").find((heard) => heard.payload.review.action === "published"),
      "the contributor hearing it was published",
    );
    expect(outcome.payload.review.by).toEqual({ id: a.users.editor.id, name: "Test editor" });
    // Published, it is everyone's: the other contributor's stream gets it too.
    await waitFor(
      () => ofType(otherContributor, "admin:entry-saved").find((heard) => heard.payload.entry.id === entry.id),
      "the published entry in another contributor's stream",
    );
    const actions = (await auditOf(entry.id)).map((row) => [row.action, row.summary]);
    expect(actions).toContainEqual(["entry.submitted", "Flooded bridge on the A9"]);
    expect(actions).toContainEqual(["entry.published", "Test contributor's submission: Flooded bridge on the A9"]);
    // Reviews go to the editors and admins who act on them, not to journalists.
    expect(ofType(journalistSocket, "admin:entry-reviewed")).toEqual([]);
  });

  it("sends an entry back with a note the contributor hears, takes the resubmission, and rejects", async () => {
    const editorSocket = await newsroomSocket(a.url, a.users.editor);
    const contributorSocket = await newsroomSocket(b.url, a.users.contributor);
    const otherContributor = await newsroomSocket(b.url, a.users.contributor2);
    const entry = await submit(contributor, "Crowd at the station");

    // A note is required to send an entry back.
    expect((await review(editor, entry.id, { action: "return" })).status).toBe(400);
    const returned = await review(editor, entry.id, { action: "return", note: "Which station? Add a source." });
    expect(returned.status).toBe(200);
    const heard = await waitFor(
      () => ofType(contributorSocket, "admin:entry-reviewed").find((e) => e.payload.review.action === "returned"),
      "the note, live",
    );
    expect(heard.payload).toMatchObject({
      entry: { id: entry.id, status: "RETURNED" },
      review: { note: "Which station? Add a source.", by: { name: "Test editor" } },
    });
    // Returned, it is the contributor's to edit and submit again; an editor cannot settle it meanwhile.
    expect((await review(editor, entry.id, { action: "publish" })).status).toBe(409);
    const resubmitted = await contributor<{ entry: EntryDTO }>("PATCH", `/api/blogs/${SLUG}/entries/${entry.id}`, {
      version: returned.body.entry.version,
      headline: "Crowd at Central Station",
      status: "SUBMITTED",
    });
    expect(resubmitted.status).toBe(200);
    expect(resubmitted.body.entry).toMatchObject({ status: "SUBMITTED", headline: "Crowd at Central Station" });
    await waitFor(
      () => ofType(editorSocket, "admin:entry-reviewed").filter((e) => e.payload.entry.id === entry.id).length >= 2,
      "the resubmission in the queue",
    );

    const rejected = await review(editor, entry.id, { action: "reject", note: "We cannot confirm it." });
    expect(rejected.body).toMatchObject({ entry: { status: "REJECTED" }, review: { action: "rejected" } });
    await waitFor(
      () => ofType(contributorSocket, "admin:entry-reviewed").find((e) => e.payload.review.action === "rejected"),
      "the rejection, live",
    );
    // Rejected is final: the contributor may not edit or resubmit it.
    const edit = await contributor("PATCH", `/api/blogs/${SLUG}/entries/${entry.id}`, {
      version: rejected.body.entry.version,
      status: "SUBMITTED",
    });
    expect(edit.status).toBe(403);
    const mine = await contributor<{ submissions: SubmissionDTO[] }>("GET", `/api/blogs/${SLUG}/submissions`);
    expect(mine.body.submissions.find((item) => item.entry.id === entry.id)?.review).toMatchObject({
      action: "rejected",
      note: "We cannot confirm it.",
    });
    expect((await auditOf(entry.id)).map((row) => row.action)).toEqual(
      expect.arrayContaining(["entry.submitted", "entry.returned", "entry.rejected"]),
    );
    // Another contributor heard nothing of it, and cannot read it.
    expect(otherContributor.received.filter((e) => JSON.stringify(e).includes(entry.id))).toEqual([]);
    expect((await contributor2("GET", `/api/blogs/${SLUG}/entries/${entry.id}`)).status).toBe(404);
    const theirs = await contributor2<{ submissions: SubmissionDTO[] }>("GET", `/api/blogs/${SLUG}/submissions`);
    expect(theirs.body.submissions.map((item) => item.entry.id)).not.toContain(entry.id);
  });

  it("lets exactly one of two editors settle a submission; the other gets a 409 saying who did", async () => {
    const entry = await submit(contributor, "Power back in the north");
    const [first, second] = await Promise.all([
      review(editor, entry.id, { action: "publish", version: entry.version }),
      review(admin, entry.id, { action: "reject", version: entry.version }),
    ]);
    const statuses = [first.status, second.status].sort();
    expect(statuses).toEqual([200, 409]);
    const loser = first.status === 409 ? first : second;
    const winner = first.status === 200 ? first : second;
    expect(loser.body.error).toMatch(/already (published|rejected) this submission/);
    expect(loser.body.current?.status).toBe(winner.body.entry.status);
    const reviews = (await auditOf(entry.id)).filter((row) => row.action !== "entry.submitted");
    expect(reviews).toHaveLength(1);
  });

  it("refuses to publish text the contributor changed after the editor read it", async () => {
    const entry = await submit(contributor, "Road closed");
    const edited = await contributor<{ entry: EntryDTO }>("PATCH", `/api/blogs/${SLUG}/entries/${entry.id}`, {
      version: entry.version,
      body: "<p>Road closed until Friday.</p>",
    });
    expect(edited.body.entry).toMatchObject({ status: "SUBMITTED", version: entry.version + 1 });
    const stale = await review(editor, entry.id, { action: "publish", version: entry.version });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatch(/changed this submission since you read it/);
    // Once published, the contributor's edit of the version they had is a 409, not a change to the public entry.
    const fresh = await review(editor, entry.id, { action: "publish", version: edited.body.entry.version });
    expect(fresh.status).toBe(200);
    const late = await contributor("PATCH", `/api/blogs/${SLUG}/entries/${entry.id}`, {
      version: edited.body.entry.version,
      body: "<p>Changed after publishing</p>",
    });
    expect([403, 409]).toContain(late.status);
    const now = await apiClient(a.url)<{ entry: EntryDTO }>("GET", `/api/blogs/${SLUG}/entries/${entry.id}`);
    expect(now.body.entry.body).toBe("<p>Road closed until Friday.</p>");
  });

  it("gives a contributor's token no way to publish, schedule, pin, review or see colleagues' drafts", async () => {
    const asDraft = await contributor<{ entry: EntryDTO }>("POST", `/api/blogs/${SLUG}/entries`, {
      body: "<p>draft</p>",
      status: "DRAFT",
    });
    expect(asDraft.body.entry.status).toBe("DRAFT");
    const id = asDraft.body.entry.id;
    const path = `/api/blogs/${SLUG}/entries/${id}`;
    const patch = (body: object) => contributor("PATCH", path, { version: 1, ...body });
    expect((await patch({ status: "PUBLISHED" })).status).toBe(403);
    const inAnHour = new Date(Date.now() + 3_600_000).toISOString();
    expect((await patch({ status: "SCHEDULED", scheduledAt: inAnHour })).status).toBe(403);
    const scheduled = { body: "<p>later</p>", status: "SCHEDULED", scheduledAt: inAnHour };
    expect((await contributor("POST", `/api/blogs/${SLUG}/entries`, scheduled)).status).toBe(403);
    expect((await patch({ status: "REJECTED" })).status).toBe(400);
    expect((await contributor("PUT", `${path}/pin`)).status).toBe(403);
    expect((await review(contributor, id, { action: "publish" })).status).toBe(403);
    const asOther = { body: "<p>x</p>", authorId: a.users.editor.id };
    expect((await contributor("POST", `/api/blogs/${SLUG}/entries`, asOther)).status).toBe(403);
    // Staff publish directly; only contributors submit, and journalists take no part in review.
    expect(
      (await journalist("POST", `/api/blogs/${SLUG}/entries`, { body: "<p>j</p>", status: "SUBMITTED" })).status,
    ).toBe(403);
    expect((await journalist("GET", `/api/blogs/${SLUG}/submissions`)).status).toBe(403);
    expect((await review(journalist, id, { action: "publish" })).status).toBe(403);
    expect((await apiClient(a.url)("GET", `/api/blogs/${SLUG}/submissions`)).status).toBe(401);

    const colleagueDraft = await journalist<{ entry: EntryDTO }>("POST", `/api/blogs/${SLUG}/entries`, {
      body: "<p>journalist's draft</p>",
      status: "DRAFT",
    });
    const list = await contributor<{ entries: EntryDTO[] }>("GET", `/api/blogs/${SLUG}/entries?status=all&limit=100`);
    expect(list.body.entries.every((e) => e.status === "PUBLISHED" || e.author.id === a.users.contributor.id)).toBe(
      true,
    );
    expect(list.body.entries.map((e) => e.id)).toContain(id);
    expect((await contributor("GET", `/api/blogs/${SLUG}/entries/${colleagueDraft.body.entry.id}`)).status).toBe(404);
    expect((await contributor("DELETE", `/api/blogs/${SLUG}/entries/${colleagueDraft.body.entry.id}`)).status).toBe(
      404,
    );
  });

  it("keeps its colleagues' drafts off a contributor's newsroom socket", async () => {
    const contributorSocket = await newsroomSocket(b.url, a.users.contributor);
    const editorSocket = await newsroomSocket(a.url, a.users.editor);
    const draft = await journalist<{ entry: EntryDTO }>("POST", `/api/blogs/${SLUG}/entries`, {
      body: "<p>MARK-COLLEAGUE-DRAFT</p>",
      status: "DRAFT",
    });
    const theirs = await submit(contributor2, "MARK-OTHER-SUBMISSION");
    const mine = await submit(contributor, "Own submission");
    await waitFor(
      () => ofType(editorSocket, "admin:entry-saved").some((e) => e.payload.entry.id === mine.id),
      "the editor hearing all three",
    );
    await waitFor(
      () => ofType(contributorSocket, "admin:entry-saved").some((e) => e.payload.entry.id === mine.id),
      "the contributor hearing their own",
    );
    const heard = JSON.stringify(contributorSocket.received);
    expect(heard).not.toContain(draft.body.entry.id);
    expect(heard).not.toContain(theirs.id);
  });

  it("never shows a submitted, returned or rejected entry in any public answer", async () => {
    const submitted = await submit(contributor, "MARK-SUBMITTED-HEAD", "<p>MARK-SUBMITTED-BODY</p>");
    const toReturn = await submit(contributor, "MARK-RETURNED-HEAD", "<p>MARK-RETURNED-BODY</p>");
    const toReject = await submit(contributor, "MARK-REJECTED-HEAD", "<p>MARK-REJECTED-BODY</p>");
    expect((await review(editor, toReturn.id, { action: "return", note: "MARK-NOTE" })).status).toBe(200);
    expect((await review(editor, toReject.id, { action: "reject", note: "MARK-NOTE" })).status).toBe(200);
    // An editor pinning and keying a submission before publishing it makes it no more public.
    expect((await editor("PUT", `/api/blogs/${SLUG}/entries/${submitted.id}/pin`)).status).toBe(200);
    const ids = [submitted.id, toReturn.id, toReject.id];
    for (const node of nodes.urls) {
      const seen = await everythingPublic(node, SLUG, ids);
      for (const marker of ["MARK-SUBMITTED", "MARK-RETURNED", "MARK-REJECTED", "MARK-NOTE"]) {
        expect(seen.includes(marker), `${marker} on ${node}`).toBe(false);
      }
    }
  });
});
