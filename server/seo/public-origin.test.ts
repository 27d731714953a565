import { describe, expect, it } from "vitest";
import { ORIGIN_HEADER } from "../http/origin";
import { publicOriginOf } from "./public-origin";

const headers = (values: Record<string, string>) => new Headers(values);

describe("publicOriginOf", () => {
  it("prefers PUBLIC_URL, keeping only its origin", () => {
    expect(
      publicOriginOf("https://news.example/some/path/", headers({ [ORIGIN_HEADER]: "http://internal:3000" })),
    ).toBe("https://news.example");
  });

  it("else the origin server/index.ts decided for the request, never a forwarded header a client sent", () => {
    expect(
      publicOriginOf(
        undefined,
        headers({ [ORIGIN_HEADER]: "https://live.example", "x-forwarded-host": "evil.example" }),
      ),
    ).toBe("https://live.example");
    expect(publicOriginOf(undefined, headers({ host: "evil.example", "x-forwarded-host": "evil.example" }))).toBe(
      "http://localhost",
    );
  });
});
