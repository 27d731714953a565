// A news site pastes the newsroom's embed snippet into an article on its own domain: the live blog shows in
// an iframe that grows with its content as updates are published.
import { closeHostPages, contentHeight, frameHeight, openHostPage } from "./fixtures/embed-host.ts";
import { signIn } from "./fixtures/newsroom.ts";
import { expect, test } from "./fixtures/server.ts";

test.afterEach(closeHostPages);

test("the embed snippet from blog settings shows the live blog on another site, follows its height and gets live updates", async ({
  page,
  browser,
  baseURL,
  server,
  newsroom,
}) => {
  const { slug, title } = await newsroom.createBlog({ prefix: "embed", title: "Marathon live" });
  await newsroom.publish(slug, { headline: "Start", body: "<p>Runners are off.</p>" });

  // The editor copies the snippet from the blog's settings.
  const editorContext = await browser.newContext({ baseURL });
  await editorContext.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  await signIn(editorContext, server.users.editor);
  const settings = await editorContext.newPage();
  await settings.goto(`/admin/blogs/${slug}/settings`);
  const snippet = await settings.getByLabel("Embed code").inputValue();
  expect(snippet).toContain(`<iframe src="${baseURL}/embed/${slug}"`);
  expect(snippet).toContain(`<script async src="${baseURL}/embed.js"></script>`);
  await settings.getByRole("button", { name: "Copy embed code" }).click();
  await expect(settings.getByTestId("embed-copy-status")).toHaveText("Copied");
  expect(await settings.evaluate(() => navigator.clipboard.readText())).toBe(snippet);
  await editorContext.close();

  await openHostPage(page, snippet);
  const frame = page.frameLocator("iframe[data-liveline]");
  await expect(frame.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(frame.locator("[data-connection]")).toHaveAttribute("data-connection", "live");
  const readOn = frame.getByRole("link", { name: /Read more on Liveline/ });
  await expect(readOn).toHaveAttribute("href", `${baseURL}/live/${slug}`);
  await expect(readOn).toHaveAttribute("target", "_blank");
  await expect(page.getByRole("navigation")).toHaveCount(0);

  // The iframe is as tall as its content (not the snippet's 600 px).
  await expect
    .poll(async () => Math.abs((await frameHeight(page)) - (await contentHeight(page))))
    .toBeLessThanOrEqual(1);
  const before = await frameHeight(page);
  expect(before).toBeLessThan(600);

  // Updates arrive live and the frame grows with them.
  for (let i = 1; i <= 4; i++) {
    await newsroom.publish(slug, {
      headline: `Kilometre ${i * 10}`,
      body: `<p>${"The leaders pass the water station. ".repeat(8)}</p>`,
    });
  }
  await expect(frame.getByRole("heading", { name: "Kilometre 40" })).toBeVisible();
  await expect.poll(() => frameHeight(page)).toBeGreaterThan(before + 200);
  await expect
    .poll(async () => Math.abs((await frameHeight(page)) - (await contentHeight(page))))
    .toBeLessThanOrEqual(1);
  // The host page scrolls; the frame itself does not need to.
  expect(await frame.locator("html").evaluate((html) => html.scrollHeight <= html.clientHeight + 1)).toBe(true);

  // A resize message from anyone but Liveline is ignored.
  const settled = await frameHeight(page);
  await page.evaluate((s) => window.postMessage({ type: "liveline:resize", slug: s, height: 5 }, "*"), slug);
  await page.waitForFunction(() => new Promise((resolve) => requestAnimationFrame(() => resolve(true))));
  expect(await frameHeight(page)).toBe(settled);
});

test("a placeholder div becomes a sized embed", async ({ page, baseURL, newsroom }) => {
  const { slug, title } = await newsroom.createBlog({ prefix: "embed-div", title: "Budget day live" });
  await newsroom.publish(slug, { body: "<p>The chancellor rises at 12:30.</p>" });
  await openHostPage(
    page,
    `<div data-liveline-embed="${slug}"></div><script async src="${baseURL}/embed.js"></script>`,
  );
  await expect(
    page.frameLocator("iframe[data-liveline]").getByRole("heading", { level: 1, name: title }),
  ).toBeVisible();
  await expect
    .poll(async () => Math.abs((await frameHeight(page)) - (await contentHeight(page))))
    .toBeLessThanOrEqual(1);
  expect(await frameHeight(page)).toBeLessThan(600);
});
