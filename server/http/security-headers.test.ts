import { IncomingMessage, ServerResponse } from "node:http";
import { Socket } from "node:net";
import { describe, expect, it } from "vitest";
import { applySecurityHeaders, contentSecurityPolicy, securityHeaders } from "./security-headers";

const directives = (policy: string) =>
  new Map(policy.split("; ").map((d) => [d.split(" ")[0]!, d.split(" ").slice(1)] as const));
const base = { embed: false, dev: false, nonce: "bm9uY2U=", imageHosts: [] };

describe("contentSecurityPolicy", () => {
  it("runs only scripts carrying the response's nonce (and what they load), never inline ones without it", () => {
    const scripts = directives(contentSecurityPolicy(base)).get("script-src");
    expect(scripts).toEqual(["'self'", "'nonce-bm9uY2U='", "'strict-dynamic'"]);
    expect(directives(contentSecurityPolicy({ ...base, dev: true })).get("script-src")).toContain("'unsafe-eval'");
  });

  it("loads images from this site, the composer's data:/blob: previews and the configured hosts only; connects to this site only", () => {
    const policy = directives(contentSecurityPolicy(base));
    expect(policy.get("img-src")).toEqual(["'self'", "data:", "blob:"]);
    expect(policy.get("connect-src")).toEqual(["'self'"]);
    const withHosts = directives(
      contentSecurityPolicy({ ...base, imageHosts: ["https://images.example.org", "https://cdn.example:8443"] }),
    );
    expect(withHosts.get("img-src")).toEqual([
      "'self'",
      "data:",
      "blob:",
      "https://images.example.org",
      "https://cdn.example:8443",
    ]);
  });

  it("lets any site frame embeds, and only our own pages frame the rest", () => {
    expect(directives(contentSecurityPolicy(base)).get("frame-ancestors")).toEqual(["'self'"]);
    expect(directives(contentSecurityPolicy({ ...base, embed: true })).get("frame-ancestors")).toEqual(["*"]);
  });
});

describe("securityHeaders", () => {
  it("frames only from our own pages, except embeds; HSTS only over HTTPS", () => {
    const page = securityHeaders({ path: "/live/x", https: false, dev: false, nonce: "n", imageHosts: [] });
    expect(page["X-Frame-Options"]).toBe("SAMEORIGIN");
    expect(page["Content-Security-Policy"]).toContain("frame-ancestors 'self'");
    expect(page["Strict-Transport-Security"]).toBeUndefined();
    const embed = securityHeaders({ path: "/embed/x", https: true, dev: false, nonce: "n", imageHosts: [] });
    expect(embed["X-Frame-Options"]).toBeUndefined();
    expect(embed["Content-Security-Policy"]).toContain("frame-ancestors *");
    expect(embed["Strict-Transport-Security"]).toMatch(/^max-age=/);
  });

  it("frames from anywhere only the embed page spelled as it is linked, not a path that normalizes elsewhere", () => {
    const headersOf = (path: string) => securityHeaders({ path, https: false, dev: false, nonce: "n", imageHosts: [] });
    for (const path of ["/embed/storm-orla", "/embed/storm-orla/", "/embed/storm-orla?theme=dark"]) {
      expect(headersOf(path)["X-Frame-Options"], path).toBeUndefined();
    }
    for (const path of [
      "/embed/.%2e/admin/login",
      "/embed/%2e%2E/admin",
      "/embed/..%2fadmin",
      "/embed/x%2f..%2f..%2fadmin",
      "/embed//admin/login",
      "/embed/x/../../admin",
      "/embed\\..\\admin",
      "/EMBED/storm-orla",
      "/embed/Storm-Orla",
      "/embed/",
      "/embed",
    ]) {
      const headers = headersOf(path);
      expect(headers["X-Frame-Options"], path).toBe("SAMEORIGIN");
      expect(headers["Content-Security-Policy"], path).toContain("frame-ancestors 'self'");
    }
  });
});

describe("applySecurityHeaders", () => {
  function exchange(headers: Record<string, string> = {}) {
    const req = new IncomingMessage(new Socket());
    req.url = "/live/x";
    Object.assign(req.headers, headers);
    const res = new ServerResponse(req);
    applySecurityHeaders(req, res, { https: false, dev: false, imageHosts: [] });
    return { req, res, nonce: /'nonce-([^']+)'/.exec(String(res.getHeader("content-security-policy")))?.[1] };
  }

  it("gives every response a fresh nonce, and Next.js the same policy on the request, replacing a client's own", () => {
    const first = exchange({
      "content-security-policy": "script-src 'nonce-chosen-by-client'",
      "content-security-policy-report-only": "script-src 'nonce-x'",
    });
    expect(first.nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(first.req.headers["content-security-policy"]).toBe(first.res.getHeader("content-security-policy"));
    expect(first.req.headers["content-security-policy-report-only"]).toBeUndefined();
    expect(exchange().nonce).not.toBe(first.nonce);
  });
});
