// An admin gives the site the publisher's own brand (name, logo, accent colour) in the newsroom's settings page;
// readers then see it in the header, search engines in the JSON-LD, and the accent on the live badge and links.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures/server.ts";
import { signInThroughApi } from "./fixtures/newsroom-session.ts";
import { apiClient } from "../server/test/harness.ts";

/** A 1×1 PNG, enough for an uploaded logo. */
const TINY_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==",
  "base64",
);

const DEFAULTS = { name: "Liveline", logoUrl: null, accentColor: "#b91c1c", timeZone: "UTC", locale: "en-GB" };

test.afterEach(async ({ server }) => {
  // One server serves a worker's specs: give the next one the default brand back.
  const answer = await apiClient(server.url, server.users.admin.token)("PUT", "/api/settings/publisher", DEFAULTS);
  expect(answer.status).toBe(200);
});

test("an admin sets the name, logo and accent; readers, search engines and the newsroom see them", async ({
  page,
  context,
  browser,
  server,
  newsroom,
}) => {
  test.slow(); // two pages, an upload and two accessibility scans
  const { slug } = await newsroom.createBlog({ prefix: "brand", title: "Harbour storm live" });
  await newsroom.publish(slug, {
    headline: "Wall breached",
    body: '<p>See <a href="https://example.org">the map</a>.</p>',
  });

  await signInThroughApi(context, server.users.admin);
  await page.goto("/admin");
  await page.getByRole("navigation", { name: "Newsroom" }).getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(/\/admin\/settings$/);
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();

  const form = page.getByRole("region", { name: "Brand" });
  const preview = page.getByTestId("publisher-preview");
  await form.getByLabel("Publisher name").fill("The Harbour Times");
  await expect(preview).toContainText("The Harbour Times");

  // A colour readers could not read on white is named at the field and not sent.
  await form.getByLabel("Accent colour", { exact: true }).fill("#ffdd00");
  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(form.getByLabel("Accent colour", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByText(/must contrast at least 4\.5:1 with white/)).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "Fix the fields marked below" })).toBeVisible();

  await form.getByLabel("Accent colour", { exact: true }).fill("#1d4ed8");
  await expect(form.getByLabel("Accent colour", { exact: true })).not.toHaveAttribute("aria-invalid", "true");
  // The preview's live badge takes the accent as it is typed.
  await expect(preview.locator("span.bg-accent").filter({ hasText: /^Live$/ })).toHaveCSS(
    "background-color",
    "rgb(29, 78, 216)",
  );

  await form.locator('input[type="file"]').setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: TINY_PNG });
  await expect(form.getByLabel("Logo URL")).toHaveValue(/^\/uploads\/[0-9a-f]+\.png$/);
  const logoUrl = await form.getByLabel("Logo URL").inputValue();
  await expect(preview.locator("img")).toHaveAttribute("src", logoUrl);

  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);

  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await expect(page.getByRole("banner")).toContainText("The Harbour Times Newsroom");
  await expect(page).toHaveTitle("Settings · The Harbour Times Newsroom");

  // A reader opens the blog.
  const readerContext = await browser.newContext({ baseURL: server.url });
  const reader = await readerContext.newPage();
  await reader.goto(`/live/${slug}`);
  const home = reader.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "The Harbour Times" });
  await expect(home).toBeVisible();
  await expect(home).toHaveAttribute("href", "/");
  await expect(home.locator("img")).toHaveAttribute("src", logoUrl);
  await expect(home.locator("img")).toHaveJSProperty("complete", true);
  expect(await home.locator("img").evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
  await expect(reader).toHaveTitle("Harbour storm live · The Harbour Times");

  const jsonLd = JSON.parse((await reader.locator('script[type="application/ld+json"]').textContent()) ?? "{}") as {
    publisher: unknown;
  };
  expect(jsonLd.publisher).toEqual({
    "@type": "Organization",
    name: "The Harbour Times",
    url: `${server.url}/`,
    logo: { "@type": "ImageObject", url: `${server.url}${logoUrl}` },
  });
  await expect(reader.locator('meta[property="og:site_name"]')).toHaveAttribute("content", "The Harbour Times");

  // The accent reaches the live badge and links in entries (light scheme; dark uses a lightened mix of it).
  await expect(
    reader
      .locator("span.bg-accent")
      .filter({ hasText: /^Live$/ })
      .first(),
  ).toHaveCSS("background-color", "rgb(29, 78, 216)");
  await expect(reader.getByRole("link", { name: "the map" })).toHaveCSS("color", "rgb(29, 78, 216)");
  await expect(reader.locator("html")).toHaveAttribute("lang", "en-GB");

  const readerAxe = await new AxeBuilder({ page: reader }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  expect(readerAxe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
  await readerContext.close();
});

test("editors have no settings page: no link, and the address sends them away", async ({ page, context, server }) => {
  await signInThroughApi(context, server.users.editor);
  await page.goto("/admin");
  await expect(page.getByRole("navigation", { name: "Newsroom" }).getByRole("link", { name: "Settings" })).toHaveCount(
    0,
  );
  await page.goto("/admin/settings");
  await expect(page).toHaveURL(/\/admin\?denied=1$/);
});
