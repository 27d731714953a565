// What the newsroom deletes, unpublishes or edits away is gone from every public answer: pages (HTML and
// the data Next's client navigations fetch), permalinks, the embed, the Atom feed, the read API, the event
// log over HTTP and a socket join's replay, with every cache warmed before the change. On SQLite, one
// node; on PostgreSQL with Redis, on both nodes of a pair as well.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EntryDTO } from "@/common/contracts/dto";
import { apiClient, waitFor, type TestServer } from "./harness";
import { postgres, startNodePair, type NodePair } from "./node-pair";
import { everythingPublic } from "./public-answers";
import { closeSockets } from "./socket-reader";

// Two nodes share readers and cache drops through Redis; one node alone on SQLite.
// Reads unthrottled: a 429 would hide the markers and let the scan pass for the wrong reason.
const env = { READ_RATE_PER_MINUTE: "0" };

let a: TestServer;
let nodes: NodePair;
let editor: ReturnType<typeof apiClient>;

beforeAll(async () => {
  nodes = await startNodePair("surfaces", env);
  a = nodes.a;
  editor = apiClient(a.url, a.users.editor.token);
});

afterAll(async () => {
  closeSockets();
  await nodes?.stop();
});

const SLUG = "libel-watch";

async function publish(entry: { headline?: string; body: string; keyEvent?: boolean }): Promise<EntryDTO> {
  const answer = await editor<{ entry: EntryDTO }>("POST", `/api/blogs/${SLUG}/entries`, entry);
  expect(answer.status).toBe(201);
  return answer.body.entry;
}

describe(`what the newsroom takes back (${postgres ? "two PostgreSQL nodes" : "SQLite"})`, () => {
  it("is on no public surface once the change commits, caches warmed before it included", async () => {
    const created = await editor("POST", "/api/blogs", {
      slug: SLUG,
      title: "MARK-TITLE Live",
      summary: "MARK-SUMMARY",
    });
    expect(created.status).toBe(201);
    const kept = await publish({ headline: "Kept headline", body: "<p>Kept and true.</p>" });
    const edited = await publish({ headline: "MARK-EDIT-HEAD", body: "<p>MARK-EDIT-BODY claims</p>", keyEvent: true });
    const unpublished = await publish({ headline: "MARK-DRAFT-HEAD", body: "<p>MARK-DRAFT-BODY</p>" });
    const deleted = await publish({ headline: "MARK-DEL-HEAD", body: "<p>MARK-DEL-BODY</p>", keyEvent: true });
    const rescheduled = await publish({ body: "<p>MARK-SCHED-BODY</p>" });
    expect((await editor("PUT", `/api/blogs/${SLUG}/entries/${deleted.id}/pin`)).status).toBe(200);
    const ids = [kept.id, edited.id, unpublished.id, deleted.id, rescheduled.id];
    const markers = [
      "MARK-TITLE",
      "MARK-SUMMARY",
      "MARK-EDIT-HEAD",
      "MARK-EDIT-BODY",
      "MARK-DRAFT-HEAD",
      "MARK-DRAFT-BODY",
      "MARK-DEL-HEAD",
      "MARK-DEL-BODY",
      "MARK-SCHED-BODY",
    ];

    // Readers have seen it all, on every node: every cache holds the markers now.
    for (const node of nodes.urls) {
      const seen = await everythingPublic(node, SLUG, ids);
      for (const marker of markers) expect(seen, `${marker} before the change, on ${node}`).toContain(marker);
    }

    // The newsroom takes it back: an edit, an unpublish, a delete, a reschedule, a renamed blog.
    expect(
      (
        await editor("PATCH", `/api/blogs/${SLUG}/entries/${edited.id}`, {
          version: 1,
          headline: "Corrected headline",
          body: "<p>Corrected text.</p>",
        })
      ).status,
    ).toBe(200);
    expect(
      (await editor("PATCH", `/api/blogs/${SLUG}/entries/${unpublished.id}`, { version: 1, status: "DRAFT" })).status,
    ).toBe(200);
    expect((await editor("DELETE", `/api/blogs/${SLUG}/entries/${deleted.id}`)).status).toBe(204);
    const later = new Date(Date.now() + 3600_000).toISOString();
    expect(
      (
        await editor("PATCH", `/api/blogs/${SLUG}/entries/${rescheduled.id}`, {
          version: 1,
          status: "SCHEDULED",
          scheduledAt: later,
        })
      ).status,
    ).toBe(200);
    expect((await editor("PATCH", `/api/blogs/${SLUG}`, { title: "Storm live", summary: "What we know" })).status).toBe(
      200,
    );

    for (const node of nodes.urls) {
      // Another node hears of the change through Redis a moment after it commits.
      const now = await waitFor(async () => {
        const text = await everythingPublic(node, SLUG, ids);
        return markers.every((marker) => !text.includes(marker)) ? text : undefined;
      }, `no marker left on ${node}`);
      // The scan sees what is there: the corrections and what was kept.
      for (const present of ["Corrected headline", "Corrected text.", "Kept and true.", "Storm live"])
        expect(now, present).toContain(present);
    }
  });
});
