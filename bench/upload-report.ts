import { availableParallelism, loadavg } from "node:os";
import { printTable } from "./support/print-table";
import type { RssMeasurement } from "./support/process-rss";

/** Milliseconds per phase of one upload on the server (receiveMs, fsyncMs, inspectMs, storeMs, commitMs). */
export type ServerTimings = Record<string, number>;

/** One round of concurrent uploads to one server. */
export type UploadPhase = {
  seconds: number;
  rss: RssMeasurement;
  /** mean time from an upload's last byte to its answer */
  afterLastByteSeconds: number;
  /** Yozuv only: the server's mean time per phase */
  serverTimings?: ServerTimings;
};

// What each phase of the server's "upload stored" line covers, in the order they happen.
const phaseNames: [string, string][] = [
  ["receiveMs", "receive (request start to last byte read)"],
  ["fsyncMs", "write out and fsync the staged file"],
  ["inspectMs", "inspect (type, metadata, truncation)"],
  ["storeMs", "store (rename, directory fsync)"],
  ["commitMs", "commit (quota, row, job: one transaction)"],
];

export const MB = 1024 * 1024; // MB means MiB throughout, as MAX_UPLOAD_MB does

// The targets.
const MAX_RSS_GROWTH_MB = 64;
const MIN_THROUGHPUT_RATIO = 0.8;

type Summary = { throughputs: number[]; throughput: number; afterLastByte: number; beforeBytes: number; peakBytes: number; growthMb: number };

/**
 * Throughput is the median over the rounds (one round is a second or two, easily disturbed by other
 * work on the machine). RSS growth is the peak over all rounds minus the RSS before the first: memory
 * that uploads leave behind counts as much as a spike.
 */
function summarize(phases: UploadPhase[], totalMb: number): Summary {
  const throughputs = phases.map((phase) => totalMb / phase.seconds);
  const beforeBytes = phases[0]!.rss.beforeBytes;
  const peakBytes = Math.max(...phases.map((phase) => phase.rss.peakBytes));
  return {
    throughputs,
    throughput: median(throughputs),
    afterLastByte: median(phases.map((phase) => phase.afterLastByteSeconds)),
    beforeBytes,
    peakBytes,
    growthMb: (peakBytes - beforeBytes) / MB,
  };
}

/** Prints the comparison table and whether each target is met. Missing one is reported, not fatal. */
export function printUploadReport(input: { fileCount: number; fileBytes: number; yozuv: UploadPhase[]; plain: UploadPhase[] }): void {
  const { fileCount, fileBytes } = input;
  const totalMb = (fileCount * fileBytes) / MB;
  const yozuv = summarize(input.yozuv, totalMb);
  const plain = summarize(input.plain, totalMb);
  const ratio = yozuv.throughput / plain.throughput;
  const mb = (bytes: number) => (bytes / MB).toFixed(1);
  const list = (values: number[]) => values.map((value) => value.toFixed(0)).join(" ");

  const rows: string[][] = [
    ["", "Yozuv (next start)", "plain Node stream"],
    ["throughput, median (MB/s)", yozuv.throughput.toFixed(1), plain.throughput.toFixed(1)],
    ["throughput per round (MB/s)", list(yozuv.throughputs), list(plain.throughputs)],
    ["last byte to answer, median (s)", yozuv.afterLastByte.toFixed(2), plain.afterLastByte.toFixed(2)],
    ["server RSS before (MB)", mb(yozuv.beforeBytes), mb(plain.beforeBytes)],
    ["server RSS peak (MB)", mb(yozuv.peakBytes), mb(plain.peakBytes)],
    ["server RSS growth (MB)", yozuv.growthMb.toFixed(1), plain.growthMb.toFixed(1)],
  ];
  const checks: [string, string, string, boolean][] = [
    ["throughput vs plain stream", `${ratio.toFixed(2)}x`, `>= ${MIN_THROUGHPUT_RATIO}x`, ratio >= MIN_THROUGHPUT_RATIO],
    ["server RSS growth", `${yozuv.growthMb.toFixed(1)} MB`, `< ${MAX_RSS_GROWTH_MB} MB`, yozuv.growthMb < MAX_RSS_GROWTH_MB],
  ];

  console.log(`\nUpload benchmark: ${fileCount} concurrent uploads of ${fileBytes / MB} MB WAV files (${totalMb} MB) over 127.0.0.1, ${input.yozuv.length} round(s)`);
  console.log(`(${availableParallelism()} CPUs, load average ${loadavg()[0]!.toFixed(2)}: other work on the machine makes these numbers noisy)\n`);
  printTable(rows);
  const timed = input.yozuv.flatMap((phase) => (phase.serverTimings ? [phase.serverTimings] : []));
  if (timed.length) {
    console.log("\nWhere an upload's time goes on the server (mean per upload, median over rounds, ms):");
    printTable([["phase", "ms"], ...phaseNames.map(([key, label]) => [label, median(timed.map((timings) => timings[key] ?? NaN)).toFixed(1)])]);
  }
  console.log("");
  printTable([["target", "measured", "wanted", ""], ...checks.map(([name, measured, wanted, met]) => [name, measured, wanted, met ? "PASS" : "MISS"])]);
  const missed = checks.filter(([, , , met]) => !met).map(([name]) => name);
  console.log(missed.length ? `\nMISS: ${missed.join(", ")} (a benchmark: reported, not failed)` : "\nAll targets met.");
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
