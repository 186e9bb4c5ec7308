// `npm run report -- calls …` against a real store: the CSV and JSON files byte for byte against
// fixtures (range edges, same-millisecond order, masking, quoting, the formula guard, Chinese
// notes), a running Deskline left undisturbed, and every bad input refused with nothing written.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { callsForExportSql, loadCallsForExport } from '../../../../../../electron/adapters/store/repositories/callLog/callExportQueries';
import { openStore, type SqlStatement } from '../../../../../../electron/adapters/store/engine/store';
import { dbFiles, withStore } from '../../../../../support/database/storeFixtures';
import { repoRoot, tempDataDir } from '../../../../../support/webHost';

const fixtures = path.join(repoRoot, 'tests/fixtures/callLog');
/** The child runs in China time, so the dates and the times in the files are +08:00. */
const at = (localTime: string) => Date.parse(`${localTime}+08:00`);

interface StoredCall {
  id: string;
  agentId?: string;
  direction?: 'inbound' | 'outbound';
  remoteNumber: string;
  outcome: 'active' | 'answered' | 'abandoned' | 'missed';
  startedAt: number;
  answeredAt?: number | null;
  endedAt: number | null;
  ringCount: number | null;
  withinThreeRings: 0 | 1 | null;
  holdMs?: number;
  talkMs?: number;
  wrapMs?: number;
  category?: string | null;
  disposition?: string | null;
  satisfaction?: number | null;
  notes?: string;
}

