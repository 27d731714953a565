// The readers' blog list against a real database (a fresh PostgreSQL database when DATABASE_URL is one).
import { describe, expect, it } from "vitest";
import { createEntrySchema, type CreateEntryRequest } from "@/common/contracts/schemas";
import { countQueries } from "../ops/debug-stats";
import { useTestDatabase } from "../test/test-database";
import { opened } from "../test/committed";
import { createBlog, listBlogs, listNewsroomBlogs, updateBlog } from "./blogs";
import { createEntry, deleteEntry } from "./entries";

const database = useTestDatabase({ editor: "EDITOR" });
const { editor } = database.people;

const upload = (n: number) => `/uploads/${String(n).padStart(32, "0")}.jpg`;

/** An entry, published at `at` (set in the row, so the order does not depend on how fast the test runs). */
async function entry(slug: string, input: CreateEntryRequest, at?: string) {
  const { entry } = opened(await createEntry(database.prisma, editor, slug, createEntrySchema.parse(input)));
  if (at) await database.prisma.entry.update({ where: { id: entry.id }, data: { publishedAt: new Date(at) } });
  return entry;
}

async function blog(slug: string) {
  await createBlog(database.prisma, editor, { slug, title: `Blog ${slug}`, summary: "" });
}

describe("listBlogs", () => {
  it("counts published entries only, dates each blog by its newest one and picks the newest picture", async () => {
    await blog("counted");
    await entry("counted", { body: `<p>old</p><img src="${upload(1)}" alt="Old picture">` }, "2026-12-01T09:00:00Z");
    await entry(
      "counted",
      { body: `<figure><img src="${upload(2)}" alt="Crowd at the quay"></figure>` },
      "2026-12-02T09:00:00Z",
    );
    await entry("counted", { body: "<p>newest, no picture</p>" }, "2026-12-03T09:00:00Z");
    const gone = await entry("counted", { body: `<img src="${upload(3)}" alt="Deleted">` }, "2026-12-04T09:00:00Z");
    await deleteEntry(database.prisma, editor, "counted", gone.id);
    await entry("counted", { body: `<img src="${upload(4)}" alt="Draft">`, status: "DRAFT" });
    await entry("counted", {
      body: `<img src="${upload(5)}" alt="Scheduled">`,
      status: "SCHEDULED",
      scheduledAt: new Date(Date.now() + 3_600_000).toISOString(),
    });

    const item = (await listBlogs(database.prisma)).find((b) => b.slug === "counted");
    expect(item).toMatchObject({
      title: "Blog counted",
      status: "LIVE",
      entryCount: 3,
      lastUpdatedAt: "2026-12-03T09:00:00.000Z",
      image: { src: upload(2), alt: "Crowd at the quay" },
    });
  });

  it("gives an empty blog no count, no picture and its own update time", async () => {
    await blog("empty");
    await entry("empty", { body: "<p>draft only</p>", status: "DRAFT" });
    const row = await database.prisma.blog.findUniqueOrThrow({ where: { slug: "empty" } });
    const item = (await listBlogs(database.prisma)).find((b) => b.slug === "empty");
    expect(item).toMatchObject({ entryCount: 0, image: null, lastUpdatedAt: row.updatedAt.toISOString() });
  });

  it("skips a picture whose source may not be shown", async () => {
    await blog("unsafe");
    await entry("unsafe", { body: `<img src="${upload(6)}" alt="Fine">` }, "2026-11-01T09:00:00Z");
    const newer = await entry("unsafe", { body: `<img src="${upload(7)}" alt="x">` }, "2026-11-02T09:00:00Z");
    // A body stored before the sanitizer knew better.
    await database.prisma.entry.update({
      where: { id: newer.id },
      data: { body: '<img src="javascript:alert(1)" alt="x"><img src="data:image/png;base64,AA" alt="y">' },
    });
    const item = (await listBlogs(database.prisma)).find((b) => b.slug === "unsafe");
    // The newest pictured entry has nothing showable; the list does not reach further back for one.
    expect(item?.image).toBeNull();
  });

  it("lists live blogs first, then ended ones, each by their last update, as the newsroom does", async () => {
    await blog("quiet-live");
    await entry("quiet-live", { body: "<p>a</p>" }, "2020-01-01T00:00:00Z");
    await blog("busy-ended");
    await entry("busy-ended", { body: "<p>b</p>" }, "2030-01-01T00:00:00Z");
    await updateBlog(database.prisma, editor, "busy-ended", { status: "ENDED" });
    await blog("busy-live");
    await entry("busy-live", { body: "<p>c</p>" }, "2029-01-01T00:00:00Z");

    const list = await listBlogs(database.prisma);
    const slugs = list.map((b) => b.slug);
    expect(slugs.slice(0, 1)).toEqual(["busy-live"]);
    expect(slugs.indexOf("quiet-live")).toBeLessThan(slugs.indexOf("busy-ended"));
    expect(slugs.at(-1)).toBe("busy-ended");
    const live = list.filter((b) => b.status === "LIVE").map((b) => b.lastUpdatedAt);
    expect(live).toEqual([...live].sort().reverse());
    expect((await listNewsroomBlogs(database.prisma, editor)).map((b) => b.slug)).toEqual(slugs);
  });

  it("asks the database four times, however many blogs there are", async () => {
    for (let i = 0; i < 5; i++) {
      await blog(`many-${i}`);
      await entry(`many-${i}`, { body: `<img src="${upload(10 + i)}" alt="Picture ${i}">` });
    }
    const counter = countQueries(database.prisma);
    const list = await listBlogs(counter.db);
    const pictures = list.filter((b) => b.slug.startsWith("many-")).map((b) => b.image?.alt);
    expect(pictures.sort()).toEqual(["Picture 0", "Picture 1", "Picture 2", "Picture 3", "Picture 4"]);
    expect(counter.count()).toBe(4);
  });
});
