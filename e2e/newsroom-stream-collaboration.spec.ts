// Several people work on one blog at once: the workspace stream shows each other's work live, rights
// follow roles, and two edits of the same entry never silently overwrite each other.
import { apiClient } from "../server/test/harness.ts";
import type { Browser, Locator, Page } from "@playwright/test";
import type { TestServer } from "../server/test/harness.ts";
import { expect, test, type NewEntry, type Newsroom } from "./fixtures/server.ts";
import {
  editInTwoBrowsers,
  entryOf,
  entryText,
  newsroomStream,
  openContext,
  openReader,
  openWorkspace,
  signIn,
  streamEntry,
} from "./fixtures/newsroom.ts";

const uid = () => Math.random().toString(36).slice(2, 8);

test("a journalist pins the editor's entry from the stream and the reader sees it pinned; a colleague's entry cannot be deleted", async ({
  page,
  browser,
  server,
  newsroom,
}) => {
  const blog = await newsroom.createBlog({ prefix: "pin" });
  const key = await newsroom.publish(blog.slug, {
    headline: `How to follow tonight ${uid()}`,
    body: "<p>Everything you need to know.</p>",
  });
  const later = await newsroom.publish(blog.slug, {
    headline: `Recount ordered ${uid()}`,
    body: "<p>A recount in the north.</p>",
  });
  const reader = await openContext(browser, server);
  await openReader(reader.page, blog.slug);
  await expect(reader.page.getByTestId("pinned")).toHaveCount(0);

  await signIn(page.context(), server.users.journalist);
  await openWorkspace(page, blog.slug);
  const item = streamEntry(page, key.id);
  await expect(item.getByRole("heading", { level: 3 })).toHaveText(key.headline!);
  // Someone else's entry: a journalist may pin it, not edit or delete it.
  await expect(item.getByRole("button", { name: "Pin" })).toBeVisible();
  await expect(item.getByRole("button", { name: "Edit" })).toHaveCount(0);
  await expect(item.getByRole("button", { name: "Delete" })).toHaveCount(0);
  await expect(item.getByRole("button", { name: "Key event" })).toHaveCount(0);
  const refused = await apiClient(server.url, server.users.journalist.token)(
    "DELETE",
    `/api/blogs/${blog.slug}/entries/${key.id}`,
  );
  expect(refused.status).toBe(403);

  await item.getByRole("button", { name: "Pin" }).click();
  await expect(item.getByRole("button", { name: "Unpin" })).toBeVisible();
  await expect(item).toHaveAttribute("data-pinned", "true");

  const pinned = reader.page.getByTestId("pinned");
  await expect(pinned.locator(`article#pinned-${key.id}`)).toContainText("Everything you need to know.");
  await expect(reader.page.getByTestId("stream").locator(`article#entry-${key.id}`)).toContainText("Pinned");
  await expect(reader.page.getByTestId("stream").locator(`article#entry-${later.id}`)).toBeVisible();
  expect((await entryOf(server, blog.slug, key.id)).pinned).toBe(true);
  await reader.context.close();
});

test("two editors change the same headline: the second save names the colleague, shows both sides' words and overwrites nothing until asked", async ({
  page,
  browser,
  server,
  newsroom,
}) => {
  const { blog, entry, other, theirs, myEditor, conflict } = await conflictBetweenTwoEditors(
    { page, browser, server, newsroom },
    {
      prefix: "conflict",
      original: { headline: "Turnout at 60%", body: "<p>Early figures.</p>" },
      theirHeadline: "Turnout corrected to 64%",
      async editMine(editor) {
        await editor.getByLabel("Headline (optional)").fill("Turnout at 61%");
        await entryText(editor).click();
        await entryText(editor).pressSequentially(" More to come.");
      },
    },
  );
  // Only the headline collides (the text was changed by me alone): one choice, each side's words marked.
  const headline = conflict.getByRole("group", { name: "Headline" });
  await expect(conflict.getByTestId("merge-field")).toHaveCount(1);
  await expect(headline.getByTestId("merge-mine").locator("del")).toHaveText("60");
  await expect(headline.getByTestId("merge-mine").locator("ins")).toHaveText("61");
  await expect(headline.getByTestId("merge-theirs").getByRole("heading")).toHaveText("Test admin's change");
  await expect(headline.getByTestId("merge-theirs").locator("ins").filter({ hasText: "64" })).toHaveCount(1);
  let stored = await entryOf(server, blog.slug, entry.id);
  expect(stored).toMatchObject({ headline: "Turnout corrected to 64%", version: 2 });
  expect(stored.body).not.toContain("More to come.");

  await headline.getByLabel("Keep mine").check();
  await conflict.getByRole("button", { name: "Save with these choices" }).click();
  await expect(myEditor).toHaveCount(0);
  stored = await entryOf(server, blog.slug, entry.id);
  expect(stored).toMatchObject({ headline: "Turnout at 61%", version: 3 });
  expect(stored.body).toContain("More to come.");
  // The colleague's stream follows, live.
  await expect(theirs.getByRole("heading", { level: 3 })).toHaveText("Turnout at 61%");
  await other.context.close();
});

