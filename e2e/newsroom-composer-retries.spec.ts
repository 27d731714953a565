// An editor publishes while the server or the network fails: the composer keeps the text, says what
// happened, and the retry carries the same Idempotency-Key, so the entry is published exactly once.
import type { Page, Route } from "@playwright/test";
import type { TestServer } from "../server/test/harness.ts";
import { expect, test, type Newsroom } from "./fixtures/server.ts";
import { composer, entriesOf, entryText, openWorkspace, signIn } from "./fixtures/newsroom.ts";

const uid = () => Math.random().toString(36).slice(2, 8);
const ENTRIES = /\/api\/blogs\/[^/]+\/entries$/;

test("a 503 keeps the draft and shows the message; the retry publishes once with the same key", async ({
  page,
  server,
  newsroom,
}) => {
  const { blog, form, words } = await composerWithText(page, server, newsroom, {
    prefix: "retry",
    words: `Flood barriers are up ${uid()}`,
  });
  const keys = await breakFirstPublish(page, (route) =>
    route.fulfill({
      status: 503,
      headers: { "content-type": "application/json", "retry-after": "2" },
      body: JSON.stringify({ error: "the database is busy or unavailable; try again shortly", code: "UNAVAILABLE" }),
    }),
  );

  await form.getByRole("button", { name: "Publish now" }).click();
  await expect(form.getByRole("alert")).toContainText("the database is busy or unavailable; try again shortly");
  await expect(entryText(form)).toContainText(words);
  // The draft (and its key) survive a reload too.
  await page.reload();
  await expect(entryText(composer(page))).toContainText(words);

  await composer(page).getByRole("button", { name: "Publish now" }).click();
  await expect(composer(page).getByText("Published.", { exact: true })).toBeVisible();
  expect(keys).toHaveLength(2);
  expect(keys[0]).toMatch(/^[0-9a-f]{32}$/);
  expect(keys[1]).toBe(keys[0]);
  expect((await entriesOf(server, blog.slug)).filter((e) => e.body.includes(words))).toHaveLength(1);
});

test("an answer lost on the network: the retry gets the entry already published, not a second one", async ({
  page,
  server,
  newsroom,
}) => {
  const { blog, form, words } = await composerWithText(page, server, newsroom, {
    prefix: "lost",
    words: `Bridge reopens ${uid()}`,
  });
  const keys = await breakFirstPublish(page, async (route) => {
    // The server gets the request and publishes; the browser never hears back.
    await route.fetch();
    await route.abort("connectionreset");
  });

  await form.getByRole("button", { name: "Publish now" }).click();
  await expect(form.getByRole("alert")).toContainText("Could not reach the server");
  await expect(entryText(form)).toContainText(words);
  await form.getByRole("button", { name: "Publish now" }).click();
  await expect(form.getByText("Published.", { exact: true })).toBeVisible();
  expect(keys).toEqual([keys[0], keys[0]]);
  expect((await entriesOf(server, blog.slug)).filter((e) => e.body.includes(words))).toHaveLength(1);

  // The next entry gets a new key.
  await entryText(form).click();
  await entryText(form).pressSequentially(`Another update ${uid()}`);
  await form.getByRole("button", { name: "Publish now" }).click();
  await expect.poll(async () => (await entriesOf(server, blog.slug)).length).toBe(2);
  expect(keys).toHaveLength(3);
  expect(keys[2]).not.toBe(keys[0]);
});

/** An editor with `words` typed in a new blog's composer. */
async function composerWithText(
  page: Page,
  server: TestServer,
  newsroom: Newsroom,
  { prefix, words }: { prefix: string; words: string },
) {
  const blog = await newsroom.createBlog({ prefix });
  await signIn(page.context(), server.users.editor);
  await openWorkspace(page, blog.slug);
  const form = composer(page);
  await entryText(form).click();
  await entryText(form).pressSequentially(words);
  return { blog, form, words };
}

/** Lets `breakIt` answer the first publish request; later ones go through. Returns each request's Idempotency-Key, as sent. */
async function breakFirstPublish(page: Page, breakIt: (route: Route) => Promise<void>): Promise<string[]> {
  const keys: string[] = [];
  let broken = false;
  await page.route(ENTRIES, async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    keys.push(route.request().headers()["idempotency-key"] ?? "");
    if (broken) return route.continue();
    broken = true;
    await breakIt(route);
  });
  return keys;
}
