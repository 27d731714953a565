// Hostile markup published through the API must never run in a reader's browser: on the live page
// (arriving live, then server-rendered), in the newsroom's stream and in the embed. The API must store
// the cleaned form, or refuse the body outright when it holds an image from another site (400).
// Payloads: e2e/fixtures/xss-corpus.ts.
import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import type { EntryDTO } from "../common/contracts/dto.ts";
import { apiClient, type TestServer } from "../server/test/harness.ts";
import { XSS_CORPUS, type XssPayload } from "./fixtures/xss-corpus.ts";
import { expect, test } from "./fixtures/server.ts";
import { openWorkspace } from "./fixtures/newsroom.ts";

declare global {
  interface Window {
    __xss?: string[];
    __xssHit?: (what: string) => void;
  }
}

type StoredEntry = Pick<EntryDTO, "id" | "headline" | "body">;

/** Fewer than a page (20) per blog, so every entry is on screen without "Load older". */
const CHUNK = 15;

/** A writer of its own, so this spec's hundred writes do not eat the shared editor's rate limit. */
async function dedicatedEditor(server: TestServer): Promise<ReturnType<typeof apiClient>> {
  const admin = apiClient(server.url, server.users.admin.token);
  const email = `xss-${randomBytes(4).toString("hex")}@test.liveline`;
  const user = await admin<{ user: { id: string } }>("POST", "/api/users", {
    email,
    role: "EDITOR",
    password: "xss editor password",
  });
  expect(user.status).toBe(201);
  const token = await admin<{ token: string }>("POST", "/api/tokens", { name: "xss", userId: user.body.user.id });
  expect(token.status).toBe(201);
  return apiClient(server.url, token.body.token);
}

/** Anything that ran: alert/confirm/prompt or a direct call, in any frame, and scripts or pages fetched from evil hosts. */
async function trap(page: Page, server: TestServer): Promise<{ hits: string[]; foreign: string[] }> {
  const hits: string[] = [];
  const foreign: string[] = [];
  await page.exposeFunction("__xssHit", (what: string) => hits.push(what));
  await page.addInitScript(() => {
    const hit = (what: string) => {
      window.__xss = [...(window.__xss ?? []), what];
      try {
        (window.__xssHit ?? window.top?.__xssHit)?.(what);
      } catch {
        // a cross-origin frame: the global above still records it
      }
    };
    window.alert = () => hit("alert");
    window.confirm = () => {
      hit("confirm");
      return false;
    };
    window.prompt = () => {
      hit("prompt");
      return null;
    };
  });
  const ours = new URL(server.url).host;
  page.on("request", (request) => {
    const url = new URL(request.url());
    const kind = request.resourceType();
    // YouTube's no-cookie player is the one frame entries may hold.
    const allowed = url.host === ours || (kind === "document" && url.origin === "https://www.youtube-nocookie.com");
    if (
      ["script", "document", "stylesheet", "object", "other"].includes(kind) &&
      !allowed &&
      url.protocol !== "data:"
    ) {
      foreign.push(`${kind} ${request.url()}`);
    }
  });
  page.on("dialog", (dialog) => {
    hits.push(`dialog ${dialog.type()}`);
    void dialog.dismiss();
  });
  return { hits, foreign };
}

