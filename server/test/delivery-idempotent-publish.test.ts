// Idempotent publishing over HTTP against the real process: a POST sent twice with one Idempotency-Key
// (one after the other, or racing) creates one entry and one event, and both answers are the same.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { EntryDTO } from "@/common/contracts/dto";
import type { EventsPage } from "@/common/contracts/events";
import { LiveReader, publishedEntries } from "./delivery-reader";
import { apiClient, startTestServer, waitFor, type TestServer } from "./harness";

let server: TestServer;
let editor: ReturnType<typeof apiClient>;
let journalist: ReturnType<typeof apiClient>;
const readers: LiveReader[] = [];
let blogCount = 0;

beforeAll(async () => {
  server = await startTestServer({ env: { WRITE_RATE_PER_MINUTE: "0" } });
  editor = apiClient(server.url, server.users.editor.token);
  journalist = apiClient(server.url, server.users.journalist.token);
});

afterEach(() => {
  while (readers.length) readers.pop()!.close();
});

afterAll(async () => {
  await server?.dispose();
});

async function newBlogWithReader(): Promise<{ slug: string; reader: LiveReader }> {
  const slug = `idem-${++blogCount}`;
  const created = await editor("POST", "/api/blogs", { slug, title: slug });
  expect(created.status).toBe(201);
  const reader = new LiveReader(server.url, slug, created.body.blog);
  readers.push(reader);
  await reader.start();
  return { slug, reader };
}

const publish = (slug: string, body: unknown, key?: string, as = editor) =>
  as<{ entry: EntryDTO; error?: string; code?: string }>(
    "POST",
    `/api/blogs/${slug}/entries`,
    body,
    key === undefined ? {} : { "idempotency-key": key },
  );

async function eventLog(slug: string): Promise<EventsPage> {
  return (await editor<EventsPage>("GET", `/api/blogs/${slug}/events?since=0`)).body;
}

/** Gives a stray second broadcast time to arrive before counting. */
const settle = () => new Promise((r) => setTimeout(r, 400));

describe("POST …/entries with an Idempotency-Key", () => {
  it("sent twice in a row: one entry, one event, the same answer twice", async () => {
    const { slug, reader } = await newBlogWithReader();
    const request = { headline: "Polls close", body: "<p>Polls have closed.</p>", keyEvent: true };
    const first = await publish(slug, request, "key-sequential-1");
    const second = await publish(slug, request, "key-sequential-1");
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    expect(second.headers.get("idempotent-replayed")).toBe("true");

    await waitFor(() => reader.applied.length === 1, "the entry:published event");
    await settle();
    expect(reader.received).toBe(1);
    expect(reader.shownIds()).toEqual([first.body.entry.id]);
    expect((await publishedEntries(server.url, slug)).map((e) => e.id)).toEqual([first.body.entry.id]);
    const log = await eventLog(slug);
    expect(log.events.map((e) => e.type)).toEqual(["entry:published"]);
    expect(log.seq).toBe(1);
  });

  it("sent five times at once: exactly one entry and one event, five identical answers", async () => {
    const { slug, reader } = await newBlogWithReader();
    const request = { body: "<p>Racing publishes.</p>" };
    const answers = await Promise.all(Array.from({ length: 5 }, () => publish(slug, request, "key-concurrent-1")));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
    for (const answer of answers) expect(answer.body).toEqual(answers[0]!.body);
    expect(answers.filter((a) => a.headers.get("idempotent-replayed") === null)).toHaveLength(1);

    await waitFor(() => reader.applied.length === 1, "the entry:published event");
    await settle();
    expect(reader.received).toBe(1);
    expect((await publishedEntries(server.url, slug)).map((e) => e.id)).toEqual([answers[0]!.body.entry.id]);
    expect((await eventLog(slug)).events).toHaveLength(1);
  });

  it("the same key with a different request is refused with 422 and creates nothing", async () => {
    const { slug } = await newBlogWithReader();
    const first = await publish(slug, { body: "<p>First text.</p>" }, "key-reused");
    expect(first.status).toBe(201);
    const reused = await publish(slug, { body: "<p>Other text.</p>" }, "key-reused");
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe("UNPROCESSABLE");
    expect(reused.body.error).toMatch(/Idempotency-Key "key-reused" was already used for a different entry/);
    expect(await publishedEntries(server.url, slug)).toHaveLength(1);
    // Field order does not make a request different.
    const reordered = await publish(
      slug,
      JSON.stringify({ status: "PUBLISHED", body: "<p>First text.</p>" }),
      "key-reused",
    );
    expect(reordered.status).toBe(201);
    expect(reordered.body).toEqual(first.body);
  });

  it("keys are per actor: another writer's same key is a new entry", async () => {
    const { slug } = await newBlogWithReader();
    const request = { body: "<p>Same words, two writers.</p>" };
    const mine = await publish(slug, request, "shared-key");
    const theirs = await publish(slug, request, "shared-key", journalist);
    expect(mine.status).toBe(201);
    expect(theirs.status).toBe(201);
    expect(theirs.body.entry.id).not.toBe(mine.body.entry.id);
    expect(await publishedEntries(server.url, slug)).toHaveLength(2);
  });

  it("without a key every POST is a new entry; a malformed key is a 400", async () => {
    const { slug } = await newBlogWithReader();
    const request = { body: "<p>No key.</p>" };
    expect((await publish(slug, request)).status).toBe(201);
    expect((await publish(slug, request)).status).toBe(201);
    expect(await publishedEntries(server.url, slug)).toHaveLength(2);

    for (const key of ["x".repeat(201), "caf\u00e9"]) {
      const answer = await publish(slug, request, key);
      expect(answer.status).toBe(400);
      expect(answer.body.error).toMatch(/^Idempotency-Key: /);
    }
    expect((await publish(slug, request, "x".repeat(200))).status).toBe(201);
    expect(await publishedEntries(server.url, slug)).toHaveLength(3);
  });

  it("a failed request stores no key: the retry after fixing the cause creates the entry", async () => {
    const { slug } = await newBlogWithReader();
    expect((await editor("PATCH", `/api/blogs/${slug}`, { status: "ENDED" })).status).toBe(200);
    const refused = await publish(slug, { body: "<p>Too late.</p>" }, "key-after-409");
    expect(refused.status).toBe(409);
    expect((await editor("PATCH", `/api/blogs/${slug}`, { status: "LIVE" })).status).toBe(200);
    const retried = await publish(slug, { body: "<p>Too late.</p>" }, "key-after-409");
    expect(retried.status).toBe(201);
    expect(retried.headers.get("idempotent-replayed")).toBeNull();
  });
});

