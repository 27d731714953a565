// An editor pins three entries from the workspace stream and puts them in order; a reader watching sees the
// pinned area follow, each pinned entry under its own headline, while every entry keeps its place in the
// stream, marked "Pinned". A reader who opens the page afterwards gets the same order.
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures/server.ts";
import { openContext, openReader, openWorkspace, signIn, streamEntry } from "./fixtures/newsroom.ts";

const pinnedHeadlines = (page: Page): Locator => page.getByTestId("pinned").getByRole("article").locator("h3");
const streamArticles = (page: Page): Locator => page.getByTestId("stream").getByRole("article");
const pinnedList = (page: Page): Locator => page.getByTestId("pinned-order").getByRole("listitem");

test("an editor pins three entries and reorders them; readers see that order, the entries still in the stream, marked", async ({
  page,
  browser,
  server,
  newsroom,
}) => {
  // Two browsers, a dozen clicks each waiting for a server round trip and a live event.
  test.slow();
  const blog = await newsroom.createBlog({ prefix: "pins" });
  const posted = [];
  for (const name of ["Polls open", "Turnout high", "First result", "Recount"]) {
    posted.push(await newsroom.publish(blog.slug, { headline: name, body: `<p>${name}.</p>` }));
  }
  const [open, turnout, result, recount] = posted as [
    (typeof posted)[0],
    (typeof posted)[0],
    (typeof posted)[0],
    (typeof posted)[0],
  ];
  const reader = await openContext(browser, server);
  await openReader(reader.page, blog.slug);

  await signIn(page.context(), server.users.editor);
  await openWorkspace(page, blog.slug);
  for (const entry of [open, turnout, result]) {
    const item = streamEntry(page, entry.id);
    await item.getByRole("button", { name: "Pin" }).click();
    await expect(item.getByRole("button", { name: "Unpin" })).toBeVisible();
  }
  // Each new pin goes on top.
  await expect(pinnedList(page)).toHaveText([/First result/, /Turnout high/, /Polls open/]);
  await expect(pinnedHeadlines(reader.page)).toHaveText(["First result", "Turnout high", "Polls open"]);

  // "Polls open" to the top, two moves up; then "First result" to the bottom.
  await page.getByRole("button", { name: "Move up: Polls open" }).click();
  await expect(pinnedList(page)).toHaveText([/First result/, /Polls open/, /Turnout high/]);
  await page.getByRole("button", { name: "Move up: Polls open" }).click();
  await expect(pinnedList(page)).toHaveText([/Polls open/, /First result/, /Turnout high/]);
  await expect(page.getByRole("button", { name: "Move up: Polls open" })).toBeDisabled();
  await page.getByRole("button", { name: "Move down: First result" }).click();
  await expect(pinnedList(page)).toHaveText([/Polls open/, /Turnout high/, /First result/]);

  // The reader saw it live, without a reload.
  const order = ["Polls open", "Turnout high", "First result"];
  await expect(pinnedHeadlines(reader.page)).toHaveText(order);
  await expect(reader.page.getByTestId("pinned").getByRole("heading", { name: "Pinned", exact: true })).toBeVisible();
  // Every entry is in the stream in publication order, the pinned ones marked.
  const ids = [recount, result, turnout, open].map((e) => `entry-${e.id}`);
  await expect(streamArticles(reader.page)).toHaveCount(4);
  for (const [index, id] of ids.entries())
    await expect(streamArticles(reader.page).nth(index)).toHaveAttribute("id", id);
  for (const entry of [open, turnout, result]) {
    await expect(reader.page.locator(`#entry-${entry.id}`).getByTestId("pinned-flag")).toHaveText("Pinned");
  }
  await expect(reader.page.locator(`#entry-${recount.id}`).getByTestId("pinned-flag")).toHaveCount(0);

  // A reader arriving now gets the same order from the server-rendered page.
  const late = await openContext(browser, server);
  await late.page.goto(`/live/${blog.slug}`);
  await expect(pinnedHeadlines(late.page)).toHaveText(order);
  await expect(streamArticles(late.page)).toHaveCount(4);

  // Unpinning one takes it out of the pinned area only.
  await streamEntry(page, turnout.id).getByRole("button", { name: "Unpin" }).click();
  await expect(pinnedList(page)).toHaveText([/Polls open/, /First result/]);
  await expect(pinnedHeadlines(reader.page)).toHaveText(["Polls open", "First result"]);
  await expect(streamArticles(reader.page)).toHaveCount(4);
  await reader.context.close();
  await late.context.close();
});
