// `npm run report -- calls --data-dir <dir> --from <date> --to <date> --format csv|json --out <file>
// [--full-numbers]`: the call-log export from the command line, in the documented columns of
// shared/domain/callExport.ts. It reads the snapshot + journal without changing anything (as
// `npm run backup` does), so it works while Deskline is running. Every argument is checked before
// the database is read, and the file appears whole or not at all.
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatExportTime, toCsv, toJson } from '../../../../shared/domain/callExport';
import { parseExportRange, rangeInputHelp } from '../../../../shared/domain/exportRange';
import { loadCallsForExport } from '../repositories/callLog/callExportQueries';
import { writePendingAudit } from '../repositories/audit/pendingAudit';
import { recoverDatabase } from '../engine/recovery';
import { cliStoreKey } from './cliStoreKey';
import { queryRows } from '../engine/sqlEngine';
import { writeNewFileDurablySync } from '../../files/durableFiles';
import { storePaths } from '../engine/storeFiles';
import { runCli } from './cliArgs';
import { restrictNewFiles } from '../../files/privateFiles';

const usage = 'npm run report -- calls --data-dir <dir> --from <date> --to <date> --format csv|json --out <file> [--full-numbers] [--passphrase-file <file>]';
const formats = ['csv', 'json'] as const;
type Format = (typeof formats)[number];

interface ReportArgs {
  dataDir: string;
  from: string;
  to: string;
  format: Format;
  out: string;
  fullNumbers: boolean;
}

function parseReportArgs(argv: readonly string[]): ReportArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        'data-dir': { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        'full-numbers': { type: 'boolean' },
        'passphrase-file': { type: 'string' },
      },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    throw new Error(`${(error as Error).message} Usage: ${usage}`, { cause: error });
  }
  const { values, positionals } = parsed;
  const [report, ...extra] = positionals;
  if (report === undefined) throw new Error(`Say which report to make (only "calls" exists so far). Usage: ${usage}`);
  if (report !== 'calls') throw new Error(`There is no report "${report}"; the only one is "calls". Usage: ${usage}`);
  if (extra.length > 0) throw new Error(`Unexpected argument "${extra[0]}". Usage: ${usage}`);

  const required = (name: 'data-dir' | 'from' | 'to' | 'format' | 'out'): string => {
    const value = values[name];
    if (value === undefined || value.trim() === '') {
      const hint = name === 'from' || name === 'to' ? ` (${rangeInputHelp})` : '';
      throw new Error(`--${name} is required${hint}. Usage: ${usage}`);
    }
    return value;
  };
  const format = required('format');
  if (!(formats as readonly string[]).includes(format)) throw new Error(`--format must be csv or json, not "${format}". Usage: ${usage}`);
  return {
    dataDir: path.resolve(required('data-dir')),
    from: required('from'),
    to: required('to'),
    format: format as Format,
    out: path.resolve(required('out')),
    fullNumbers: values['full-numbers'] === true,
  };
}

const alreadyExists = (file: string) => new Error(`${file} already exists; choose a new file name (a report never overwrites a file).`);

restrictNewFiles(); // S-6: the output (and anything else this creates) is this user's only

runCli(async () => {
  const args = parseReportArgs(process.argv.slice(2));
  const range = parseExportRange(args.from, args.to);
  if (existsSync(args.out)) throw alreadyExists(args.out);
  const paths = storePaths(args.dataDir);
  if (!existsSync(paths.dir)) throw new Error(`${args.dataDir} holds no Deskline database (no ${paths.dir}).`);

  // Issue 13: an encrypted store is read with its key. The report itself is plain CSV/JSON for an
  // operator's spreadsheet: numbers masked by default, the file 0600, the export audited (README).
  const { key } = await cliStoreKey(process.argv.slice(2), args.dataDir);
  const { db, report } = await recoverDatabase(paths, { readOnly: true, key });
  let count: number;
  try {
    if (queryRows(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'calls'").length === 0) {
      throw new Error(`${args.dataDir} holds no call log yet (the database was never set up by Deskline).`);
    }
    const calls = await loadCallsForExport((sql, params) => queryRows(db, sql, params), range);
    count = calls.length;
    const options = { maskNumbers: !args.fullNumbers };
    // S-6: recorded before the file exists. The operator can read the data dir, i.e. acts as an admin.
    writePendingAudit(args.dataDir, {
      at: Date.now(),
      actorId: `os-user:${os.userInfo().username}`,
      actorRole: 'admin',
      action: 'calls.export',
      subject: null,
      detail: { via: 'npm run report', out: args.out, format: args.format, fullNumbers: args.fullNumbers, from: range.fromWall, to: range.toWallExclusive, count },
    });
    writeNewFileDurablySync(args.out, args.format === 'csv' ? toCsv(calls, options) : `${toJson(calls, options)}\n`, alreadyExists);
  } finally {
    db.close();
  }

  const what = count === 1 ? '1 call' : `${count} calls`;
  const span = `from ${formatExportTime(range.fromWall)} up to (not including) ${formatExportTime(range.toWallExclusive)}`;
  const numbers = args.fullNumbers
    ? 'Phone numbers are in full (--full-numbers): keep the file as confidential as the database (S-6).'
    : 'Phone numbers are masked (S-6); --full-numbers writes them in full.';
  const problems = [...report.problems, ...report.applyErrors];
  const warnings = problems.length > 0 ? ` Warnings: ${problems.join(' ')}` : '';
  return `Exported ${what} started ${span} to ${args.out} (${args.format.toUpperCase()}). ${numbers}${warnings}`;
});
