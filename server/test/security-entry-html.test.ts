// What an entry body may make every reader's browser (and feed reader) do or download, through the API:
// images only from our own uploads and the configured hosts, and a bounded size once cleaned.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EntryDTO, UploadDTO } from "@/common/contracts/dto";
import { apiClient, startTestServer, type TestServer } from "./harness";

const IMAGE_HOST = "https://photos.newsroom.example";
const SLUG = "html-limits";
let server: TestServer;
let editor: ReturnType<typeof apiClient>;

beforeAll(async () => {
  server = await startTestServer({ env: { IMAGE_HOSTS: IMAGE_HOST, WRITE_RATE_PER_MINUTE: "0" } });
  editor = apiClient(server.url, server.users.editor.token);
  expect((await editor("POST", "/api/blogs", { slug: SLUG, title: "Limits" })).status).toBe(201);
});

afterAll(async () => {
  await server?.dispose();
});

const entryCount = () => server.db.prisma.entry.count();
const publish = (body: string) =>
  editor<{ entry: EntryDTO; error?: string; code?: string }>("POST", `/api/blogs/${SLUG}/entries`, { body });

describe("images in entries", () => {
  const refusal = (src: string) => ({
    error: `body: images must be uploaded here (/uploads/…) or come from ${IMAGE_HOST}; "${src}" is from elsewhere: upload the image instead`,
    code: "BAD_REQUEST",
  });

  it("refuses a tracking pixel from anywhere else, on create and on edit, and stores nothing", async () => {
    const before = await entryCount();
    for (const src of [
      "https://tracker.example/p.gif?reader=1",
      "http://photos.newsroom.example/a.jpg",
      "//tracker.example/p.gif",
      "/api/blogs",
    ]) {
      const answer = await publish(`<p>Breaking</p><img src="${src}" alt="" width="1" height="1">`);
      expect(answer.status, src).toBe(400);
      expect(answer.body).toEqual(refusal(src));
    }
    expect(await entryCount()).toBe(before);

    const { entry } = (await publish("<p>Clean so far</p>")).body;
    const edit = await editor("PATCH", `/api/blogs/${SLUG}/entries/${entry.id}`, {
      version: entry.version,
      body: '<p>Now</p><img src="https://tracker.example/p.gif">',
    });
    expect(edit.status).toBe(400);
    expect(edit.body).toEqual(refusal("https://tracker.example/p.gif"));
    const stored = await editor<{ entry: EntryDTO }>("GET", `/api/blogs/${SLUG}/entries/${entry.id}`);
    expect(stored.body.entry).toMatchObject({ body: "<p>Clean so far</p>", version: entry.version });
  });

  it("takes our own uploads and images from IMAGE_HOSTS", async () => {
    const form = new FormData();
    form.append(
      "file",
      new Blob([Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])]),
      "chart.png",
    );
    const uploaded = (await (
      await fetch(`${server.url}/api/uploads`, {
        method: "POST",
        body: form,
        headers: { authorization: `Bearer ${server.users.editor.token}` },
      })
    ).json()) as UploadDTO;
    const body = `<figure><img src="${uploaded.url}" alt="Chart"></figure><img src="${IMAGE_HOST}/storm.jpg" alt="Storm">`;
    const answer = await publish(body);
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    expect(answer.body.entry.body).toBe(
      `<figure><img src="${uploaded.url}" alt="Chart" /></figure><img src="${IMAGE_HOST}/storm.jpg" alt="Storm" />`,
    );
  });
});

describe("the size of a cleaned body", () => {
  it("refuses a body that cleaning would blow up (100000 '<' would be 400000 characters) and stores nothing", async () => {
    const before = await entryCount();
    for (const [char, escaped] of [
      ["<", 400_000],
      ["&", 500_000],
    ] as const) {
      const answer = await publish(char.repeat(100_000));
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({
        error:
          `body: cleaned, it would be ${escaped} characters, more than the 200000 an entry may store ` +
          "(characters such as < and & are stored escaped, as &lt; and &amp;, and take more room)",
        code: "BAD_REQUEST",
      });
    }
    expect(await entryCount()).toBe(before);
  });

  it("takes a long but normal entry of 100000 characters, with its ampersands and links", async () => {
    let body = "";
    for (let i = 0; body.length < 99_800; i++) {
      body += `<p>Update ${i}: Fish &amp; chips shops on the A1 &amp; A2 are shut, R&D park closed; see <a href="https://roads.example/${i}">the map</a>.</p>`;
    }
    expect(body.length).toBeLessThanOrEqual(100_000);
    const answer = await publish(body);
    expect(answer.status, JSON.stringify(answer.body).slice(0, 300)).toBe(201);
    expect(answer.body.entry.body.length).toBeGreaterThan(100_000);
    expect(answer.body.entry.body.length).toBeLessThanOrEqual(200_000);
  });
});
