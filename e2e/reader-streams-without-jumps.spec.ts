// A reader keeps a busy live blog open. At the top, new entries slide in; scrolled down, nothing moves
// under them and a button says how many are waiting. Either way the page's layout shift (CLS) while
// 20 entries stream in stays within 0.1. Also: the page fits a 360 px phone; screenshots for review.
import type { Locator, Page, TestInfo } from "@playwright/test";
import { layoutShift, watchLayoutShifts } from "./fixtures/layout-shift.ts";
import { expect, test, type Entry } from "./fixtures/server.ts";

declare global {
  interface Window {
    __insertions?: Array<{ id: string; fadesIn: boolean }>;
  }
}

const uid = () => Math.random().toString(36).slice(2, 8);
const stream = (page: Page): Locator => page.getByTestId("stream");
const articles = (page: Page): Locator => stream(page).getByRole("article");
const idsOf = (list: Entry[]) => list.map((entry) => `entry-${entry.id}`);

async function openLive(page: Page, slug: string): Promise<void> {
  await page.goto(`/live/${slug}`);
  await expect(page.locator("[data-connection]")).toHaveAttribute("data-connection", "live");
}

/** Sums layout shifts from now on, and notes every article inserted and whether it fades in. */
async function watchLayout(page: Page): Promise<void> {
  await watchLayoutShifts(page, "now");
  await page.evaluate(() => {
    window.__insertions = [];
    new MutationObserver((mutations) => {
      for (const mutation of mutations) {
        for (const node of mutation.addedNodes) {
          if (!(node instanceof HTMLElement) || node.tagName !== "ARTICLE") continue;
          // The slide-in starts in the same task as the insertion, before this observer runs.
          const fadesIn = node
            .getAnimations()
            .some((a) => (a.effect as KeyframeEffect).getKeyframes().some((k) => k.opacity === "0" || k.opacity === 0));
          window.__insertions!.push({ id: node.id, fadesIn });
        }
      }
    }).observe(document.body, { childList: true, subtree: true });
  });
}

async function publishMany(publish: (n: number) => Promise<Entry>, count: number): Promise<Entry[]> {
  const out: Entry[] = [];
  for (let n = 1; n <= count; n++) out.push(await publish(n));
  return out;
}

test("at the top, 20 new entries slide in at the top of the stream, with a layout shift of at most 0.1", async ({
  page,
  newsroom,
}, testInfo) => {
  const blog = await newsroom.createBlog({
    prefix: "slide",
    title: `Match day ${uid()}`,
    summary: "Every goal as it happens.",
  });
  const before = await publishMany(
    (n) => newsroom.publish(blog.slug, { headline: `Warm-up ${n}`, body: `<p>Before kick-off, note ${n}.</p>` }),
    3,
  );
  await openLive(page, blog.slug);
  await watchLayout(page);

  const fresh = await publishMany(
    (n) =>
      newsroom.publish(blog.slug, {
        headline: `Minute ${n}`,
        body: `<p>${"Play goes on, end to end. ".repeat(1 + (n % 4))}</p>`,
      }),
    20,
  );

  await expect(articles(page)).toHaveCount(23);
  const cls = await layoutShift(page);
  testInfo.annotations.push({ type: "CLS at the top", description: cls.toFixed(4) });
  expect(cls, "cumulative layout shift while 20 entries streamed in at the top").toBeLessThanOrEqual(0.1);
  expect(await articles(page).evaluateAll((nodes) => nodes.map((n) => n.id))).toEqual(
    idsOf([...fresh].reverse().concat([...before].reverse())),
  );
  // No button was needed, each new entry was inserted once, and those inserted in view faded in.
  await expect(page.getByRole("button", { name: /new update/ })).toHaveCount(0);
  const inserted = await page.evaluate(() => window.__insertions!);
  expect(inserted.map((i) => i.id).sort()).toEqual(idsOf(fresh).sort());
  expect(
    inserted.some((i) => i.fadesIn),
    "entries slide in",
  ).toBe(true);
  await expect(page.getByTestId("announcer")).toHaveAttribute("aria-live", "polite");
  await expect(page.getByTestId("announcer")).toHaveText(/^\d+ new updates?\s*$/);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
});

