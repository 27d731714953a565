// An editor embeds a YouTube video, an X post and a web page by URL, posting as a colleague.
import { expect, test } from "./fixtures/server.ts";
import { composer, entriesOf, entryText, openWorkspace, readerAndWorkspace, signIn } from "./fixtures/newsroom.ts";

test("an editor embeds YouTube, X and a link card by URL and publishes as a colleague; readers get all three", async ({
  page,
  browser,
  server,
  newsroom,
}) => {
  const blog = await newsroom.createBlog({ prefix: "embed" });
  const reader = await readerAndWorkspace(browser, server, page, blog.slug, server.users.editor);
  const form = composer(page);

  await form.getByLabel("Headline (optional)").fill("Watch the declaration");
  await entryText(form).click();
  await entryText(form).pressSequentially("The count, as it happened.");
  const embed = async (url: string, expected: string, text?: string) => {
    await form.getByRole("button", { name: "Embed URL" }).click();
    await form.getByLabel("Address to embed").fill(url);
    await expect(form.getByText(`Will insert: ${expected}`)).toBeVisible();
    if (text) await form.getByLabel("Quote or description (optional)").fill(text);
    await form.getByRole("button", { name: "Insert embed" }).click();
  };
  await embed("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "YouTube video");
  await embed("https://x.com/returningofficer/status/1234567890", "X post card", "Turnout: 64.2%");
  await embed("https://example.org/results/north", "Link card", "Full results for the north");

  // Only editors may name another author; the list comes from GET /api/contributors.
  await form.getByLabel("Author").selectOption({ label: "Test journalist" });
  await form.getByRole("button", { name: "Publish now" }).click();
  await expect(form.getByText("Published.")).toBeVisible();

  const article = reader.page.getByRole("article", { name: "Watch the declaration" });
  await expect(article).toContainText("By Test journalist");
  await expect(article.locator("iframe")).toHaveAttribute("src", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ");
  const xCard = article.locator('figure[data-embed="x"]');
  await expect(xCard.locator("blockquote")).toHaveText("Turnout: 64.2%");
  await expect(xCard.getByRole("link", { name: "View post on X" })).toHaveAttribute(
    "href",
    "https://x.com/returningofficer/status/1234567890",
  );
  const linkCard = article.locator('figure[data-embed="link"]');
  await expect(linkCard.locator("blockquote")).toHaveText("Full results for the north");
  await expect(linkCard.getByRole("link")).toHaveAttribute("href", "https://example.org/results/north");

  const [entry] = await entriesOf(server, blog.slug);
  expect(entry!.author.id).toBe(server.users.journalist.id);
  await reader.context.close();
});

test("a journalist writes only as themselves", async ({ page, server, newsroom }) => {
  const blog = await newsroom.createBlog({ prefix: "byline" });
  await signIn(page.context(), server.users.journalist);
  await openWorkspace(page, blog.slug);
  const form = composer(page);
  await expect(form.getByLabel("Author")).toHaveCount(0);
  await expect(form).toContainText("By Test journalist");
});
