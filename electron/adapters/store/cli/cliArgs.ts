// Argument parsing shared by the store CLIs: named options only, each required one checked, so a
// mistyped command changes nothing and says what it expected.
import path from 'node:path';
import { parseArgs } from 'node:util';

/** `optional`: string options allowed but not required (e.g. passphrase-file), read by their own code. */
export function requiredPaths<const K extends string>(argv: readonly string[], names: readonly K[], usage: string, optional: readonly string[] = []): Record<K, string> {
  const { values } = parseArgs({
    args: [...argv],
    options: Object.fromEntries([...names, ...optional].map((name) => [name, { type: 'string' as const }])),
    strict: true,
    allowPositionals: false,
  });
  const result = {} as Record<K, string>;
  for (const name of names) {
    const value = values[name];
    if (typeof value !== 'string' || value === '') throw new Error(`--${name} is required. Usage: ${usage}`);
    result[name] = path.resolve(value);
  }
  return result;
}

/** Runs a CLI body: one clear line on failure, exit code 1 (3 when another Deskline holds the data). */
export function runCli(body: () => Promise<string>, exitCodeFor: (error: unknown) => number = () => 1): void {
  body().then(
    (message) => {
      process.stdout.write(`${message}\n`);
      process.exit(0);
    },
    (error: unknown) => {
      process.stderr.write(`Deskline: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(exitCodeFor(error));
    },
  );
}