describe("a retry answered from what an earlier version stored", () => {
  const keyOf = (key: string) => ({ actorId_key: { actorId: server.users.editor.id, key } });

  it("an answer stored before versions and before some entry fields existed comes back whole, those fields at their defaults", async () => {
    const { slug } = await newBlogWithReader();
    const request = { headline: "Stored long ago", body: "<p>Before the fields were added.</p>" };
    const first = await publish(slug, request, "key-old-shape");
    expect(first.status).toBe(201);
    const stored = await server.db.prisma.publishKey.findUniqueOrThrow({ where: keyOf("key-old-shape") });
    expect(JSON.parse(stored.response)).toEqual({ v: 1, data: first.body.entry });

    // What a version before stored payloads had versions wrote: the bare entry, here without the fields
    // that have a default in common/contracts/dto.ts (as if they had been added since).
    const oldShape: Record<string, unknown> = { ...first.body.entry };
    for (const field of ["scheduledAt", "editedAt", "pinned", "keyEvent", "label"]) delete oldShape[field];
    await server.db.prisma.publishKey.update({
      where: keyOf("key-old-shape"),
      data: { response: JSON.stringify(oldShape) },
    });

    const retry = await publish(slug, request, "key-old-shape");
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.body.entry).toMatchObject({
      scheduledAt: null,
      editedAt: null,
      pinned: false,
      keyEvent: false,
      label: null,
    });
    expect(retry.body).toEqual(first.body);
    expect(await publishedEntries(server.url, slug)).toHaveLength(1);
  });

  it("an answer that cannot be read: the retry gets the entry as it is now, not a 500 and not a second entry", async () => {
    const { slug } = await newBlogWithReader();
    const request = { body: "<p>Answer about to be damaged.</p>" };
    const first = await publish(slug, request, "key-damaged");
    expect(first.status).toBe(201);
    const edited = await editor<{ entry: EntryDTO }>("PATCH", `/api/blogs/${slug}/entries/${first.body.entry.id}`, {
      version: 1,
      headline: "Edited since",
    });
    expect(edited.status).toBe(200);
    for (const damaged of [
      "{not json",
      JSON.stringify({ v: 99, data: {} }),
      JSON.stringify({ v: 1, data: { id: 1 } }),
    ]) {
      await server.db.prisma.publishKey.update({ where: keyOf("key-damaged"), data: { response: damaged } });
      const retry = await publish(slug, request, "key-damaged");
      expect(retry.status).toBe(201);
      expect(retry.headers.get("idempotent-replayed")).toBe("true");
      expect(retry.body).toEqual({ entry: edited.body.entry });
    }
    expect(await publishedEntries(server.url, slug)).toHaveLength(1);
    expect(server.output()).toMatch(/the stored answer for an Idempotency-Key of user \S+ cannot be read \(not JSON\)/);
  });
});
