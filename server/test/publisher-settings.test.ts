// The publisher's brand over real HTTP: environment defaults until an admin saves settings, who may save them,
// what is refused and why, and that a saved brand shows at once in reader pages (header, JSON-LD, metadata,
// accent), the Atom feed and the embed, although those pages were cached a moment before. With PostgreSQL and
// Redis, a second node shows it too.
import { XMLParser } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PublisherDTO } from "@/common/contracts/dto";
import { apiClient, waitFor, type TestServer } from "./harness";
import { postgres, startNodePair, type NodePair } from "./node-pair";

const SLUG = "brand-story";

const ENV_BRAND = {
  PUBLISHER_NAME: "Env Gazette",
  PUBLISHER_ACCENT: "#7f1d1d",
  PUBLISHER_TIME_ZONE: "Europe/Dublin",
  PUBLISHER_LOCALE: "en-IE",
};

const SAVED = {
  name: "The Harbour & <Quay> Times",
  logoUrl: "https://images.example/brand/logo.svg",
  accentColor: "#1D4ED8",
  timeZone: "America/New_York",
  locale: "en-us",
};

let server: TestServer;
let nodes: NodePair;
let admin: ReturnType<typeof apiClient>;

beforeAll(async () => {
  const env = {
    ...ENV_BRAND,
    IMAGE_HOSTS: "https://images.example",
    PUBLIC_URL: "https://news.example",
  };
  nodes = await startNodePair("brand", env);
  server = nodes.a;
  admin = apiClient(server.url, server.users.admin.token);
  const editor = apiClient(server.url, server.users.editor.token);
  expect((await editor("POST", "/api/blogs", { slug: SLUG, title: "Storm live" })).status).toBe(201);
  expect((await editor("POST", `/api/blogs/${SLUG}/entries`, { body: "<p>First.</p>" })).status).toBe(201);
}, 120_000);

afterAll(async () => {
  await nodes?.stop();
});

async function html(base: string, pathname: string): Promise<string> {
  const response = await fetch(base + pathname);
  expect(response.status).toBe(200);
  return response.text();
}

function jsonLdOf(page: string): { publisher: Record<string, unknown> } {
  const match = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page);
  expect(match, "the page's JSON-LD").not.toBeNull();
  return JSON.parse(match![1]!) as { publisher: Record<string, unknown> };
}

async function feedOf(base: string): Promise<{ author: { name: string }; logo?: string }> {
  const response = await fetch(`${base}/live/${SLUG}/feed.xml`);
  expect(response.status).toBe(200);
  return new XMLParser().parse(await response.text()).feed;
}

