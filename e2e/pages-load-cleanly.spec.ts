// What a newcomer sees in the browser's console on a first visit: every reader and newsroom page loads with no
// failed request and no console error (a missing favicon was one on every page), and the site's icon loads.
import type { Page } from "@playwright/test";
import { signInThroughApi } from "./fixtures/newsroom-session";
import { expect, test } from "./fixtures/server";

/** Requests that failed or answered 4xx/5xx, and console errors, across navigations; the page's own 404 aside. */
function recordProblems(page: Page, { expected404 }: { expected404?: string } = {}): string[] {
  const problems: string[] = [];
  page.on("response", (response) => {
    const { pathname } = new URL(response.url());
    if (response.status() < 400 || (response.status() === 404 && pathname === expected404)) return;
    problems.push(`${response.status()} ${response.request().method()} ${pathname}`);
  });
  page.on("requestfailed", (request) => {
    // Leaving a page cancels what it still had in flight (prefetches, the socket): not a failure.
    if (request.failure()?.errorText === "net::ERR_ABORTED") return;
    problems.push(`failed ${request.method()} ${request.url()}: ${request.failure()?.errorText}`);
  });
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    // Chromium reports the page's own intended 404 in the console too.
    if (expected404 && /status of 404/.test(message.text()) && message.location().url.endsWith(expected404)) return;
    problems.push(`console: ${message.text()} (${message.location().url})`);
  });
  return problems;
}

async function expectSiteIcon(page: Page): Promise<void> {
  const href = await page.locator('head link[rel="icon"]').first().getAttribute("href");
  expect(href, "the page links an icon").toBeTruthy();
  const icon = await page.request.get(href!);
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toMatch(/^image\//);
}

test("reader pages load with no failed request or console error, and show the site's icon", async ({
  page,
  newsroom,
}) => {
  const problems = recordProblems(page);
  const blog = await newsroom.createBlog({ prefix: "clean" });
  const entry = await newsroom.publish(blog.slug, {
    headline: "First",
    body: '<p>With a picture</p><figure><img src="/demo/orla-harbour.svg" alt="The harbour"></figure>',
  });

  for (const path of ["/", `/live/${blog.slug}`, `/live/${blog.slug}/entries/${entry.id}`, `/embed/${blog.slug}`]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    await expectSiteIcon(page);
  }
  expect(problems).toEqual([]);
});

test("the 404 page logs nothing but its own 404", async ({ page }) => {
  const problems = recordProblems(page, { expected404: "/live/no-such-blog" });
  const response = await page.goto("/live/no-such-blog");
  expect(response?.status()).toBe(404);
  await page.waitForLoadState("networkidle");
  await expectSiteIcon(page);
  expect(problems).toEqual([]);
});

test("newsroom pages load with no failed request or console error", async ({ page, context, server, newsroom }) => {
  const problems = recordProblems(page);
  const blog = await newsroom.createBlog({ prefix: "clean-admin" });
  await newsroom.publish(blog.slug, { headline: "Published", body: "<p>Text</p>" });
  await page.goto("/admin/login");
  await page.waitForLoadState("networkidle");
  await signInThroughApi(context, server.users.admin);
  for (const path of [
    "/admin",
    "/admin/blogs/new",
    `/admin/blogs/${blog.slug}`,
    `/admin/blogs/${blog.slug}/settings`,
    `/admin/blogs/${blog.slug}/audit`,
    "/admin/users",
    "/admin/tokens",
  ]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
    await page.waitForLoadState("networkidle");
  }
  await expectSiteIcon(page);
  expect(problems).toEqual([]);
});
