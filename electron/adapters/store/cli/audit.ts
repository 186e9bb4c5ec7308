// `npm run audit -- verify --data-dir <dir>`: checks that the audit log's hash chain is intact
// (S-6, migration 009). Exit 0 with a summary when it is; exit 2 naming the first row that does not
// check out when it is not; exit 1 when it cannot tell (bad arguments, no database). It reads the
// snapshot + journal without changing anything, so it works while Deskline is running.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkAuditChain } from '../repositories/audit/auditChainCheck';
import { recoverDatabase } from '../engine/recovery';
import { queryRows, schemaVersion } from '../engine/sqlEngine';
import { storePaths } from '../engine/storeFiles';
import { runCli } from './cliArgs';

const usage = 'npm run audit -- verify --data-dir <dir>';
const chainVersion = 9;

class ChainBroken extends Error {}

const rowsText = (n: number) => (n === 1 ? '1 row' : `${n} rows`);

function parseAuditArgs(argv: readonly string[]): { dataDir: string } {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: { 'data-dir': { type: 'string' } }, strict: true, allowPositionals: true });
  } catch (error) {
    throw new Error(`${(error as Error).message} Usage: ${usage}`, { cause: error });
  }
  const [command, ...extra] = parsed.positionals;
  if (command === undefined) throw new Error(`Say what to do (only "verify" exists). Usage: ${usage}`);
  if (command !== 'verify') throw new Error(`There is no audit command "${command}"; the only one is "verify". Usage: ${usage}`);
  if (extra.length > 0) throw new Error(`Unexpected argument "${extra[0]}". Usage: ${usage}`);
  const dataDir = parsed.values['data-dir'];
  if (dataDir === undefined || dataDir.trim() === '') throw new Error(`--data-dir is required. Usage: ${usage}`);
  return { dataDir: path.resolve(dataDir) };
}

runCli(
  async () => {
    const { dataDir } = parseAuditArgs(process.argv.slice(2));
    const paths = storePaths(dataDir);
    if (!existsSync(paths.dir)) throw new Error(`${dataDir} holds no Deskline database (no ${paths.dir}).`);
    const { db, report } = await recoverDatabase(paths, { readOnly: true });
    try {
      const version = schemaVersion(db);
      if (version < chainVersion) {
        throw new Error(`The database is at schema ${version}; the audit log is chained from schema ${chainVersion} on. Start this Deskline once to upgrade it, then verify.`);
      }
      const result = checkAuditChain((sql, params = []) => queryRows(db, sql, params));
      const warnings = [...report.problems, ...report.applyErrors];
      const warningText = warnings.length > 0 ? ` Warnings from reading the store: ${warnings.join(' ')}` : '';
      if (!result.intact) {
        throw new ChainBroken(`The audit log is NOT intact: row ${result.brokenId} fails, ${result.reason}. ${rowsText(result.rows)} before it ${result.rows === 1 ? 'checks' : 'check'} out.${warningText}`);
      }
      const head = result.lastId === null ? 'The log is empty.' : `Last row ${result.lastId}, hash ${result.lastHash}.`;
      return `The audit log is intact: ${rowsText(result.rows)} checked, each chained to the one before it. ${head}${warningText}`;
    } finally {
      db.close();
    }
  },
  (error) => (error instanceof ChainBroken ? 2 : 1),
);
