// The reader page's layout at a phone's width (390 px) and a desktop's (1280 px), light and dark: key
// events in a sticky side column on wide screens and collapsed with "Show all" on small ones; one live
// indicator; a sticky connection bar that carries the offline state and the "N new updates" button to a
// reader scrolled anywhere. axe finds nothing serious, and the layout shift from loading the page through
// five arriving entries and the bar appearing stays within 0.1.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { apiClient } from "../server/test/harness.ts";
import { layoutShift, resetLayoutShift, watchLayoutShifts } from "./fixtures/layout-shift.ts";
import { createBusyBlog } from "./fixtures/reader-blogs.ts";
import { expect, test } from "./fixtures/server.ts";

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const keyEvents = (page: Page) => page.getByRole("navigation", { name: "Key events" });
const stream = (page: Page) => page.getByTestId("stream");
const bar = (page: Page) => page.getByTestId("connection-bar");

async function expectNoSeriousViolations(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(serious, `${what}: axe violations`).toEqual([]);
}

for (const colorScheme of ["light", "dark"] as const) {
  for (const viewport of [
    { width: 390, height: 844 },
    { width: 1280, height: 900 },
  ]) {
    const wide = viewport.width >= 1024;
    test(`at ${viewport.width} px (${colorScheme}): key events ${wide ? "in a sticky side column" : "collapsed with Show all"}, one indicator, the connection bar, no serious axe issue, CLS ≤ 0.1`, async ({
      browser,
      server,
      newsroom,
    }, testInfo) => {
      test.setTimeout(120_000); // three axe scans of a long page
      const blog = await createBusyBlog(newsroom);
      const context = await browser.newContext({ baseURL: server.url, viewport, colorScheme });
      const page = await context.newPage();
      await page.goto(`/live/${blog.slug}`);
      await expect(page.locator('[data-connection="live"]')).toBeVisible();
      await watchLayoutShifts(page, "page-start");

      // One indicator: the badge is the only "Live" on the page, and it says the connection's state too.
      await expect(page.getByRole("main").getByText(/^live$/i)).toHaveCount(1);
      await expect(page.getByTestId("blog-status")).toHaveText("Live");

      // Collapsed items are not displayed, so they are not in the accessibility tree either.
      const links = keyEvents(page).getByRole("link", { includeHidden: true });
      const shownLinks = keyEvents(page).getByRole("link");
      await expect(links).toHaveCount(30);
      const showAllKeyEvents = keyEvents(page).getByRole("button", { name: "Show all (30)" });
      const showAllPinned = page.getByTestId("pinned").getByRole("button", { name: "Show all (4)" });
      if (wide) {
        // Everything is shown, beside the stream, and stays in view while the reader scrolls.
        await expect(showAllKeyEvents).toBeHidden();
        await expect(showAllPinned).toBeHidden();
        await expect(shownLinks).toHaveCount(30);
        const side = (await keyEvents(page).boundingBox())!;
        const main = (await stream(page).boundingBox())!;
        expect(side.x, "key events sit right of the stream").toBeGreaterThanOrEqual(main.x + main.width);
        expect(main.width, "a readable column").toBeLessThanOrEqual(760);
        await page.mouse.wheel(0, 4000);
        await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(3000);
        await expect(keyEvents(page).getByRole("heading", { name: "Key events" })).toBeInViewport();
        await expect(links.first()).toBeInViewport();
        await page.evaluate(() => window.scrollTo(0, 0));
      } else {
        // Two key events and the start of one pinned entry; "Show all" opens the rest, and closes again.
        await expect(shownLinks).toHaveCount(2);
        await expect(showAllKeyEvents).toHaveAttribute("aria-expanded", "false");
        await showAllKeyEvents.click();
        const showLessKeyEvents = keyEvents(page).getByRole("button", { name: "Show less" });
        await expect(showLessKeyEvents).toHaveAttribute("aria-expanded", "true");
        await expect(shownLinks).toHaveCount(30);

        const pinnedItems = page.getByTestId("pinned-item");
        await expect(pinnedItems.filter({ visible: true })).toHaveCount(1);
        await showAllPinned.click();
        await expect(pinnedItems.filter({ visible: true })).toHaveCount(4);
        await expectNoSeriousViolations(page, "expanded");
        await page.getByTestId("pinned").getByRole("button", { name: "Show less" }).click();
        await showLessKeyEvents.click();
        await expect(shownLinks).toHaveCount(2);
        await expect(page.getByTestId("stream").getByRole("article").first()).toBeInViewport();
        // The clicks above are input, so their shifts do not count; start counting again from here.
        await resetLayoutShift(page);
      }
      await expectNoSeriousViolations(page, "first screen");

      // Five entries arrive while the reader is at the top: they slide in without shifting the page.
      for (let n = 1; n <= 5; n++)
        await newsroom.publish(blog.slug, { headline: `Arrival ${n}`, body: `<p>Arrived ${n}.</p>` });
      await expect(stream(page).getByRole("article").first()).toContainText("Arrival 5");
      const atTop = await layoutShift(page);
      testInfo.annotations.push({ type: "CLS at the top", description: atTop.toFixed(4) });
      expect(atTop, "layout shift while five entries arrived at the top").toBeLessThanOrEqual(0.1);

      // Scrolled down: new entries wait behind a button in the bar, which overlays the page.
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
      await expect(bar(page)).toHaveCount(0);
      await newsroom.publish(blog.slug, { headline: "Held back 1", body: "<p>Waiting.</p>" });
      await newsroom.publish(blog.slug, { headline: "Held back 2", body: "<p>Waiting.</p>" });
      const button = bar(page).getByRole("button", { name: "2 new updates" });
      await expect(button).toBeInViewport();

      // Offline: the bar says so and since when, next to the button, wherever the reader is.
      await page.context().setOffline(true);
      await expect(bar(page).getByTestId("connection-message")).toHaveText(
        /^Offline · showing updates up to \d\d:\d\d · reconnecting$/,
      );
      await expect(bar(page)).toBeInViewport();
      await expect(page.getByTestId("blog-status")).toHaveText("Offline");
      const barBox = (await bar(page).boundingBox())!;
      expect(barBox.y + barBox.height, "a small bar").toBeLessThanOrEqual(viewport.width < 500 ? 80 : 60);
      await expectNoSeriousViolations(page, "offline, scrolled down, with the bar");
      await page.screenshot({ path: testInfo.outputPath(`bar-${viewport.width}-${colorScheme}.png`) });
      const total = await layoutShift(page);
      testInfo.annotations.push({ type: "CLS in all", description: total.toFixed(4) });
      expect(total, "layout shift with the bar appearing").toBeLessThanOrEqual(0.1);

      await page.context().setOffline(false);
      await expect(page.getByTestId("blog-status")).toHaveText("Live");
      await expect(bar(page).getByTestId("connection-message")).toHaveCount(0);
      await button.click();
      await expect(bar(page)).toHaveCount(0);
      await expect(stream(page).getByRole("heading", { name: "Held back 2" })).toBeInViewport();
      await context.close();
    });
  }
}

test("an ended blog has one indicator, Ended, and no connection bar", async ({ page, server, newsroom }) => {
  const editor = apiClient(server.url, server.users.editor.token);
  const blog = await newsroom.createBlog({ prefix: "ended-one" });
  await newsroom.publish(blog.slug, { headline: "Full time", body: "<p>It ends 2-1.</p>" });
  await page.goto(`/live/${blog.slug}`);
  await expect(page.locator('[data-connection="live"]')).toBeVisible();
  expect((await editor("PATCH", `/api/blogs/${blog.slug}`, { status: "ENDED" })).status).toBe(200);
  await expect(page.getByTestId("blog-status")).toHaveText("Ended");
  await expect(page.getByRole("main").getByText(/^(live|ended)$/i)).toHaveCount(1);
  await page.context().setOffline(true);
  await expect(page.getByTestId("blog-status")).toHaveText("Ended");
  await expect(bar(page)).toHaveCount(0);
});
