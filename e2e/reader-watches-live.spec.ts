// A reader keeps a live blog open and watches the newsroom's changes arrive without reloading.
// The newsroom acts through the API (as the editor); the reader only looks at the page.
import type { Locator, Page } from "@playwright/test";
import { absoluteTime } from "../components/feed/relative-time.ts";
import { expect, test, type Entry, type NewEntry } from "./fixtures/server.ts";

declare global {
  interface Window {
    __noReload?: boolean;
    __articlesSeen?: string[];
  }
}

const stream = (page: Page): Locator => page.getByTestId("stream");
const pinnedArea = (page: Page): Locator => page.getByTestId("pinned");
const articlesIn = (section: Locator): Locator => section.getByRole("article");
const articleOf = (page: Page, entry: Pick<Entry, "id">): Locator => page.locator(`article#entry-${entry.id}`);

/** Opens a reader page and waits until it has joined the blog's live channel (so what follows is a push). */
async function openLive(page: Page, slug: string): Promise<void> {
  await page.goto(`/live/${slug}`);
  const connection = page.locator("[data-connection]");
  await expect(connection).toHaveAttribute("data-connection", "live");
  await expect(connection).toHaveText("Live");
}

/** Marks the document; if the page navigates or reloads, the mark is gone. */
async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => {
    window.__noReload = true;
  });
}

async function expectSameDocument(page: Page): Promise<void> {
  expect(await page.evaluate(() => window.__noReload), "the page must not have reloaded or navigated").toBe(true);
}

/** Records every article ever inserted into the page, so "saw nothing" means nothing, not "nothing left at the end". */
async function recordInsertedArticles(page: Page): Promise<void> {
  await page.evaluate(() => {
    window.__articlesSeen = [];
    new MutationObserver((mutations) => {
      for (const mutation of mutations) {
        for (const node of mutation.addedNodes) {
          if (!(node instanceof Element)) continue;
          const found = node.matches("article") ? [node] : [...node.querySelectorAll("article")];
          for (const article of found) window.__articlesSeen!.push(`${article.id}: ${article.textContent ?? ""}`);
        }
      }
    }).observe(document.body, { childList: true, subtree: true });
  });
}

interface Scene {
  blogA: { slug: string; title: string };
  blogB: { slug: string; title: string };
  /** The reader of blog A (the test's own page). */
  reader: Page;
  /** A second reader, in another browser context, on blog B. */
  otherReader: Page;
  /** Publishes in blog A and remembers the texts, so we can check blog B's reader never saw them. */
  publishInA(entry: NewEntry): Promise<Entry>;
  /** Texts that appeared in blog A (headlines and bodies, including edits). */
  textsOfA: string[];
}

const uid = () => Math.random().toString(36).slice(2, 8);

const withTwoReaders = test.extend<{ scene: Scene }>({
  scene: async ({ page, browser, newsroom, server }, use) => {
    const blogA = await newsroom.createBlog({ prefix: "alpha", title: `Election night ${uid()}` });
    const blogB = await newsroom.createBlog({ prefix: "bravo", title: `Cup final ${uid()}` });
    const otherContext = await browser.newContext({ baseURL: server.url });
    const otherReader = await otherContext.newPage();
    await Promise.all([openLive(page, blogA.slug), openLive(otherReader, blogB.slug)]);
    await recordInsertedArticles(otherReader);
    await markDocument(page);
    const textsOfA: string[] = [];
    await use({
      blogA,
      blogB,
      reader: page,
      otherReader,
      textsOfA,
      async publishInA(entry) {
        textsOfA.push(...[entry.headline, entry.body.replace(/<[^>]+>/g, "")].filter((t): t is string => !!t));
        return newsroom.publish(blogA.slug, entry);
      },
    });
    await otherContext.close();
  },
});

/** (e) Blog B's reader saw none of blog A's entries at any point, and blog A's reader never reloaded. */
async function expectBlogBReaderSawNothing(scene: Scene): Promise<void> {
  const { otherReader, reader, textsOfA, blogB } = scene;
  await expectSameDocument(reader);
  await expect(otherReader.getByRole("heading", { level: 1 })).toHaveText(blogB.title);
  await expect(otherReader.locator("[data-connection]")).toHaveAttribute("data-connection", "live");
  await expect(articlesIn(stream(otherReader))).toHaveCount(0);
  await expect(pinnedArea(otherReader)).toHaveCount(0);
  await expect(stream(otherReader)).toContainText("No updates yet");
  const main = otherReader.getByRole("main");
  for (const text of textsOfA) await expect(main).not.toContainText(text);
  expect(await otherReader.evaluate(() => window.__articlesSeen), "articles ever inserted on blog B's page").toEqual(
    [],
  );
}

