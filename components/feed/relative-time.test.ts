import { describe, expect, it } from "vitest";
import { absoluteTime, clockTime, entryTime, relativeTime, shortDate, zonedTime } from "./relative-time";

const at = (iso: string) => new Date(iso);
const LONDON = "Europe/London";
const NEW_YORK = "America/New_York";

describe("relativeTime", () => {
  it("says just now, minutes, then hours the same day", () => {
    const now = at("2026-06-10T15:00:00Z");
    expect(relativeTime(at("2026-06-10T14:59:30Z"), now, LONDON)).toBe("just now");
    // A reader's clock a little behind the server's.
    expect(relativeTime(at("2026-06-10T15:00:20Z"), now, LONDON)).toBe("just now");
    expect(relativeTime(at("2026-06-10T14:59:00Z"), now, LONDON)).toBe("1 min ago");
    expect(relativeTime(at("2026-06-10T14:57:00Z"), now, LONDON)).toBe("3 min ago");
    expect(relativeTime(at("2026-06-10T14:00:01Z"), now, LONDON)).toBe("59 min ago");
    expect(relativeTime(at("2026-06-10T14:00:00Z"), now, LONDON)).toBe("1 h ago");
    expect(relativeTime(at("2026-06-10T12:30:00Z"), now, LONDON)).toBe("2 h ago");
  });

  it("switches to Yesterday HH:MM at the reader's midnight, not UTC's", () => {
    // 00:10 BST on 11 June is 23:10 UTC on 10 June.
    const now = at("2026-06-10T23:10:00Z");
    expect(relativeTime(at("2026-06-10T22:50:00Z"), now, LONDON)).toBe("20 min ago");
    // 22:50 UTC = 23:50 BST on 10 June: yesterday in London, still today in UTC.
    expect(relativeTime(at("2026-06-10T21:50:00Z"), now, LONDON)).toBe("Yesterday 22:50");
    expect(relativeTime(at("2026-06-10T21:50:00Z"), now, "UTC")).toBe("1 h ago");
    // New York is 19:10 on 10 June: the same day, so hours.
    expect(relativeTime(at("2026-06-10T16:00:00Z"), now, NEW_YORK)).toBe("7 h ago");
  });

  it("shows a date from the day before yesterday, with the year only when it differs", () => {
    const now = at("2026-06-10T12:00:00Z");
    expect(relativeTime(at("2026-06-08T21:15:00Z"), now, LONDON)).toBe("8 Jun, 22:15");
    expect(relativeTime(at("2025-12-31T23:30:00Z"), at("2026-01-02T12:00:00Z"), LONDON)).toBe("31 Dec 2025, 23:30");
    expect(shortDate(at("2026-03-01T10:00:00Z"), now, NEW_YORK)).toBe("1 Mar, 05:00");
  });

  it("counts real hours across the end of British Summer Time (last Sunday of October)", () => {
    // 25 Oct 2026: clocks go back from 02:00 BST to 01:00 GMT. 00:30 BST is 23:30 UTC on the 24th.
    const entry = at("2026-10-24T23:30:00Z");
    const now = at("2026-10-25T01:30:00Z"); // 01:30 GMT: the wall clock moved one hour, two really passed
    expect(relativeTime(entry, now, LONDON)).toBe("2 h ago");
    expect(clockTime(entry, LONDON)).toBe("00:30");
    expect(clockTime(now, LONDON)).toBe("01:30");
    expect(absoluteTime(entry, LONDON)).toBe("Sunday, 25 October 2026 at 00:30 BST");
    expect(absoluteTime(now, LONDON)).toBe("Sunday, 25 October 2026 at 01:30 GMT");
    // The day after the change, an entry from late on the 25th is Yesterday in local (GMT) time.
    expect(relativeTime(at("2026-10-25T23:40:00Z"), at("2026-10-26T08:00:00Z"), LONDON)).toBe("Yesterday 23:40");
  });

  it("counts real hours across the start of US daylight time (second Sunday of March)", () => {
    // 8 Mar 2026: 02:00 EST jumps to 03:00 EDT. 01:30 EST = 06:30 UTC; 03:30 EDT = 07:30 UTC.
    const entry = at("2026-03-08T06:30:00Z");
    const now = at("2026-03-08T07:30:00Z");
    expect(relativeTime(entry, now, NEW_YORK)).toBe("1 h ago");
    expect(clockTime(entry, NEW_YORK)).toBe("01:30");
    expect(clockTime(now, NEW_YORK)).toBe("03:30");
    expect(absoluteTime(now, NEW_YORK)).toBe("Sunday, 8 March 2026 at 03:30 GMT-4");
    // Across midnight of that short day: 23:50 EST on the 7th seen at 00:20 EST on the 8th.
    expect(relativeTime(at("2026-03-08T04:50:00Z"), at("2026-03-08T05:20:00Z"), NEW_YORK)).toBe("30 min ago");
    expect(relativeTime(at("2026-03-08T04:50:00Z"), at("2026-03-08T06:20:00Z"), NEW_YORK)).toBe("Yesterday 23:50");
  });
});

