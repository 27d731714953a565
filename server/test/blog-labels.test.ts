// A blog's labels over real HTTP: the list (public), editors' writes (contrast-checked colours, unique names,
// renames followed by entries, removals leaving entries their name without a colour), entries held to the
// blog's list (400 naming it), and the blog_labels migration turning old "Key event" labels into the flag.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BlogLabelDTO, EntryDTO, EntryPage } from "@/common/contracts/dto";
import { applyMigrations } from "@/server/db/apply-migrations";
import { createDb } from "@/server/db/client";
import { apiClient, createTestDatabase, spawnServer, startTestServer, type TestServer } from "./harness";

let server: TestServer;
let editor: ReturnType<typeof apiClient>;
let journalist: ReturnType<typeof apiClient>;
let anon: ReturnType<typeof apiClient>;

beforeAll(async () => {
  server = await startTestServer();
  editor = apiClient(server.url, server.users.editor.token);
  journalist = apiClient(server.url, server.users.journalist.token);
  anon = apiClient(server.url);
  expect((await editor("POST", "/api/blogs", { slug: "labelled", title: "Labelled" })).status).toBe(201);
});
afterAll(async () => {
  await server?.dispose();
});

const labelsOf = async (slug: string) =>
  (await anon<{ labels: BlogLabelDTO[] }>("GET", `/api/blogs/${slug}/labels`)).body.labels;