withTwoReaders.describe("a reader with a live blog open", () => {
  withTwoReaders(
    "sees a newly published entry appear at the top of the stream without reloading",
    async ({ scene }) => {
      const { reader } = scene;
      const older = await scene.publishInA({
        headline: `Polls close ${uid()}`,
        body: "<p>Counting begins across the country.</p>",
      });
      await expect(articleOf(reader, older)).toBeVisible();

      const headline = `First results in ${uid()}`;
      const fresh = await scene.publishInA({
        headline,
        body: "<p>The first constituency has <strong>declared</strong>.</p>",
        label: "Breaking",
      });

      const first = articlesIn(stream(reader)).first();
      await expect(first).toHaveAttribute("id", `entry-${fresh.id}`);
      await expect(first.getByRole("heading", { level: 3 })).toHaveText(headline);
      await expect(first).toContainText("The first constituency has declared.");
      await expect(first.locator("strong")).toHaveText("declared");
      await expect(first).toContainText("Breaking");
      await expect(first).toContainText("By Test editor");
      await expect(first.locator("time")).toHaveAttribute("datetime", fresh.publishedAt!);
      await expect(articlesIn(stream(reader))).toHaveCount(2);
      await expect(articlesIn(stream(reader)).nth(1)).toHaveAttribute("id", `entry-${older.id}`);
      await expect(reader.getByRole("article", { name: headline })).toHaveCount(1);

      await expectBlogBReaderSawNothing(scene);
    },
  );

  withTwoReaders("sees an edit replace the entry's text in place", async ({ scene, newsroom }) => {
    const { reader, blogA } = scene;
    const oldHeadline = `Turnout at 60% ${uid()}`;
    const entry = await scene.publishInA({
      headline: oldHeadline,
      body: "<p>Early figures suggest a high turnout.</p>",
    });
    const article = articleOf(reader, entry);
    await expect(article.getByRole("heading", { level: 3 })).toHaveText(oldHeadline);
    // Tag the DOM node: an in-place update keeps it, a re-render from scratch or a reload would not.
    await article.evaluate((node) => ((node as HTMLElement & { __tagged?: boolean }).__tagged = true));

    const newHeadline = `Turnout corrected to 64% ${uid()}`;
    scene.textsOfA.push(newHeadline, "Corrected figures from the electoral commission.");
    await newsroom.edit(blogA.slug, entry.id, {
      version: entry.version,
      headline: newHeadline,
      body: "<p>Corrected figures from the electoral commission.</p>",
    });

    await expect(article.getByRole("heading", { level: 3 })).toHaveText(newHeadline);
    await expect(article).toContainText("Corrected figures from the electoral commission.");
    await expect(article).not.toContainText("Early figures suggest a high turnout.");
    await expect(reader.getByText(oldHeadline)).toHaveCount(0);
    await expect(articlesIn(stream(reader))).toHaveCount(1);
    await expect(articlesIn(stream(reader)).first()).toHaveAttribute("id", `entry-${entry.id}`);
    expect(await article.evaluate((node) => (node as HTMLElement & { __tagged?: boolean }).__tagged)).toBe(true);

    await expectBlogBReaderSawNothing(scene);
  });

  withTwoReaders("sees a deleted entry disappear", async ({ scene, newsroom }) => {
    const { reader, blogA } = scene;
    const kept = await scene.publishInA({ headline: `Exit poll ${uid()}`, body: "<p>The exit poll is out.</p>" });
    const doomed = await scene.publishInA({
      headline: `Wrong seat called ${uid()}`,
      body: "<p>This was published in error.</p>",
    });
    await expect(articlesIn(stream(reader))).toHaveCount(2);
    await expect(articleOf(reader, doomed)).toBeVisible();

    await newsroom.remove(blogA.slug, doomed.id);

    await expect(articleOf(reader, doomed)).toHaveCount(0);
    await expect(reader.getByText("This was published in error.")).toHaveCount(0);
    await expect(articlesIn(stream(reader))).toHaveCount(1);
    await expect(articleOf(reader, kept)).toBeVisible();

    await expectBlogBReaderSawNothing(scene);
  });

  withTwoReaders(
    "sees a pinned entry copied to the pinned area, still in its place in the stream (marked), and unpinned again",
    async ({ scene, newsroom }) => {
      const { reader, blogA } = scene;
      const key = await scene.publishInA({
        headline: `How to follow tonight ${uid()}`,
        body: "<p>Everything you need to know.</p>",
      });
      const later = await scene.publishInA({
        headline: `Recount ordered ${uid()}`,
        body: "<p>A recount in the north.</p>",
      });
      await expect(articlesIn(stream(reader))).toHaveCount(2);
      await expect(pinnedArea(reader)).toHaveCount(0);

      await newsroom.pin(blogA.slug, key.id);

      const pinned = pinnedArea(reader);
      await expect(pinned.getByRole("heading", { name: "Pinned", exact: true })).toBeVisible();
      await expect(articlesIn(pinned)).toHaveCount(1);
      // The pinned copy carries its own headline, and the entry stays in the stream, marked.
      await expect(pinned.locator(`article#pinned-${key.id}`)).toContainText("Everything you need to know.");
      await expect(pinned.getByRole("heading", { name: key.headline! })).toBeVisible();
      await expect(articlesIn(stream(reader))).toHaveCount(2);
      await expect(articlesIn(stream(reader)).nth(0)).toHaveAttribute("id", `entry-${later.id}`);
      await expect(articlesIn(stream(reader)).nth(1)).toHaveAttribute("id", `entry-${key.id}`);
      await expect(articleOf(reader, key).getByTestId("pinned-flag")).toHaveText("Pinned");
      await expect(articleOf(reader, later).getByTestId("pinned-flag")).toHaveCount(0);
      // Pinned content sits above the stream.
      const pinnedBox = await pinned.boundingBox();
      const streamBox = await stream(reader).boundingBox();
      expect(pinnedBox!.y).toBeLessThan(streamBox!.y);

      await newsroom.unpin(blogA.slug, key.id);

      await expect(pinnedArea(reader)).toHaveCount(0);
      await expect(articlesIn(stream(reader))).toHaveCount(2);
      await expect(articlesIn(stream(reader)).nth(1)).toHaveAttribute("id", `entry-${key.id}`);
      await expect(articleOf(reader, key).getByTestId("pinned-flag")).toHaveCount(0);
      await expect(reader.locator(`article#entry-${key.id}`)).toHaveCount(1);

      await expectBlogBReaderSawNothing(scene);
    },
  );
});

