// A reader follows a link to one update: the page opens at its top, the blog's title and status above the
// update, with a clear way on to the live stream; every update, the linked one too, can be shared (the
// system share sheet where the browser has one) or its link copied.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test, type Entry, type Newsroom } from "./fixtures/server.ts";

declare global {
  interface Window {
    __shared?: ShareData[];
  }
}

const permalinkPath = (slug: string, entry: Pick<Entry, "id">) => `/live/${slug}/entries/${entry.id}`;
const linkedEntry = (page: Page) => page.getByTestId("linked-entry");

async function seed(newsroom: Newsroom) {
  const blog = await newsroom.createBlog({
    prefix: "landing",
    title: "Harbour storm live: the sea wall, the evacuation and the clean-up",
    summary: "Updates through the night from the harbour, the council and the rescue services as the storm passes.",
  });
  const target = await newsroom.publish(blog.slug, {
    headline: "The harbour wall gave way",
    body: "<p>Water reached the market square.</p>",
    label: "Breaking",
    keyEvent: true,
  });
  for (let i = 0; i < 25; i++) await newsroom.publish(blog.slug, { body: `<p>Later update ${i}</p>` });
  return { blog, target };
}

for (const viewport of [
  { width: 390, height: 844 },
  { width: 1280, height: 900 },
]) {
  test(`at ${viewport.width} px a permalink opens at the top: site header, blog title and status, then the update, then a way to the stream (light and dark)`, async ({
    browser,
    server,
    newsroom,
  }) => {
    const { blog, target } = await seed(newsroom);
    for (const colorScheme of ["light", "dark"] as const) {
      const context = await browser.newContext({ baseURL: server.url, viewport, colorScheme });
      const page = await context.newPage();
      await page.goto(permalinkPath(blog.slug, target));
      await expect(page.locator('[data-connection="live"]')).toBeVisible();
      await expect(linkedEntry(page)).toBeFocused();

      // At the top: nothing scrolled away, the label of the linked update whole.
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      await expect(page.getByRole("link", { name: "Liveline" })).toBeInViewport({ ratio: 1 });
      const label = page.getByRole("heading", { name: "Linked update" });
      await expect(label).toBeInViewport({ ratio: 1 });

      // Title and status above the update, the update on the first screen.
      const title = (await page.getByRole("heading", { level: 1, name: blog.title }).boundingBox())!;
      const status = (await page.getByTestId("blog-status").boundingBox())!;
      const update = (await linkedEntry(page).boundingBox())!;
      expect(status.y).toBeLessThan(title.y);
      expect(title.y + title.height).toBeLessThanOrEqual(update.y);
      expect(update.y + 60, "the update starts on the first screen").toBeLessThanOrEqual(viewport.height);
      await expect(page.getByTestId("blog-status")).toHaveText("Live");

      const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]).analyze();
      expect(
        axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id),
        `axe (${colorScheme})`,
      ).toEqual([]);

      // A clear way on to the live stream, right under the update.
      const follow = page.getByRole("link", { name: "Follow the live blog ↓" });
      const followBox = (await follow.boundingBox())!;
      expect(followBox.y).toBeGreaterThan(update.y + update.height - 1);
      await follow.click();
      await expect(page).toHaveURL(new RegExp(`${permalinkPath(blog.slug, target)}#latest-updates$`));
      await expect(page.getByTestId("stream").getByRole("article").first()).toBeInViewport();
      await expect(page.getByTestId("stream").getByRole("article").first()).toContainText("Later update 24");
      await context.close();
    }
  });
}

test("the linked update has its own Share, which hands the system share sheet its permalink", async ({
  browser,
  server,
  newsroom,
}) => {
  const { blog, target } = await seed(newsroom);
  const context = await browser.newContext({ baseURL: server.url, viewport: { width: 390, height: 844 } });
  await context.addInitScript(() => {
    window.__shared = [];
    Object.defineProperty(Navigator.prototype, "share", {
      configurable: true,
      value: async (data: ShareData) => void window.__shared!.push(data),
    });
  });
  const page = await context.newPage();
  await page.goto(permalinkPath(blog.slug, target));
  await expect(page.locator('[data-connection="live"]')).toBeVisible();
  await linkedEntry(page).getByRole("button", { name: "Share" }).click();
  await expect
    .poll(() => page.evaluate(() => window.__shared))
    .toEqual([{ title: "The harbour wall gave way", url: `${server.url}${permalinkPath(blog.slug, target)}` }]);

  // Every update in the stream has one too, pointing at its own page.
  const newest = page.getByTestId("stream").getByRole("article").first();
  const newestId = (await newest.getAttribute("id"))!.replace(/^entry-/, "");
  await newest.getByRole("button", { name: "Share" }).click();
  await expect
    .poll(() => page.evaluate(() => window.__shared?.[1]?.url))
    .toBe(`${server.url}${permalinkPath(blog.slug, { id: newestId })}`);
  await context.close();
});

test("without the Web Share API, Copy link on the linked update puts its permalink on the clipboard and says so", async ({
  browser,
  server,
  newsroom,
}) => {
  const { blog, target } = await seed(newsroom);
  const context = await browser.newContext({
    baseURL: server.url,
    permissions: ["clipboard-read", "clipboard-write"],
  });
  await context.addInitScript(() => {
    delete (Navigator.prototype as Partial<Navigator>).share;
  });
  const page = await context.newPage();
  await page.goto(permalinkPath(blog.slug, target));
  await expect(page.locator('[data-connection="live"]')).toBeVisible();
  await expect(linkedEntry(page).getByRole("button", { name: "Share" })).toHaveCount(0);
  await linkedEntry(page).getByRole("button", { name: "Copy link" }).click();
  await expect(linkedEntry(page).getByRole("button", { name: "Link copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    `${server.url}${permalinkPath(blog.slug, target)}`,
  );
  await expect(page.getByTestId("announcer")).toHaveText(/^Link copied\s*$/);
  await context.close();
});
