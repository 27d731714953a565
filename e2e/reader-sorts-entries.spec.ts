// A reader switches the stream between newest first and oldest first: the choice is in the address (?sort=)
// and remembered by the browser, pages load in the chosen direction ("Load older" / "Load newer"), and a live
// entry lands at the right end. An editor makes a blog read oldest first by default.
import type { Locator, Page } from "@playwright/test";
import { expect, test, type Entry } from "./fixtures/server.ts";
import { openContext } from "./fixtures/newsroom.ts";

const streamArticles = (page: Page): Locator => page.getByTestId("stream").getByRole("article");
const toggle = (page: Page, name: "Newest first" | "Oldest first"): Locator =>
  page.getByTestId("sort-toggle").getByRole("button", { name });

async function waitLive(page: Page): Promise<void> {
  await expect(page.locator("[data-connection]")).toHaveAttribute("data-connection", "live");
}

for (const width of [390, 1280]) {
  test(`at ${width} px a reader reads oldest first, remembered, with Load newer and live entries at the end`, async ({
    page,
    newsroom,
  }) => {
    // Two dozen entries published and several page loads: more than the default time on a shared machine.
    test.slow();
    await page.setViewportSize({ width, height: 844 });
    const blog = await newsroom.createBlog({ prefix: `sort-${width}` });
    const entries: Entry[] = [];
    for (let i = 1; i <= 22; i++) {
      entries.push(await newsroom.publish(blog.slug, { headline: `Update ${i}`, body: `<p>Text ${i}.</p>` }));
    }
    const id = (entry: Entry) => `entry-${entry.id}`;

    await page.goto(`/live/${blog.slug}`);
    await waitLive(page);
    await expect(toggle(page, "Newest first")).toHaveAttribute("aria-pressed", "true");
    await expect(toggle(page, "Oldest first")).toHaveAttribute("aria-pressed", "false");
    await expect(streamArticles(page).first()).toHaveAttribute("id", id(entries[21]!));
    await expect(page.getByRole("button", { name: "Load older" })).toBeVisible();

    await toggle(page, "Oldest first").click();
    await expect(page).toHaveURL(/\?sort=oldest$/);
    await waitLive(page);
    await expect(toggle(page, "Oldest first")).toHaveAttribute("aria-pressed", "true");
    await expect(streamArticles(page)).toHaveCount(20);
    await expect(streamArticles(page).first()).toHaveAttribute("id", id(entries[0]!));
    await expect(streamArticles(page).last()).toHaveAttribute("id", id(entries[19]!));
    await expect(page.getByRole("button", { name: "Load older" })).toHaveCount(0);

    // The end is not loaded: a new entry waits for "Load newer" and moves nothing on the page.
    const late = await newsroom.publish(blog.slug, { headline: "Update 23", body: "<p>Text 23.</p>" });
    await expect(page.locator(`#${id(late)}`)).toHaveCount(0);
    await expect(streamArticles(page)).toHaveCount(20);
    await page.getByRole("button", { name: "Load newer" }).click();
    await expect(streamArticles(page)).toHaveCount(23);
    await expect(streamArticles(page).last()).toHaveAttribute("id", id(late));
    await expect(page.getByRole("button", { name: "Load newer" })).toHaveCount(0);

    // The end is loaded now: the next one joins it live.
    const live = await newsroom.publish(blog.slug, { headline: "Update 24", body: "<p>Text 24.</p>" });
    await expect(streamArticles(page)).toHaveCount(24);
    await expect(streamArticles(page).last()).toHaveAttribute("id", id(live));
    await expect(streamArticles(page).first()).toHaveAttribute("id", id(entries[0]!));

    // Remembered: the bare address brings this reader back to oldest first.
    await page.goto(`/live/${blog.slug}`);
    await expect(page).toHaveURL(/\?sort=oldest$/);
    await expect(toggle(page, "Oldest first")).toHaveAttribute("aria-pressed", "true");
    await expect(streamArticles(page).first()).toHaveAttribute("id", id(entries[0]!));

    // A permalink keeps the order too.
    await page.goto(`/live/${blog.slug}/entries/${entries[5]!.id}?sort=oldest`);
    await expect(streamArticles(page).first()).toHaveAttribute("id", id(entries[0]!));

    // And back to newest first: a live entry goes on top.
    await page.goto(`/live/${blog.slug}?sort=oldest`);
    await waitLive(page);
    await toggle(page, "Newest first").click();
    await expect(page).toHaveURL(/\?sort=newest$/);
    await waitLive(page);
    await expect(toggle(page, "Newest first")).toHaveAttribute("aria-pressed", "true");
    await expect(streamArticles(page).first()).toHaveAttribute("id", id(live));
    const newest = await newsroom.publish(blog.slug, { headline: "Update 25", body: "<p>Text 25.</p>" });
    await expect(streamArticles(page).first()).toHaveAttribute("id", id(newest));
    await page.getByRole("button", { name: "Load older" }).click();
    await expect(streamArticles(page)).toHaveCount(25);
    await expect(streamArticles(page).last()).toHaveAttribute("id", id(entries[0]!));
  });
}

test("an editor makes a blog read oldest first; a new reader sees it so, and may still choose", async ({
  browser,
  server,
  newsroom,
}) => {
  const blog = await newsroom.createBlog({ prefix: "qa" });
  const first = await newsroom.publish(blog.slug, { headline: "Question one", body: "<p>Ask away.</p>" });
  const second = await newsroom.publish(blog.slug, { headline: "Question two", body: "<p>Next.</p>" });

  const editor = await openContext(browser, server, server.users.editor);
  await editor.page.goto(`/admin/blogs/${blog.slug}/settings`);
  await editor.page.getByRole("radio", { name: "Oldest first" }).check();
  await editor.page.getByRole("button", { name: "Save changes" }).click();
  await expect(editor.page.getByText("Saved.")).toBeVisible();
  await editor.page.reload();
  await expect(editor.page.getByRole("radio", { name: "Oldest first" })).toBeChecked();

  const reader = await openContext(browser, server);
  await reader.page.goto(`/live/${blog.slug}`);
  await waitLive(reader.page);
  await expect(reader.page).toHaveURL(new RegExp(`/live/${blog.slug}$`));
  await expect(toggle(reader.page, "Oldest first")).toHaveAttribute("aria-pressed", "true");
  await expect(streamArticles(reader.page).first()).toHaveAttribute("id", `entry-${first.id}`);
  const third = await newsroom.publish(blog.slug, { headline: "Question three", body: "<p>More.</p>" });
  await expect(streamArticles(reader.page).last()).toHaveAttribute("id", `entry-${third.id}`);

  await toggle(reader.page, "Newest first").click();
  await expect(reader.page).toHaveURL(/\?sort=newest$/);
  await expect(streamArticles(reader.page).first()).toHaveAttribute("id", `entry-${third.id}`);
  await expect(streamArticles(reader.page).nth(1)).toHaveAttribute("id", `entry-${second.id}`);
  await editor.context.close();
  await reader.context.close();
});