const withoutJavaScript = test.extend<{ noJsPage: Page }>({
  noJsPage: async ({ browser, server }, use) => {
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL: server.url });
    await use(await context.newPage());
    await context.close();
  },
});

withoutJavaScript.describe("the reader page without JavaScript", () => {
  withoutJavaScript(
    "is server-rendered with the title and the entries already published",
    async ({ noJsPage: page, newsroom }) => {
      const blog = await newsroom.createBlog({
        prefix: "ssr",
        title: `Storm coverage ${uid()}`,
        summary: "Updates as the storm passes.",
      });
      const first = await newsroom.publish(blog.slug, {
        headline: "Warnings issued",
        body: "<p>Red warnings for the coast.</p>",
      });
      const second = await newsroom.publish(blog.slug, {
        headline: "Ferries cancelled",
        body: "<p>All crossings are off today.</p>",
      });

      const response = await page.goto(`/live/${blog.slug}`);
      expect(response?.status()).toBe(200);

      await expect(page.getByRole("heading", { level: 1 })).toHaveText(blog.title);
      await expect(page.getByText("Updates as the storm passes.")).toBeVisible();
      // No script ran: the live connection never started.
      await expect(page.locator("[data-connection]")).toHaveAttribute("data-connection", "connecting");
      const articles = articlesIn(stream(page));
      await expect(articles).toHaveCount(2);
      await expect(articles.nth(0)).toHaveAttribute("id", `entry-${second.id}`);
      await expect(articles.nth(0).getByRole("heading", { level: 3 })).toHaveText("Ferries cancelled");
      await expect(articles.nth(0)).toContainText("All crossings are off today.");
      await expect(articles.nth(0)).toContainText("By Test editor");
      await expect(articles.nth(0).locator("time")).toHaveAttribute("datetime", second.publishedAt!);
      await expect(articles.nth(1)).toHaveAttribute("id", `entry-${first.id}`);
      await expect(articles.nth(1).getByRole("heading", { level: 3 })).toHaveText("Warnings issued");
      await expect(articles.nth(1)).toContainText("Red warnings for the coast.");
    },
  );

  // Next.js renders notFound() from a dynamic page as an empty shell without JavaScript; the process
  // answers unknown blogs itself (server/http/unknown-blog-page.ts) so this reader still gets a real page.
  withoutJavaScript("answers 404 with the not-found text for an unknown blog", async ({ noJsPage: page }) => {
    const response = await page.goto(`/live/no-such-blog-${uid()}`);
    expect(response?.status()).toBe(404);
    // Without JavaScript nothing changes after load, so there is nothing to wait for.
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found", { timeout: 1_000 });
    await expect(page.getByText("There is no live blog or page at this address.")).toBeVisible({ timeout: 1_000 });
  });
});

