// The newsroom stream as readers see it, with filters, search, Show more and Publish on draft cards; breaking news
// in fewer steps (Ctrl+Enter, one-click Breaking, Undo for ten seconds); and labels editors manage per blog, in the
// same colour in composer, stream and reader page. Collaboration runs in two signed-in browser contexts.
import type { Locator, Page } from "@playwright/test";
import { apiClient } from "../server/test/harness.ts";
import { expect, test } from "./fixtures/server.ts";
import {
  composer,
  entryText,
  newsroomStream,
  openContext,
  openReader,
  openWorkspace,
  readerAndWorkspace,
  signIn,
  streamEntry,
} from "./fixtures/newsroom.ts";

const uid = () => Math.random().toString(36).slice(2, 8);
const cardIds = (page: Page) =>
  newsroomStream(page)
    .getByTestId("stream-entry")
    .evaluateAll((cards) => cards.map((card) => card.getAttribute("data-entry-id")));
const backgroundOf = (badge: Locator) => badge.evaluate((element) => getComputedStyle(element).backgroundColor);

test("a colleague's edit of an old entry does not lift it: the stream keeps readers' order, live in both browsers", async ({
  page,
  browser,
  server,
  newsroom,
}) => {
  const blog = await newsroom.createBlog({ prefix: "order" });
  const oldest = await newsroom.publish(blog.slug, {
    headline: `Morning ${uid()}`,
    body: "<p>Polls open at sevn.</p>",
  });
  const middle = await newsroom.publish(blog.slug, { headline: `Noon ${uid()}`, body: "<p>Turnout steady.</p>" });
  const newest = await newsroom.publish(blog.slug, { headline: `Evening ${uid()}`, body: "<p>Polls close.</p>" });
  await signIn(page.context(), server.users.editor);
  await openWorkspace(page, blog.slug);
  await expect.poll(() => cardIds(page)).toEqual([newest.id, middle.id, oldest.id]);

  const colleague = await openContext(browser, server, server.users.admin);
  await openWorkspace(colleague.page, blog.slug);
  const card = streamEntry(colleague.page, oldest.id);
  await card.getByRole("button", { name: "Edit" }).click();
  const editor = colleague.page.getByTestId("entry-editor");
  await entryText(editor).fill("Polls open at seven.");
  await editor.getByRole("button", { name: "Save changes" }).click();

  await expect(streamEntry(page, oldest.id)).toContainText("Polls open at seven.");
  expect(await cardIds(page)).toEqual([newest.id, middle.id, oldest.id]);
  await expect.poll(() => cardIds(colleague.page)).toEqual([newest.id, middle.id, oldest.id]);
  await colleague.context.close();
});

test("filters and search narrow the stream on the server, stay in the URL, and keep up with a colleague's work", async ({
  page,
  browser,
  server,
  newsroom,
}) => {
  const blog = await newsroom.createBlog({ prefix: "filters" });
  const journalistApi = apiClient(server.url, server.users.journalist.token);
  const published = await newsroom.publish(blog.slug, {
    headline: "Fire at the docks",
    body: "<p>Crews on scene.</p>",
  });
  const draft = await journalistApi<{ entry: { id: string } }>("POST", `/api/blogs/${blog.slug}/entries`, {
    headline: "Draft on the flooding",
    body: "<p>Notes.</p>",
    status: "DRAFT",
  });
  await signIn(page.context(), server.users.journalist);
  await openWorkspace(page, blog.slug);

  await page.getByRole("group", { name: "Show" }).getByRole("button", { name: "Drafts" }).click();
  await expect(page).toHaveURL(/\?filter=drafts$/);
  await expect(newsroomStream(page).getByRole("heading", { name: "Drafts" })).toBeVisible();
  await expect.poll(() => cardIds(page)).toEqual([draft.body.entry.id]);

  // A colleague (another signed-in browser) publishes and drafts: only the draft joins this view, live.
  const editor = await openContext(browser, server, server.users.editor);
  await openWorkspace(editor.page, blog.slug);
  const ownDraft = await journalistApi<{ entry: { id: string } }>("POST", `/api/blogs/${blog.slug}/entries`, {
    body: "<p>Second draft about the fire.</p>",
    status: "DRAFT",
  });
  await entryText(composer(editor.page)).fill("Editor's update, published.");
  await composer(editor.page).getByRole("button", { name: "Publish now" }).click();
  await expect(newsroomStream(editor.page).getByText("Editor's update, published.", { exact: true })).toBeVisible();
  await expect.poll(() => cardIds(page)).toEqual([ownDraft.body.entry.id, draft.body.entry.id]);

  await page.getByRole("searchbox", { name: "Search entries" }).fill("FIRE");
  await expect(page).toHaveURL(/\?filter=drafts&q=FIRE$/);
  await expect.poll(() => cardIds(page)).toEqual([ownDraft.body.entry.id]);

  // The address holds the view: a reload shows the same entries.
  await page.reload();
  await expect(page.getByRole("searchbox", { name: "Search entries" })).toHaveValue("FIRE");
  await expect.poll(() => cardIds(page)).toEqual([ownDraft.body.entry.id]);

  await page.getByRole("group", { name: "Show" }).getByRole("button", { name: "Published" }).click();
  await expect.poll(() => cardIds(page)).toEqual([published.id]);
  await page.getByRole("group", { name: "Show" }).getByRole("button", { name: "All" }).click();
  await page.getByRole("searchbox", { name: "Search entries" }).fill("");
  await expect(page).toHaveURL(new RegExp(`/admin/blogs/${blog.slug}$`));
  await expect.poll(async () => (await cardIds(page)).length).toBe(4);
  await editor.context.close();
});

