// Hostile callers against the real process: sign-in throttling, session rotation, CSRF without Origin,
// security headers, rate limits per address and per user, and socket.io's size and connection limits.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { io, type Socket } from "socket.io-client";
import { apiClient, rawRequest, startTestServer, type TestServer } from "./harness";

let server: TestServer;
let anon: ReturnType<typeof apiClient>;
const sockets: Socket[] = [];

// Small limits so the tests reach them quickly; TRUST_PROXY=1 lets each test be its own client address.
const LIMITS = {
  TRUST_PROXY: "1",
  READ_RATE_PER_MINUTE: "60",
  READ_BURST: "10",
  WRITE_RATE_PER_MINUTE: "6",
  SOCKET_MAX_CONNECTIONS_PER_IP: "3",
};

beforeAll(async () => {
  server = await startTestServer({ env: LIMITS });
  anon = apiClient(server.url);
});

afterEach(() => {
  while (sockets.length) sockets.pop()!.disconnect();
});

afterAll(async () => {
  await server?.dispose();
});

let nextAddress = 1;
/** A fresh client address (the test server trusts one proxy hop). */
const address = () => ({ "x-forwarded-for": `203.0.113.${nextAddress++}` });

const credentials = (user: { email: string; password: string }) => ({ email: user.email, password: user.password });
const sessionOf = (answer: { headers: Headers }) => (answer.headers.get("set-cookie") ?? "").split(";")[0]!;