/** What a cleaned body must never hold. */
function dangersIn(html: string): string[] {
  const found: string[] = [];
  if (/<script/i.test(html)) found.push("<script");
  // Attribute names only: an escaped "onerror=" inside a quoted alt text is text, not an attribute.
  const withoutValues = html.replace(/"[^"]*"|'[^']*'/g, '""');
  if (/<[^>]+\son[a-z]+\s*=/i.test(withoutValues)) found.push("on…= attribute");
  if (/(javascript|vbscript)\s*:/i.test(html)) found.push("javascript:/vbscript:");
  if (/(href|src|cite|action|data)\s*=\s*["']?\s*data:/i.test(html)) found.push("data: URL");
  if (
    /<(style|link|meta|base|form|object|embed|svg|math|template|noscript|textarea|input|select|details|body|video|audio)\b/i.test(
      html,
    )
  )
    found.push("a forbidden element");
  if (/<[^>]+\sstyle\s*=/i.test(withoutValues)) found.push("style attribute");
  if (/<[^>]+\ssrcdoc\s*=/i.test(withoutValues)) found.push("srcdoc");
  for (const m of html.matchAll(/<iframe[^>]*\ssrc="([^"]*)"/gi)) {
    if (!/^https:\/\/www\.youtube-nocookie\.com\/embed\/[A-Za-z0-9_-]+$/.test(m[1]!)) found.push(`iframe ${m[1]}`);
  }
  return found;
}

/** The same checks on the live DOM, inside every entry body on the page. */
async function domDangers(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const body of document.querySelectorAll(".entry-body")) {
      for (const el of body.querySelectorAll("*")) {
        const tag = el.tagName.toLowerCase();
        if (
          [
            "script",
            "style",
            "link",
            "meta",
            "base",
            "form",
            "object",
            "embed",
            "svg",
            "math",
            "template",
            "noscript",
            "textarea",
            "input",
            "select",
          ].includes(tag)
        ) {
          found.push(`<${tag}>`);
        }
        for (const attr of el.getAttributeNames()) {
          const value = el.getAttribute(attr) ?? "";
          if (attr.startsWith("on") || attr === "style" || attr === "srcdoc" || attr === "formaction")
            found.push(`${tag}[${attr}]`);
          // A URL attribute may be http(s), mailto or relative to this site; no other scheme, no protocol-relative host.
          const url = value.trim();
          const schemeOk = !/^[a-z][a-z0-9+.-]*:/i.test(url) || /^(https?|mailto):/i.test(url);
          if (["href", "src", "cite", "action", "data"].includes(attr) && (!schemeOk || url.startsWith("//")))
            found.push(`${tag}[${attr}=${value}]`);
        }
        if (tag === "iframe" && !/^https:\/\/www\.youtube-nocookie\.com\/embed\//.test(el.getAttribute("src") ?? ""))
          found.push(`iframe ${el.getAttribute("src")}`);
        if (tag === "a" && !/noopener/.test(el.getAttribute("rel") ?? "")) found.push("a without noopener");
      }
    }
    return found;
  });
}

async function expectNothingRan(
  page: Page,
  trapped: { hits: string[]; foreign: string[] },
  where: string,
): Promise<void> {
  // Give timers, lazy frames and refreshes a moment to do their worst.
  await page.waitForTimeout(300);
  expect(trapped.hits, `${where}: script ran`).toEqual([]);
  expect(await page.evaluate(() => window.__xss ?? []), `${where}: script ran`).toEqual([]);
  expect(trapped.foreign, `${where}: fetched from another site`).toEqual([]);
  expect(await domDangers(page), `${where}: dangerous markup in the DOM`).toEqual([]);
}

const chunks: XssPayload[][] = [];
for (let i = 0; i < XSS_CORPUS.length; i += CHUNK) chunks.push(XSS_CORPUS.slice(i, i + CHUNK));

test("the corpus is big enough to mean something", () => {
  expect(XSS_CORPUS.length).toBeGreaterThanOrEqual(60);
  expect(new Set(XSS_CORPUS.map((p) => p.id)).size).toBe(XSS_CORPUS.length);
});

test("the trap notices a script that does run (control)", async ({ page, server }) => {
  const trapped = await trap(page, server);
  await page.goto("/");
  await page.evaluate(() => {
    const img = document.createElement("img");
    img.onerror = () => alert("control");
    img.src = "/no-such-image.png";
    document.body.append(img);
  });
  await expect.poll(() => trapped.hits).toEqual(["alert"]);
});

