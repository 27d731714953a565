import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./return-path";

describe("safeReturnPath", () => {
  it("keeps paths on this site", () => {
    expect(safeReturnPath("/admin/users")).toBe("/admin/users");
    expect(safeReturnPath("/admin/blogs/x/settings?tab=1#top")).toBe("/admin/blogs/x/settings?tab=1#top");
  });

  it("percent-encodes what a Location header cannot hold, and keeps what is already encoded", () => {
    expect(safeReturnPath("/admin/blogs/✓?q=é")).toBe("/admin/blogs/%E2%9C%93?q=%C3%A9");
    expect(safeReturnPath("/admin/blogs/%E2%9C%93")).toBe("/admin/blogs/%E2%9C%93");
  });

  it("falls back to the dashboard for anything that could leave the site", () => {
    for (const next of [
      null,
      undefined,
      "",
      "admin",
      "https://evil.example/",
      "//evil.example",
      "/\\evil.example",
      "/\tevil",
      "javascript:alert(1)",
    ]) {
      expect(safeReturnPath(next)).toBe("/admin");
    }
  });
});