test("a long entry shows its first lines with Show more, and a draft card publishes in one click", async ({
  page,
  browser,
  server,
  newsroom,
}) => {
  const blog = await newsroom.createBlog({ prefix: "cards" });
  const paragraphs = Array.from({ length: 14 }, (_, i) => `<p>Paragraph ${i + 1} of the long report.</p>`).join("");
  const long = await newsroom.publish(blog.slug, { headline: "Long report", body: paragraphs });
  const journalistApi = apiClient(server.url, server.users.journalist.token);
  const draft = await journalistApi<{ entry: { id: string } }>("POST", `/api/blogs/${blog.slug}/entries`, {
    headline: `Ready to go ${uid()}`,
    body: "<p>The draft a colleague wrote.</p>",
    status: "DRAFT",
  });
  const reader = await readerAndWorkspace(browser, server, page, blog.slug, server.users.editor);

  const card = streamEntry(page, long.id);
  const body = card.getByTestId("entry-body");
  const showMore = card.getByRole("button", { name: "Show more" });
  await expect(showMore).toHaveAttribute("aria-expanded", "false");
  const collapsed = await body.evaluate((element) => element.clientHeight);
  // Cut at a line's end (whole lines of 24 px), never through one.
  expect(collapsed % 24).toBe(0);
  await expect(body.getByText("Paragraph 14 of the long report.")).not.toBeInViewport();
  await showMore.click();
  await expect(card.getByRole("button", { name: "Show less" })).toHaveAttribute("aria-expanded", "true");
  expect(await body.evaluate((element) => element.clientHeight)).toBeGreaterThan(collapsed);
  await expect(streamEntry(page, draft.body.entry.id).getByRole("button", { name: "Show more" })).toHaveCount(0);

  const draftCard = streamEntry(page, draft.body.entry.id);
  await draftCard.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(draftCard).toHaveAttribute("data-status", "PUBLISHED");
  await expect(reader.page.locator(`article#entry-${draft.body.entry.id}`)).toContainText(
    "The draft a colleague wrote.",
  );
  await reader.context.close();
});

