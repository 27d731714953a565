import { describe, expect, it } from "vitest";
import { connectionMessage } from "./connection-message";

const syncedAt = Date.parse("2026-06-10T13:05:00Z");

describe("connectionMessage", () => {
  it("says nothing while the page is live or still connecting", () => {
    expect(connectionMessage({ state: "live", syncedAt }, "Europe/London")).toBeNull();
    expect(connectionMessage({ state: "connecting", syncedAt: null }, "Europe/London")).toBeNull();
  });

  it("says what the page holds, in the reader's zone, and that it keeps trying", () => {
    expect(connectionMessage({ state: "offline", syncedAt }, "Europe/London")).toBe(
      "Offline · showing updates up to 14:05 · reconnecting",
    );
    expect(connectionMessage({ state: "offline", syncedAt }, "America/New_York")).toBe(
      "Offline · showing updates up to 09:05 · reconnecting",
    );
    expect(connectionMessage({ state: "reconnecting", syncedAt }, "Europe/London")).toBe(
      "Reconnecting… · showing updates up to 14:05",
    );
  });

  it("leaves out the time when the page never knew it was up to date", () => {
    expect(connectionMessage({ state: "offline", syncedAt: null }, "UTC")).toBe("Offline · reconnecting");
  });
});