describe("entryTime", () => {
  const PARIS = "Europe/Paris";
  const LAGOS = "Africa/Lagos";

  it("gives the relative time and the clock time with the zone named, the same day", () => {
    const now = at("2026-12-03T17:05:00Z");
    expect(entryTime("2026-12-03T14:05:00Z", now, LONDON)).toBe("3 h ago · 14:05 GMT");
    expect(entryTime("2026-12-03T14:05:00Z", now, PARIS)).toBe("3 h ago · 15:05 CET");
    expect(entryTime("2026-12-03T14:05:00Z", now, NEW_YORK)).toBe("3 h ago · 09:05 GMT-5");
    expect(entryTime("2026-12-03T14:05:00Z", now, LAGOS)).toBe("3 h ago · 15:05 GMT+1");
    expect(entryTime("2026-12-03T17:02:00Z", now, LONDON)).toBe("3 min ago · 17:02 GMT");
    expect(entryTime("2026-12-03T17:04:30Z", now, LONDON)).toBe("just now · 17:04 GMT");
    // A reader's clock a little behind the server's.
    expect(entryTime("2026-12-03T17:05:20Z", now, LONDON)).toBe("just now · 17:05 GMT");
    // Summer time has its own name.
    expect(entryTime("2026-06-10T12:00:00Z", at("2026-06-10T13:00:00Z"), LONDON)).toBe("1 h ago · 13:00 BST");
    expect(entryTime("2026-06-10T12:00:00Z", at("2026-06-10T13:00:00Z"), PARIS)).toBe("1 h ago · 14:00 CEST");
  });

  it("dates an entry from an earlier day in the reader's zone, with the year only when it differs", () => {
    const now = at("2026-12-03T17:05:00Z");
    expect(entryTime("2026-12-02T14:05:00Z", now, LONDON)).toBe("Wed 2 Dec, 14:05 GMT");
    expect(entryTime("2026-11-26T09:30:00Z", now, NEW_YORK)).toBe("Thu 26 Nov, 04:30 GMT-5");
    expect(entryTime("2025-12-31T23:30:00Z", at("2026-01-02T12:00:00Z"), LONDON)).toBe("Wed 31 Dec 2025, 23:30 GMT");
    // New Year's Eve in Paris is already 2026.
    expect(entryTime("2025-12-31T23:30:00Z", at("2026-01-02T12:00:00Z"), PARIS)).toBe("Thu 1 Jan, 00:30 CET");
  });

  it("turns to a date at the reader's midnight, not at UTC's", () => {
    // 23:10 UTC on 3 Dec is 00:10 on 4 Dec in Paris, 18:10 on 3 Dec in New York.
    const now = at("2026-12-03T23:10:00Z");
    const entry = "2026-12-03T22:50:00Z";
    expect(entryTime(entry, now, "UTC")).toBe("20 min ago · 22:50 UTC");
    expect(entryTime(entry, now, PARIS)).toBe("Thu 3 Dec, 23:50 CET");
    expect(entryTime(entry, now, NEW_YORK)).toBe("20 min ago · 17:50 GMT-5");
    // Five hours back in New York: 12:10 the same day there, but 3 Dec is yesterday in Paris.
    expect(entryTime("2026-12-03T17:10:00Z", now, NEW_YORK)).toBe("6 h ago · 12:10 GMT-5");
    expect(entryTime("2026-12-03T22:59:00Z", now, PARIS)).toBe("Thu 3 Dec, 23:59 CET");
    expect(entryTime("2026-12-03T23:00:00Z", now, PARIS)).toBe("10 min ago · 00:00 CET");
  });

  it("names the zone on either side of a daylight-saving change", () => {
    // 25 Oct 2026: 02:00 BST becomes 01:00 GMT in London.
    const now = at("2026-10-25T01:30:00Z");
    expect(entryTime("2026-10-24T23:30:00Z", now, LONDON)).toBe("2 h ago · 00:30 BST");
    expect(entryTime("2026-10-25T01:20:00Z", now, LONDON)).toBe("10 min ago · 01:20 GMT");
  });
});

describe("zonedTime", () => {
  it("is the clock time with its zone today, dated on any other day, future ones included", () => {
    const now = at("2026-12-03T17:05:00Z");
    expect(zonedTime(at("2026-12-03T20:00:00Z"), now, LONDON)).toBe("20:00 GMT");
    expect(zonedTime(at("2026-12-04T09:00:00Z"), now, LONDON)).toBe("Fri 4 Dec, 09:00 GMT");
    expect(zonedTime(at("2027-01-04T09:00:00Z"), now, LONDON)).toBe("Mon 4 Jan 2027, 09:00 GMT");
  });
});
