// Two people in the newsroom at once see each other: who is in a blog's workspace, who is editing which entry
// (on its card and inside the open editor), an open editor warned at once when a colleague saves its entry, and
// presence gone when they close the page. The dashboard, a blog's audit log and the users list follow a
// colleague's changes without a reload.
import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { apiClient, type TestUser } from "../server/test/harness.ts";
import { expect, test } from "./fixtures/server.ts";
import { openContext, openWorkspace, signIn, streamEntry } from "./fixtures/newsroom.ts";

/** Marks the page so a test can tell it was never reloaded. */
async function markNoReload(page: Page): Promise<void> {
  await page.evaluate(() => ((window as Window & { __noReload?: boolean }).__noReload = true));
}
async function expectNoReload(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as Window & { __noReload?: boolean }).__noReload)).toBe(true);
}

test("editors see each other viewing and editing an entry; a colleague's save warns the open editor, naming them and the field; presence goes with the page", async ({
  page,
  browser,
  server,
  newsroom,
}) => {
  const blog = await newsroom.createBlog({ prefix: "presence" });
  const entry = await newsroom.publish(blog.slug, { headline: "Turnout at 60%", body: "<p>Early figures.</p>" });
  await signIn(page.context(), server.users.editor);
  await openWorkspace(page, blog.slug);
  const colleague = await openContext(browser, server, server.users.admin);
  await openWorkspace(colleague.page, blog.slug);

  // Each sees the other in the workspace, by name (never themselves).
  const here = page.getByTestId("presence");
  await expect(here).toContainText("Test admin");
  await expect(here).not.toContainText("Test editor");
  await expect(colleague.page.getByTestId("presence")).toContainText("Test editor");

  // The colleague opens the entry: its card says so on the editor's screen.
  const theirs = streamEntry(colleague.page, entry.id);
  await theirs.getByRole("button", { name: "Edit" }).click();
  const mine = streamEntry(page, entry.id);
  await expect(mine.getByTestId("card-editing")).toHaveText("Test admin is editing");
  await expect(here.locator('[data-person="Test admin"]')).toContainText("(editing)");

  // The editor opens it too: inside the editor, "also editing".
  await mine.getByRole("button", { name: "Edit" }).click();
  const myEditor = mine.getByTestId("entry-editor");
  await expect(myEditor.getByTestId("also-editing")).toHaveText("Test admin is also editing");
  await expect(theirs.getByTestId("entry-editor").getByTestId("also-editing")).toHaveText(
    "Test editor is also editing",
  );
  await markNoReload(page);

  // The colleague saves a new headline: the open editor warns at once, naming them and the field, ticking.
  const theirEditor = theirs.getByTestId("entry-editor");
  await theirEditor.getByLabel("Headline (optional)").fill("Turnout corrected to 64%");
  await theirEditor.getByRole("button", { name: "Save changes" }).click();
  await expect(theirEditor).toHaveCount(0);
  const warning = myEditor.getByTestId("changed-underneath");
  await expect(warning).toContainText(/Test admin changed the headline (just now|\d+ s ago)/);
  await expect(warning).toContainText(/Test admin changed the headline [1-9]\d* s ago/);
  // The editor's own text is untouched (resolving it is the save's conflict panel's work).
  await expect(myEditor.getByLabel("Headline (optional)")).toHaveValue("Turnout at 60%");
  // The colleague closed their editor: not "also editing" any more, though still here.
  await expect(myEditor.getByTestId("also-editing")).toHaveCount(0);
  await expect(here).toContainText("Test admin");
  await expectNoReload(page);

  // Dismissed, the warning goes; the colleague closes the page, and presence goes with it within seconds.
  await warning.getByRole("button", { name: "Dismiss" }).click();
  await expect(warning).toHaveCount(0);
  await colleague.page.close();
  await expect(here).toHaveCount(0, { timeout: 5000 });
  await colleague.context.close();
});

test("the dashboard, a blog's audit log and the users list update live when a colleague acts", async ({
  page,
  server,
}) => {
  // Someone else acts: the seeded admin, through the API (as a script or another browser would).
  const colleague = apiClient(server.url, server.users.admin.token);
  const suffix = randomBytes(4).toString("hex");
  const me: TestUser = {
    ...server.users.admin,
    email: `second-admin-${suffix}@test.liveline`,
    password: "second-pw-1",
  };
  const created = await colleague("POST", "/api/users", {
    email: me.email,
    password: me.password,
    role: "ADMIN",
    displayName: "Second Admin",
  });
  expect(created.status).toBe(201);
  await signIn(page.context(), me);

  // The dashboard: a new blog appears, then shows it ended.
  await page.goto("/admin");
  await expect(page.getByRole("heading", { name: "Live blogs" })).toBeVisible();
  await expect(page.locator("[data-live-list]")).toHaveAttribute("data-live-list", "live");
  await markNoReload(page);
  const slug = `live-list-${suffix}`;
  expect((await colleague("POST", "/api/blogs", { slug, title: `Count night ${suffix}` })).status).toBe(201);
  const row = page.locator(`tr[data-slug="${slug}"]`);
  await expect(row).toContainText(`Count night ${suffix}`);
  await expect(row).toContainText("Live");
  expect((await colleague("PATCH", `/api/blogs/${slug}`, { status: "ENDED" })).status).toBe(200);
  await expect(row).toContainText("Ended");
  await expectNoReload(page);

  // The audit log: a colleague's entry shows up as a new row.
  await page.goto(`/admin/blogs/${slug}/audit`);
  await expect(page.getByRole("row").filter({ hasText: "ended the blog" })).toBeVisible();
  await expect(page.locator("[data-live-list]")).toHaveAttribute("data-live-list", "live");
  await markNoReload(page);
  expect((await colleague("PATCH", `/api/blogs/${slug}`, { status: "LIVE" })).status).toBe(200);
  expect((await colleague("POST", `/api/blogs/${slug}/entries`, { body: "<p>Polls open.</p>" })).status).toBe(201);
  await expect(page.getByRole("row").filter({ hasText: "reopened the blog" })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "published an entry" })).toContainText("Polls open.");
  await expectNoReload(page);

  // The users list: a colleague creates a user, gives them a role, deactivates them.
  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();
  await expect(page.locator("[data-live-list]")).toHaveAttribute("data-live-list", "live");
  await markNoReload(page);
  const email = `newcomer-${suffix}@test.liveline`;
  const newcomer = await colleague<{ user: { id: string } }>("POST", "/api/users", {
    email,
    password: "newcomer-pw-1",
    role: "JOURNALIST",
    displayName: `Newcomer ${suffix}`,
  });
  expect(newcomer.status).toBe(201);
  const user = page.locator(`tr[data-email="${email}"]`);
  await expect(user).toContainText(`Newcomer ${suffix}`);
  expect((await colleague("PATCH", `/api/users/${newcomer.body.user.id}`, { role: "EDITOR" })).status).toBe(200);
  await expect(user.getByLabel(`Role of Newcomer ${suffix}`)).toHaveValue("EDITOR");
  expect((await colleague("PATCH", `/api/users/${newcomer.body.user.id}`, { active: false })).status).toBe(200);
  await expect(user).toContainText("Deactivated");
  await expectNoReload(page);
});
