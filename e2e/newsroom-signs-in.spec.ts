// Newsroom staff sign in to the panel, see who they are signed in as, and sign out again.
import { expect, test } from "./fixtures/server.ts";
import { sessionIdOf, signInThroughApi, signInThroughPage } from "./fixtures/newsroom-session.ts";

test("a wrong password is refused with a clear message", async ({ page, server }) => {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/admin\/login\?next=%2Fadmin$/);
  await page.getByLabel("Email").fill(server.users.editor.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page.getByRole("main").getByRole("alert")).toHaveText("The email or password is wrong.");
  await expect(page).toHaveURL(/\/admin\/login/);
  await expect(page.getByText(/Signed in as/)).toHaveCount(0);
});

test("before the page's script runs, the sign-in form cannot send the password anywhere, least of all in its address", async ({
  browser,
  server,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: server.url });
  const page = await context.newPage();
  await page.goto("/admin/login");
  // The button waits for the script; were the form sent anyway, it would be a POST.
  await expect(page.getByRole("button", { name: "Sign in" })).toBeDisabled();
  await expect(page.locator("form")).toHaveAttribute("method", "post");
  await page.getByLabel("Email").fill(server.users.editor.email);
  await page.getByLabel("Password").fill(server.users.editor.password);
  await page.getByLabel("Password").press("Enter");
  await expect(page).toHaveURL(/\/admin\/login$/);
  await context.close();
});

test("an editor signs in, sees the dashboard with their name and role, and signs out", async ({ page, server }) => {
  await page.goto("/admin");
  await signInThroughPage(page, server.users.editor);

  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("banner")).toContainText("Liveline Newsroom");
  await expect(page.getByRole("banner")).toContainText("Signed in as Test editor (editor)");
  await expect(page.getByRole("heading", { level: 1, name: "Live blogs" })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Newsroom" });
  await expect(nav.getByRole("link", { name: "Dashboard" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "Users" })).toHaveCount(0);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/admin\/login$/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();

  await page.goto("/admin");
  await expect(page).toHaveURL(/\/admin\/login\?next=%2Fadmin$/);
});

test("after signing in, the page asked for opens, but never one on another site", async ({ page, server }) => {
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/admin\/login\?next=%2Fadmin%2Fusers$/);
  await signInThroughPage(page, server.users.admin);
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByRole("banner")).toContainText("Signed in as Test admin (admin)");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/admin\/login$/);
  await page.goto("/admin/login?next=//evil.example/phish");
  await signInThroughPage(page, server.users.admin);
  await expect(page).toHaveURL(/\/admin$/);
});

test("someone already signed in who opens the sign-in page goes to the dashboard", async ({
  page,
  context,
  server,
}) => {
  await signInThroughApi(context, server.users.journalist);
  await page.goto("/admin/login");
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("banner")).toContainText("Signed in as Test journalist (journalist)");
});

test("an expired session is sent to the sign-in page", async ({ page, context, server }) => {
  await signInThroughApi(context, server.users.editor);
  await page.goto("/admin");
  await expect(page.getByRole("banner")).toContainText("Signed in as Test editor");

  // The session runs out while the tab is open.
  const id = await sessionIdOf(context);
  await server.db.prisma.session.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1_000) } });

  await page.reload();
  await expect(page).toHaveURL(/\/admin\/login\?next=%2Fadmin$/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expect(page.getByText(/Signed in as/)).toHaveCount(0);
});
