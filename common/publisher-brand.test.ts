import { describe, expect, it } from "vitest";
import { describeZodError, publisherSettingsSchema } from "./contracts/schemas";
import {
  canonicalLocale,
  contrastOnWhite,
  DEFAULT_ACCENT_COLOR,
  isLogoLocation,
  isTimeZone,
  MIN_ACCENT_CONTRAST,
} from "./publisher-brand";

const valid = {
  name: "The Harbour Gazette",
  logoUrl: "/uploads/0123abcd.png",
  accentColor: "#1D4ED8",
  timeZone: "Europe/London",
  locale: "en-gb",
};

const errorOf = (value: unknown) => {
  const result = publisherSettingsSchema.safeParse(value);
  return result.error ? describeZodError(result.error) : "";
};

describe("publisher brand checks", () => {
  it("knows IANA zones, aliases included, and refuses offsets, abbreviations and made-up places", () => {
    for (const zone of ["UTC", "Europe/London", "America/Argentina/Buenos_Aires", "Europe/Kiev", "Etc/GMT+1"])
      expect(isTimeZone(zone), zone).toBe(true);
    for (const zone of ["Mars/Olympus_Mons", "+01:00", "GMT+1 ", "", "Europe/", "../etc/passwd", "Europe/London\n"])
      expect(isTimeZone(zone), zone).toBe(false);
  });

  it("takes BCP 47 locales in canonical form and refuses what is not one", () => {
    expect(canonicalLocale("en-gb")).toBe("en-GB");
    expect(canonicalLocale("de")).toBe("de");
    expect(canonicalLocale("zh-Hant-TW")).toBe("zh-Hant-TW");
    for (const tag of ["", "english", "en_GB", "x", "en-GB-"]) expect(canonicalLocale(tag), tag).toBeNull();
  });

  it("measures contrast on white as WCAG does, and the default accent passes AA", () => {
    expect(contrastOnWhite("#000000")).toBeCloseTo(21, 5);
    expect(contrastOnWhite("#ffffff")).toBeCloseTo(1, 5);
    expect(contrastOnWhite("#767676")).toBeCloseTo(4.54, 2);
    expect(contrastOnWhite(DEFAULT_ACCENT_COLOR)).toBeGreaterThanOrEqual(MIN_ACCENT_CONTRAST);
  });

  it("takes logos from our uploads or https only", () => {
    for (const ok of ["/uploads/abc123.png", "https://cdn.example/brand/logo.svg"])
      expect(isLogoLocation(ok), ok).toBe(true);
    for (const bad of [
      "http://cdn.example/logo.png",
      "javascript:alert(1)",
      "data:image/png;base64,AAAA",
      "/uploads/../secret.png",
      "/demo/logo.svg",
      "//evil.example/logo.png",
      "https://user:pw@cdn.example/logo.png",
      "logo.png",
    ])
      expect(isLogoLocation(bad), bad).toBe(false);
  });
});

describe("publisherSettingsSchema", () => {
  it("accepts a whole brand, canonicalizing the locale and the colour", () => {
    expect(publisherSettingsSchema.parse(valid)).toEqual({ ...valid, accentColor: "#1d4ed8", locale: "en-GB" });
    expect(publisherSettingsSchema.parse({ ...valid, logoUrl: null }).logoUrl).toBeNull();
  });

  it("names each bad field and why", () => {
    expect(errorOf({ ...valid, name: "  " })).toBe("name: name is required");
    expect(errorOf({ ...valid, name: "x".repeat(81) })).toBe("name: name must be at most 80 characters");
    expect(errorOf({ ...valid, timeZone: "Mars/Olympus_Mons" })).toBe(
      'timeZone: timeZone "Mars/Olympus_Mons" is not an IANA time zone such as Europe/London',
    );
    expect(errorOf({ ...valid, locale: "english" })).toBe(
      'locale: locale "english" is not a BCP 47 locale such as en-GB',
    );
    expect(errorOf({ ...valid, accentColor: "red" })).toBe("accentColor: accentColor must be a colour as #rrggbb");
    expect(errorOf({ ...valid, accentColor: "#FFCC00" })).toMatch(
      /^accentColor: accentColor must contrast at least 4.5:1 with white .*; #ffcc00 has 1\.\d:1$/,
    );
    expect(errorOf({ ...valid, logoUrl: "http://cdn.example/logo.png" })).toBe(
      "logoUrl: logoUrl must be an https URL or a path under /uploads/",
    );
    expect(errorOf({ ...valid, extra: 1 })).toBe("extra: not a known field");
    expect(errorOf({ name: "x" })).toMatch(/logoUrl: .*accentColor: .*timeZone: .*locale: /);
  });
});
