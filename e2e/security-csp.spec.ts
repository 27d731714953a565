// Under the nonce-based Content-Security-Policy (server/http/security-headers.ts) the pages still run:
// a reader page hydrates, opens its WebSocket and shows an entry as it is published; a journalist signs in
// through the form and follows the newsroom live. The browser reports no violation on the way.
import type { Page } from "@playwright/test";
import { openWorkspace, newsroomStream, streamEntry } from "./fixtures/newsroom.ts";
import { signInThroughPage } from "./fixtures/newsroom-session.ts";
import { expect, test } from "./fixtures/server.ts";

/** Everything the browser refuses under the policy, across navigations: violation events and console reports. */
async function recordViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction("__reportCspViolation", (report: string) => void violations.push(report));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __reportCspViolation: (report: string) => void }).__reportCspViolation;
      void report(`${event.effectiveDirective} blocked ${event.blockedURI || "inline"} at ${event.documentURI}`);
    });
  });
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

/** The page's socket.io WebSockets that received frames (connect-src lets them through). */
function recordWebSockets(page: Page): Set<string> {
  const open = new Set<string>();
  page.on("websocket", (socket) => {
    if (socket.url().includes("/socket.io/")) socket.on("framereceived", () => open.add(socket.url()));
  });
  return open;
}

test("a reader page hydrates, connects over WebSocket and shows a new entry live, with no CSP violation", async ({
  page,
  newsroom,
}) => {
  const violations = await recordViolations(page);
  const sockets = recordWebSockets(page);
  const { slug } = await newsroom.createBlog({ prefix: "csp-reader" });
  await newsroom.publish(slug, {
    body: '<p>The harbour at dawn</p><figure><img src="/demo/orla-harbour.svg" alt="The harbour"></figure>',
  });

  await page.goto(`/live/${slug}`);
  await expect(page.locator("[data-connection]")).toHaveAttribute("data-connection", "live");
  // An image from this site loads (img-src 'self').
  await expect
    .poll(() => page.getByAltText("The harbour").evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBeGreaterThan(0);

  const entry = await newsroom.publish(slug, { headline: "Polls close", body: "<p>Counting starts now.</p>" });
  await expect(page.locator(`article#entry-${entry.id}`)).toContainText("Counting starts now.");
  expect(sockets.size, "a socket.io WebSocket received frames").toBeGreaterThan(0);
  expect(violations).toEqual([]);
});

test("a journalist signs in through the form and follows the newsroom live, with no CSP violation", async ({
  page,
  server,
  newsroom,
}) => {
  const violations = await recordViolations(page);
  const sockets = recordWebSockets(page);
  const { slug } = await newsroom.createBlog({ prefix: "csp-desk" });

  await page.goto("/admin/login");
  await signInThroughPage(page, server.users.journalist);
  await expect(page.getByRole("banner")).toContainText("Signed in as Test journalist (journalist)");

  await openWorkspace(page, slug);
  const entry = await newsroom.publish(slug, { body: "<p>From the editor's desk</p>" });
  await expect(streamEntry(page, entry.id)).toContainText("From the editor's desk");
  await expect(newsroomStream(page)).toBeVisible();
  expect(sockets.size, "a socket.io WebSocket received frames").toBeGreaterThan(0);
  expect(violations).toEqual([]);
});

test("a handler in markup injected into a page does not run, and the recorder notices (control)", async ({ page }) => {
  const violations = await recordViolations(page);
  await page.goto("/");
  // What the sanitizer exists to stop, as if it had slipped through.
  await page.evaluate(() =>
    document.body.insertAdjacentHTML("beforeend", '<img src="/no-such-image.png" onerror="window.__ran = true">'),
  );
  await expect.poll(() => violations.some((v) => v.startsWith("script-src-attr blocked inline"))).toBe(true);
  expect(await page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran)).toBeUndefined();
});
