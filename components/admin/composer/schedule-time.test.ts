import { describe, expect, it } from "vitest";
import { defaultScheduleValue, localInputValue, scheduledAtFrom } from "./schedule-time";

describe("schedule time", () => {
  const now = new Date(2026, 10, 26, 14, 5, 9); // the browser's zone, as a datetime-local input reads it

  it("writes a datetime-local value in the browser's zone", () => {
    expect(localInputValue(now)).toBe("2026-11-26T14:05:09");
    expect(localInputValue(new Date(2026, 0, 2, 3, 4, 5))).toBe("2026-01-02T03:04:05");
  });

  it("offers an hour from now, to the minute", () => {
    expect(defaultScheduleValue(now)).toBe("2026-11-26T15:05");
    expect(defaultScheduleValue(new Date(2026, 11, 31, 23, 30))).toBe("2027-01-01T00:30");
  });

  it("sends a future time as an ISO instant", () => {
    expect(scheduledAtFrom("2026-11-26T15:05", now)).toEqual({
      scheduledAt: new Date(2026, 10, 26, 15, 5).toISOString(),
    });
  });

  it("refuses an empty, unreadable, past or present time", () => {
    expect(scheduledAtFrom("", now)).toEqual({ error: "Pick a date and time." });
    expect(scheduledAtFrom("tomorrow", now)).toEqual({ error: "Pick a date and time." });
    expect(scheduledAtFrom("2026-11-26T14:00", now)).toEqual({ error: "Pick a time in the future." });
    expect(scheduledAtFrom("2026-11-26T14:05:09", now)).toEqual({ error: "Pick a time in the future." });
  });
});