describe("a blog's label list", () => {
  it("starts with the old fixed labels (Key event aside), each with a readable colour, for anyone to read", async () => {
    const labels = await labelsOf("labelled");
    expect(labels.map((label) => label.name)).toEqual(["Breaking", "ICYMI", "Analysis", "Full report"]);
    expect(labels.every((label) => /^#[0-9a-f]{6}$/.test(label.colour))).toBe(true);
    expect((await anon("GET", "/api/blogs/no-such-blog/labels")).status).toBe(404);
  });

  it("lets editors add, rename and recolour labels; journalists and strangers may not", async () => {
    const input = { name: "Live from court", colour: "#1e3a8a" };
    expect((await anon("POST", "/api/blogs/labelled/labels", input)).status).toBe(401);
    expect((await journalist("POST", "/api/blogs/labelled/labels", input)).status).toBe(403);
    const added = await editor<{ label: BlogLabelDTO }>("POST", "/api/blogs/labelled/labels", input);
    expect(added.status).toBe(201);
    expect(added.body.label).toMatchObject(input);
    expect((await labelsOf("labelled")).at(-1)).toEqual(added.body.label);

    const path = `/api/blogs/labelled/labels/${added.body.label.id}`;
    expect((await journalist("PATCH", path, { colour: "#000000" })).status).toBe(403);
    const recoloured = await editor<{ label: BlogLabelDTO }>("PATCH", path, { colour: "#166534" });
    expect(recoloured.body.label.colour).toBe("#166534");
    expect((await journalist("DELETE", path)).status).toBe(403);
  });

  it("refuses unreadable colours, duplicate names and key events as labels, with a message", async () => {
    const pale = await editor<{ error: string }>("POST", "/api/blogs/labelled/labels", {
      name: "Pale",
      colour: "#fde68a",
    });
    expect(pale.status).toBe(400);
    expect(pale.body.error).toMatch(/colour must contrast at least 4\.5:1 with white/);
    const twice = await editor<{ error: string }>("POST", "/api/blogs/labelled/labels", {
      name: "breaking",
      colour: "#000000",
    });
    expect(twice.status).toBe(409);
    expect(twice.body.error).toContain('already has a label named "breaking"');
    const keyEvent = await editor<{ error: string }>("POST", "/api/blogs/labelled/labels", {
      name: "Key event",
      colour: "#000000",
    });
    expect(keyEvent.status).toBe(400);
    expect(keyEvent.body.error).toContain("flag");
    const unknown = await editor("PATCH", "/api/blogs/labelled/labels/nope", { colour: "#000000" });
    expect(unknown.status).toBe(404);
  });
});

describe("entries and the label list", () => {
  it("refuses a label outside the blog's list with a 400 naming the list, on POST and PATCH", async () => {
    const refused = await editor<{ error: string }>("POST", "/api/blogs/labelled/entries", {
      body: "<p>x</p>",
      label: "Travel",
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatch(/^label "Travel" is not one of this blog's labels: Breaking, ICYMI, Analysis/);
    const created = await editor<{ entry: EntryDTO }>("POST", "/api/blogs/labelled/entries", {
      body: "<p>Verdict due</p>",
      label: "Breaking",
    });
    expect(created.status).toBe(201);
    expect(created.body.entry).toMatchObject({ label: "Breaking", labelColour: "#b91c1c", keyEvent: false });
    const patched = await editor<{ error: string }>("PATCH", `/api/blogs/labelled/entries/${created.body.entry.id}`, {
      version: 1,
      label: "Sport",
    });
    expect(patched.status).toBe(400);
    expect(patched.body.error).toContain("is not one of this blog's labels");
  });

  it("renames a label on the entries carrying it; a removed label stays on its entries without a colour", async () => {
    const labels = await labelsOf("labelled");
    const analysis = labels.find((label) => label.name === "Analysis")!;
    const entry = (
      await editor<{ entry: EntryDTO }>("POST", "/api/blogs/labelled/entries", {
        body: "<p>What the verdict means</p>",
        label: "Analysis",
      })
    ).body.entry;
    const readEntry = async () =>
      (await anon<EntryPage>("GET", "/api/blogs/labelled/entries?limit=50")).body.entries.find(
        (e) => e.id === entry.id,
      )!;

    expect((await editor("PATCH", `/api/blogs/labelled/labels/${analysis.id}`, { name: "Explainer" })).status).toBe(
      200,
    );
    // Readers' cached first page is dropped: the renamed label shows at once.
    expect(await readEntry()).toMatchObject({ label: "Explainer", labelColour: analysis.colour });

    expect((await editor("DELETE", `/api/blogs/labelled/labels/${analysis.id}`)).status).toBe(204);
    expect((await labelsOf("labelled")).map((label) => label.name)).not.toContain("Explainer");
    expect(await readEntry()).toMatchObject({ label: "Explainer", labelColour: null });
    // Saving other fields keeps the removed label; it may not be given anew.
    const current = await readEntry();
    const kept = await editor<{ entry: EntryDTO }>("PATCH", `/api/blogs/labelled/entries/${entry.id}`, {
      version: current.version,
      headline: "Explained",
      label: "Explainer",
    });
    expect(kept.status).toBe(200);
    expect(kept.body.entry).toMatchObject({ headline: "Explained", label: "Explainer" });
    const again = await editor("POST", "/api/blogs/labelled/entries", { body: "<p>y</p>", label: "Explainer" });
    expect(again.status).toBe(400);
  });
});

describe("the blog_labels migration", () => {
  it("makes old 'Key event' labels the key-event flag and gives existing blogs the old labels", async () => {
    const database = await createTestDatabase();
    await applyMigrations(database.url, { upTo: "20261206103642_pin_order_and_default_sort" });
    const db = createDb(database.url);
    let spawned: Awaited<ReturnType<typeof spawnServer>> | undefined;
    try {
      const user = await db.prisma.user.create({
        data: { email: "old@example.org", displayName: "Old", role: "EDITOR", passwordHash: "x" },
      });
      const blog = await db.prisma.blog.create({ data: { slug: "old-blog", title: "Old" } });
      const entry = (label: string | null, keyEvent: boolean, minute: number) =>
        db.prisma.entry.create({
          data: {
            blogId: blog.id,
            authorId: user.id,
            body: `<p>${label ?? "none"}</p>`,
            label,
            keyEvent,
            status: "PUBLISHED",
            publishedAt: new Date(Date.UTC(2026, 10, 1, 10, minute)),
          },
        });
      const labelledKey = await entry("Key event", false, 1);
      const both = await entry("key event", true, 2);
      const analysis = await entry("Analysis", false, 3);
      const legacy = await entry("Travel", false, 4);
      await db.close();

      spawned = await spawnServer(database.url);
      const reader = apiClient(spawned.url);
      const page = (await reader<EntryPage>("GET", "/api/blogs/old-blog/entries")).body.entries;
      const byId = (id: string) => page.find((e) => e.id === id);
      expect(byId(labelledKey.id)).toMatchObject({ keyEvent: true, label: null });
      expect(byId(both.id)).toMatchObject({ keyEvent: true, label: null });
      expect(byId(analysis.id)).toMatchObject({ keyEvent: false, label: "Analysis", labelColour: "#6d28d9" });
      expect(byId(legacy.id)).toMatchObject({ label: "Travel", labelColour: null });
      const labels = (await reader<{ labels: BlogLabelDTO[] }>("GET", "/api/blogs/old-blog/labels")).body.labels;
      expect(labels.map((label) => label.name)).toEqual(["Breaking", "ICYMI", "Analysis", "Full report"]);
    } finally {
      await spawned?.stop();
      await db.close().catch(() => undefined);
      await database.drop();
    }
  });
});
