// zod as every module under common/ and components/ imports it: configured before any schema is built.
// jitless: otherwise zod probes `new Function` and compiles object parsers with it, which the pages'
// Content-Security-Policy (no 'unsafe-eval') blocks and reports as a violation in every browser that parses.
import { z } from "zod";

z.config({ jitless: true });

export { z };
