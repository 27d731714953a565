import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("zod as the browser code takes it", () => {
  it("builds and parses object schemas without eval (the pages' CSP has no 'unsafe-eval')", async () => {
    const constructed = vi.spyOn(globalThis, "Function");
    const { z } = await import("@/common/zod");
    const schema = z.object({ headline: z.string().default(""), keyEvent: z.boolean(), tags: z.array(z.string()) });
    for (let i = 0; i < 3; i++)
      expect(schema.parse({ keyEvent: true, tags: ["a"] })).toEqual({ headline: "", keyEvent: true, tags: ["a"] });
    expect(constructed).not.toHaveBeenCalled();
  });
});