for (const [index, chunk] of chunks.entries()) {
  test(`XSS corpus part ${index + 1}/${chunks.length} (${chunk[0]!.id} … ${chunk.at(-1)!.id}) runs nowhere and is stored cleaned`, async ({
    page,
    server,
    newsroom,
    browser,
  }) => {
    test.setTimeout(90_000);
    const writer = await dedicatedEditor(server);
    const { slug } = await newsroom.createBlog({ prefix: `xss-${index + 1}` });
    const trapped = await trap(page, server);

    // Live: the reader is on the page when the entries arrive over the socket.
    await page.goto(`/live/${slug}`);
    await expect(page.locator("[data-connection]")).toHaveAttribute("data-connection", "live");
    const stored: { payload: XssPayload; entry: StoredEntry }[] = [];
    for (const payload of chunk) {
      const answer = await writer<{ entry: StoredEntry; error?: string }>("POST", `/api/blogs/${slug}/entries`, {
        headline: payload.html.slice(0, 300),
        body: `<p>case ${payload.id}</p>${payload.html}`,
      });
      // An image from another site (or from no real address at all) is refused, so nothing of it is stored.
      if (answer.status === 400 && /^body: images must be uploaded here/.test(answer.body.error ?? "")) {
        expect(payload.html, `${payload.id} refused for an image it does not hold`).toMatch(/<img/i);
        continue;
      }
      expect(answer.status, `${payload.id}: ${JSON.stringify(answer.body)}`).toBe(201);
      stored.push({ payload, entry: answer.body.entry });
    }
    expect(stored.length, "entries stored in this part").toBeGreaterThan(0);
    await expect(page.getByTestId("stream").getByRole("article")).toHaveCount(stored.length);
    await expectNothingRan(page, trapped, "reader page (live)");

    // What the API stored, and answers again on a read, is the cleaned form.
    for (const { payload, entry } of stored) {
      expect(dangersIn(entry.body), `${payload.id} stored as ${entry.body}`).toEqual([]);
      const again = await writer<{ entry: StoredEntry }>("GET", `/api/blogs/${slug}/entries/${entry.id}`);
      expect(again.body.entry.body).toBe(entry.body);
      // Headlines are plain text: stored as sent, shown as text.
      expect(entry.headline).toBe(payload.html.slice(0, 300).trim() || null);
    }

    // Server-rendered: the same entries in the first HTML, headlines as literal text.
    await page.reload();
    await expect(page.locator("[data-connection]")).toHaveAttribute("data-connection", "live");
    await expect(page.getByTestId("stream").getByRole("article")).toHaveCount(stored.length);
    for (const { payload, entry } of stored.slice(0, 5)) {
      if (entry.headline)
        await expect(page.locator(`article#entry-${entry.id}`)).toContainText(entry.headline.slice(0, 40));
      void payload;
    }
    await expectNothingRan(page, trapped, "reader page (server-rendered)");
    expect(new URL(page.url()).pathname).toBe(`/live/${slug}`);

    // A permalink page renders one entry on top and its JSON-LD holds the headlines.
    await page.goto(`/live/${slug}/entries/${stored[0]!.entry.id}`);
    await expectNothingRan(page, trapped, "permalink page");

    // The embed.
    // As many updates as an embed may show (10 by default), so every one is checked.
    await page.goto(`/embed/${slug}?entries=50`);
    await expect(page.getByRole("article")).toHaveCount(stored.length);
    await expectNothingRan(page, trapped, "embed page");

    // The newsroom's workspace stream, signed in.
    const context = await browser.newContext({ baseURL: server.url });
    const login = await context.request.post("/api/auth/login", {
      data: { email: server.users.editor.email, password: server.users.editor.password },
    });
    expect(login.status()).toBe(200);
    const admin = await context.newPage();
    const adminTrapped = await trap(admin, server);
    await openWorkspace(admin, slug);
    await expect(admin.getByTestId("newsroom-stream").locator("[data-entry-id]")).toHaveCount(stored.length);
    await expectNothingRan(admin, adminTrapped, "newsroom workspace");
    await context.close();
  });
}