test("taking the colleague's version in a conflict drops mine, writes nothing, and editing goes on from theirs", async ({
  page,
  browser,
  server,
  newsroom,
}) => {
  const { blog, entry, other, mine, theirs, myEditor, conflict } = await conflictBetweenTwoEditors(
    { page, browser, server, newsroom },
    {
      prefix: "theirs",
      original: { headline: "Polls close at 10", body: "<p>Queues outside.</p>" },
      theirHeadline: "Polls close at 10pm",
      editMine: (editor) => editor.getByLabel("Headline (optional)").fill("Polls closing soon"),
    },
  );
  await conflict.getByRole("button", { name: "Discard mine, take Test admin's version" }).click();
  await expect(conflict).toHaveCount(0);
  await expect(myEditor.getByLabel("Headline (optional)")).toHaveValue("Polls close at 10pm");
  expect(await entryOf(server, blog.slug, entry.id)).toMatchObject({ headline: "Polls close at 10pm", version: 2 });

  // The editor now stands on their version: adding to it saves without another conflict.
  await entryText(myEditor).click();
  await entryText(myEditor).pressSequentially(" Turnout high.");
  await myEditor.getByRole("button", { name: "Save changes" }).click();
  await expect(myEditor).toHaveCount(0);
  const stored = await entryOf(server, blog.slug, entry.id);
  expect(stored).toMatchObject({ headline: "Polls close at 10pm", version: 3 });
  expect(stored.body).toContain("Turnout high.");
  await expect(theirs).toContainText("Turnout high.");
  // My dropped headline is gone for good: no unsaved draft of it comes back.
  await mine.getByRole("button", { name: "Edit" }).click();
  await expect(myEditor.getByLabel("Headline (optional)")).toHaveValue("Polls close at 10pm");
  await expect(myEditor.getByText("Restored your unsaved draft.")).toHaveCount(0);
  await other.context.close();
});

/**
 * An editor and an admin open the same entry; the admin saves a new headline first, then the editor's
 * save (with `editMine`) meets the merge dialog naming the admin, nothing overwritten.
 */
async function conflictBetweenTwoEditors(
  { page, browser, server, newsroom }: { page: Page; browser: Browser; server: TestServer; newsroom: Newsroom },
  {
    prefix,
    original,
    theirHeadline,
    editMine,
  }: { prefix: string; original: NewEntry; theirHeadline: string; editMine: (editor: Locator) => Promise<unknown> },
) {
  const blog = await newsroom.createBlog({ prefix });
  const entry = await newsroom.publish(blog.slug, original);
  // Both open the entry for editing, at version 1.
  const { other, mine, theirs, myEditor, theirEditor } = await editInTwoBrowsers(
    { page, browser, server },
    blog.slug,
    entry.id,
  );

  await theirEditor.getByLabel("Headline (optional)").fill(theirHeadline);
  await theirEditor.getByRole("button", { name: "Save changes" }).click();
  await expect(theirEditor).toHaveCount(0);
  await expect.poll(async () => (await entryOf(server, blog.slug, entry.id)).headline).toBe(theirHeadline);

  await editMine(myEditor);
  await myEditor.getByRole("button", { name: "Save changes" }).click();
  const conflict = page.getByRole("dialog", { name: /^Test admin changed this entry at .+ while you were editing$/ });
  await expect(conflict).toBeVisible();
  return { blog, entry, other, mine, theirs, myEditor, conflict };
}

test("the editor's stream shows a colleague's new draft, edit and deletion live", async ({
  page,
  server,
  newsroom,
}) => {
  const blog = await newsroom.createBlog({ prefix: "live" });
  await signIn(page.context(), server.users.editor);
  await openWorkspace(page, blog.slug);
  await page.evaluate(() => ((window as Window & { __noReload?: boolean }).__noReload = true));

  const journalist = apiClient(server.url, server.users.journalist.token);
  const created = await journalist<{ entry: { id: string; version: number } }>(
    "POST",
    `/api/blogs/${blog.slug}/entries`,
    {
      headline: "Sketch from the count",
      body: "<p>First impressions.</p>",
      status: "DRAFT",
    },
  );
  expect(created.status).toBe(201);
  const item = streamEntry(page, created.body.entry.id);
  await expect(item).toHaveAttribute("data-status", "DRAFT");
  await expect(item.getByTestId("status-badge")).toHaveText("Draft");
  await expect(item).toContainText("By Test journalist");
  await expect(newsroomStream(page).getByTestId("stream-entry").first()).toHaveAttribute(
    "data-entry-id",
    created.body.entry.id,
  );

  const edited = await journalist("PATCH", `/api/blogs/${blog.slug}/entries/${created.body.entry.id}`, {
    version: created.body.entry.version,
    status: "PUBLISHED",
    body: "<p>First impressions, now published.</p>",
  });
  expect(edited.status).toBe(200);
  await expect(item).toHaveAttribute("data-status", "PUBLISHED");
  await expect(item).toContainText("First impressions, now published.");

  expect((await journalist("DELETE", `/api/blogs/${blog.slug}/entries/${created.body.entry.id}`)).status).toBe(204);
  await expect(item).toHaveCount(0);
  expect(await page.evaluate(() => (window as Window & { __noReload?: boolean }).__noReload)).toBe(true);
});
