// On a phone (390×844) the news comes first: the newest update's headline starts on the first screen, on
// the demo blog and on a blog with four pinned entries and thirty key events, in light and dark. The
// collapsing is in the server's HTML (it holds without JavaScript too), so nothing jumps on hydration.
import type { Browser, Page } from "@playwright/test";
import { createBusyBlog, createDemoBlog, type SeededBlog } from "./fixtures/reader-blogs.ts";
import { expect, test } from "./fixtures/server.ts";

const PHONE = { width: 390, height: 844 };

/** Where the newest update's first words start: its headline, or the first block of its body. */
async function newestTextTop(page: Page, blog: SeededBlog): Promise<number> {
  const stream = page.getByTestId("stream");
  await expect(stream.getByRole("article").first()).toHaveId(`entry-${blog.newest.id}`);
  const article = stream.locator(`#entry-${blog.newest.id}`);
  const start = blog.newest.headline
    ? article.getByRole("heading", { level: 3 })
    : article.locator(".entry-body > *").first();
  const box = await start.boundingBox();
  expect(box, "the newest update is rendered").not.toBeNull();
  return box!.y;
}

async function expectNewsOnFirstScreen(page: Page, blog: SeededBlog, live: boolean): Promise<void> {
  await page.goto(`/live/${blog.slug}`);
  if (live) await expect(page.locator('[data-connection="live"]')).toBeVisible();
  const top = await newestTextTop(page, blog);
  // Its first line (a line is at most ~28 px here) is inside the first screen.
  expect(top + 28, `the newest update starts at ${top}px`).toBeLessThanOrEqual(PHONE.height);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
}

/**
 * The newest update starts on the first screen, live and from the server's HTML alone (before any script
 * runs), with the pinned box and the key events collapsed behind "Show all (n)".
 */
async function expectFirstScreen(
  page: Page,
  browser: Browser,
  baseURL: string,
  colorScheme: "light" | "dark",
  blog: SeededBlog,
  collapsed: { pinned: number; keyEvents: number },
): Promise<void> {
  await expectNewsOnFirstScreen(page, blog, true);
  await expect(
    page.getByTestId("pinned").getByRole("button", { name: `Show all (${collapsed.pinned})` }),
  ).toBeVisible();
  await expect(
    page.getByTestId("key-events").getByRole("button", { name: `Show all (${collapsed.keyEvents})` }),
  ).toBeVisible();

  const noScript = await browser.newContext({ baseURL, viewport: PHONE, colorScheme, javaScriptEnabled: false });
  await expectNewsOnFirstScreen(await noScript.newPage(), blog, false);
  await noScript.close();
}

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`${colorScheme} scheme`, () => {
    test.use({ viewport: PHONE, colorScheme });

    test(`the demo blog's newest update starts on a phone's first screen (${colorScheme})`, async ({
      page,
      browser,
      server,
      newsroom,
    }) => {
      const blog = await createDemoBlog(newsroom);
      await expectFirstScreen(page, browser, server.url, colorScheme, blog, { pinned: 1, keyEvents: 5 });
    });

    test(`with four pinned entries and thirty key events the newest update still starts on the first screen (${colorScheme})`, async ({
      page,
      browser,
      server,
      newsroom,
    }) => {
      const blog = await createBusyBlog(newsroom);
      await expectFirstScreen(page, browser, server.url, colorScheme, blog, { pinned: 4, keyEvents: 30 });
    });
  });
}
