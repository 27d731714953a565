// From the workspace stream an editor marks key events, corrects a published entry and deletes one;
// readers see each change.
import { expect, test } from "./fixtures/server.ts";
import { entryOf, entryText, readerAndWorkspace, streamEntry } from "./fixtures/newsroom.ts";

test("an editor marks a key event, corrects a published entry (readers see Updated HH:MM) and deletes one after confirming", async ({
  page,
  browser,
  server,
  newsroom,
}) => {
  const blog = await newsroom.createBlog({ prefix: "actions" });
  const first = await newsroom.publish(blog.slug, { headline: "Exit poll", body: "<p>The exit poll is out.</p>" });
  const doomed = await newsroom.publish(blog.slug, {
    headline: "Wrong seat called",
    body: "<p>Published in error.</p>",
  });
  const reader = await readerAndWorkspace(browser, server, page, blog.slug, server.users.editor);

  const item = streamEntry(page, first.id);
  const keyEvent = item.getByRole("button", { name: "Key event" });
  await expect(keyEvent).toHaveAttribute("aria-pressed", "false");
  await keyEvent.click();
  await expect(keyEvent).toHaveAttribute("aria-pressed", "true");
  await expect(reader.page.locator(`article#entry-${first.id}`)).toContainText("Key event");
  expect((await entryOf(server, blog.slug, first.id)).keyEvent).toBe(true);

  await item.getByRole("button", { name: "Edit" }).click();
  const editor = item.getByTestId("entry-editor");
  await entryText(editor).click();
  await page.keyboard.press("Control+End");
  await entryText(editor).pressSequentially(" Turnout is 64%.");
  await editor.getByRole("button", { name: "Save changes" }).click();
  await expect(editor).toHaveCount(0);
  const corrected = await entryOf(server, blog.slug, first.id);
  expect(corrected.editedAt).not.toBeNull();
  const readerArticle = reader.page.locator(`article#entry-${first.id}`);
  await expect(readerArticle).toContainText("The exit poll is out. Turnout is 64%.");
  await expect(readerArticle.getByTestId("entry-updated")).toContainText("Updated");
  await expect(readerArticle.getByTestId("entry-updated").locator("time")).toHaveAttribute(
    "datetime",
    corrected.editedAt!,
  );
  await expect(item).toContainText("updated");

  const doomedItem = streamEntry(page, doomed.id);
  await doomedItem.getByRole("button", { name: "Delete" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete this entry?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(doomedItem).toBeVisible();
  await doomedItem.getByRole("button", { name: "Delete" }).click();
  await dialog.getByRole("button", { name: "Delete entry" }).click();
  await expect(doomedItem).toHaveCount(0);
  await expect(reader.page.locator(`article#entry-${doomed.id}`)).toHaveCount(0);
  await expect(readerArticle).toBeVisible();
  await reader.context.close();
});