function insertCall(c: StoredCall): SqlStatement {
  return {
    sql: `INSERT INTO calls (id, agent_id, direction, remote_number, outcome, started_at, answered_at, ended_at, ring_count,
            answered_within_three_rings, hold_ms, talk_ms, wrap_ms, category, disposition, satisfaction, notes)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    params: [
      c.id, c.agentId ?? 'agent-7', c.direction ?? 'inbound', c.remoteNumber, c.outcome, c.startedAt, c.answeredAt ?? null, c.endedAt,
      c.ringCount, c.withinThreeRings, c.holdMs ?? 0, c.talkMs ?? 0, c.wrapMs ?? 0, c.category ?? null, c.disposition ?? null,
      c.satisfaction ?? null, c.notes ?? '',
    ],
  };
}

/** 2026-11-23 in China, one call of each kind, and one call just outside each edge of the day. */
const calls: StoredCall[] = [
  { id: 'call-0001', remoteNumber: '13700001111', outcome: 'answered', startedAt: at('2026-11-22T23:59:59.999'), answeredAt: at('2026-11-23T00:00:05'), endedAt: at('2026-11-23T00:02:00'), ringCount: 1, withinThreeRings: 1 },
  { id: 'call-0002', remoteNumber: '13912345678', outcome: 'abandoned', startedAt: at('2026-11-23T00:00:00'), endedAt: at('2026-11-23T00:00:21'), ringCount: 5, withinThreeRings: 0 },
  {
    id: 'call-0003', remoteNumber: '13800135678', outcome: 'answered', startedAt: at('2026-11-23T09:00:00'), answeredAt: at('2026-11-23T09:00:08.500'),
    endedAt: at('2026-11-23T09:03:10'), ringCount: 2, withinThreeRings: 1, holdMs: 42_500, talkMs: 138_000, wrapMs: 25_400,
    category: '账单', disposition: 'resolved', satisfaction: 5, notes: '客户说 "发票抬头错了, 要重开"\n明天回电',
  },
  // Stored before call-0004 although it started in the same millisecond: the export orders by id.
  { id: 'call-0005', remoteNumber: 'anonymous', outcome: 'missed', startedAt: at('2026-11-23T10:30:00'), endedAt: at('2026-11-23T10:30:48'), ringCount: 8, withinThreeRings: 0 },
  {
    id: 'call-0004', direction: 'outbound', remoteNumber: '+8613800135678', outcome: 'answered', startedAt: at('2026-11-23T10:30:00'),
    answeredAt: at('2026-11-23T10:30:06'), endedAt: at('2026-11-23T10:35:06'), ringCount: null, withinThreeRings: null, talkMs: 300_000,
    wrapMs: 60_000, category: '回访', disposition: 'callback-done', satisfaction: 4, notes: '=HYPERLINK("http://evil.example","点我")',
  },
  {
    id: 'call-0006', agentId: 'agent-9', remoteNumber: 'sip:alice1234@pbx.example.com', outcome: 'active', startedAt: at('2026-11-23T23:58:00'),
    answeredAt: at('2026-11-23T23:58:05'), endedAt: null, ringCount: 1, withinThreeRings: 1, notes: 'VIP, call back',
  },
  { id: 'call-0007', remoteNumber: '13700002222', outcome: 'missed', startedAt: at('2026-11-24T00:00:00'), endedAt: at('2026-11-24T00:00:40'), ringCount: 7, withinThreeRings: 0 },
];

function runReport(args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'electron/adapters/store/cli/report.ts', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, TZ: 'Asia/Shanghai' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let dataDir: string;
beforeAll(async () => {
  dataDir = tempDataDir('deskline-report-');
  await withStore(dataDir, (store) => store.commit(calls.map(insertCall)));
});

describe('npm run report -- calls', () => {
  it('writes the day\'s calls as CSV with masked numbers, exactly as the fixture', () => {
    const out = path.join(tempDataDir('deskline-report-out-'), 'calls.csv');
    const result = runReport(['calls', '--data-dir', dataDir, '--from', '2026-11-23', '--to', '2026-11-23', '--format', 'csv', '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      `Exported 5 calls started from 2026-11-23T00:00:00+08:00 up to (not including) 2026-11-24T00:00:00+08:00 to ${out} (CSV). ` +
        'Phone numbers are masked (S-6); --full-numbers writes them in full.\n',
    );
    expect(readFileSync(out)).toEqual(readFileSync(path.join(fixtures, 'calls-2026-11-23.masked.csv')));
    expect(readdirSync(path.dirname(out))).toEqual(['calls.csv']); // no temp file left beside it
  });

  it('writes JSON with full numbers when asked, exactly as the fixture, and says the numbers are in full', () => {
    const out = path.join(tempDataDir('deskline-report-out-'), 'nested', 'calls.json');
    const result = runReport(['calls', '--data-dir', dataDir, '--from', '2026-11-23T00:00:00+08:00', '--to', '2026-11-24T00:00:00+08:00', '--format', 'json', '--out', out, '--full-numbers']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Exported 5 calls .* \(JSON\)\. Phone numbers are in full \(--full-numbers\): keep the file as confidential as the database \(S-6\)\.\n$/);
    expect(readFileSync(out)).toEqual(readFileSync(path.join(fixtures, 'calls-2026-11-23.full.json')));
  });

  it('takes an exact time as the end: calls that started before it', () => {
    const out = path.join(tempDataDir('deskline-report-out-'), 'morning.json');
    const result = runReport(['calls', '--data-dir', dataDir, '--from', '2026-11-23', '--to', '2026-11-23T10:30:00+08:00', '--format', 'json', '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Exported 2 calls started from 2026-11-23T00:00:00\+08:00 up to \(not including\) 2026-11-23T10:30:00\+08:00 to /);
    const exported = JSON.parse(readFileSync(out, 'utf8')) as Array<{ call_id: string }>;
    expect(exported.map((c) => c.call_id)).toEqual(['call-0002', 'call-0003']);
  });

  it('reads the query through the calls_started index, oldest first, ids breaking ties', async () => {
    await withStore(dataDir, async (store) => {
      const plan = await store.query(`EXPLAIN QUERY PLAN ${callsForExportSql}`, [0, 1]);
      expect(plan.map((step) => String(step.detail)).join('\n')).toMatch(/USING INDEX calls_started/);
      const day = { fromWall: at('2026-11-23T00:00:00'), toWallExclusive: at('2026-11-24T00:00:00') };
      const loaded = await loadCallsForExport((sql, params) => store.query(sql, params), day);
      expect(loaded.map((c) => c.id)).toEqual(['call-0002', 'call-0003', 'call-0004', 'call-0005', 'call-0006']);
      expect(loaded[2]).toEqual({
        id: 'call-0004', agentId: 'agent-7', direction: 'outbound', remoteNumber: '+8613800135678', startedAt: at('2026-11-23T10:30:00'),
        answeredAt: at('2026-11-23T10:30:06'), endedAt: at('2026-11-23T10:35:06'), ringCount: null, answeredWithinThreeRings: null,
        holdMs: 0, talkMs: 300_000, wrapMs: 60_000, category: '回访', disposition: 'callback-done', satisfaction: 4,
        notes: '=HYPERLINK("http://evil.example","点我")',
      });
    });
  });

  it('works while Deskline holds the data dir, sees its latest commit, and leaves it working', async () => {
    const liveDir = tempDataDir('deskline-report-live-');
    const store = await openStore({ dataDir: liveDir });
    try {
      await store.commit(calls.slice(1, 3).map(insertCall));
      const out = path.join(tempDataDir('deskline-report-out-'), 'live.csv');
      const filesBefore = dbFiles(liveDir);
      const result = runReport(['calls', '--data-dir', liveDir, '--from', '2026-11-23', '--to', '2026-11-23', '--format', 'csv', '--out', out]);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^Exported 2 calls /);
      expect(readFileSync(out, 'utf8').split('\r\n').slice(1, 3).map((line) => line.split(',')[0])).toEqual(['call-0002', 'call-0003']);
      expect(dbFiles(liveDir)).toEqual(filesBefore); // read only: nothing moved, cut or added
      await store.commit([insertCall(calls[5]!)]);
      expect((await store.query('SELECT count(*) AS n FROM calls'))[0]?.n).toBe(3);
    } finally {
      await store.close();
    }
  });

  it('writes just the header for a range without calls', () => {
    const out = path.join(tempDataDir('deskline-report-out-'), 'empty.csv');
    const result = runReport(['calls', '--data-dir', dataDir, '--from', '2026-12-01', '--to', '2026-12-31', '--format', 'csv', '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Exported 0 calls /);
    expect(readFileSync(out, 'utf8')).toBe(`\uFEFF${readFileSync(path.join(fixtures, 'calls-2026-11-23.masked.csv'), 'utf8').split('\r\n')[0]!.slice(1)}\r\n`);
  });
});

describe('npm run report refuses bad input and writes nothing', () => {
  const good = { report: 'calls', from: '2026-11-23', to: '2026-11-23', format: 'csv' };
  const cases: Array<{ name: string; change: Partial<typeof good> & { extra?: string[]; dataDir?: string; noOut?: boolean }; error: RegExp }> = [
    { name: 'a date that does not exist', change: { from: '2026-02-30' }, error: /The start of the range, '2026-02-30', is not valid: February 2026 has 28 days\./ },
    { name: 'a word instead of a date', change: { to: 'yesterday' }, error: /The end of the range, 'yesterday', is not valid: give a date such as 2026-11-23 or a time with its UTC offset/ },
    { name: 'a time without its UTC offset', change: { to: '2026-11-23T18:00' }, error: /a time needs its UTC offset, e\.g\. \+08:00/ },
    { name: 'a start after the end', change: { from: '2026-11-24', to: '2026-11-23' }, error: /The start of the range \('2026-11-24'\) comes after its end \('2026-11-23'\)/ },
    { name: 'an unknown format', change: { format: 'xlsx' }, error: /--format must be csv or json, not "xlsx"\. Usage: npm run report -- calls / },
    { name: 'an unknown report', change: { report: 'agents' }, error: /There is no report "agents"; the only one is "calls"\. Usage: / },
    { name: 'no report named', change: { report: '' }, error: /Say which report to make .* Usage: / },
    { name: 'an unknown option', change: { extra: ['--since', '2026-11-01'] }, error: /Unknown option '--since'.* Usage: / },
    { name: 'no --out', change: { noOut: true }, error: /--out is required\. Usage: / },
    { name: 'a data dir without a database', change: { dataDir: tempDataDir('deskline-report-none-') }, error: /holds no Deskline database/ },
  ];

  it.each(cases)('$name', ({ change, error }) => {
    const outDir = tempDataDir('deskline-report-out-');
    const options = { ...good, ...change };
    const args = [
      ...(options.report ? [options.report] : []),
      '--data-dir', change.dataDir ?? dataDir, '--from', options.from, '--to', options.to, '--format', options.format,
      ...(change.noOut ? [] : ['--out', path.join(outDir, 'calls.csv')]),
      ...(change.extra ?? []),
    ];
    const result = runReport(args);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^Deskline: [^\n]+\n$/);
    expect(result.stderr).toMatch(error);
    expect(readdirSync(outDir)).toEqual([]);
  });

  it('never overwrites an existing file', () => {
    const out = path.join(tempDataDir('deskline-report-out-'), 'calls.csv');
    writeFileSync(out, 'yesterday\'s export');
    const result = runReport(['calls', '--data-dir', dataDir, '--from', '2026-11-23', '--to', '2026-11-23', '--format', 'csv', '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`Deskline: ${out} already exists; choose a new file name (a report never overwrites a file).\n`);
    expect(readFileSync(out, 'utf8')).toBe('yesterday\'s export');
    expect(readdirSync(path.dirname(out))).toEqual(['calls.csv']);
  });
});