describe("sign-in throttling", () => {
  it("locks an email after 5 failures with 429 and Retry-After, without checking the password", async () => {
    const { email, password } = server.users.journalist2;
    for (let i = 0; i < 5; i++) {
      // Each failure from another address: the email is what is counted here.
      expect((await anon("POST", "/api/auth/login", { email, password: `wrong-${i}` }, address())).status).toBe(401);
    }
    const locked = await anon("POST", "/api/auth/login", { email, password }, address());
    expect(locked.status).toBe(429);
    expect(locked.body).toEqual({
      error: expect.stringMatching(/too many failed sign-ins for this account; try again in \d+ (minutes|seconds)/),
      code: "TOO_MANY_REQUESTS",
    });
    const retryAfter = Number(locked.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(500);
    expect(retryAfter).toBeLessThanOrEqual(600);
    // Other accounts are not affected.
    const other = await anon(
      "POST",
      "/api/auth/login",
      { email: server.users.editor.email, password: server.users.editor.password },
      address(),
    );
    expect(other.status).toBe(200);
  });

  it("a success resets the email's count", async () => {
    const { email, password } = server.users.editor;
    const from = address();
    for (let i = 0; i < 4; i++)
      expect((await anon("POST", "/api/auth/login", { email, password: "nope" }, from)).status).toBe(401);
    expect((await anon("POST", "/api/auth/login", { email, password }, from)).status).toBe(200);
    for (let i = 0; i < 4; i++)
      expect((await anon("POST", "/api/auth/login", { email, password: "nope" }, from)).status).toBe(401);
    expect((await anon("POST", "/api/auth/login", { email, password }, from)).status).toBe(200);
  });

  it("locks an address after 20 failures, whatever the emails", async () => {
    const from = address();
    for (let i = 0; i < 20; i++) {
      expect(
        (await anon("POST", "/api/auth/login", { email: `nobody-${i}@example.org`, password: "x" }, from)).status,
      ).toBe(401);
    }
    const { email, password } = server.users.admin;
    const locked = await anon("POST", "/api/auth/login", { email, password }, from);
    expect(locked.status).toBe(429);
    expect(locked.body.error).toMatch(/too many failed sign-ins from your address/);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
    // Even a body that does not parse is refused first: the address is locked out.
    expect((await anon("POST", "/api/auth/login", "{", from)).status).toBe(429);
    expect((await anon("POST", "/api/auth/login", { email, password }, address())).status).toBe(200);
  });
});

describe("sessions", () => {
  it("a sign-in gets a new session and ends the one the browser carried", async () => {
    const { email, password } = server.users.journalist;
    const first = sessionOf(await anon("POST", "/api/auth/login", { email, password }, address()));
    expect((await anon("GET", "/api/auth/me", undefined, { cookie: first })).status).toBe(200);

    const again = await anon("POST", "/api/auth/login", { email, password }, { ...address(), cookie: first });
    const second = sessionOf(again);
    expect(second).toMatch(/^liveline_session=.+/);
    expect(second).not.toBe(first);
    expect((await anon("GET", "/api/auth/me", undefined, { cookie: first })).status).toBe(401);
    expect((await anon("GET", "/api/auth/me", undefined, { cookie: second })).status).toBe(200);
  });

  it("a planted session id (fixation) is worth nothing after sign-in", async () => {
    const planted = "liveline_session=attacker-chosen-value";
    const login = await anon("POST", "/api/auth/login", credentials(server.users.journalist), {
      ...address(),
      cookie: planted,
    });
    expect(login.status).toBe(200);
    expect(sessionOf(login)).not.toBe(planted);
    expect((await anon("GET", "/api/auth/me", undefined, { cookie: planted })).status).toBe(401);
  });
});

describe("CSRF without Origin", () => {
  it("refuses a cookie write that Sec-Fetch-Site calls cross-site unless the Referer is ours", async () => {
    const session = sessionOf(await anon("POST", "/api/auth/login", credentials(server.users.editor), address()));
    const blog = (slug: string) => ({ slug, title: slug });
    const post = (slug: string, headers: Record<string, string>) =>
      anon("POST", "/api/blogs", blog(slug), { cookie: session, ...headers });

    const crossSite = await post("csrf-cross", { "sec-fetch-site": "cross-site" });
    expect(crossSite.status).toBe(403);
    expect(crossSite.body).toEqual({ error: "cross-site request refused", code: "FORBIDDEN" });
    expect(
      (await post("csrf-cross-ref", { "sec-fetch-site": "cross-site", referer: "https://evil.example/page" })).status,
    ).toBe(403);
    expect(
      (await post("csrf-same-site", { "sec-fetch-site": "same-site", referer: "https://sub.evil.example/" })).status,
    ).toBe(403);
    expect((await post("csrf-null-origin", { origin: "null" })).status).toBe(403);
    expect((await post("csrf-bad-ref", { "sec-fetch-site": "cross-site", referer: "not a url" })).status).toBe(403);
    expect(
      (
        await anon("POST", "/api/auth/login", credentials(server.users.editor), {
          ...address(),
          "sec-fetch-site": "cross-site",
        })
      ).status,
    ).toBe(403);
    expect(await server.db.prisma.blog.count({ where: { slug: { startsWith: "csrf-" } } })).toBe(0);

    // Our own pages, and tools that send none of these headers, still work.
    expect(
      (await post("csrf-own-referer", { "sec-fetch-site": "cross-site", referer: `${server.url}/admin` })).status,
    ).toBe(201);
    expect((await post("csrf-same-origin", { "sec-fetch-site": "same-origin" })).status).toBe(201);
    expect((await post("csrf-no-headers", {})).status).toBe(201);
    // Behind the trusted proxy, the origin it forwards is ours; the same host on another scheme is not.
    const proxied = { "x-forwarded-host": "live.example", "x-forwarded-proto": "https" };
    expect((await post("csrf-proxied", { ...proxied, origin: "https://live.example" })).status).toBe(201);
    expect((await post("csrf-proxied-http", { ...proxied, origin: "http://live.example" })).status).toBe(403);
    // Bearer tokens are not cookies: no CSRF check.
    expect(
      (
        await apiClient(server.url, server.users.editor.token)("POST", "/api/blogs", blog("csrf-token"), {
          "sec-fetch-site": "cross-site",
        })
      ).status,
    ).toBe(201);
  });
});

describe("security headers", () => {
  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(server.url + path, { headers, redirect: "manual" });

  it("every kind of response carries them; embeds stay frameable", async () => {
    expect(
      (
        await apiClient(server.url, server.users.editor.token)("POST", "/api/blogs", {
          slug: "headers-blog",
          title: "H",
        })
      ).status,
    ).toBe(201);
    for (const path of [
      "/",
      "/live/headers-blog",
      "/api/blogs",
      "/api/nope",
      "/live/no-such-blog",
      "/admin/login",
      "/embed.js",
      "/uploads/nothing.png",
    ]) {
      const answer = await get(path);
      const csp = answer.headers.get("content-security-policy") ?? "";
      expect(csp, path).toContain("default-src 'self'");
      expect(csp, path).toContain("frame-ancestors 'self'");
      expect(csp, path).toContain("frame-src https://www.youtube-nocookie.com");
      expect(csp, path).toContain("connect-src 'self';");
      expect(csp, path).toContain("img-src 'self' data: blob:;");
      expect(csp, path).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic';/);
      expect(csp, path).not.toContain("unsafe-eval");
      expect(answer.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(answer.headers.get("referrer-policy"), path).toBe("strict-origin-when-cross-origin");
      expect(answer.headers.get("x-frame-options"), path).toBe("SAMEORIGIN");
      expect(answer.headers.get("permissions-policy"), path).toMatch(/camera=\(\)/);
      expect(answer.headers.get("strict-transport-security"), path).toBeNull();
    }
    const embed = await get("/embed/headers-blog");
    expect(embed.status).toBe(200);
    expect(embed.headers.get("content-security-policy")).toContain("frame-ancestors *");
    expect(embed.headers.get("content-security-policy")).not.toContain("frame-ancestors 'self'");
    expect(embed.headers.get("x-frame-options")).toBeNull();
  });

  it("a path that only starts with /embed/ but leads elsewhere once normalized is not frameable", async () => {
    // node:http sends these as written; fetch would resolve the dot segments first.
    const tricks = [
      "/embed/.%2e/admin/login",
      "/embed/%2E%2E/admin/login",
      "/embed/x%2f..%2f..%2fadmin%2flogin",
      "/embed//admin/login",
      "/embed/..\\admin\\login",
      "/EMBED/headers-blog",
    ];
    for (const path of tricks) {
      const answer = await rawRequest(server.url, "GET", path);
      expect(answer.headers["content-security-policy"], path).toContain("frame-ancestors 'self'");
      expect(answer.headers["x-frame-options"], path).toBe("SAMEORIGIN");
    }
    // The first of them is the sign-in page itself.
    expect((await rawRequest(server.url, "GET", tricks[0]!)).body).toContain("Sign in");
    const embed = await rawRequest(server.url, "GET", "/embed/headers-blog?ref=news");
    expect(embed.status).toBe(200);
    expect(embed.headers["content-security-policy"]).toContain("frame-ancestors *");
    expect(embed.headers["x-frame-options"]).toBeUndefined();
  });

  it("HSTS only when the request came over HTTPS (through the trusted proxy)", async () => {
    const answer = await get("/api/blogs", { "x-forwarded-proto": "https" });
    expect(answer.headers.get("strict-transport-security")).toMatch(/^max-age=\d+/);
  });
});

describe("rate limits", () => {
  it("anonymous reads: a burst, then 429 with Retry-After, per address", async () => {
    const from = address();
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await anon("GET", "/api/blogs", undefined, from)).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(200));
    expect(statuses.at(-1)).toBe(429);
    const limited = await anon("GET", "/api/blogs", undefined, from);
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({
      error: expect.stringMatching(/too many requests from your address/),
      code: "TOO_MANY_REQUESTS",
    });
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    // Another address, and a signed-in reader at this one, are not limited.
    expect((await anon("GET", "/api/blogs", undefined, address())).status).toBe(200);
    expect(
      (await apiClient(server.url, server.users.journalist.token)("GET", "/api/blogs", undefined, from)).status,
    ).toBe(200);
    // A made-up credential does not get around it.
    expect((await anon("GET", "/api/blogs", undefined, { ...from, cookie: "liveline_session=made-up" })).status).toBe(
      429,
    );
    expect((await anon("GET", "/api/blogs", undefined, { ...from, authorization: "Bearer ll_made_up" })).status).toBe(
      429,
    );
  });

  it("writes are limited per user, not per token", async () => {
    const admin = apiClient(server.url, server.users.admin.token);
    const created = await admin<{ token: string }>("POST", "/api/tokens", { name: "second admin token" });
    expect(created.status).toBe(201);
    const second = apiClient(server.url, created.body.token);
    // One write was the token; 5 more fit in the burst of 6, from either token.
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await (i % 2 ? second : admin)("POST", "/api/blogs", { slug: `burst-${i}`, title: "x" })).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
    const limited = await second("POST", "/api/blogs", { slug: "burst-x", title: "x" });
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe("TOO_MANY_REQUESTS");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await server.db.prisma.blog.count({ where: { slug: { startsWith: "burst-" } } })).toBe(5);
    // Reads and other users carry on.
    expect((await admin("GET", "/api/users")).status).toBe(200);
    expect(
      (await apiClient(server.url, server.users.journalist2.token)("PUT", "/api/blogs/nope/entries/nope/pin")).status,
    ).toBe(404);
  });
});

