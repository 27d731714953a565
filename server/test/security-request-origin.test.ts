// Which origin a request is for, against the real process: without a trusted proxy (TRUST_PROXY=0) a
// client's X-Forwarded-Host/Proto steer no link, cached page, CSRF check or socket handshake; the CSRF
// check compares scheme, host and port; and behind a TLS proxy that is not trusted, PUBLIC_URL's origin is
// ours. (A trusted proxy's forwarded host in links: seo-and-feed.test.ts; in the CSRF check: security-limits.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient, startTestServer, type TestServer } from "./harness";
import { closeSockets, connectSocket, joinNewsroom } from "./socket-reader";

const SLUG = "origin-story";
const STEERED = { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" };

async function signIn(server: TestServer): Promise<string> {
  const login = await apiClient(server.url)("POST", "/api/auth/login", {
    email: server.users.editor.email,
    password: server.users.editor.password,
  });
  expect(login.status).toBe(200);
  return (login.headers.get("set-cookie") ?? "").split(";")[0]!;
}

/** A cookie-authenticated write (a new blog) with these extra headers: its status. */
async function cookieWrite(
  server: TestServer,
  cookie: string,
  slug: string,
  headers: Record<string, string>,
): Promise<number> {
  return (await apiClient(server.url)("POST", "/api/blogs", { slug, title: slug }, { cookie, ...headers })).status;
}

describe("no trusted proxy (TRUST_PROXY=0): the request's own scheme and Host", () => {
  let server: TestServer;
  let cookie: string;
  let entryId: string;

  beforeAll(async () => {
    server = await startTestServer({ env: { READ_RATE_PER_MINUTE: "0", WRITE_RATE_PER_MINUTE: "0" } });
    const editor = apiClient(server.url, server.users.editor.token);
    expect((await editor("POST", "/api/blogs", { slug: SLUG, title: "Origin story" })).status).toBe(201);
    entryId = (await editor<{ entry: { id: string } }>("POST", `/api/blogs/${SLUG}/entries`, { body: "<p>first</p>" }))
      .body.entry.id;
    cookie = await signIn(server);
  });

  afterAll(async () => {
    closeSockets();
    await server?.dispose();
  });

  const text = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(server.url + path, { headers });
    expect(response.status, path).toBe(200);
    return response.text();
  };

  it("a client's forwarded host and protocol steer no canonical, OpenGraph, JSON-LD or feed URL, and poison no cached page", async () => {
    const steered = await text(`/live/${SLUG}`, STEERED);
    // The next reader without those headers gets the page the cache kept: it must name this site too.
    const plain = await text(`/live/${SLUG}`);
    for (const page of [steered, plain]) {
      expect(/<link rel="canonical" href="([^"]*)"/.exec(page)?.[1]).toBe(`${server.url}/live/${SLUG}`);
      expect(/<meta property="og:url" content="([^"]*)"/.exec(page)?.[1]).toBe(`${server.url}/live/${SLUG}`);
      const jsonLd = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(page)?.[1] ?? "{}");
      expect(jsonLd.url).toBe(`${server.url}/live/${SLUG}`);
      expect(jsonLd.liveBlogUpdate[0].url).toBe(`${server.url}/live/${SLUG}/entries/${entryId}`);
      expect(page).not.toContain("evil.example");
    }

    for (const path of [`/embed/${SLUG}`, `/live/${SLUG}/entries/${entryId}`, `/live/${SLUG}/feed.xml`, "/"]) {
      const body = await text(path, STEERED);
      expect(body, path).toContain(server.url);
      expect(body, path).not.toContain("evil.example");
    }
  });

  it("a cookie write must come from this origin: scheme and port count, and a forwarded host does not make another site ours", async () => {
    const port = Number(new URL(server.url).port);
    expect(await cookieWrite(server, cookie, "csrf-forwarded", { origin: "https://evil.example", ...STEERED })).toBe(
      403,
    );
    expect(await cookieWrite(server, cookie, "csrf-scheme", { origin: server.url.replace("http:", "https:") })).toBe(
      403,
    );
    expect(
      await cookieWrite(server, cookie, "csrf-port", { origin: `http://127.0.0.1:${port === 65535 ? 1 : port + 1}` }),
    ).toBe(403);
    expect(
      await cookieWrite(server, cookie, "csrf-referer-scheme", {
        "sec-fetch-site": "same-site",
        referer: `${server.url.replace("http:", "https:")}/admin`,
      }),
    ).toBe(403);
    const login = await apiClient(server.url)(
      "POST",
      "/api/auth/login",
      { email: server.users.editor.email, password: server.users.editor.password },
      { origin: server.url.replace("http:", "https:") },
    );
    expect(login.status).toBe(403);
    expect(await server.db.prisma.blog.count({ where: { slug: { startsWith: "csrf-" } } })).toBe(0);

    expect(await cookieWrite(server, cookie, "same-origin", { origin: server.url })).toBe(201);
  });

  it("a socket handshake from another site is signed out, whatever X-Forwarded-Host says", async () => {
    const steered = await connectSocket(server.url, {
      events: [],
      headers: { cookie, origin: "https://evil.example", ...STEERED },
    });
    expect((await joinNewsroom(steered, { slug: SLUG })).error).toMatch(/sign in/);
    const otherScheme = await connectSocket(server.url, {
      events: [],
      headers: { cookie, origin: server.url.replace("http:", "https:") },
    });
    expect((await joinNewsroom(otherScheme, { slug: SLUG })).error).toMatch(/sign in/);
    const ours = await connectSocket(server.url, { events: [], headers: { cookie, origin: server.url } });
    expect(await joinNewsroom(ours, { slug: SLUG })).toEqual({ ok: true });
  });
});

describe("behind a TLS proxy that is not trusted, with PUBLIC_URL set", () => {
  let server: TestServer;
  let cookie: string;
  const PUBLIC = "https://news.example";

  beforeAll(async () => {
    server = await startTestServer({ env: { PUBLIC_URL: `${PUBLIC}/`, WRITE_RATE_PER_MINUTE: "0" } });
    expect(
      (
        await apiClient(server.url, server.users.editor.token)("POST", "/api/blogs", {
          slug: SLUG,
          title: "Origin story",
        })
      ).status,
    ).toBe(201);
    cookie = await signIn(server);
  });

  afterAll(async () => {
    closeSockets();
    await server?.dispose();
  });

  it("a cookie write and a socket handshake from PUBLIC_URL's origin are ours; its host on another scheme or port is not", async () => {
    expect(await cookieWrite(server, cookie, "from-public-url", { origin: PUBLIC })).toBe(201);
    expect(
      await cookieWrite(server, cookie, "from-public-referer", {
        "sec-fetch-site": "same-site",
        referer: `${PUBLIC}/admin/blogs`,
      }),
    ).toBe(201);
    expect(await cookieWrite(server, cookie, "plain-http", { origin: "http://news.example" })).toBe(403);
    expect(await cookieWrite(server, cookie, "other-port", { origin: "https://news.example:8443" })).toBe(403);

    const fromPublicUrl = await connectSocket(server.url, { events: [], headers: { cookie, origin: PUBLIC } });
    expect(await joinNewsroom(fromPublicUrl, { slug: SLUG })).toEqual({ ok: true });
    const plainHttp = await connectSocket(server.url, {
      events: [],
      headers: { cookie, origin: "http://news.example" },
    });
    expect((await joinNewsroom(plainHttp, { slug: SLUG })).error).toMatch(/sign in/);
  });
});