test("scrolled down, nothing moves: new entries wait behind an 'N new updates' button that shows them and goes to the top", async ({
  page,
  newsroom,
}, testInfo) => {
  const blog = await newsroom.createBlog({ prefix: "hold", title: `Budget day ${uid()}` });
  const older = await publishMany(
    (n) => newsroom.publish(blog.slug, { headline: `Earlier ${n}`, body: `<p>${"Earlier detail. ".repeat(8)}</p>` }),
    20,
  );
  await openLive(page, blog.slug);

  // Read something in the middle of the stream.
  const reading = page.locator(`#entry-${older[9]!.id}`);
  await reading.evaluate((node) => window.scrollTo(0, node.getBoundingClientRect().top + window.scrollY - 100));
  await expect.poll(() => reading.evaluate((node) => Math.round(node.getBoundingClientRect().top))).toBe(100);
  await watchLayout(page);

  const fresh = await publishMany(
    (n) => newsroom.publish(blog.slug, { headline: `Breaking ${n}`, body: "<p>Just in.</p>" }),
    20,
  );

  const button = page.getByRole("button", { name: "20 new updates" });
  await expect(button).toBeVisible();
  await expect(articles(page)).toHaveCount(20);
  expect(
    await reading.evaluate((node) => Math.round(node.getBoundingClientRect().top)),
    "what the reader reads stays put",
  ).toBe(100);
  const cls = await layoutShift(page);
  testInfo.annotations.push({ type: "CLS scrolled down", description: cls.toFixed(4) });
  expect(cls, "cumulative layout shift while 20 entries arrived while scrolled down").toBeLessThanOrEqual(0.1);
  expect(
    await page.evaluate(() => window.__insertions!),
    "nothing was inserted while the reader was scrolled down",
  ).toEqual([]);
  await expect(page.getByTestId("announcer")).toHaveText(/^\d+ new updates?\s*$/);

  // With the keyboard: the button takes focus visibly and Enter shows the entries.
  await button.focus();
  expect(
    await button.evaluate(
      (node) => getComputedStyle(node).outlineStyle !== "none" && parseFloat(getComputedStyle(node).outlineWidth) > 0,
    ),
  ).toBe(true);
  await page.keyboard.press("Enter");

  await expect(articles(page)).toHaveCount(40);
  await expect(button).toHaveCount(0);
  expect(await articles(page).evaluateAll((nodes) => nodes.slice(0, 20).map((n) => n.id))).toEqual(
    idsOf([...fresh].reverse()),
  );
  const newest = page.locator(`#entry-${fresh.at(-1)!.id}`);
  await expect(newest).toBeFocused();
  await expect(newest).toBeInViewport();
  await expect(stream(page).getByRole("heading", { name: "Breaking 20" })).toBeInViewport();
});

async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(name);
  await page.screenshot({ path, fullPage: false });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

test("the live page fits a 360 px phone and a wide desktop, in light and dark (screenshots attached)", async ({
  page,
  newsroom,
}, testInfo) => {
  const blog = await newsroom.createBlog({
    prefix: "layout",
    title: `Storm Orla makes landfall: live updates from the coast ${uid()}`,
    summary: "Red warnings are in place along the western coast; ferries are cancelled and schools closed.",
  });
  const key = await newsroom.publish(blog.slug, {
    headline: "What we know so far",
    body: "<ul><li>Winds of 150 km/h</li><li>40,000 homes without power</li></ul>",
    keyEvent: true,
  });
  await newsroom.pin(blog.slug, key.id);
  await newsroom.publish(blog.slug, {
    headline: "Red warning issued",
    body: "<p>The national weather service has issued a red warning.</p>",
    label: "Breaking",
    keyEvent: true,
  });
  await newsroom.publish(blog.slug, {
    body: "<p>A very long address that must wrap: https://example.org/storm/orla/updates/2026/a-very-long-path-without-any-spaces-at-all-to-break</p>",
  });
  await newsroom.publish(blog.slug, {
    headline: "Ferries cancelled",
    body: "<p>All crossings are off today.</p>",
    label: "Full report",
  });

  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.setViewportSize({ width: 360, height: 740 });
    await openLive(page, blog.slug);
    await expect(page.getByTestId("readers")).toHaveText("1 reading now");
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth),
      "no horizontal scroll at 360 px",
    ).toBeLessThanOrEqual(360);

    await page.setViewportSize({ width: 375, height: 812 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await screenshot(page, testInfo, `live-375-${colorScheme}.png`);

    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    await screenshot(page, testInfo, `live-1280-${colorScheme}.png`);
  }
});
