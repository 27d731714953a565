import { describe, expect, it } from "vitest";
import { loadConfig } from "./config";

const env = (values: Record<string, string>) => ({ NODE_ENV: "test", ...values }) as NodeJS.ProcessEnv;

describe("loadConfig", () => {
  it("cuts slow clients off after 20 s of headers and a minute of request by default", () => {
    expect(loadConfig(env({})).timeouts).toEqual({ headersMs: 20_000, requestMs: 60_000 });
    expect(
      loadConfig(env({ HTTP_HEADERS_TIMEOUT_SECONDS: "0.5", HTTP_REQUEST_TIMEOUT_SECONDS: "2" })).timeouts,
    ).toEqual({ headersMs: 500, requestMs: 2000 });
  });

  it("refuses headers that may take longer than the whole request, and timeouts of 0", () => {
    expect(() => loadConfig(env({ HTTP_HEADERS_TIMEOUT_SECONDS: "90" }))).toThrow(
      /HTTP_HEADERS_TIMEOUT_SECONDS: must not be longer than HTTP_REQUEST_TIMEOUT_SECONDS/,
    );
    expect(() => loadConfig(env({ HTTP_REQUEST_TIMEOUT_SECONDS: "0" }))).toThrow(/HTTP_REQUEST_TIMEOUT_SECONDS/);
  });

  it("brands the site as Liveline in red, UTC and en-GB unless PUBLISHER_* say otherwise", () => {
    expect(loadConfig(env({})).publisher).toEqual({
      name: "Liveline",
      logoUrl: null,
      accentColor: "#b91c1c",
      timeZone: "UTC",
      locale: "en-GB",
    });
    expect(
      loadConfig(
        env({
          PUBLISHER_NAME: " The Gazette ",
          PUBLISHER_LOGO_URL: "https://cdn.example/logo.svg",
          PUBLISHER_ACCENT: "#1D4ED8",
          PUBLISHER_TIME_ZONE: "Europe/Paris",
          PUBLISHER_LOCALE: "fr-fr",
        }),
      ).publisher,
    ).toEqual({
      name: "The Gazette",
      logoUrl: "https://cdn.example/logo.svg",
      accentColor: "#1d4ed8",
      timeZone: "Europe/Paris",
      locale: "fr-FR",
    });
  });

  it("refuses a brand the settings page would refuse, naming the variable", () => {
    expect(() => loadConfig(env({ PUBLISHER_TIME_ZONE: "Europe/Atlantis" }))).toThrow(
      /PUBLISHER_TIME_ZONE: must be an IANA time zone/,
    );
    expect(() => loadConfig(env({ PUBLISHER_ACCENT: "#ffff00" }))).toThrow(
      /PUBLISHER_ACCENT: must contrast at least 4.5:1/,
    );
    expect(() => loadConfig(env({ PUBLISHER_LOGO_URL: "http://x.example/l.png" }))).toThrow(/PUBLISHER_LOGO_URL/);
    expect(() => loadConfig(env({ PUBLISHER_LOCALE: "not a locale" }))).toThrow(/PUBLISHER_LOCALE/);
    expect(() => loadConfig(env({ PUBLISHER_NAME: "x".repeat(81) }))).toThrow(/PUBLISHER_NAME/);
  });
});
