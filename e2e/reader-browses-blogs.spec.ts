// A reader opens the home page and picks a blog: live blogs come first, and each card tells how many updates
// it has, how lately it was updated and shows its newest picture, on a phone and on a desktop.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { apiClient } from "../server/test/harness.ts";
import { layoutShift, watchLayoutShifts } from "./fixtures/layout-shift.ts";
import { expect, test } from "./fixtures/server.ts";

const cards = (page: Page) => page.getByTestId("blog-card");
const cardOf = (page: Page, slug: string) => page.locator(`[data-testid="blog-card"][data-slug="${slug}"]`);

for (const viewport of [
  { width: 390, height: 844 },
  { width: 1280, height: 900 },
]) {
  test(`at ${viewport.width} px the blog list shows live blogs first, each with its update count, last update and picture`, async ({
    page,
    newsroom,
    server,
  }) => {
    const live = await newsroom.createBlog({
      prefix: "live",
      title: "Harbour festival",
      summary: "All day on the quay",
    });
    await newsroom.publish(live.slug, {
      body: '<figure><img src="/demo/orla-harbour.svg" alt="Boats in Orla harbour"></figure><p>Boats are in.</p>',
    });
    await newsroom.publish(live.slug, { body: "<p>The band starts at eight.</p>" });
    const quiet = await newsroom.createBlog({ prefix: "quiet", title: "Quiet blog" });
    // Ended most recently, with the newest update of all: still below every live blog.
    const ended = await newsroom.createBlog({ prefix: "ended", title: "Count finished" });
    await newsroom.publish(ended.slug, { body: "<p>Final result.</p>" });
    const editor = apiClient(server.url, server.users.editor.token);
    expect((await editor("PATCH", `/api/blogs/${ended.slug}`, { status: "ENDED" })).status).toBe(200);

    await page.setViewportSize(viewport);
    await watchLayoutShifts(page, "first-paint");
    await page.goto("/");

    // Live first: no live card after an ended one, and the newest live blog on top.
    const statuses = await cards(page).evaluateAll((all) => all.map((card) => card.getAttribute("data-status")));
    expect(statuses.indexOf("ENDED")).toBeGreaterThan(statuses.lastIndexOf("LIVE"));
    const slugs = await cards(page).evaluateAll((all) => all.map((card) => card.getAttribute("data-slug")));
    expect(slugs.indexOf(live.slug)).toBeLessThan(slugs.indexOf(ended.slug));
    expect(slugs.indexOf(quiet.slug)).toBeLessThan(slugs.indexOf(ended.slug));

    const card = cardOf(page, live.slug);
    await expect(card.getByRole("heading", { name: "Harbour festival" })).toBeVisible();
    await expect(card).toContainText("All day on the quay");
    await expect(card).toContainText("Live");
    // After hydration the time is relative ("just now"); the server sent a dated UTC time.
    await expect(card.getByTestId("blog-updates")).toHaveText(/^2 updates · updated (just now|\d+ min ago)$/);
    await expect(card.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d\d-\d\dT/);
    await expect(cardOf(page, quiet.slug).getByTestId("blog-updates")).toHaveText("No updates yet");
    await expect(cardOf(page, quiet.slug).locator("img")).toHaveCount(0);
    await expect(cardOf(page, ended.slug).getByTestId("blog-updates")).toHaveText(/^1 update · updated /);
    await expect(cardOf(page, ended.slug)).toContainText("Ended");

    // The picture, with its alt text, in a box of fixed proportions (so it cannot push text when it loads).
    const picture = card.getByRole("img", { name: "Boats in Orla harbour" });
    await expect(picture).toBeVisible();
    await expect
      .poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
      .toBe(true);
    const box = (await picture.boundingBox())!;
    expect(box.width / box.height).toBeCloseTo(16 / 9, 1);
    const cardBox = (await card.boundingBox())!;
    if (viewport.width < 640) {
      // On a phone the picture spans the card, above the title.
      expect(box.width).toBeGreaterThan(cardBox.width * 0.8);
    } else {
      // On a desktop it sits beside the text.
      expect(box.width).toBeLessThan(cardBox.width * 0.4);
    }
    expect(await layoutShift(page)).toBeLessThanOrEqual(0.01);

    const serious = (await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze()).violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => v.id);
    expect(serious).toEqual([]);
    // The whole card leads to the blog, not only its title.
    // (A click where a person would tap: the link's overlay covers the card, so the text itself gets no events.)
    const summary = (await card.getByText("All day on the quay").boundingBox())!;
    await page.mouse.click(summary.x + summary.width / 2, summary.y + summary.height / 2);
    await expect(page).toHaveURL(new RegExp(`/live/${live.slug}$`));
  });
}
