// Two people in two signed-in browsers work on one entry: changes to different fields merge by themselves, the
// same field asks for a choice naming the colleague, History shows what each save changed and restores an earlier
// version, and a correction note reaches a reader's open page live.
import { expect, test } from "./fixtures/server.ts";
import {
  editInTwoBrowsers,
  entryOf,
  entryText,
  openContext,
  openReader,
  openWorkspace,
  readerAndWorkspace,
  signIn,
  streamEntry,
} from "./fixtures/newsroom.ts";

const uid = () => Math.random().toString(36).slice(2, 8);

test("an editor's text change and a colleague's headline change merge by themselves, and say so", async ({
  page,
  browser,
  server,
  newsroom,
}) => {
  const blog = await newsroom.createBlog({ prefix: "merge" });
  const entry = await newsroom.publish(blog.slug, {
    headline: `Count under way ${uid()}`,
    body: "<p>Counting began at ten.</p><p>First result expected at one.</p>",
  });
  const { other, theirs, myEditor, theirEditor } = await editInTwoBrowsers(
    { page, browser, server },
    blog.slug,
    entry.id,
  );

  await theirEditor.getByLabel("Headline (optional)").fill("Count under way in all wards");
  await theirEditor.getByRole("button", { name: "Save changes" }).click();
  await expect(theirEditor).toHaveCount(0);
  await expect.poll(async () => (await entryOf(server, blog.slug, entry.id)).version).toBe(2);

  await entryText(myEditor).getByText("First result expected at one.").click();
  await page.keyboard.press("End");
  await page.keyboard.type(" Or two.");
  await myEditor.getByRole("button", { name: "Save changes" }).click();

  await expect(myEditor.getByRole("status")).toHaveText("Saved. Merged with Test admin's change to the headline.");
  await expect(myEditor.getByLabel("Headline (optional)")).toHaveValue("Count under way in all wards");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  const stored = await entryOf(server, blog.slug, entry.id);
  expect(stored).toMatchObject({ headline: "Count under way in all wards", version: 3 });
  expect(stored.body).toContain("First result expected at one. Or two.");
  // The colleague's stream shows the merged entry live.
  await expect(theirs).toContainText("Or two.");
  await expect(theirs.getByRole("heading", { level: 3 })).toHaveText("Count under way in all wards");
  await other.context.close();
});

test("both change the same paragraph: the dialog names the colleague, marks each side's words and takes the choice", async ({
  page,
  browser,
  server,
  newsroom,
}) => {
  const blog = await newsroom.createBlog({ prefix: "same" });
  const entry = await newsroom.publish(blog.slug, {
    headline: "Turnout",
    body: "<p>Turnout reached 7 000 by noon.</p><p>Polls close at ten.</p>",
  });
  const { other, myEditor, theirEditor } = await editInTwoBrowsers({ page, browser, server }, blog.slug, entry.id);

  await entryText(theirEditor).getByText("Turnout reached 7 000 by noon.").click();
  await other.page.keyboard.press("End");
  await other.page.keyboard.type(" Officially.");
  await theirEditor.getByRole("button", { name: "Save changes" }).click();
  await expect(theirEditor).toHaveCount(0);
  await expect.poll(async () => (await entryOf(server, blog.slug, entry.id)).version).toBe(2);

  await entryText(myEditor).getByText("Turnout reached 7 000 by noon.").click();
  await page.keyboard.press("End");
  await page.keyboard.type(" Up on 2022.");
  await myEditor.getByLabel("Headline (optional)").fill("Turnout up");
  await myEditor.getByRole("button", { name: "Save changes" }).click();

  const dialog = page.getByRole("dialog", { name: /^Test admin changed this entry at .+ while you were editing$/ });
  await expect(dialog).toBeVisible();
  // Only the text collides; my headline is not asked about.
  await expect(dialog.getByTestId("merge-field")).toHaveCount(1);
  const text = dialog.getByRole("group", { name: "Text" });
  await expect(text.getByTestId("merge-mine").locator("ins")).toHaveText([/^\.? Up on 2022\.?$/]);
  await expect(text.getByTestId("merge-theirs").getByRole("heading")).toHaveText("Test admin's change");
  await expect(text.getByTestId("merge-theirs").locator("ins")).toHaveText([/^\.? Officially\.?$/]);
  expect((await entryOf(server, blog.slug, entry.id)).body).not.toContain("Up on 2022");

  await text.getByLabel("Keep both (mine first)").check();
  await dialog.getByRole("button", { name: "Save with these choices" }).click();
  await expect(myEditor).toHaveCount(0);
  const stored = await entryOf(server, blog.slug, entry.id);
  expect(stored).toMatchObject({ headline: "Turnout up", version: 3 });
  expect(stored.body).toContain("Turnout reached 7 000 by noon. Up on 2022.");
  expect(stored.body).toContain("Turnout reached 7 000 by noon. Officially.");
  expect(stored.body).toContain("Polls close at ten.");
  await other.context.close();
});

