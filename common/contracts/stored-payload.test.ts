import { describe, expect, it } from "vitest";
import { z } from "@/common/zod";
import { readStoredPayload, toStoredPayload, type StoredFormat } from "./stored-payload";

// Version 1 called the text `title`; version 2 renamed it `headline` and added `urgent` (default false).
const NOTE: StoredFormat<{ headline: string; urgent: boolean }> = {
  version: 2,
  schema: z.object({ headline: z.string(), urgent: z.boolean().default(false) }),
  upgrades: {
    0: (bare) => bare,
    1: (data) => {
      const { title, ...rest } = data as { title: string };
      return { ...rest, headline: title };
    },
  },
};

describe("stored payloads", () => {
  it("are written with their version and read back as they were", () => {
    const text = toStoredPayload(NOTE, { headline: "Polls close", urgent: true });
    expect(JSON.parse(text)).toEqual({ v: 2, data: { headline: "Polls close", urgent: true } });
    expect(readStoredPayload(NOTE, text)).toEqual({ ok: true, value: { headline: "Polls close", urgent: true } });
  });

  it("give a field added later its default, and upgrade older versions step by step", () => {
    expect(readStoredPayload(NOTE, JSON.stringify({ v: 1, data: { title: "Old" } }))).toEqual({
      ok: true,
      value: { headline: "Old", urgent: false },
    });
    // Stored before versions existed: the bare data is version 0.
    expect(readStoredPayload(NOTE, JSON.stringify({ title: "Older" }))).toEqual({
      ok: true,
      value: { headline: "Older", urgent: false },
    });
  });

  it("report what they cannot read instead of throwing", () => {
    expect(readStoredPayload(NOTE, "{not json")).toEqual({ ok: false, problem: "not JSON" });
    expect(readStoredPayload(NOTE, JSON.stringify({ v: 3, data: {} }))).toEqual({
      ok: false,
      problem: "version 3 is newer than this code reads (2)",
    });
    expect(readStoredPayload(NOTE, JSON.stringify({ v: 2, data: { urgent: "yes" } }))).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/^headline: .*; urgent: /),
    });
    expect(readStoredPayload(NOTE, JSON.stringify({ v: 1, data: null }))).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/^upgrade from version 1 failed/),
    });
  });
});
