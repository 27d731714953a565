// An editor writes in the blog workspace's composer and publishes; readers see the entry arrive live.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures/server.ts";
import {
  composer,
  entriesOf,
  entryOf,
  entryText,
  openContext,
  openReader,
  openWorkspace,
  readerAndWorkspace,
  signIn,
  streamEntry,
  TINY_PNG,
} from "./fixtures/newsroom.ts";

const uid = () => Math.random().toString(36).slice(2, 8);

test("an editor writes bold text, a link and an uploaded image, previews it and publishes; a reader sees it live", async ({
  page,
  browser,
  server,
  newsroom,
}) => {
  const blog = await newsroom.createBlog({ prefix: "compose" });
  const reader = await openContext(browser, server);
  await openReader(reader.page, blog.slug);

  await signIn(page.context(), server.users.editor);
  await openWorkspace(page, blog.slug);
  const form = composer(page);
  const headline = `Polls close ${uid()}`;
  await form.getByLabel("Headline (optional)").fill(headline);
  await form.getByLabel("Label").selectOption("Breaking");

  const text = entryText(form);
  await text.click();
  await text.pressSequentially("Counting starts at ");
  const bold = form.getByRole("button", { name: "Bold" });
  await bold.click();
  await expect(bold).toHaveAttribute("aria-pressed", "true");
  await text.pressSequentially("ten");
  await bold.click();
  await expect(bold).toHaveAttribute("aria-pressed", "false");
  await text.pressSequentially(" tonight. Results: ");
  await form.getByRole("button", { name: "Link" }).click();
  await form.getByLabel("Link address").fill("javascript:alert(1)");
  await form.getByRole("button", { name: "Apply link" }).click();
  await expect(form.getByRole("alert")).toContainText("http or https");
  await form.getByLabel("Link address").fill("https://example.org/results");
  await form.getByRole("button", { name: "Apply link" }).click();
  await expect(text.locator('a[href="https://example.org/results"]')).toHaveText("https://example.org/results");

  await form.getByLabel("Upload image").setInputFiles({ name: "turnout.png", mimeType: "image/png", buffer: TINY_PNG });
  const details = form.getByRole("group", { name: "Image details" });
  await details.getByRole("button", { name: "Insert image" }).click();
  // The alt text is required: nothing is inserted without it.
  await expect(details.getByLabel("Alt text (required)")).toHaveAttribute("aria-invalid", "true");
  await expect(text.locator("img")).toHaveCount(0);
  await details.getByLabel("Alt text (required)").fill("Bar chart of turnout by region");
  await details.getByLabel("Caption (optional)").fill("Turnout so far");
  await details.getByRole("button", { name: "Insert image" }).click();
  await expect(text.locator('figure img[alt="Bar chart of turnout by region"]')).toHaveAttribute("src", /^\/uploads\//);

  // The preview is the reader's own entry renderer.
  await form.getByRole("button", { name: "Preview" }).click();
  const preview = form.getByTestId("preview");
  await expect(preview.getByRole("heading", { level: 3 })).toHaveText(headline);
  await expect(preview.locator("strong")).toHaveText("ten");
  await expect(preview.locator('a[href="https://example.org/results"]')).toHaveAttribute(
    "rel",
    "noopener noreferrer nofollow",
  );
  await expect(preview.locator('img[alt="Bar chart of turnout by region"]')).toBeVisible();
  await expect(preview.locator("figcaption")).toHaveText("Turnout so far");
  await expect(preview).toContainText("Breaking");
  await expect(preview).toContainText("By Test editor");
  await form.getByRole("button", { name: "Preview" }).click();
  await expect(preview).toHaveCount(0);

  // A double click publishes once.
  await form.getByRole("button", { name: "Publish now" }).dblclick();
  await expect(form.getByText("Published.")).toBeVisible();
  await expect(form.getByLabel("Headline (optional)")).toHaveValue("");
  await expect(text).toHaveText("");

  const article = reader.page.getByRole("article", { name: headline });
  await expect(article).toBeVisible();
  await expect(article.locator("strong")).toHaveText("ten");
  await expect(article.locator('a[href="https://example.org/results"]')).toHaveText("https://example.org/results");
  await expect(article.locator('img[alt="Bar chart of turnout by region"]')).toHaveAttribute("src", /^\/uploads\//);
  await expect(article).toContainText("Turnout so far");

  const entries = await entriesOf(server, blog.slug);
  expect(
    entries.map((entry) => entry.headline),
    "exactly one entry was published",
  ).toEqual([headline]);
  await expect(streamEntry(page, entries[0]!.id)).toHaveAttribute("data-status", "PUBLISHED");
  await reader.context.close();
});

test("a reload while typing keeps the text, for a new entry and for a draft being edited", async ({
  page,
  server,
  newsroom,
}) => {
  const blog = await newsroom.createBlog({ prefix: "restore" });
  await signIn(page.context(), server.users.editor);
  await openWorkspace(page, blog.slug);

  const form = composer(page);
  await form.getByLabel("Headline (optional)").fill("Not yet sent");
  await entryText(form).click();
  await entryText(form).pressSequentially("Half a thought about the count");
  await expect
    .poll(() => page.evaluate((key) => localStorage.getItem(key) ?? "", `liveline:composer:${blog.slug}:new`))
    .toContain("Half a thought about the count");

  await page.reload();
  await expect(form.getByText("Restored your unsaved draft")).toBeVisible();
  await expect(form.getByLabel("Headline (optional)")).toHaveValue("Not yet sent");
  await expect(entryText(form)).toHaveText("Half a thought about the count");

  // Save it as a draft, then edit the draft: the server copy follows the typing, and a reload reopens the editor.
  await form.getByRole("button", { name: "Save draft" }).click();
  await expect(form.getByText("Draft saved.")).toBeVisible();
  const [draft] = await entriesOf(server, blog.slug);
  expect(draft).toMatchObject({ status: "DRAFT", headline: "Not yet sent" });
  const item = streamEntry(page, draft!.id);
  await expect(item).toHaveAttribute("data-status", "DRAFT");
  await item.getByRole("button", { name: "Edit" }).click();
  const editor = item.getByTestId("entry-editor");
  await entryText(editor).click();
  await page.keyboard.press("End");
  await entryText(editor).pressSequentially(", finished on the server");
  await expect
    .poll(async () => (await entryOf(server, blog.slug, draft!.id)).body, { timeout: 15_000 })
    .toContain("finished on the server");

  await entryText(editor).pressSequentially(" and after a reload");
  await expect
    .poll(() => page.evaluate((key) => localStorage.getItem(key) ?? "", `liveline:composer:${blog.slug}:${draft!.id}`))
    .toContain("and after a reload");
  await page.reload();
  const reopened = streamEntry(page, draft!.id).getByTestId("entry-editor");
  await expect(reopened.getByText("Restored your unsaved draft")).toBeVisible();
  await expect(entryText(reopened)).toContainText("finished on the server and after a reload");
});

test("a scheduled entry appears for the reader at its time", async ({ page, browser, server, newsroom }) => {
  const blog = await newsroom.createBlog({ prefix: "sched" });
  const reader = await readerAndWorkspace(browser, server, page, blog.slug, server.users.editor);

  const headline = `Exit poll at the top of the hour ${uid()}`;
  const form = composer(page);
  await form.getByLabel("Headline (optional)").fill(headline);
  await entryText(form).click();
  await entryText(form).pressSequentially("The exit poll is out.");
  await form.getByRole("button", { name: "Schedule…" }).click();
  const when = form.getByLabel("Publish at (your time)");
  // A time in the past is refused.
  await when.fill(await localTimeIn(page, -60_000));
  await form.getByRole("button", { name: "Schedule", exact: true }).click();
  await expect(form.getByRole("alert")).toHaveText("Pick a time in the future.");

  await when.fill(await localTimeIn(page, 4_000));
  await form.getByRole("button", { name: "Schedule", exact: true }).click();
  await expect(form.getByText(/^Scheduled for/)).toBeVisible();
  const [scheduled] = await entriesOf(server, blog.slug);
  expect(scheduled).toMatchObject({ status: "SCHEDULED", headline });
  await expect(streamEntry(page, scheduled!.id).getByTestId("status-badge")).toContainText("Scheduled for");
  await expect(reader.page.getByRole("article", { name: headline })).toHaveCount(0);

  await expect(reader.page.getByRole("article", { name: headline })).toBeVisible({ timeout: 20_000 });
  await expect(reader.page.getByRole("article", { name: headline })).toContainText("The exit poll is out.");
  await expect(streamEntry(page, scheduled!.id)).toHaveAttribute("data-status", "PUBLISHED", { timeout: 10_000 });
  await reader.context.close();
});

/** The browser's local wall-clock time `offsetMs` from now, as a datetime-local input takes it. */
async function localTimeIn(page: Page, offsetMs: number): Promise<string> {
  return page.evaluate((offset) => {
    const date = new Date(Date.now() + offset);
    const pad = (n: number) => String(n).padStart(2, "0");
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
  }, offsetMs);
}

test("publishing while offline keeps the text, and it publishes once the connection is back", async ({
  page,
  server,
  newsroom,
}) => {
  const blog = await newsroom.createBlog({ prefix: "offline" });
  await signIn(page.context(), server.users.editor);
  await openWorkspace(page, blog.slug);
  const form = composer(page);
  await form.getByLabel("Headline (optional)").fill("Written on the train");
  await entryText(form).click();
  await entryText(form).pressSequentially("The signal comes and goes.");

  await page.context().setOffline(true);
  await form.getByRole("button", { name: "Publish now" }).click();
  await expect(form.getByRole("alert")).toContainText("Could not reach the server");
  await expect(form.getByLabel("Headline (optional)")).toHaveValue("Written on the train");
  await expect(entryText(form)).toHaveText("The signal comes and goes.");
  expect(await entriesOf(server, blog.slug)).toEqual([]);

  await page.context().setOffline(false);
  await form.getByRole("button", { name: "Publish now" }).click();
  await expect(form.getByText("Published.")).toBeVisible();
  const entries = await entriesOf(server, blog.slug);
  expect(entries.map((entry) => [entry.headline, entry.status])).toEqual([["Written on the train", "PUBLISHED"]]);
});