test("History shows what a colleague's save changed, word by word, and restoring an earlier version reaches everyone", async ({
  page,
  browser,
  server,
  newsroom,
}) => {
  const blog = await newsroom.createBlog({ prefix: "history" });
  const entry = await newsroom.publish(blog.slug, {
    headline: "Turnout figure",
    body: "<p>Turnout reached 7 000 by noon.</p>",
  });
  const other = await openContext(browser, server, server.users.admin);
  await signIn(page.context(), server.users.editor);
  await Promise.all([openWorkspace(page, blog.slug), openWorkspace(other.page, blog.slug)]);
  const reader = await openContext(browser, server);
  await openReader(reader.page, blog.slug);

  // The colleague edits in their browser.
  const theirs = streamEntry(other.page, entry.id);
  await theirs.getByRole("button", { name: "Edit" }).click();
  const theirEditor = theirs.getByTestId("entry-editor");
  await entryText(theirEditor).fill("Turnout reached 9 000 by noon.");
  await theirEditor.getByRole("button", { name: "Save changes" }).click();
  await expect(theirEditor).toHaveCount(0);
  const mine = streamEntry(page, entry.id);
  await expect(mine).toContainText("9 000");

  await mine.getByRole("button", { name: "History" }).click();
  const history = page.getByRole("dialog", { name: "History: Turnout figure" });
  const versions = history.getByRole("list", { name: "Versions" }).getByRole("button");
  await expect(versions).toHaveCount(2);
  await expect(versions.nth(0)).toContainText("Version 2 (current)");
  await expect(versions.nth(0)).toContainText("Test admin");
  await expect(versions.nth(1)).toContainText("Version 1");
  await expect(versions.nth(1)).toContainText("Test editor");
  const diff = history.getByTestId("revision-diff");
  await expect(diff.getByTestId("diff-body").locator("del")).toHaveText(["7"]);
  await expect(diff.getByTestId("diff-body").locator("ins")).toHaveText(["9"]);

  await versions.nth(1).click();
  await history.getByLabel("Differences from the current entry").check();
  await expect(diff.getByTestId("diff-body").locator("ins")).toHaveText(["9"]);
  await history.getByRole("button", { name: "Restore version 1" }).click();
  await expect(history.getByRole("status")).toHaveText("Restored version 1.");
  await expect(versions).toHaveCount(3);
  await expect(versions.nth(0)).toContainText("Version 3 (current)");
  await expect(versions.nth(0)).toContainText("restored");
  expect(await entryOf(server, blog.slug, entry.id)).toMatchObject({
    body: "<p>Turnout reached 7 000 by noon.</p>",
    version: 3,
  });
  await history.getByRole("button", { name: "Close" }).click();
  await expect(history).toHaveCount(0);

  // Everyone follows live: the colleague's stream and the reader's page.
  await expect(theirs).toContainText("7 000");
  await expect(reader.page.locator(`article#entry-${entry.id}`)).toContainText("Turnout reached 7 000 by noon.");
  await other.context.close();
  await reader.context.close();
});

test("an editor's correction note shows on a reader's open page at once, and on the permalink", async ({
  page,
  browser,
  server,
  newsroom,
}) => {
  const blog = await newsroom.createBlog({ prefix: "correct" });
  const entry = await newsroom.publish(blog.slug, {
    headline: "Crowd at the rally",
    body: "<p>About 9 000 people came.</p>",
  });
  const reader = await readerAndWorkspace(browser, server, page, blog.slug, server.users.editor);

  const item = streamEntry(page, entry.id);
  await item.getByRole("button", { name: "Add correction" }).click();
  await item.getByLabel("Correction note (public)").fill("An earlier version said 7 000; it was 9 000.");
  await item.getByRole("button", { name: "Publish correction" }).click();
  await expect(item.getByTestId("stream-correction")).toContainText(
    "Correction: An earlier version said 7 000; it was 9 000.",
  );

  const onReaderPage = reader.page.locator(`article#entry-${entry.id}`).getByRole("note", { name: "Corrections" });
  await expect(onReaderPage).toContainText("Correction: An earlier version said 7 000; it was 9 000.");
  await reader.page.goto(`/live/${blog.slug}/entries/${entry.id}`);
  await expect(reader.page.getByRole("note", { name: "Corrections" }).first()).toContainText(
    "An earlier version said 7 000",
  );
  await reader.context.close();
});

test("a journalist sees History for their own entries only and adds no corrections", async ({
  page,
  server,
  newsroom,
}) => {
  const blog = await newsroom.createBlog({ prefix: "roles" });
  const editors = await newsroom.publish(blog.slug, { body: "<p>The editor's entry.</p>" });
  await signIn(page.context(), server.users.journalist);
  await openWorkspace(page, blog.slug);
  await expect(streamEntry(page, editors.id)).toBeVisible();
  await expect(streamEntry(page, editors.id).getByRole("button", { name: "History" })).toHaveCount(0);
  await expect(streamEntry(page, editors.id).getByRole("button", { name: "Add correction" })).toHaveCount(0);
});
