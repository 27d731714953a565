// Editors create and run live blogs from the newsroom panel; journalists cannot.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures/server.ts";
import { signInThroughApi } from "./fixtures/newsroom-session.ts";

const uid = () => Math.random().toString(36).slice(2, 8);

/** The reader page's Live/Ended badge (the first of the two; the connection status also says "Live"). */
const readerBadge = (page: Page) =>
  page
    .getByRole("main")
    .getByText(/^(Live|Ended)$/)
    .first();

test("an editor creates a live blog, edits its summary, ends it and reopens it", async ({
  page,
  context,
  browser,
  server,
}) => {
  await signInThroughApi(context, server.users.editor);
  await page.goto("/admin");
  await page.getByRole("link", { name: "New live blog" }).click();
  await expect(page).toHaveURL(/\/admin\/blogs\/new$/);

  const id = uid();
  const title = `Harbour fire ${id}`;
  const slug = `harbour-fire-${id}`;
  await page.getByLabel("Title").fill(title);
  await expect(page.getByLabel("Slug")).toHaveValue(slug);
  await page.getByLabel("Summary").fill("Firefighters at the docks.");
  await page.getByRole("button", { name: "Create live blog" }).click();
  // The blog's workspace.
  await expect(page).toHaveURL(new RegExp(`/admin/blogs/${slug}$`));

  await page.goto("/admin");
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: title }) });
  await expect(row.getByRole("cell").first()).toContainText("Live");
  await expect(row.getByRole("link", { name: "View live page" })).toHaveAttribute("href", `/live/${slug}`);
  await expect(row.getByRole("link", { name: "Open" })).toHaveAttribute("href", `/admin/blogs/${slug}`);
  await row.getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/blogs/${slug}/settings$`));

  const summary = page.getByLabel("Summary");
  await expect(summary).toHaveValue("Firefighters at the docks.");
  await summary.fill("Firefighters at the docks; roads closed around the port.");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");
  await expect(page.getByRole("link", { name: "Reader page" })).toHaveAttribute("href", `/live/${slug}`);

  // A reader keeps the page open while the editor ends the blog.
  const readerContext = await browser.newContext({ baseURL: server.url });
  const reader = await readerContext.newPage();
  await reader.goto(`/live/${slug}`);
  await expect(reader.getByText("roads closed around the port.")).toBeVisible();
  await expect(readerBadge(reader)).toHaveText("Live");

  await page.getByRole("button", { name: "End live blog" }).click();
  const dialog = page.getByRole("dialog", { name: "End this live blog?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "End live blog" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("blog-status")).toContainText(/Ended/);
  await expect(page.getByTestId("blog-status").locator("time")).toHaveCount(1);

  await expect(readerBadge(reader)).toHaveText("Ended");
  await reader.reload();
  await expect(readerBadge(reader)).toHaveText("Ended");

  await page.getByRole("button", { name: "Reopen" }).click();
  await expect(page.getByTestId("blog-status")).toContainText("Live");
  await expect(page.getByRole("button", { name: "End live blog" })).toBeVisible();
  await reader.reload();
  await expect(readerBadge(reader)).toHaveText("Live");
  await readerContext.close();
});

test("the new-blog form checks the slug before sending and shows the server's refusal", async ({
  page,
  context,
  server,
  newsroom,
}) => {
  await signInThroughApi(context, server.users.admin);
  const taken = await newsroom.createBlog({ prefix: "taken" });
  await page.goto("/admin/blogs/new");
  await page.getByLabel("Title").fill("Anything");
  await page.getByLabel("Slug").fill("Not A Slug");
  await page.getByRole("button", { name: "Create live blog" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    "slug may hold only lowercase letters, digits and single hyphens",
  );
  await expect(page).toHaveURL(/\/admin\/blogs\/new$/);

  await page.getByLabel("Slug").fill(taken.slug);
  await page.getByRole("button", { name: "Create live blog" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText(
    `a blog with slug "${taken.slug}" already exists`,
  );
  await expect(page).toHaveURL(/\/admin\/blogs\/new$/);
});

test("a journalist sees no way to create or configure blogs, and is turned away from those pages", async ({
  page,
  context,
  server,
  newsroom,
}) => {
  const blog = await newsroom.createBlog({ prefix: "beat" });
  await signInThroughApi(context, server.users.journalist);
  await page.goto("/admin");
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: blog.title }) });
  await expect(row.getByRole("link", { name: "Open" })).toBeVisible();
  await expect(row.getByRole("link", { name: "View live page" })).toBeVisible();
  await expect(row.getByRole("link", { name: "Settings" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "New live blog" })).toHaveCount(0);
  const nav = page.getByRole("navigation", { name: "Newsroom" });
  await expect(nav.getByRole("link")).toHaveText(["Dashboard"]);

  for (const path of [
    "/admin/blogs/new",
    `/admin/blogs/${blog.slug}/settings`,
    `/admin/blogs/${blog.slug}/audit`,
    "/admin/users",
    "/admin/tokens",
  ]) {
    await page.goto(path);
    await expect(page, `${path} turns a journalist away`).toHaveURL(/\/admin\?denied=1$/);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(
      "Your role does not give you access to that page.",
    );
  }

  // The API refuses too, whatever the page shows.
  const answer = await page.request.post("/api/blogs", { data: { slug: `sneaky-${uid()}`, title: "Sneaky" } });
  expect(answer.status()).toBe(403);
});

test("an editor reads a blog's audit log, newest first, and loads older events", async ({
  page,
  context,
  server,
  newsroom,
}) => {
  const blog = await newsroom.createBlog({ prefix: "audit", title: `Flood watch ${uid()}` });
  await newsroom.publish(blog.slug, { headline: "River rising", body: "<p>Levels are up a metre.</p>" });
  // 55 summary edits: more than the first page of 50.
  for (let n = 1; n <= 55; n++) {
    const answer = await fetch(`${server.url}/api/blogs/${blog.slug}`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${server.users.editor.token}`, "content-type": "application/json" },
      body: JSON.stringify({ summary: `Update number ${n}` }),
    });
    expect(answer.status).toBe(200);
  }

  await signInThroughApi(context, server.users.editor);
  await page.goto("/admin");
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: blog.title }) });
  await row.getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Audit log: ${blog.title}`);

  const events = page.getByRole("table", { name: "Audit log, newest first" }).locator("tbody tr");
  await expect(events).toHaveCount(50);
  await expect(events.first()).toContainText("Test editor");
  await expect(events.first()).toContainText("edited the blog");
  await expect(events.first().locator("time")).toHaveCount(1);

  await page.getByRole("button", { name: "Load more" }).click();
  await expect(events).toHaveCount(57);
  await expect(page.getByRole("button", { name: "Load more" })).toHaveCount(0);
  await expect(events.nth(55)).toContainText("published an entry");
  await expect(events.nth(55)).toContainText("River rising");
  await expect(events.last()).toContainText("created the blog");
});