describe("publisher settings", () => {
  it("answers the environment's brand until an admin saves one, to anyone", async () => {
    const answer = await apiClient(server.url)<{ publisher: PublisherDTO }>("GET", "/api/settings/publisher");
    expect(answer.status).toBe(200);
    expect(answer.body.publisher).toEqual({
      name: "Env Gazette",
      logoUrl: null,
      accentColor: "#7f1d1d",
      timeZone: "Europe/Dublin",
      locale: "en-IE",
      updatedAt: null,
    });
    const page = await html(server.url, `/live/${SLUG}`);
    expect(page).toContain(">Env Gazette</span>");
    expect(page).toContain('<html lang="en-IE" style="--accent:#7f1d1d"');
    expect(jsonLdOf(page).publisher).toEqual({
      "@type": "Organization",
      name: "Env Gazette",
      url: "https://news.example/",
    });
    expect((await feedOf(server.url)).author.name).toBe("Env Gazette");
  });

  it("lets only admins save: 401 without a credential, 403 for editors and journalists", async () => {
    expect((await apiClient(server.url)("PUT", "/api/settings/publisher", SAVED)).status).toBe(401);
    for (const who of ["editor", "journalist"] as const) {
      const answer = await apiClient(server.url, server.users[who].token)("PUT", "/api/settings/publisher", SAVED);
      expect(answer.status).toBe(403);
      expect(answer.body.error).toBe(`a ${who} may not change the publisher settings`);
    }
    expect((await admin<{ publisher: PublisherDTO }>("GET", "/api/settings/publisher")).body.publisher.updatedAt).toBe(
      null,
    );
  });

  it("refuses a bad brand with 400 and says what is wrong", async () => {
    const refused = async (change: Record<string, unknown>) => {
      const answer = await admin("PUT", "/api/settings/publisher", { ...SAVED, ...change });
      expect(answer.status, JSON.stringify(answer.body)).toBe(400);
      return answer.body.error as string;
    };
    expect(await refused({ timeZone: "Europe/Atlantis" })).toBe(
      'timeZone: timeZone "Europe/Atlantis" is not an IANA time zone such as Europe/London',
    );
    expect(await refused({ timeZone: "+02:00" })).toMatch(/^timeZone: /);
    expect(await refused({ accentColor: "blue" })).toBe("accentColor: accentColor must be a colour as #rrggbb");
    expect(await refused({ accentColor: "#ffff00" })).toMatch(/^accentColor: .*contrast at least 4.5:1 with white/);
    expect(await refused({ logoUrl: "javascript:alert(1)" })).toBe(
      "logoUrl: logoUrl must be an https URL or a path under /uploads/",
    );
    expect(await refused({ logoUrl: "http://images.example/logo.svg" })).toMatch(/^logoUrl: /);
    expect(await refused({ logoUrl: "https://elsewhere.example/logo.svg" })).toBe(
      "logoUrl must be uploaded here (/uploads/…), or come from https://images.example (IMAGE_HOSTS): pages load images from nowhere else",
    );
    expect(await refused({ locale: "klingon please" })).toMatch(/^locale: locale "klingon please" is not a BCP 47/);
    expect(await refused({ name: "" })).toBe("name: name is required");
    expect(await refused({ name: "n".repeat(81) })).toBe("name: name must be at most 80 characters");
    expect(await refused({ owner: "me" })).toBe("owner: not a known field");
    expect((await admin<{ publisher: PublisherDTO }>("GET", "/api/settings/publisher")).body.publisher.name).toBe(
      "Env Gazette",
    );
  });

  it("shows a saved brand at once on pages, metadata, JSON-LD, the feed and the embed, cached or not", async () => {
    // Rendered and cached under the old brand first (the page cache answers the next view without rendering).
    await html(server.url, `/live/${SLUG}`);
    await html(server.url, `/embed/${SLUG}`);
    if (nodes.b) await html(nodes.b.url, `/live/${SLUG}`);

    const saved = await admin<{ publisher: PublisherDTO }>("PUT", "/api/settings/publisher", SAVED);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.publisher).toMatchObject({
      ...SAVED,
      accentColor: "#1d4ed8",
      locale: "en-US",
      updatedAt: expect.any(String),
    });

    const page = await html(server.url, `/live/${SLUG}`);
    expect(page).toContain(">The Harbour &amp; &lt;Quay&gt; Times</span>");
    expect(page).toContain('src="https://images.example/brand/logo.svg"');
    expect(page).toContain('<html lang="en-US" style="--accent:#1d4ed8"');
    expect(page).toContain('<meta property="og:site_name" content="The Harbour &amp; &lt;Quay&gt; Times"/>');
    expect(page).not.toContain("Env Gazette");
    expect(jsonLdOf(page).publisher).toEqual({
      "@type": "Organization",
      name: SAVED.name,
      url: "https://news.example/",
      logo: { "@type": "ImageObject", url: SAVED.logoUrl },
    });
    // The time zone and locale ride along in the page for browser code (usePublisher()).
    expect(page).toContain("America/New_York");

    const home = await html(server.url, "/");
    expect(home).toContain("<title>The Harbour &amp; &lt;Quay&gt; Times: live coverage</title>");

    const feed = await feedOf(server.url);
    expect(feed.author.name).toBe(SAVED.name);
    expect(feed.logo).toBe(SAVED.logoUrl);

    const embed = await html(server.url, `/embed/${SLUG}`);
    expect(embed).toContain("Read more on The Harbour &amp; &lt;Quay&gt; Times");
    expect(embed).toContain(":root{--accent:#1d4ed8}");

    // An uploaded logo is made absolute where other sites read it.
    const uploaded = await admin("PUT", "/api/settings/publisher", { ...SAVED, logoUrl: "/uploads/abc123.png" });
    expect(uploaded.status).toBe(200);
    expect(jsonLdOf(await html(server.url, `/live/${SLUG}`)).publisher.logo).toEqual({
      "@type": "ImageObject",
      url: "https://news.example/uploads/abc123.png",
    });
    expect((await feedOf(server.url)).logo).toBe("https://news.example/uploads/abc123.png");
  });

  it.skipIf(!postgres)("shows a saved brand on the other node too", async () => {
    const b = nodes.b!;
    // B renders and caches its page and feed under the current brand first.
    expect(await html(b.url, `/live/${SLUG}`)).toContain(">The Harbour &amp; &lt;Quay&gt; Times</span>");
    expect(await html(b.url, `/live/${SLUG}`)).toContain(">The Harbour &amp; &lt;Quay&gt; Times</span>");
    const renamed = await admin("PUT", "/api/settings/publisher", { ...SAVED, name: "Node-wide News" });
    expect(renamed.status).toBe(200);
    // The drop travels through Redis; B's cached page goes as soon as it arrives.
    await waitFor(
      async () => ((await html(b.url, `/live/${SLUG}`)).includes(">Node-wide News</span>") ? true : undefined),
      "node B's reader page to show the new name",
      3000,
    );
    expect(jsonLdOf(await html(b.url, `/live/${SLUG}`)).publisher.name).toBe("Node-wide News");
    expect((await feedOf(b.url)).author.name).toBe("Node-wide News");
  });
});
