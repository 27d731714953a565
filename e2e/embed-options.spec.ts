// The newsroom picks how its embed looks on another site (theme, how many updates, header, pinned updates)
// in the snippet builder; the article that pastes the snippet shows exactly that, stays that size as
// updates arrive live, and leads readers to the full page.
import AxeBuilder from "@axe-core/playwright";
import type { FrameLocator, Page } from "@playwright/test";
import { closeHostPages, frameHeight, openHostPage } from "./fixtures/embed-host.ts";
import { signIn } from "./fixtures/newsroom.ts";
import { expect, test } from "./fixtures/server.ts";

test.afterEach(closeHostPages);

const WHITE = "rgb(255, 255, 255)";
const DARK = "rgb(10, 10, 10)";

const background = (frame: FrameLocator) =>
  frame.locator("body").evaluate((body) => getComputedStyle(body).backgroundColor);

const streamArticles = (frame: FrameLocator | Page) => frame.getByTestId("stream").locator("article");

/** Every published update the same size, so the frame's height depends on how many it shows only. */
const update = (n: number) => ({
  headline: `Update ${n}`,
  body: `<p>${"The count goes on in the hall. ".repeat(6)}</p>`,
});

async function snippetWith(
  page: Page,
  slug: string,
  choose: (settings: Page) => Promise<void>,
): Promise<{ snippet: string }> {
  await page.goto(`/admin/blogs/${slug}/settings`);
  await choose(page);
  return { snippet: await page.getByLabel("Embed code").inputValue() };
}

test("the options picked in the snippet builder shape the embed: dark, 3 newest updates, no header, no pinned ones; live updates keep it at 3", async ({
  page,
  browser,
  baseURL,
  server,
  newsroom,
}) => {
  const { slug } = await newsroom.createBlog({ prefix: "embed-opts", title: "Count night" });
  const first = await newsroom.publish(slug, { headline: "Pinned summary", body: "<p>Results expected at 3am.</p>" });
  await newsroom.pin(slug, first.id);
  for (let n = 1; n <= 5; n++) await newsroom.publish(slug, update(n));

  const editorContext = await browser.newContext({ baseURL });
  await signIn(editorContext, server.users.editor);
  const { snippet } = await snippetWith(await editorContext.newPage(), slug, async (settings) => {
    await settings.getByLabel("Theme").selectOption("dark");
    await settings.getByLabel("Updates shown").fill("3");
    await settings.getByLabel("Show the title and status").uncheck();
    await settings.getByLabel("Show pinned updates").uncheck();
    await expect(settings.getByLabel("Embed code")).toHaveValue(/theme=dark&amp;entries=3&amp;header=0&amp;pinned=0/);
  });
  await editorContext.close();
  expect(snippet).toContain(
    `<iframe src="${baseURL}/embed/${slug}?theme=dark&amp;entries=3&amp;header=0&amp;pinned=0"`,
  );

  await openHostPage(page, snippet);
  const frame = page.frameLocator("iframe[data-liveline]");
  // The 3 newest updates, newest first; nothing older, and no pinned section.
  await expect(streamArticles(frame).getByRole("heading")).toHaveText(["Update 5", "Update 4", "Update 3"]);
  await expect(frame.getByTestId("pinned")).toHaveCount(0);
  await expect(frame.getByRole("heading", { name: "Pinned summary" })).toHaveCount(0);
  // No header: the title is there for assistive technology only, and no status line shows.
  await expect(frame.locator("header.embed-header")).toHaveCount(0);
  const title = frame.getByRole("heading", { level: 1, name: "Count night" });
  expect(await title.evaluate((h) => h.parentElement!.getBoundingClientRect().height)).toBeLessThanOrEqual(1);
  // The newest update starts at the top of the frame.
  expect(
    await streamArticles(frame)
      .first()
      .evaluate((article) => article.getBoundingClientRect().top),
  ).toBeLessThan(24);
  expect(await background(frame)).toBe(DARK);
  // Joined: the live status is there for assistive technology.
  await expect(frame.locator("[data-connection]")).toHaveAttribute("data-connection", "live");

  const readMore = frame.getByRole("link", { name: "Read more on Liveline" });
  await expect(readMore).toHaveAttribute("href", `${baseURL}/live/${slug}`);
  await expect(readMore).toHaveAttribute("target", "_blank");

  // The frame takes its content's height (the host script), and that height is 3 updates'.
  await expect.poll(() => frameHeight(page)).toBeLessThan(600);
  const before = await frameHeight(page);

  // A new update arrives over the socket: it goes on top and the oldest shown leaves, so the frame keeps its height.
  await newsroom.publish(slug, update(6));
  await newsroom.publish(slug, update(7));
  await expect(streamArticles(frame).getByRole("heading")).toHaveText(["Update 7", "Update 6", "Update 5"]);
  await expect.poll(() => frameHeight(page)).toBeLessThanOrEqual(before + 2);
  expect(await frameHeight(page)).toBeGreaterThanOrEqual(before - 2);
});

