// A reader sees when each update was published on their own clock: "3 h ago · 14:05 GMT" for today's, a
// date for older ones, with the zone named. The server does not know the reader's zone, so it sends a
// dated UTC time and the page switches after hydration, without a hydration error and without a jump.
import type { Browser, Page } from "@playwright/test";
import type { TestServer } from "../server/test/harness.ts";
import { layoutShift, watchLayoutShifts } from "./fixtures/layout-shift.ts";
import { expect, test, type Entry } from "./fixtures/server.ts";

// Fixed instants: the reader's clock reads 17:05 UTC on Thursday 3 December 2026.
const NOW = new Date("2026-12-03T17:05:00Z");
const FRESH = "2026-12-03T14:05:00.000Z";
const OLDER = "2026-11-30T09:30:00.000Z";

/** Moves an entry's publication time (before any reader has loaded the blog, so no cache holds it). */
async function publishedAt(server: TestServer, entry: Entry, iso: string): Promise<void> {
  await server.db.prisma.entry.update({ where: { id: entry.id }, data: { publishedAt: new Date(iso) } });
}

/** A reader in `timezoneId` whose clock starts at NOW; collects console errors (a hydration mismatch is one). */
async function readerIn(browser: Browser, server: TestServer, timezoneId: string) {
  const context = await browser.newContext({ baseURL: server.url, timezoneId });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  await page.clock.install({ time: NOW });
  // Layout shifts from the first paint on, hydration included.
  await watchLayoutShifts(page, "first-paint");
  return { context, page, errors };
}

const timeOf = (page: Page, entry: Entry) => page.locator(`article#entry-${entry.id} header time`).first();

test("a reader in London or New York reads today's updates as 'ago' plus a clock time in their zone, older ones by date", async ({
  browser,
  server,
  newsroom,
}) => {
  const blog = await newsroom.createBlog({ prefix: "zones" });
  const older = await newsroom.publish(blog.slug, { headline: "Polls open", body: "<p>Doors opened.</p>" });
  const fresh = await newsroom.publish(blog.slug, { headline: "Turnout high", body: "<p>Queues by 8pm.</p>" });
  await publishedAt(server, older, OLDER);
  await publishedAt(server, fresh, FRESH);

  // What the server sends, before any script runs: dated UTC text, the instant in the attribute.
  const html = await (await fetch(`${server.url}/live/${blog.slug}`)).text();
  expect(html).toMatch(new RegExp(`datetime="${FRESH}"`, "i"));
  expect(html).toContain(">Thu 3 Dec, 14:05 UTC</time>");
  expect(html).toContain(">Mon 30 Nov, 09:30 UTC</time>");

  const cases = [
    { zone: "Europe/London", fresh: /^3 h ago · 14:05 GMT$/, older: /^Mon 30 Nov, 09:30 GMT$/ },
    { zone: "America/New_York", fresh: /^3 h ago · 09:05 (EST|GMT-5)$/, older: /^Mon 30 Nov, 04:30 (EST|GMT-5)$/ },
    // Past midnight in Tokyo (02:05 on the 4th): the 23:05 update is from yesterday there, so it is dated.
    { zone: "Asia/Tokyo", fresh: /^Thu 3 Dec, 23:05 (JST|GMT\+9)$/, older: /^Mon 30 Nov, 18:30 (JST|GMT\+9)$/ },
  ];
  for (const expected of cases) {
    const { context, page, errors } = await readerIn(browser, server, expected.zone);
    await page.goto(`/live/${blog.slug}`);
    await expect(timeOf(page, fresh)).toHaveText(expected.fresh);
    await expect(timeOf(page, fresh)).toHaveAttribute("datetime", FRESH);
    await expect(timeOf(page, older)).toHaveText(expected.older);
    await expect(timeOf(page, older)).toHaveAttribute("datetime", OLDER);
    expect(errors, `console errors in ${expected.zone}`).toEqual([]);
    const shift = await layoutShift(page);
    expect(shift, `layout shift in ${expected.zone}`).toBeLessThanOrEqual(0.01);
    await context.close();
  }
});

test("a fresh update reads 'just now' in the reader's zone and keeps ticking; across their midnight it turns into a date", async ({
  browser,
  server,
  newsroom,
}) => {
  const blog = await newsroom.createBlog({ prefix: "ticks" });
  const entry = await newsroom.publish(blog.slug, { body: "<p>Results at ten.</p>" });
  // 23:58 in London on 3 December.
  await publishedAt(server, entry, "2026-12-03T23:58:00.000Z");
  const { context, page, errors } = await readerIn(browser, server, "Europe/London");
  await page.clock.setSystemTime(new Date("2026-12-03T23:58:20Z"));
  await page.goto(`/live/${blog.slug}`);
  const time = timeOf(page, entry);
  await expect(time).toHaveText("just now · 23:58 GMT");
  await page.clock.fastForward("01:00");
  await expect(time).toHaveText("1 min ago · 23:58 GMT");
  // Past London's midnight the update is yesterday's: a date, no "ago".
  await page.clock.fastForward("02:00");
  await expect(time).toHaveText("Thu 3 Dec, 23:58 GMT");
  expect(errors).toEqual([]);
  await context.close();
});
