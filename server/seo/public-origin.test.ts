import { describe, expect, it } from "vitest";
import { publicOriginOf } from "./public-origin";

const headers = (values: Record<string, string>) => new Headers(values);

describe("publicOriginOf", () => {
  it("prefers PUBLIC_URL, keeping only its origin", () => {
    expect(publicOriginOf("https://news.example/some/path/", headers({ host: "internal:3000" }))).toBe("https://news.example");
  });

  it("reads the proxy's forwarded protocol and host, first value of a list", () => {
    expect(publicOriginOf(undefined, headers({ host: "10.0.0.5:3000", "x-forwarded-proto": "https, http", "x-forwarded-host": "live.example, proxy" }))).toBe(
      "https://live.example",
    );
  });

  it("falls back to the Host header over http", () => {
    expect(publicOriginOf(undefined, headers({ host: "127.0.0.1:4123" }))).toBe("http://127.0.0.1:4123");
  });

  it("ignores host values that are not a hostname and port, and unknown protocols", () => {
    expect(publicOriginOf(undefined, headers({ host: "ok.example", "x-forwarded-host": 'evil.example/"><script>', "x-forwarded-proto": "javascript" }))).toBe(
      "http://ok.example",
    );
    expect(publicOriginOf(undefined, headers({}))).toBe("http://localhost");
  });
});
