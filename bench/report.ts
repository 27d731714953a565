// The benchmark's markdown: one table per step (Liveline next to the raw ws baseline, with ratios), the
// reader page under load, the two-node comparison, and the targets with whether each was met.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import type { BenchResult, SideResult, StepResult } from "./run";

export const TARGETS_MARKDOWN = `Targets: publish-to-receive p99 ≤ 1.15× raw ws at 10 000 readers; 100% delivered; ≤ 15 KB RSS per reader;
cached reader page p99 ≤ 100 ms at 100 concurrent requests with 10 000 readers connected, and zero database
queries per cached view; cross-node p99 ≤ 1.3× single-node.`;

const START = "<!-- bench:results:start -->";
const END = "<!-- bench:results:end -->";

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (n: number) => (Number.isFinite(n) ? `${n} ms` : "–");
const ratio = (a: number, b: number) =>
  b > 0 && Number.isFinite(a) && Number.isFinite(b) ? `${(a / b).toFixed(2)}×` : "–";
const pct = (side: SideResult) =>
  `${side.delivered}/${side.expected} (${side.expected ? ((100 * side.delivered) / side.expected).toFixed(2) : "0"}%)`;

function stepTable(step: StepResult): string {
  const { liveline: l, raw: r } = step;
  const rows: [string, string, string, string][] = [
    ["readers ready", `${l.ready}/${l.readers}`, `${r.ready}/${r.readers}`, ratio(l.ready, r.ready)],
    [
      "connect rate",
      `${l.connectPerSecond}/s`,
      `${r.connectPerSecond}/s`,
      ratio(l.connectPerSecond, r.connectPerSecond),
    ],
    ["delivered", pct(l), pct(r), ratio(l.delivered / Math.max(1, l.expected), r.delivered / Math.max(1, r.expected))],
    ["latency p50", ms(l.latencyMs.p50), ms(r.latencyMs.p50), ratio(l.latencyMs.p50, r.latencyMs.p50)],
    ["latency p95", ms(l.latencyMs.p95), ms(r.latencyMs.p95), ratio(l.latencyMs.p95, r.latencyMs.p95)],
    ["latency p99", ms(l.latencyMs.p99), ms(r.latencyMs.p99), ratio(l.latencyMs.p99, r.latencyMs.p99)],
    ["latency max", ms(l.latencyMs.max), ms(r.latencyMs.max), ratio(l.latencyMs.max, r.latencyMs.max)],
    [
      "publish request p50 / max",
      `${ms(l.publishRequestMs.p50)} / ${ms(l.publishRequestMs.max)}`,
      `${ms(r.publishRequestMs.p50)} / ${ms(r.publishRequestMs.max)}`,
      ratio(l.publishRequestMs.p50, r.publishRequestMs.p50),
    ],
    ["publish request, no reader connected", ms(step.publishAloneMs), "–", "–"],
    [
      "RSS per reader",
      kb(l.rssPerReaderBytes),
      kb(r.rssPerReaderBytes),
      ratio(l.rssPerReaderBytes, r.rssPerReaderBytes),
    ],
    [
      "heap per reader",
      kb(l.heapPerReaderBytes),
      kb(r.heapPerReaderBytes),
      ratio(l.heapPerReaderBytes, r.heapPerReaderBytes),
    ],
    [
      "server RSS idle → loaded",
      `${mb(l.rssIdleBytes)} → ${mb(l.rssLoadedBytes)}`,
      `${mb(r.rssIdleBytes)} → ${mb(r.rssLoadedBytes)}`,
      ratio(l.rssLoadedBytes, r.rssLoadedBytes),
    ],
    [
      "event-loop delay p99 / max",
      `${ms(l.eventLoopDelayMs.p99)} / ${ms(l.eventLoopDelayMs.max)}`,
      `${ms(r.eventLoopDelayMs.p99)} / ${ms(r.eventLoopDelayMs.max)}`,
      ratio(l.eventLoopDelayMs.p99, r.eventLoopDelayMs.p99),
    ],
  ];
  if (l.checkers) rows.push(["socket.io-client checkers", `${l.checkers.delivered}/${l.checkers.expected}`, "–", "–"]);
  return [
    `#### ${step.readers.toLocaleString("en")} readers`,
    "",
    "| | Liveline | raw ws | ratio |",
    "|---|---|---|---|",
    ...rows.map((row) => `| ${row.join(" | ")} |`),
  ].join("\n");
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

interface Verdict {
  target: string;
  measured: string;
  met: boolean | null;
}

export function verdicts(result: BenchResult): Verdict[] {
  const largest = result.steps.reduce<StepResult | undefined>(
    (a, s) => (!a || s.readers > a.readers ? s : a),
    undefined,
  );
  const at = (step: StepResult | undefined) =>
    step ? `at ${step.readers.toLocaleString("en")} readers` : "not measured";
  const tenK = result.steps.find((s) => s.readers === 10_000) ?? largest;
  const out: Verdict[] = [];
  if (tenK) {
    const r = tenK.liveline.latencyMs.p99 / tenK.raw.latencyMs.p99;
    out.push({
      target: "p99 ≤ 1.15× raw ws at 10k",
      measured: `${ms(tenK.liveline.latencyMs.p99)} vs ${ms(tenK.raw.latencyMs.p99)} = ${r.toFixed(2)}× ${at(tenK)}`,
      met: tenK.readers >= 10_000 ? r <= 1.15 : null,
    });
  }
  const all = result.steps
    .map((s) => s.liveline)
    .concat(result.crossNode ? [result.crossNode.single, result.crossNode.cross] : []);
  const full = all.every(
    (s) =>
      s.ready === s.readers &&
      s.delivered === s.expected &&
      (!s.checkers || s.checkers.delivered === s.checkers.expected),
  );
  out.push({
    target: "100% delivered",
    measured: all.map((s) => `${s.delivered}/${s.expected}`).join(", "),
    met: all.length ? full : null,
  });
  if (largest) {
    out.push({
      target: "≤ 15 KB RSS per reader",
      measured: `${kb(largest.liveline.rssPerReaderBytes)} ${at(largest)}`,
      met: largest.liveline.rssPerReaderBytes <= 15 * 1024,
    });
    const page = largest.page;
    if (page) {
      out.push({
        target: "cached page p99 ≤ 100 ms, 100 concurrent, 10k readers",
        measured: `${ms(page.latencyMs.p99)} (${page.requestsPerSecond.toFixed(0)} req/s, ${page.connections} connections) ${at(largest)}`,
        met: largest.readers >= 10_000 && page.connections >= 100 ? page.latencyMs.p99 <= 100 : null,
      });
      out.push({
        target: "zero DB queries per cached view",
        measured: `${page.queries} queries for ${page.requests} views`,
        met: page.queries === 0,
      });
    }
  }
  if (result.crossNode) {
    const { single, cross } = result.crossNode;
    const r = cross.latencyMs.p99 / single.latencyMs.p99;
    out.push({
      target: "cross-node p99 ≤ 1.3× single-node",
      measured: `${ms(cross.latencyMs.p99)} vs ${ms(single.latencyMs.p99)} = ${r.toFixed(2)}× at ${result.crossNode.readers.toLocaleString("en")} readers`,
      met: r <= 1.3,
    });
  }
  return out;
}

export function renderReport(result: BenchResult): string {
  const lines = [
    `Run ${result.startedAt} on ${result.machine.cpus} × ${result.machine.cpuModel}, ${result.machine.memoryGiB} GiB, Node ${result.machine.node}; ` +
      `${result.options.publishes} entries per step and side, ${result.options.publishGapMs} ms apart, Liveline and the baseline taking ${result.options.rounds ?? 1} turns each; ` +
      `open files limit ${result.machine.openFilesLimit}.` +
      (result.resultsFile ? ` Raw figures: \`${result.resultsFile.replace(/^.*\/bench\//, "bench/")}\`.` : ""),
    "",
    "#### Targets",
    "",
    "| target | measured | met |",
    "|---|---|---|",
    ...verdicts(result).map(
      (v) =>
        `| ${v.target} | ${v.measured} | ${v.met === null ? "not measured at that size" : v.met ? "yes" : "**no**"} |`,
    ),
    "",
    ...result.steps.flatMap((step) => [stepTable(step), ""]),
  ];
  const pages = result.steps.filter((s) => s.page);
  if (pages.length) {
    lines.push(
      "#### Reader page under load (autocannon, readers still connected)",
      "",
      "| readers | connections × s | req/s | p50 | p90 | p99 | max | non-2xx / errors | DB queries (per view) |",
      "|---|---|---|---|---|---|---|---|---|",
      ...pages.map(
        ({ readers, page: p }) =>
          `| ${readers.toLocaleString("en")} | ${p!.connections} × ${p!.seconds} | ${p!.requestsPerSecond.toFixed(0)} | ${ms(p!.latencyMs.p50)} | ${ms(p!.latencyMs.p90)} | ${ms(p!.latencyMs.p99)} | ${ms(p!.latencyMs.max)} | ${p!.non2xx} / ${p!.errors} | ${p!.queries} (${p!.queriesPerView.toFixed(4)}) |`,
      ),
      "",
    );
  }
  if (result.crossNode) {
    const { single: s, cross: c, readers } = result.crossNode;
    lines.push(
      `#### Two nodes, PostgreSQL + Redis, ${readers.toLocaleString("en")} readers (publish on A)`,
      "",
      "| | readers on A | readers on B | ratio |",
      "|---|---|---|---|",
      `| delivered | ${pct(s)} | ${pct(c)} | – |`,
      `| latency p50 | ${ms(s.latencyMs.p50)} | ${ms(c.latencyMs.p50)} | ${ratio(c.latencyMs.p50, s.latencyMs.p50)} |`,
      `| latency p95 | ${ms(s.latencyMs.p95)} | ${ms(c.latencyMs.p95)} | ${ratio(c.latencyMs.p95, s.latencyMs.p95)} |`,
      `| latency p99 | ${ms(s.latencyMs.p99)} | ${ms(c.latencyMs.p99)} | ${ratio(c.latencyMs.p99, s.latencyMs.p99)} |`,
      `| latency max | ${ms(s.latencyMs.max)} | ${ms(c.latencyMs.max)} | ${ratio(c.latencyMs.max, s.latencyMs.max)} |`,
      `| RSS per reader | ${kb(s.rssPerReaderBytes)} | ${kb(c.rssPerReaderBytes)} | ${ratio(c.rssPerReaderBytes, s.rssPerReaderBytes)} |`,
      "",
    );
  }
  return lines.join("\n").trimEnd();
}

/** Replaces the generated part of docs/performance.md (between its markers), keeping the prose around it. */
export function writePerformanceDoc(docPath: string, report: string): void {
  const doc = existsSync(docPath) ? readFileSync(docPath, "utf8") : `# Performance\n\n${START}\n${END}\n`;
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  const block = `${START}\n${report}\n${END}`;
  const next =
    start >= 0 && end > start
      ? doc.slice(0, start) + block + doc.slice(end + END.length)
      : `${doc.trimEnd()}\n\n${block}\n`;
  writeFileSync(docPath, next);
}
