// A reader follows the key events of a live blog from its timeline, and shares single updates: a copied
// link or the system share sheet, both pointing at the update's own page (/live/{slug}/entries/{id}).
import type { Locator, Page } from "@playwright/test";
import { apiClient } from "../server/test/harness.ts";
import { expect, test, type Entry } from "./fixtures/server.ts";

declare global {
  interface Window {
    __shared?: ShareData[];
  }
}

const uid = () => Math.random().toString(36).slice(2, 8);
const timeline = (page: Page): Locator => page.getByRole("navigation", { name: "Key events" });
const permalinkPath = (slug: string, entry: Pick<Entry, "id">) => `/live/${slug}/entries/${entry.id}`;

async function openLive(page: Page, slug: string): Promise<void> {
  await page.goto(`/live/${slug}`);
  await expect(page.locator("[data-connection]")).toHaveAttribute("data-connection", "live");
}

test("the key-events timeline lists key events newest first, follows changes live, and takes the reader to an entry, loading older pages if needed", async ({
  page,
  newsroom,
  server,
}) => {
  const editor = apiClient(server.url, server.users.editor.token);
  const blog = await newsroom.createBlog({ prefix: "keys", title: `Election night ${uid()}` });
  const entries: Entry[] = [];
  for (let n = 1; n <= 24; n++) {
    entries.push(
      await newsroom.publish(blog.slug, {
        headline: `Result ${n}`,
        body: `<p>Seat ${n} has declared.</p>`,
        keyEvent: n === 20,
      }),
    );
  }
  const oldest = entries[1]!; // not in the first page of 20
  await openLive(page, blog.slug);
  await expect(page.locator(`#entry-${oldest.id}`)).toHaveCount(0);
  await expect(timeline(page).getByRole("link")).toHaveText([/Result 20/]);

  // Key events marked and published while the reader watches join the timeline, newest first.
  const marked = await editor<{ entry: Entry }>("PATCH", `/api/blogs/${blog.slug}/entries/${oldest.id}`, {
    version: oldest.version,
    keyEvent: true,
  });
  expect(marked.status).toBe(200);
  const fresh = await newsroom.publish(blog.slug, {
    headline: `Exit poll ${uid()}`,
    body: "<p>The exit poll is out.</p>",
    keyEvent: true,
  });
  const links = timeline(page).getByRole("link");
  await expect(links).toHaveText([new RegExp(fresh.headline!), /Result 20/, /Result 2$/]);
  await expect(links.nth(2)).toHaveAttribute("href", permalinkPath(blog.slug, oldest));

  // The reader scrolls away, then picks the oldest key event: older pages load until it is there.
  await page.mouse.wheel(0, 3000);
  await links.nth(2).click();
  const target = page.locator(`#entry-${oldest.id}`);
  await expect(target).toBeInViewport();
  await expect(target).toBeFocused();
  await expect(target).toHaveAttribute("data-highlight", "");
  await expect(target.getByRole("heading", { level: 3 })).toHaveText("Result 2");
  await expect(page).toHaveURL(new RegExp(`/live/${blog.slug}$`));
  // The highlight is brief.
  await expect(target).not.toHaveAttribute("data-highlight", "", { timeout: 5000 });

  // A key event that stops being one leaves the timeline; one that is deleted too.
  const unmarked = await editor("PATCH", `/api/blogs/${blog.slug}/entries/${fresh.id}`, {
    version: fresh.version,
    keyEvent: false,
  });
  expect(unmarked.status).toBe(200);
  await newsroom.remove(blog.slug, entries[19]!.id);
  await expect(links).toHaveText([/Result 2$/]);
});

test("copy link puts the update's permalink on the clipboard and says Link copied", async ({
  browser,
  server,
  newsroom,
}) => {
  const context = await browser.newContext({ baseURL: server.url, permissions: ["clipboard-read", "clipboard-write"] });
  const page = await context.newPage();
  const blog = await newsroom.createBlog({ prefix: "copy" });
  const entry = await newsroom.publish(blog.slug, { headline: "Polls close", body: "<p>Counting begins.</p>" });
  await openLive(page, blog.slug);

  const article = page.getByRole("article", { name: "Polls close" });
  await article.getByRole("button", { name: "Copy link" }).click();

  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    `${server.url}${permalinkPath(blog.slug, entry)}`,
  );
  await expect(article.getByRole("button", { name: "Link copied" })).toBeVisible();
  await expect(page.getByTestId("announcer")).toHaveText(/^Link copied\s*$/);
  await expect(page.getByTestId("announcer")).toHaveAttribute("aria-live", "polite");
  // The confirmation goes back to the plain button after a moment.
  await expect(article.getByRole("button", { name: "Copy link" })).toBeVisible({ timeout: 5000 });
  await context.close();
});

test("share uses the Web Share API with the permalink where the browser has it, and is hidden where it does not", async ({
  browser,
  server,
  newsroom,
}) => {
  const blog = await newsroom.createBlog({ prefix: "share" });
  const entry = await newsroom.publish(blog.slug, {
    headline: "Recount ordered",
    body: "<p>A recount in the north.</p>",
  });

  const without = await browser.newContext({ baseURL: server.url });
  await without.addInitScript(() => {
    delete (Navigator.prototype as Partial<Navigator>).share;
  });
  const plain = await without.newPage();
  await openLive(plain, blog.slug);
  const plainArticle = plain.getByRole("article", { name: "Recount ordered" });
  await expect(plainArticle.getByRole("button", { name: "Copy link" })).toBeVisible();
  await expect(plainArticle.getByRole("button", { name: "Share" })).toHaveCount(0);
  await without.close();

  const withShare = await browser.newContext({ baseURL: server.url });
  await withShare.addInitScript(() => {
    window.__shared = [];
    Object.defineProperty(Navigator.prototype, "share", {
      configurable: true,
      value: async (data: ShareData) => void window.__shared!.push(data),
    });
  });
  const page = await withShare.newPage();
  await openLive(page, blog.slug);
  await page.getByRole("article", { name: "Recount ordered" }).getByRole("button", { name: "Share" }).click();
  await expect
    .poll(() => page.evaluate(() => window.__shared))
    .toEqual([{ title: "Recount ordered", url: `${server.url}${permalinkPath(blog.slug, entry)}` }]);
  await withShare.close();
});