describe("socket limits", () => {
  const connect = (headers: Record<string, string>) =>
    new Promise<Socket>((resolve, reject) => {
      const socket = io(server.url, {
        transports: ["websocket"],
        forceNew: true,
        reconnection: false,
        extraHeaders: headers,
      });
      sockets.push(socket);
      socket.once("connect", () => resolve(socket));
      socket.once("connect_error", reject);
    });

  it("a message over 16 KiB disconnects that socket only", async () => {
    const from = address();
    const [big, bystander] = [await connect(from), await connect(from)];
    const closed = new Promise<string>((resolve) => big.once("disconnect", resolve));
    big.emit("blog:join", { slug: "x".repeat(20 * 1024) }, () => undefined);
    expect(await closed).toMatch(/transport (close|error)/);
    const ack = await new Promise<unknown>((resolve) => bystander.emit("blog:join", { slug: "headers-blog" }, resolve));
    expect(ack).toMatchObject({ seq: expect.any(Number) });
    expect(bystander.connected).toBe(true);
  });

  it("refuses more than SOCKET_MAX_CONNECTIONS_PER_IP open sockets from one address", async () => {
    const from = address();
    const open = [await connect(from), await connect(from), await connect(from)];
    // Refused at the engine.io handshake, before any socket exists; the answer says why.
    await expect(connect(from)).rejects.toThrow();
    const handshake = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`, { headers: from });
    expect(handshake.status).toBe(403);
    expect(await handshake.text()).toContain("too many connections from your address");
    expect((await connect(address())).connected).toBe(true);
    // A closed socket frees its place.
    open[0]!.disconnect();
    await new Promise((r) => setTimeout(r, 100));
    expect((await connect(from)).connected).toBe(true);
  });
});
