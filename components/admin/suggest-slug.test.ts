import { describe, expect, it } from "vitest";
import { slugSchema } from "@/common/contracts/schemas";
import { suggestSlug } from "./suggest-slug";

describe("suggestSlug", () => {
  it("turns a headline into lowercase words joined by single hyphens", () => {
    expect(suggestSlug("Storm Éowyn: live updates!")).toBe("storm-eowyn-live-updates");
    expect(suggestSlug("  Election night -- 2026  ")).toBe("election-night-2026");
  });

  it("never suggests something the server would refuse", () => {
    const long = suggestSlug(`${"word ".repeat(30)}end`);
    expect(long.length).toBeLessThanOrEqual(80);
    expect(slugSchema.safeParse(long).success).toBe(true);
    expect(suggestSlug("!!!")).toBe("");
  });
});
