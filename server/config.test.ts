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
});
