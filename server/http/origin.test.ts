import { describe, expect, it } from "vitest";
import { isOwnOrigin, isSameOriginHandshake, originOf } from "./origin";

const FORWARDED = {
  host: "10.0.0.5:3000",
  "x-forwarded-proto": "https, http",
  "x-forwarded-host": "live.example, proxy",
};

describe("originOf", () => {
  it("is the connection's scheme and the Host header without a trusted proxy, whatever is forwarded", () => {
    expect(originOf({ headers: FORWARDED, encrypted: false }, 0)).toBe("http://10.0.0.5:3000");
    expect(originOf({ headers: { host: "news.example" }, encrypted: true }, 0)).toBe("https://news.example");
  });

  it("behind a trusted proxy, its forwarded protocol and host (first value of a list)", () => {
    expect(originOf({ headers: FORWARDED, encrypted: false }, 1)).toBe("https://live.example");
    expect(originOf({ headers: { host: "10.0.0.5:3000", "x-forwarded-proto": "https" }, encrypted: false }, 1)).toBe(
      "https://10.0.0.5:3000",
    );
  });

  it("normalizes case and default ports, as browsers write Origin", () => {
    expect(originOf({ headers: { host: "News.Example:80" }, encrypted: false }, 0)).toBe("http://news.example");
    expect(originOf({ headers: { host: "[::1]:4000" }, encrypted: false }, 0)).toBe("http://[::1]:4000");
  });

  it("ignores host values that are not a hostname and port, and unknown protocols", () => {
    expect(
      originOf(
        {
          headers: {
            host: "ok.example",
            "x-forwarded-host": 'evil.example/"><script>',
            "x-forwarded-proto": "javascript",
          },
          encrypted: false,
        },
        1,
      ),
    ).toBe("http://ok.example");
    expect(originOf({ headers: { host: "ok.example:99999" }, encrypted: false }, 0)).toBe("http://localhost");
    expect(originOf({ headers: {}, encrypted: false }, 0)).toBe("http://localhost");
  });
});

describe("isOwnOrigin", () => {
  it("needs the scheme, host and port to match", () => {
    expect(isOwnOrigin("http://127.0.0.1:3000", "http://127.0.0.1:3000", undefined)).toBe(true);
    expect(isOwnOrigin("http://127.0.0.1:3000/admin/blogs?x=1", "http://127.0.0.1:3000", undefined)).toBe(true);
    expect(isOwnOrigin("http://127.0.0.1:3001", "http://127.0.0.1:3000", undefined)).toBe(false);
    expect(isOwnOrigin("https://127.0.0.1:3000", "http://127.0.0.1:3000", undefined)).toBe(false);
    expect(isOwnOrigin("http://evil.example", "http://127.0.0.1:3000", undefined)).toBe(false);
  });

  it("takes PUBLIC_URL's origin as ours too", () => {
    expect(isOwnOrigin("https://news.example", "http://10.0.0.5:3000", "https://news.example/live/")).toBe(true);
    expect(isOwnOrigin("http://news.example", "http://10.0.0.5:3000", "https://news.example")).toBe(false);
    expect(isOwnOrigin("https://news.example:8443", "http://10.0.0.5:3000", "https://news.example")).toBe(false);
  });

  it("refuses opaque and unparsable origins", () => {
    for (const origin of ["null", "file:///etc/passwd", "not a url", ""])
      expect(isOwnOrigin(origin, "http://localhost", undefined), origin).toBe(false);
  });
});

describe("isSameOriginHandshake", () => {
  it("passes a handshake without Origin (not a browser) and judges the rest like a write", () => {
    expect(isSameOriginHandshake({ headers: { host: "127.0.0.1:3000" }, secure: false }, {})).toBe(true);
    expect(
      isSameOriginHandshake(
        { headers: { host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" }, secure: false },
        {},
      ),
    ).toBe(true);
    const steered = {
      headers: { host: "127.0.0.1:3000", origin: "http://evil.example", "x-forwarded-host": "evil.example" },
      secure: false,
    };
    expect(isSameOriginHandshake(steered, { trustProxy: 0 })).toBe(false);
    expect(isSameOriginHandshake(steered, { trustProxy: 1 })).toBe(true);
    expect(
      isSameOriginHandshake(
        { headers: { host: "10.0.0.5:3000", origin: "https://news.example" }, secure: false },
        { publicUrl: "https://news.example" },
      ),
    ).toBe(true);
  });
});