test("an embed is light by default in a dark OS; theme=auto follows the OS; the header and pinned updates show and stay live", async ({
  page,
  baseURL,
  newsroom,
}) => {
  await page.emulateMedia({ colorScheme: "dark" });
  const { slug, title } = await newsroom.createBlog({ prefix: "embed-theme", title: "Storm watch", summary: "Gusts." });
  const warning = await newsroom.publish(slug, { headline: "Red warning", body: "<p>Stay indoors.</p>" });
  await newsroom.publish(slug, { headline: "Trains stopped", body: "<p>No services tonight.</p>" });
  const frameTag = (name: string, query: string) =>
    `<iframe title="${name}" src="${baseURL}/embed/${slug}${query}" style="width:100%;height:500px;border:0"></iframe>`;
  await openHostPage(
    page,
    frameTag("default", "") + frameTag("auto", "?theme=auto") + frameTag("light", "?theme=light"),
  );
  const light = page.frameLocator('iframe[title="default"]');
  const auto = page.frameLocator('iframe[title="auto"]');
  await expect(light.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(auto.getByRole("heading", { level: 1, name: title })).toBeVisible();
  expect(await background(light)).toBe(WHITE);
  expect(await light.locator("html").evaluate((html) => getComputedStyle(html).colorScheme)).toBe("light");
  expect(await background(page.frameLocator('iframe[title="light"]'))).toBe(WHITE);
  expect(await background(auto)).toBe(DARK);

  // The header: title, summary and one live indicator.
  await expect(light.getByText("Gusts.")).toBeVisible();
  await expect(light.locator("[data-connection]")).toHaveText("Live");
  await expect(light.getByTestId("pinned")).toBeHidden();
  // Times read as on the reader page: how long ago, and the clock in the reader's zone, named.
  await expect(light.locator("article time").first()).toHaveText(/^(just now|\d+ min ago) · \d\d:\d\d \S+$/);

  // Pinned live: the pinned section appears with the update, and goes when it is unpinned.
  await newsroom.pin(slug, warning.id);
  await expect(light.getByTestId("pinned").getByRole("heading", { name: "Red warning" })).toBeVisible();
  await newsroom.unpin(slug, warning.id);
  await expect(light.getByTestId("pinned")).toBeHidden();

  // In a light OS, auto is light too.
  await page.emulateMedia({ colorScheme: "light" });
  await expect.poll(() => background(auto)).toBe(WHITE);
});

test("the default embed shows the 10 newest updates and a link to the rest; axe finds nothing serious in light or dark", async ({
  page,
  baseURL,
  newsroom,
}) => {
  const { slug } = await newsroom.createBlog({
    prefix: "embed-a11y",
    title: "Accessible embed",
    summary: "All of it.",
  });
  const key = await newsroom.publish(slug, {
    headline: "Key points",
    body: "<ul><li>One</li><li>Two</li></ul>",
    label: "Breaking",
    keyEvent: true,
  });
  await newsroom.pin(slug, key.id);
  for (let n = 1; n <= 12; n++)
    await newsroom.publish(slug, {
      ...(n % 3 === 0 ? {} : { headline: `Update ${n}` }),
      body: `<p>Body ${n} with <a href="https://example.org/${n}">a link</a>.</p><blockquote><p>A quote</p></blockquote>`,
      ...(n === 4 ? { label: "Analysis" } : {}),
      ...(n === 5 ? { keyEvent: true } : {}),
    });

  for (const theme of ["light", "dark"] as const) {
    await page.goto(`${baseURL}/embed/${slug}${theme === "dark" ? "?theme=dark" : ""}`);
    await expect(page.locator("[data-connection]")).toHaveAttribute("data-connection", "live");
    await expect(streamArticles(page)).toHaveCount(10);
    await expect(page.getByTestId("stream").getByRole("heading", { name: "Update 11" })).toBeVisible();
    await expect(page.getByTestId("stream").getByRole("heading", { name: "Update 2" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Read more on Liveline" })).toHaveAttribute(
      "href",
      `${baseURL}/live/${slug}`,
    );
    const results = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
      .analyze();
    const serious = results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    expect(serious, `axe on the ${theme} embed`).toEqual([]);
  }
});

test("options that are not valid get a 400 page saying which", async ({ request, newsroom }) => {
  const { slug } = await newsroom.createBlog({ prefix: "embed-bad" });
  const cases: [string, string][] = [
    ["entries=0", "entries must be at least 1"],
    ["entries=51", "entries must be at most 50"],
    ["theme=blue", "theme must be light, dark or auto"],
    ["header=yes", "header must be 0 or 1"],
    ["entries=3&entries=4", "entries is given more than once"],
  ];
  for (const [query, message] of cases) {
    const response = await request.get(`/embed/${slug}?${query}`);
    expect(response.status(), query).toBe(400);
    expect(response.headers()["content-type"]).toContain("text/html");
    expect(await response.text(), query).toContain(message);
  }
  expect((await request.get(`/embed/${slug}?theme=dark&entries=50&header=1&pinned=0`)).status()).toBe(200);
  // Parameters the embed does not know (a host page's tracking ones) are ignored.
  expect((await request.get(`/embed/${slug}?ref=news&utm_source=site`)).status()).toBe(200);
});
