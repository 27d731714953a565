// Accessibility: axe-core finds no serious or critical violation on the reader and newsroom pages, in light
// and dark mode, and the main paths work with the keyboard alone, with a visible focus.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { test } from "./fixtures/server";
import { signInThroughApi } from "./fixtures/newsroom-session";

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

async function expectNoSeriousViolations(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const report = serious.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 5)
        .join("\n  ")}`,
  );
  expect(report, `${what}: axe violations`).toEqual([]);
}

/** The focused element shows a focus indicator: an outline or a ring (box-shadow). */
async function expectVisibleFocus(page: Page): Promise<string> {
  const focus = await page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    const ring = style.boxShadow !== "none";
    return {
      label: `${element.tagName.toLowerCase()} "${(element.textContent ?? "").trim().slice(0, 40)}"`,
      visible: outline || ring,
    };
  });
  expect(focus, "something has focus").not.toBeNull();
  expect(focus!.visible, `focus is visible on ${focus!.label}`).toBe(true);
  return focus!.label;
}

test.describe("axe-core scans", () => {
  for (const colorScheme of ["light", "dark"] as const) {
    test(`reader pages have no serious violations (${colorScheme})`, async ({ page, newsroom }) => {
      await page.emulateMedia({ colorScheme });
      const blog = await newsroom.createBlog({
        prefix: "a11y",
        title: "Accessible live blog",
        summary: "Everything about the test.",
      });
      const first = await newsroom.publish(blog.slug, {
        headline: "Key points",
        body: "<ul><li>One</li><li>Two</li></ul>",
        label: "Breaking",
        keyEvent: true,
      });
      await newsroom.pin(blog.slug, first.id);
      for (let i = 0; i < 22; i++) {
        await newsroom.publish(blog.slug, {
          ...(i % 3 === 0 ? { headline: `Update ${i}` } : {}),
          body: `<p>Body ${i} with <a href="https://example.org/${i}">a link</a>.</p><blockquote><p>A quote</p></blockquote>`,
        });
      }
      await page.goto("/");
      await expectNoSeriousViolations(page, "/");
      await page.goto(`/live/${blog.slug}`);
      await expect(page.locator('[data-connection="live"]')).toBeVisible();
      await expectNoSeriousViolations(page, "live blog page");
      await page.goto(`/live/${blog.slug}/entries/${first.id}`);
      // Pinned, and older than the stream's first page: shown in the pinned area.
      await expect(page.locator(`#pinned-${first.id}`)).toBeVisible();
      await expectNoSeriousViolations(page, "entry permalink");
      await page.goto("/live/no-such-blog");
      await expectNoSeriousViolations(page, "404 page");
    });
  }

  test("newsroom pages have no serious violations", async ({ page, context, server, newsroom }) => {
    const blog = await newsroom.createBlog({ prefix: "a11y-admin" });
    await newsroom.publish(blog.slug, { headline: "Published", body: "<p>Text</p>" });
    await page.goto("/admin/login");
    await expectNoSeriousViolations(page, "/admin/login");
    await signInThroughApi(context, server.users.admin);
    const pages = [
      "/admin",
      "/admin/blogs/new",
      `/admin/blogs/${blog.slug}`,
      `/admin/blogs/${blog.slug}/settings`,
      `/admin/blogs/${blog.slug}/audit`,
      "/admin/users",
      "/admin/tokens",
    ];
    for (const path of pages) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
      await expectNoSeriousViolations(page, path);
    }
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto(`/admin/blogs/${blog.slug}`);
    await expectNoSeriousViolations(page, "workspace (dark)");
  });
});

test.describe("keyboard only", () => {
  test("a reader tabs to Load older, with a visible focus on every stop, and loads older updates", async ({
    page,
    newsroom,
  }) => {
    const blog = await newsroom.createBlog({ prefix: "keys" });
    for (let i = 0; i < 23; i++)
      await newsroom.publish(blog.slug, { headline: `Update ${i}`, body: `<p>Body ${i}</p>` });
    await page.goto(`/live/${blog.slug}`);
    await expect(page.locator('[data-connection="live"]')).toBeVisible();
    const stream = page.getByTestId("stream");
    await expect(stream.locator("article")).toHaveCount(20);

    const loadOlder = page.getByRole("button", { name: "Load older" });
    let reached = false;
    for (let stop = 0; stop < 200 && !reached; stop++) {
      await page.keyboard.press("Tab");
      await expectVisibleFocus(page);
      reached = await loadOlder.evaluate((button) => button === document.activeElement);
    }
    expect(reached, "Load older is reachable with Tab").toBe(true);
    await page.keyboard.press("Enter");
    await expect(stream.locator("article")).toHaveCount(23);
  });

  test("an editor signs in and publishes with the keyboard alone", async ({ page, server }) => {
    const blogSlug = `keys-admin-${Date.now().toString(36)}`;
    const created = await (
      await fetch(`${server.url}/api/blogs`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${server.users.editor.token}` },
        body: JSON.stringify({ slug: blogSlug, title: "Keyboard blog" }),
      })
    ).json();
    expect(created.blog.slug).toBe(blogSlug);

    await page.goto(`/admin/login?next=${encodeURIComponent(`/admin/blogs/${blogSlug}`)}`);
    await page.getByLabel("Email").focus();
    await page.keyboard.type(server.users.editor.email);
    await page.keyboard.press("Tab");
    await page.keyboard.type(server.users.editor.password);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/admin/blogs/${blogSlug}$`));

    // A person starts typing once the form can take it (before hydration its fields are closed).
    const headline = page.getByLabel(/headline/i).first();
    await expect(headline).toBeEditable();
    await headline.focus();
    await page.keyboard.type("Typed without a mouse");
    // Tab on to the editor, type the body, then on to Publish now.
    const editor = page.locator('[contenteditable="true"]').first();
    for (let stop = 0; stop < 30; stop++) {
      if (await editor.evaluate((el) => el === document.activeElement || el.contains(document.activeElement))) break;
      await page.keyboard.press("Tab");
      await expectVisibleFocus(page).catch(() => undefined);
    }
    await expect(editor).toBeFocused();
    await page.keyboard.type("A body typed with the keyboard.");
    const publish = page.getByRole("button", { name: "Publish now" });
    for (let stop = 0; stop < 30; stop++) {
      if (await publish.evaluate((button) => button === document.activeElement)) break;
      await page.keyboard.press("Tab");
    }
    await expect(publish).toBeFocused();
    await expectVisibleFocus(page);
    await page.keyboard.press("Enter");
    const reader = await page.context().newPage();
    await reader.goto(`/live/${blogSlug}`);
    await expect(reader.getByRole("heading", { name: "Typed without a mouse" })).toBeVisible();
  });
});
