// JavaScript budgets, measured from what the browser transferred (never from timing): the embed goes into
// other sites' articles and must stay small; the reader page is most readers' first load, often on a phone.
// The demo blog (a server of its own, started with LIVELINE_DEMO=1 on an empty database) is the reference
// page; docs/performance.md records the measured sizes.
import { test as base, expect, type Page } from "@playwright/test";
import { startTestServer, type TestServer } from "../server/test/harness.ts";
import { ensureBuild } from "../scripts/ensure-build.ts";

const KB = 1024;
const EMBED_BUDGET = 60 * KB;
const READER_BUDGET = 150 * KB;
const DEMO_SLUG = "storm-orla-live";

const test = base.extend<object, { demo: TestServer }>({
  demo: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      process.env.NEXT_TELEMETRY_DISABLED = "1";
      ensureBuild();
      // No users: the process seeds the demo blog on its first start, as `npm start` on a fresh install does.
      const server = await startTestServer({ seedUsers: false, env: { LIVELINE_DEMO: "1" } });
      try {
        await use(server);
      } finally {
        await server.dispose();
      }
    },
    { scope: "worker", timeout: 300_000 },
  ],
});

interface JavaScriptTransfer {
  url: string;
  /** Bytes of the body as sent over the wire (compressed), headers not counted. */
  bodyBytes: number;
  encoding: string;
}

/**
 * Loads `url` in a fresh page and returns every JavaScript response it transferred until the network went
 * quiet, with its body's size on the wire (Chromium's count of encoded bytes, less the headers').
 */
async function javaScriptTransferred(page: Page, url: string, ready: (page: Page) => Promise<void>) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  const responses = new Map<string, { url: string; type: string; headerBytes: number; encoding: string }>();
  const transfers: JavaScriptTransfer[] = [];
  cdp.on("Network.responseReceived", ({ requestId, type, response }) => {
    const headers = Object.fromEntries(Object.entries(response.headers).map(([k, v]) => [k.toLowerCase(), v]));
    responses.set(requestId, {
      url: response.url,
      type,
      headerBytes: response.encodedDataLength,
      encoding: String(headers["content-encoding"] ?? "identity"),
    });
  });
  cdp.on("Network.loadingFinished", ({ requestId, encodedDataLength }) => {
    const response = responses.get(requestId);
    if (response?.type !== "Script") return;
    transfers.push({
      url: response.url,
      bodyBytes: encodedDataLength - response.headerBytes,
      encoding: response.encoding,
    });
  });
  await page.goto(url);
  await ready(page);
  await page.waitForLoadState("networkidle");
  await cdp.detach();
  return transfers;
}

function report(what: string, transfers: JavaScriptTransfer[]): number {
  const total = transfers.reduce((sum, t) => sum + t.bodyBytes, 0);
  const lines = transfers
    .toSorted((a, b) => b.bodyBytes - a.bodyBytes)
    .map((t) => `  ${(t.bodyBytes / KB).toFixed(1).padStart(6)} KB ${t.encoding.padEnd(8)} ${new URL(t.url).pathname}`);
  console.log(`${what}: ${(total / KB).toFixed(1)} KB of JavaScript in ${transfers.length} files\n${lines.join("\n")}`);
  return total;
}

test("the embed page transfers at most 60 KB of gzipped JavaScript", async ({ page, demo }) => {
  const transfers = await javaScriptTransferred(page, `${demo.url}/embed/${DEMO_SLUG}`, async (p) => {
    await expect(p.locator("[data-connection]")).toHaveAttribute("data-connection", "live");
  });
  const total = report("embed", transfers);
  expect(transfers.length).toBeGreaterThan(0);
  // Measured compressed, as served: every script came gzipped.
  for (const transfer of transfers) expect(transfer.encoding, transfer.url).toBe("gzip");
  expect(total).toBeLessThanOrEqual(EMBED_BUDGET);
  // None of the reader app's framework: the embed is not a Next.js page.
  expect(transfers.filter((t) => t.url.includes("/_next/"))).toEqual([]);
});

test("the reader page transfers at most 150 KB of gzipped JavaScript", async ({ page, demo }) => {
  const transfers = await javaScriptTransferred(page, `${demo.url}/live/${DEMO_SLUG}`, async (p) => {
    await expect(p.locator("[data-connection]").first()).toHaveAttribute("data-connection", "live");
  });
  const total = report("reader", transfers);
  expect(transfers.length).toBeGreaterThan(0);
  for (const transfer of transfers) expect(transfer.encoding, transfer.url).toBe("gzip");
  expect(total).toBeLessThanOrEqual(READER_BUDGET);
});
