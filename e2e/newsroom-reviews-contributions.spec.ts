// A reporter in the field (a contributor) and an editor, each in their own signed-in browser: the contributor
// submits, the submission arrives in the editor's queue live, the editor publishes it (readers get it) or sends
// it back with a note; the contributor sees each outcome live, edits the returned entry and submits it again.
import type { Browser, Page } from "@playwright/test";
import type { TestServer } from "../server/test/harness.ts";
import { expect, test } from "./fixtures/server.ts";
import {
  composer,
  entryText,
  openContext,
  openReader,
  openWorkspace,
  signIn,
  streamEntry,
} from "./fixtures/newsroom.ts";

const uid = () => Math.random().toString(36).slice(2, 8);

/** The contributor and the editor, each signed in in a browser of their own, in the blog's workspace. */
async function openDesk(browser: Browser, server: TestServer, slug: string) {
  const contributor = await openContext(browser, server, server.users.contributor);
  const editor = await openContext(browser, server, server.users.editor);
  await openWorkspace(contributor.page, slug);
  await openWorkspace(editor.page, slug);
  return { contributor, editor };
}

/** Writes a new entry in the composer and submits it for review, as a contributor does. */
async function writeAndSubmit(page: Page, headline: string, text: string): Promise<void> {
  const form = composer(page);
  await form.getByLabel("Headline").fill(headline);
  await entryText(form).click();
  await page.keyboard.type(text);
  await form.getByRole("button", { name: "Submit for review" }).click();
  await expect(form.getByRole("status").filter({ hasText: "Sent to the editors for review." })).toBeVisible();
}

test("a contributor's submission reaches the editor's queue live, is published, and the contributor sees it", async ({
  browser,
  server,
  newsroom,
}) => {
  const blog = await newsroom.createBlog({ prefix: "review" });
  const { contributor, editor } = await openDesk(browser, server, blog.slug);
  const reader = await openContext(browser, server);
  await openReader(reader.page, blog.slug);

  // A contributor writes and submits; they have no way to publish, schedule or pin.
  const form = composer(contributor.page);
  await expect(form.getByRole("button", { name: "Publish now" })).toHaveCount(0);
  await expect(form.getByRole("button", { name: "Schedule…" })).toHaveCount(0);
  const headline = `Water rising at the harbour ${uid()}`;
  await writeAndSubmit(contributor.page, headline, "The quay is under water.");
  const mine = contributor.page.getByTestId("submissions");
  await expect(mine.getByRole("heading", { name: /Your submissions/ })).toBeVisible();
  await expect(mine.getByTestId("submission").filter({ hasText: headline })).toContainText("Waiting for review");

  // The editor's queue gets it without a reload.
  const queue = editor.page.getByTestId("submissions");
  await expect(queue.getByTestId("submission-count")).toHaveText("1");
  const item = queue.getByTestId("submission").filter({ hasText: headline });
  await expect(item).toContainText("From Test contributor");
  await expect(item).toContainText("The quay is under water.");
  // Readers see nothing of it yet.
  await expect(reader.page.getByText(headline)).toHaveCount(0);

  await item.getByRole("button", { name: "Publish" }).click();
  await expect(queue.getByTestId("submission-count")).toHaveText("0");
  await expect(reader.page.getByRole("heading", { name: headline })).toBeVisible();
  await expect(mine.getByTestId("submission").filter({ hasText: headline })).toContainText("Published by Test editor");
  const published = contributor.page
    .getByTestId("newsroom-stream")
    .getByTestId("stream-entry")
    .filter({ hasText: headline });
  await expect(published.getByTestId("status-badge")).toHaveText("Published");
  // Published, it is the editors' alone: the contributor may no longer edit it.
  await expect(published.getByRole("button", { name: "Edit" })).toHaveCount(0);

  await Promise.all([contributor.context.close(), editor.context.close(), reader.context.close()]);
});

test("an editor sends a submission back with a note; the contributor reads it live, edits and resubmits", async ({
  browser,
  server,
  newsroom,
}) => {
  const blog = await newsroom.createBlog({ prefix: "return" });
  const { contributor, editor } = await openDesk(browser, server, blog.slug);
  const headline = `Crowds at the station ${uid()}`;
  await writeAndSubmit(contributor.page, headline, "Hundreds are waiting.");

  const queue = editor.page.getByTestId("submissions");
  const item = queue.getByTestId("submission").filter({ hasText: headline });
  await item.getByRole("button", { name: "Send back…" }).click();
  await item.getByLabel("Note to Test contributor").fill("Which station? Name your source.");
  await item.getByRole("button", { name: "Send back", exact: true }).click();
  await expect(queue.getByTestId("submission-count")).toHaveText("0");

  const mine = contributor.page.getByTestId("submissions").getByTestId("submission").filter({ hasText: headline });
  await expect(mine).toContainText("Sent back by Test editor");
  await expect(mine.getByTestId("review-note")).toHaveText("Which station? Name your source.");

  // The returned entry is the contributor's to edit and submit again.
  const card = contributor.page
    .getByTestId("newsroom-stream")
    .getByTestId("stream-entry")
    .filter({ hasText: headline });
  await expect(card.getByTestId("status-badge")).toHaveText("Sent back");
  const id = await card.getAttribute("data-entry-id");
  await card.getByRole("button", { name: "Edit" }).click();
  const editorForm = streamEntry(contributor.page, id!).getByTestId("entry-editor");
  await editorForm.getByLabel("Headline").fill(`${headline} (Central Station)`);
  await editorForm.getByRole("button", { name: "Resubmit" }).click();
  await expect(mine).toContainText("Waiting for review");

  // Back in the editor's queue, live, with the new text; this time the editor rejects it.
  await expect(queue.getByTestId("submission-count")).toHaveText("1");
  const again = queue.getByTestId("submission").filter({ hasText: `${headline} (Central Station)` });
  await again.getByRole("button", { name: "Reject…" }).click();
  await again.getByLabel("Note (optional)").fill("We cannot confirm it.");
  await again.getByRole("button", { name: "Reject", exact: true }).click();
  await expect(mine).toContainText("Rejected by Test editor");
  await expect(mine.getByTestId("review-note")).toHaveText("We cannot confirm it.");
  await expect(card.getByTestId("status-badge")).toHaveText("Rejected");
  await expect(card.getByRole("button", { name: "Edit" })).toHaveCount(0);

  await Promise.all([contributor.context.close(), editor.context.close()]);
});

test("an admin gives a colleague the contributor role on the users page", async ({ page, server }) => {
  await signIn(page.context(), server.users.admin);
  await page.goto("/admin/users");
  const role = page.getByLabel("Role of Test journalist2");
  await role.selectOption("CONTRIBUTOR");
  await expect(page.getByText("Test journalist2 is now a contributor.")).toBeVisible();
  await expect(role).toHaveValue("CONTRIBUTOR");
  await role.selectOption("JOURNALIST");
  await expect(page.getByText("Test journalist2 is now a journalist.")).toBeVisible();
});
