// A reader follows a shared link to one update deep in a live blog; search engines and feed readers find
// the page's structured data and its feed.
import AxeBuilder from "@axe-core/playwright";
import { streamSettled } from "./fixtures/layout-shift.ts";
import { expect, test } from "./fixtures/server.ts";

test("a permalink to an update 30 entries down opens on that update, highlighted, focused and dated, on a live page", async ({
  page,
  newsroom,
}) => {
  const { slug, title } = await newsroom.createBlog({ prefix: "permalink", title: "Harbour storm live" });
  const target = await newsroom.publish(slug, {
    headline: "The harbour wall gave way",
    body: "<p>Water reached the market square.</p>",
  });
  for (let i = 0; i < 30; i++) await newsroom.publish(slug, { body: `<p>Later update ${i}</p>` });

  const response = await page.goto(`/live/${slug}/entries/${target.id}`);
  expect(response?.status()).toBe(200);
  const linked = page.getByRole("article", { name: "The harbour wall gave way" }).and(page.getByTestId("linked-entry"));
  await expect(linked).toBeInViewport();
  await expect(linked).toBeFocused();
  await expect(linked).toHaveAttribute("data-highlighted", "true");
  await expect(linked).toContainText("Water reached the market square.");
  // The full date and time, not just "14:32": the update may be days old.
  const year = new Date(target.publishedAt!).getFullYear().toString();
  await expect(linked.getByTestId("absolute-time")).toContainText(year);
  await expect(linked.getByTestId("absolute-time")).toContainText(
    /(January|February|March|April|May|June|July|August|September|October|November|December)/,
  );
  await expect(linked.getByTestId("absolute-time")).toContainText(/\d{2}:\d{2}/);
  await expect(linked.locator("time")).toHaveAttribute("datetime", target.publishedAt!);

  // The rest of the page is the live blog, and it is live.
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.locator("[data-connection]")).toHaveAttribute("data-connection", "live");
  const fresh = await newsroom.publish(slug, { headline: "Pumps arrive", body: "<p>Fire crews are pumping.</p>" });
  await expect(page.getByTestId("stream").locator(`article#entry-${fresh.id}`)).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/live/${slug}/entries/${target.id}$`));

  // Contrast is judged on what the reader sees once the new update has faded in, not halfway through.
  await streamSettled(page);
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
});

test("the linked update follows the newsroom: an edit shows at once, a deletion says so", async ({
  page,
  newsroom,
}) => {
  const { slug } = await newsroom.createBlog({ prefix: "linked-live" });
  const target = await newsroom.publish(slug, { headline: "Bridge closed", body: "<p>Both directions.</p>" });
  await page.goto(`/live/${slug}/entries/${target.id}`);
  const linked = page.getByTestId("linked-entry");
  await expect(linked).toContainText("Both directions.");
  await expect(page.locator("[data-connection]")).toHaveAttribute("data-connection", "live");
  await page.evaluate(() => ((window as Window & { __noReload?: boolean }).__noReload = true));

  await newsroom.edit(slug, target.id, {
    version: 1,
    headline: "Bridge reopened",
    body: "<p>One lane northbound.</p>",
  });
  await expect(linked.getByRole("heading", { name: "Bridge reopened" })).toBeVisible();
  await expect(linked).toContainText("One lane northbound.");
  await expect(linked).toContainText("Updated");

  await newsroom.remove(slug, target.id);
  await expect(page.getByTestId("linked-entry-removed")).toHaveText("This update has been removed by the newsroom.");
  await expect(linked).toHaveCount(0);
  // Nothing reloaded the page: the change came live.
  expect(await page.evaluate(() => (window as Window & { __noReload?: boolean }).__noReload)).toBe(true);
});

test("the live page carries LiveBlogPosting data and advertises its Atom feed", async ({ page, newsroom, baseURL }) => {
  const { slug, title } = await newsroom.createBlog({
    prefix: "jsonld",
    title: "Count night live",
    summary: "Results as they come.",
  });
  const entry = await newsroom.publish(slug, { headline: "First result", body: "<p>Ward 1 declared.</p>" });
  await page.goto(`/live/${slug}`);

  const data = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "null");
  expect(data).toMatchObject({
    "@context": "https://schema.org",
    "@type": "LiveBlogPosting",
    headline: title,
    url: `${baseURL}/live/${slug}`,
  });
  expect(data.liveBlogUpdate[0]).toMatchObject({
    "@type": "BlogPosting",
    headline: "First result",
    url: `${baseURL}/live/${slug}/entries/${entry.id}`,
  });

  const feedLink = page.locator('link[rel="alternate"][type="application/atom+xml"]');
  await expect(feedLink).toHaveAttribute("href", `${baseURL}/live/${slug}/feed.xml`);
  const feed = await page.request.get(`/live/${slug}/feed.xml`);
  expect(feed.status()).toBe(200);
  expect(await feed.text()).toContain('<title type="text">First result</title>');
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", `${baseURL}/live/${slug}`);
  await expect(page.locator('meta[property="og:type"]')).toHaveAttribute("content", "article");
});

test("a link to an update that does not exist is a real Page not found, even without JavaScript", async ({
  browser,
  baseURL,
  newsroom,
}) => {
  const { slug } = await newsroom.createBlog({ prefix: "gone" });
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  const response = await page.goto(`/live/${slug}/entries/no-such-update`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await context.close();
});
