// `npm run bench`: runs every tests/bench/*.bench.ts in its own process, one after another (each
// prints its own table and writes its JSON to .out/bench/<name>.json), then lists the JSON files.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.resolve(benchDir, '../../.out/bench');
mkdirSync(outDir, { recursive: true });

const only = process.argv.slice(2);
const files = readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

let failed = 0;
for (const file of files) {
  console.log(`\n=== ${file} ===`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(benchDir, file)], {
    stdio: 'inherit',
    env: { ...process.env, DESKLINE_BENCH_OUT: outDir },
  });
  if (result.status !== 0) failed++;
}
console.log(`\nBenchmark JSON written to ${outDir}`);
process.exit(failed === 0 ? 0 : 1);