test("breaking news: Breaking in one click, Ctrl+Enter publishes, and Undo within ten seconds removes it from readers", async ({
  page,
  browser,
  server,
  newsroom,
}) => {
  const blog = await newsroom.createBlog({ prefix: "breaking" });
  const reader = await readerAndWorkspace(browser, server, page, blog.slug, server.users.journalist);

  const form = composer(page);
  const breaking = form.getByRole("button", { name: "Breaking" });
  await expect(breaking).toHaveAttribute("aria-pressed", "false");
  await breaking.click();
  await expect(breaking).toHaveAttribute("aria-pressed", "true");
  await expect(form.getByLabel("Label")).toHaveValue("Breaking");
  const text = `Explosion reported at the port ${uid()}`;
  await entryText(form).fill(text);
  await entryText(form).press("ControlOrMeta+Enter");

  const onReader = reader.page.getByTestId("stream").locator("article", { hasText: text });
  await expect(onReader).toBeVisible();
  await expect(onReader.getByTestId("label-badge")).toHaveText("Breaking");
  const notice = form.getByTestId("published-undo");
  await expect(notice).toContainText("Published");
  await notice.getByRole("button", { name: "Undo" }).click();
  await expect(onReader).toHaveCount(0);
  await expect(notice).toHaveCount(0);
  await expect(newsroomStream(page).getByText(text)).toHaveCount(0);

  // Left alone, the notice goes after ten seconds and the entry stays.
  await breaking.click();
  await entryText(form).fill(`Second update ${uid()}`);
  await entryText(form).press("ControlOrMeta+Enter");
  await expect(notice).toBeVisible();
  await expect(notice).toHaveCount(0, { timeout: 15_000 });
  await expect(reader.page.getByTestId("stream").locator("article")).toHaveCount(1);
  await reader.context.close();
});

test("an editor manages the blog's labels in its settings; the colour shows in composer, stream and reader page", async ({
  page,
  browser,
  server,
  newsroom,
}) => {
  const blog = await newsroom.createBlog({ prefix: "labels" });
  await signIn(page.context(), server.users.editor);
  await page.goto(`/admin/blogs/${blog.slug}/settings`);
  const labels = page.getByRole("region", { name: "Labels" });
  const add = labels.getByRole("form", { name: "Add a label" });
  await add.getByLabel("Label name").fill("Verdict");
  await add.getByLabel("Label colour as #rrggbb").fill("#fde047");
  await add.getByRole("button", { name: "Add label" }).click();
  await expect(labels.getByRole("alert")).toContainText("must contrast at least 4.5:1");
  await add.getByLabel("Label colour as #rrggbb").fill("#14532d");
  await add.getByRole("button", { name: "Add label" }).click();
  await expect(labels.getByRole("status")).toContainText("Added Verdict.");
  await expect(labels.getByTestId("label-row")).toHaveCount(5);
  // Rename one and remove another.
  const icymi = labels.getByTestId("label-row").nth(1);
  await icymi.getByLabel("Label name").fill("Catch up");
  await icymi.getByRole("button", { name: "Save" }).click();
  await expect(icymi.getByRole("status")).toContainText("Saved Catch up.");
  await labels.getByRole("button", { name: "Remove Full report" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Remove label" }).click();
  await expect(labels.getByTestId("label-row")).toHaveCount(4);

  const reader = await openContext(browser, server);
  await openReader(reader.page, blog.slug);
  // A colleague writes in another browser with the new list.
  const colleague = await openContext(browser, server, server.users.journalist);
  await openWorkspace(colleague.page, blog.slug);
  const form = composer(colleague.page);
  await expect(form.getByLabel("Label").locator("option")).toHaveText([
    "None",
    "Breaking",
    "Catch up",
    "Analysis",
    "Verdict",
  ]);
  await form.getByLabel("Label").selectOption("Verdict");
  const green = "rgb(20, 83, 45)";
  expect(await backgroundOf(form.getByTestId("label-badge"))).toBe(green);
  const text = `The jury has returned ${uid()}`;
  await entryText(form).fill(text);
  await form.getByRole("button", { name: "Publish now" }).click();

  const card = newsroomStream(colleague.page).getByTestId("stream-entry").filter({ hasText: text });
  await expect(card.getByTestId("label-badge")).toHaveText("Verdict");
  expect(await backgroundOf(card.getByTestId("label-badge"))).toBe(green);
  await openWorkspace(page, blog.slug);
  const editorCard = newsroomStream(page).getByTestId("stream-entry").filter({ hasText: text });
  expect(await backgroundOf(editorCard.getByTestId("label-badge"))).toBe(green);
  const onReader = reader.page.getByTestId("stream").locator("article", { hasText: text });
  await expect(onReader.getByTestId("label-badge")).toHaveText("Verdict");
  expect(await backgroundOf(onReader.getByTestId("label-badge"))).toBe(green);
  await reader.context.close();
  await colleague.context.close();
});
