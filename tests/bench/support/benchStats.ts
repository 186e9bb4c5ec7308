// Summaries and output shared by the benchmarks: percentiles, a table on screen, JSON in a file.
import { writeFileSync } from 'node:fs';
import path from 'node:path';

export interface Summary {
  n: number;
  median: number;
  p95: number;
  p99: number;
  max: number;
}

export function summarize(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  return { n: sorted.length, median: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted.at(-1) ?? NaN };
}

export const ms = (value: number) => (Number.isFinite(value) ? `${value < 10 ? value.toFixed(3) : value.toFixed(1)} ms` : '—');
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** Prints rows as an aligned table. */
export function printTable(title: string, header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(`\n${title}\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const row of rows) console.log(line(row));
}

export function writeBenchJson(name: string, data: unknown): string {
  const dir = process.env.DESKLINE_BENCH_OUT ?? path.resolve('.out/bench');
  const file = path.join(dir, `${name}.json`);
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
  console.log(`\nJSON: ${file}`);
  return file;
}

export const hrMs = () => Number(process.hrtime.bigint()) / 1e6;

/**
 * Runs `cleanup` (Kamailio, hosts, browsers, temp dirs) if the bench is interrupted with Ctrl+C or
 * SIGTERM, then exits 130. Returns the function that stops listening, for the bench's own finally.
 */
export function cleanUpOnSignal(cleanup: () => Promise<void>): () => void {
  const onSignal = (signal: NodeJS.Signals) => {
    console.error(`\n${signal}: cleaning up`);
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
}
