// The folder boundaries are kept by ESLint (eslint.config.mjs); `npm run lint` passing means no import
// crosses them. This proves the rule bites: each forbidden import below, linted as if it stood in a real
// file of that folder, is reported, and each allowed one is not.
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd() });
});

async function boundaryProblems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === "@typescript-eslint/no-restricted-imports" || message.fatal)
    .map((message) => message.message);
}

describe("folder boundaries", { timeout: 120_000 }, () => {
  it("common/ imports nothing from server/ or components/, by alias or relative path", async () => {
    expect(
      await boundaryProblems("common/urls.ts", 'import { getRuntime } from "@/server/runtime";\nvoid getRuntime;\n'),
    ).toEqual([expect.stringContaining("common/ runs in the browser too")]);
    expect(
      await boundaryProblems("common/urls.ts", 'import type { Db } from "../server/db/types";\nexport type D = Db;\n'),
    ).toEqual([expect.stringContaining("common/ runs in the browser too")]);
    expect(
      await boundaryProblems(
        "common/contracts/dto.ts",
        'import { applyEvent } from "../../components/feed/feed-state";\nvoid applyEvent;\n',
      ),
    ).toEqual([expect.stringContaining("common/ cannot import components/")]);
  });

  it("components/ take only types from server/", async () => {
    const file = "components/feed/relative-time.ts";
    expect(await boundaryProblems(file, 'import { getRuntime } from "@/server/runtime";\nvoid getRuntime;\n')).toEqual([
      expect.stringContaining("import type"),
    ]);
    expect(await boundaryProblems(file, 'import type { Db } from "@/server/db/types";\nexport type D = Db;\n')).toEqual(
      [],
    );
  });

  it("server/ never imports components/ (its tests may drive them)", async () => {
    expect(
      await boundaryProblems(
        "server/seo/atom-feed.ts",
        'import { applyEvent } from "@/components/feed/feed-state";\nvoid applyEvent;\n',
      ),
    ).toEqual([expect.stringContaining("server/ never imports components/")]);
    expect(
      await boundaryProblems(
        "server/test/harness.ts",
        'import { applyEvent } from "@/components/feed/feed-state";\nvoid applyEvent;\n',
      ),
    ).toEqual([]);
  });
});