test("an unknown blog answers 404 with the not-found page", async ({ page }) => {
  const response = await page.goto(`/live/no-such-blog-${uid()}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expect(page.getByText("There is no live blog or page at this address.")).toBeVisible();
  await expect(page.getByRole("link", { name: "See all live coverage" })).toHaveAttribute("href", "/");
});

test("a reader loads older entries, 20 at a time, without duplicates", async ({ page, newsroom }) => {
  const blog = await newsroom.createBlog({ prefix: "older" });
  const published: Entry[] = [];
  for (let n = 1; n <= 25; n++) {
    published.push(
      await newsroom.publish(blog.slug, {
        headline: `Update ${String(n).padStart(2, "0")}`,
        body: `<p>Body of update ${n}.</p>`,
      }),
    );
  }
  const newestFirst = published.map((entry) => `entry-${entry.id}`).reverse();

  // Wait until the page is live (hydrated), so the button's click handler is attached.
  await openLive(page, blog.slug);
  await markDocument(page);
  const articles = articlesIn(stream(page));
  await expect(articles).toHaveCount(20);
  expect(await articles.evaluateAll((nodes) => nodes.map((n) => n.id))).toEqual(newestFirst.slice(0, 20));

  const loadOlder = page.getByRole("button", { name: "Load older" });
  await loadOlder.click();

  await expect(articles).toHaveCount(25);
  await expect(loadOlder).toHaveCount(0);
  const ids = await articles.evaluateAll((nodes) => nodes.map((n) => n.id));
  expect(new Set(ids).size, "no article shown twice").toBe(25);
  expect(ids).toEqual(newestFirst);
  await expect(articles.last().getByRole("heading", { level: 3 })).toHaveText("Update 01");
  await expectSameDocument(page);
});

/** The name Chromium's accessibility tree gives an element (Playwright's own computation does not name a <time>). */
async function chromiumAccessibleName(page: Page, selector: string): Promise<string | undefined> {
  const cdp = await page.context().newCDPSession(page);
  const { result } = await cdp.send("Runtime.evaluate", {
    expression: `document.querySelector(${JSON.stringify(selector)})`,
  });
  const { nodes } = await cdp.send("Accessibility.getPartialAXTree", {
    objectId: result.objectId!,
    fetchRelatives: false,
  });
  await cdp.detach();
  return nodes[0]?.name?.value as string | undefined;
}

test("a reader sees when entries were published as relative times that keep ticking, with the full time in their own zone", async ({
  browser,
  server,
  newsroom,
}) => {
  const context = await browser.newContext({ baseURL: server.url, timezoneId: "America/New_York" });
  const page = await context.newPage();
  await page.clock.install();
  const blog = await newsroom.createBlog({ prefix: "times" });
  const entry = await newsroom.publish(blog.slug, { headline: "Doors open", body: "<p>Queues outside.</p>" });

  await openLive(page, blog.slug);
  const time = articleOf(page, entry).locator("time");
  const full = absoluteTime(new Date(entry.publishedAt!), "America/New_York");
  await expect(time).toHaveText(/^just now · \d\d:\d\d (EST|GMT-5)$/);
  await expect(time).toHaveAttribute("title", full);
  // Chromium's own accessibility tree (what screen readers get) names the <time> with the full time.
  expect(await chromiumAccessibleName(page, `article#entry-${entry.id} time`)).toBe(full);

  // One shared timer moves every time on the page along.
  await page.clock.fastForward("03:00");
  await expect(time).toHaveText(/^3 min ago · \d\d:\d\d (EST|GMT-5)$/);
  await page.clock.fastForward("02:00:00");
  await expect(time).toHaveText(/^(2 h ago · \d\d:\d\d (EST|GMT-5)|\w{3} \d{1,2} \w{3}, \d\d:\d\d (EST|GMT-5))$/);
  await context.close();
});
