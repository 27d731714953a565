// A reader's page says how live it is, in one indicator (Live, Reconnecting…, Offline) and, for a reader
// scrolled anywhere, in a bar with the time the page is up to date; changes missed while offline arrive
// once, in order, when the connection is back. An ended blog says so
// and stops listening. And readers see how many people are reading now.
import type { Page, WebSocket } from "@playwright/test";
import { apiClient } from "../server/test/harness.ts";
import { expect, test, type Entry } from "./fixtures/server.ts";

declare global {
  interface Window {
    __inserted?: string[];
    __said?: string[];
  }
}

const uid = () => Math.random().toString(36).slice(2, 8);
const connection = (page: Page) => page.locator("[data-connection]");
const connectionBar = (page: Page) => page.getByTestId("connection-bar");
const articleIds = (page: Page) =>
  page
    .getByTestId("stream")
    .getByRole("article")
    .evaluateAll((nodes) => nodes.map((n) => n.id));

async function openLive(page: Page, slug: string): Promise<void> {
  await page.goto(`/live/${slug}`);
  await expect(connection(page)).toHaveAttribute("data-connection", "live");
  await expect(connection(page)).toHaveText("Live");
}

/** Notes everything the polite announcer says from now on. */
async function recordAnnouncements(page: Page): Promise<void> {
  await page.evaluate(() => {
    window.__said = [];
    const region = document.querySelector('[data-testid="announcer"]')!;
    new MutationObserver(() => window.__said!.push((region.textContent ?? "").trim())).observe(region, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  });
}

async function recordInsertedArticles(page: Page): Promise<void> {
  await page.evaluate(() => {
    window.__inserted = [];
    new MutationObserver((mutations) => {
      for (const mutation of mutations) {
        for (const node of mutation.addedNodes)
          if (node instanceof HTMLElement && node.tagName === "ARTICLE") window.__inserted!.push(node.id);
      }
    }).observe(document.body, { childList: true, subtree: true });
  });
}

test("offline, the page says so and since when; back online, the missed changes are applied once and in order", async ({
  page,
  newsroom,
}) => {
  const blog = await newsroom.createBlog({ prefix: "offline", title: `Train strike ${uid()}` });
  const first = await newsroom.publish(blog.slug, {
    headline: "Strike begins",
    body: "<p>No trains this morning.</p>",
  });
  await openLive(page, blog.slug);
  await expect(connectionBar(page)).toHaveCount(0);
  await recordInsertedArticles(page);
  await recordAnnouncements(page);

  await page.context().setOffline(true);
  await expect(connection(page)).toHaveText("Offline");
  const offline = /^Offline · showing updates up to \d\d:\d\d · reconnecting$/;
  await expect(connectionBar(page).getByTestId("connection-message")).toHaveText(offline);
  await expect.poll(() => page.evaluate(() => window.__said)).toEqual([expect.stringMatching(offline)]);
  await expect(page.getByTestId("readers")).toHaveCount(0);

  const missed: Entry[] = [];
  for (const n of [1, 2, 3])
    missed.push(
      await newsroom.publish(blog.slug, { headline: `Missed ${n}`, body: `<p>Published while offline, ${n}.</p>` }),
    );
  await newsroom.edit(blog.slug, first.id, { version: first.version, headline: "Strike begins, talks called" });

  await page.context().setOffline(false);
  await expect(connection(page)).toHaveAttribute("data-connection", "live");
  await expect(connection(page)).toHaveText("Live");
  await expect(connectionBar(page)).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => window.__said?.[1])).toBe("Live again");
  await expect
    .poll(() => articleIds(page))
    .toEqual(
      [...missed]
        .reverse()
        .map((e) => `entry-${e.id}`)
        .concat(`entry-${first.id}`),
    );
  await expect(page.locator(`#entry-${first.id}`).getByRole("heading", { level: 3 })).toHaveText(
    "Strike begins, talks called",
  );
  // Each missed entry was inserted exactly once (entries replayed together may be inserted in one batch,
  // so the order of insertion is not the point; the stream's order above is); the edit replaced in place.
  expect((await page.evaluate(() => window.__inserted!)).sort()).toEqual(missed.map((e) => `entry-${e.id}`).sort());
  for (const n of [1, 2, 3]) await expect(page.getByRole("heading", { name: `Missed ${n}` })).toHaveCount(1);
});

test("when the blog ends while a reader watches, the page says so with the end time and stops listening; an ended blog opens without a connection", async ({
  page,
  browser,
  server,
  newsroom,
}) => {
  const editor = apiClient(server.url, server.users.editor.token);
  const blog = await newsroom.createBlog({ prefix: "ending", title: `Final whistle ${uid()}` });
  await newsroom.publish(blog.slug, { headline: "Full time", body: "<p>It ends 2-1.</p>" });

  const sockets: WebSocket[] = [];
  page.on("websocket", (socket) => sockets.push(socket));
  await openLive(page, blog.slug);
  expect(sockets.filter((s) => !s.isClosed())).toHaveLength(1);

  const ended = await editor<{ blog: { endedAt: string } }>("PATCH", `/api/blogs/${blog.slug}`, { status: "ENDED" });
  expect(ended.status).toBe(200);

  const notice = page.getByTestId("ended");
  await expect(notice).toContainText("This live blog has ended");
  await expect(notice.locator("time")).toHaveAttribute("datetime", ended.body.blog.endedAt);
  await expect(page.getByText("Ended", { exact: true })).toBeVisible();
  await expect(connection(page)).toHaveCount(0);
  await expect(page.getByTestId("readers")).toHaveCount(0);
  // The socket is closed for good: no reconnection attempts.
  await expect.poll(() => sockets.filter((s) => !s.isClosed()).length).toBe(0);
  await expect(page.getByTestId("announcer")).toHaveText(/^This live blog has ended\s*$/);

  // Opened after the end: the same notice, and no socket at all once the page has hydrated.
  const later = await browser.newContext({ baseURL: server.url, timezoneId: "Europe/Paris" });
  const laterPage = await later.newPage();
  const laterSockets: WebSocket[] = [];
  laterPage.on("websocket", (socket) => laterSockets.push(socket));
  await laterPage.goto(`/live/${blog.slug}`);
  await expect(laterPage.getByTestId("ended")).toContainText("This live blog has ended");
  // Hydrated: the entry's time switched from the server's UTC to the reader's zone, with a relative time.
  await expect(laterPage.getByRole("article").first().locator("time").first()).toHaveText(
    /^just now · \d\d:\d\d (CET|GMT\+1)$/,
  );
  await expect(laterPage.getByTestId("ended").locator("time")).toHaveText(
    /^(\w{3} \d{1,2} \w{3}, )?\d\d:\d\d (CET|GMT\+1)$/,
  );
  await expect(connection(laterPage)).toHaveCount(0);
  expect(laterSockets).toEqual([]);
  await later.close();
});

test("readers see how many people are reading now, across pages", async ({ page, browser, server, newsroom }) => {
  const blog = await newsroom.createBlog({ prefix: "count" });
  await openLive(page, blog.slug);
  const readers = page.getByTestId("readers");
  await expect(readers).toHaveText("1 reading now");

  const other = await browser.newContext({ baseURL: server.url });
  const otherPage = await other.newPage();
  await openLive(otherPage, blog.slug);
  await expect(otherPage.getByTestId("readers")).toHaveText("2 reading now");
  await expect(readers).toHaveText("2 reading now");

  await other.close();
  await expect(readers).toHaveText("1 reading now");
});
