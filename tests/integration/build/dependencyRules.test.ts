// The dependency rules of build/dependency-cruiser.mjs, run for real (issue 22: the rules are
// enforced, not described). depcruise runs exactly as `npm run deps` does, with the project config,
// on a copy of tests/fixtures/dependencyRules/clean (a tiny tree in the issue 22 layout that must
// pass) and on a copy with one offending file (or pair, for the cycle) per rule: it must fail, and
// every offending file must be reported under its rule and nothing else. One broken copy for all
// rules keeps this at two depcruise runs (each costs about a second of CPU just to start).
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../support/webHost';

const configFile = path.join(repoRoot, 'build/dependency-cruiser.mjs');
const depcruise = path.join(repoRoot, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const cleanTree = path.join(repoRoot, 'tests/fixtures/dependencyRules/clean');
const scratchDirs: string[] = [];

interface Violation {
  rule: string;
  from: string;
}

interface CruiseRun {
  status: number | null;
  violations: Violation[];
  output: string;
}

/** A copy of the clean tree plus `files` (path → content), cruised like `npm run deps` from its root. */
async function cruise(files: Record<string, string>): Promise<CruiseRun> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'deskline-deps-'));
  scratchDirs.push(dir);
  cpSync(cleanTree, dir, { recursive: true });
  // The fixture imports zod and electron like the real tree; they resolve through the repo's install.
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
  const child = spawn(process.execPath, [depcruise, 'electron', 'shared', 'renderer', '--config', configFile], {
    cwd: dir,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  // The default `err` report: "  error <rule>: <from> → <to>" (a cycle continues on the next lines;
  // an orphan has no arrow).
  const violations = [...output.matchAll(/^\s*error (\S+): (\S+)/gm)].map(([, rule, from]) => ({ rule: rule!, from: from! }));
  return { status, violations, output };
}

afterAll(() => scratchDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** One break per rule; each adds files to the clean tree and must trip exactly its rule. */
const breaks: Array<{ name: string; rule: string; files: Record<string, string> }> = [
  // The breaks issue 22 names.
  {
    name: 'an import cycle (one edge type-only: a cycle of types still counts)',
    rule: 'no-circular',
    files: {
      'electron/core/greeting/salutation.ts': "import { honorific } from './honorific';\nexport const salutation = (name: string) => `${honorific()} ${name}`;\nexport type Salutation = typeof salutation;\n",
      'electron/core/greeting/honorific.ts': "import type { Salutation } from './salutation';\nexport const honorific = (): string => 'Dear';\nexport type Both = [Salutation, typeof honorific];\n",
    },
  },
  {
    name: "a feature importing another feature's internal file",
    rule: 'feature-internals',
    files: { 'electron/core/farewell/farewellWording.ts': "import { greet } from '../greeting/greetingService';\nexport const wording = greet;\n" },
  },
  {
    name: 'an adapter importing a core service',
    rule: 'adapters-no-core-services',
    files: { 'electron/adapters/store/greetingCache.ts': "import { greet } from '../../core/greeting/greetingService';\nexport const cached = greet;\n" },
  },
  {
    name: 'the kernel importing a feature (even its ports)',
    rule: 'kernel-imports-no-feature',
    files: { 'electron/core/kernel/knownStores.ts': "import type { NameStore } from '../greeting/ports';\nexport type KnownStores = NameStore[];\n" },
  },
  {
    name: 'shared/ importing electron/',
    rule: 'shared-imports-only-shared',
    files: { 'shared/contract/clockBridge.ts': "import type { Clock } from '../../electron/core/kernel/index';\nexport type BridgedClock = Clock;\n" },
  },
  {
    name: 'the renderer importing electron/core',
    rule: 'renderer-imports-only-shared-and-renderer',
    files: { 'renderer/clockView.ts': "import type { Clock } from '../electron/core/kernel/index';\nexport const show = (clock: Clock) => String(clock.now());\n" },
  },
  // Every other rule.
  {
    name: "a host reaching into a feature's internals",
    rule: 'feature-internals-from-outside-core',
    files: { 'electron/host/greetingPeek.ts': "export { greet } from '../core/greeting/greetingService';\n" },
  },
  {
    name: 'core importing an adapter',
    rule: 'core-no-adapters-or-hosts',
    files: { 'electron/core/farewell/storeShortcut.ts': "export { memoryNameStore } from '../../adapters/store/memoryNameStore';\n" },
  },
  {
    name: 'core importing sql.js (type-only)',
    rule: 'core-no-io-libraries',
    files: { 'electron/core/greeting/sqlPeek.ts': "import type { Database } from 'sql.js';\nexport type Db = Database;\n" },
  },
  {
    name: 'the renderer importing node:path',
    rule: 'renderer-no-node',
    files: { 'renderer/pathView.ts': "import path from 'node:path';\nexport const base = path.basename;\n" },
  },
  {
    name: 'the renderer importing ws',
    rule: 'renderer-no-node-packages',
    files: { 'renderer/socketView.ts': "import { WebSocketServer } from 'ws';\nexport const Server = WebSocketServer;\n" },
  },
  {
    name: 'the web host importing electron',
    rule: 'electron-only-in-main-and-preload',
    files: { 'electron/web-host/dialog.ts': "import type { Dialog } from 'electron';\nexport type D = Dialog;\n" },
  },
  {
    name: 'the preload importing the core',
    rule: 'preload-is-a-thin-proxy',
    files: { 'electron/preload/kernelPeek.ts': "import type { Clock } from '../core/kernel/index';\nexport type C = Clock;\n" },
  },
  {
    name: 'the preload importing node:fs',
    rule: 'preload-no-node',
    files: { 'electron/preload/fsPeek.ts': "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n" },
  },
  {
    name: 'an adapter importing the renderer',
    rule: 'no-renderer-or-shell-below-the-hosts',
    files: { 'electron/adapters/store/viewPeek.ts': "export { validName } from '../../../renderer/app';\n" },
  },
  {
    name: 'an adapter importing electron/host',
    rule: 'host-only-for-hosts',
    files: { 'electron/adapters/store/hostPeek.ts': "export { openHostCore } from '../../host/openHostCore';\n" },
  },
  {
    name: 'electron/host importing the web-host entry',
    rule: 'host-imports-no-entry',
    files: { 'electron/host/webHostPeek.ts': "export { startWebHost } from '../web-host/index';\n" },
  },
  {
    name: 'electron/main importing the web-host entry',
    rule: 'main-imports-no-web-host',
    files: { 'electron/main/webPeek.ts': "export { startWebHost } from '../web-host/index';\n" },
  },
  {
    name: 'product code importing tests/',
    rule: 'no-tests-in-product-code',
    files: { 'electron/core/kernel/testClock.ts': "export { fakeNow } from '../../../tests/fakeNow';\n", 'tests/fakeNow.ts': 'export const fakeNow = () => 0;\n' },
  },
  {
    name: 'a file nothing imports that imports nothing',
    rule: 'no-orphans',
    files: { 'electron/core/greeting/leftover.ts': 'export const leftover = 1;\n' },
  },
  {
    name: 'an import that resolves to nothing',
    rule: 'not-to-unresolvable',
    files: { 'electron/web-host/missing.ts': "export { nothing } from './doesNotExist';\n" },
  },
];

async function forbiddenRules(): Promise<Array<{ name: string; severity: string; comment?: string }>> {
  const { default: config } = (await import(pathToFileURL(configFile).href)) as { default: { forbidden: Array<{ name: string; severity: string; comment?: string }> } };
  return config.forbidden;
}

describe('dependency rules (build/dependency-cruiser.mjs)', () => {
  // Both runs start at once and run side by side; the tests below read their results.
  const cleanRun = cruise({});
  const brokenRun = cruise(Object.assign({}, ...breaks.map((b) => b.files)) as Record<string, string>);

  it('every rule is an error and says why (the comment is what a newcomer reads)', async () => {
    for (const rule of await forbiddenRules()) {
      expect(rule.severity, rule.name).toBe('error');
      expect(rule.comment?.length ?? 0, rule.name).toBeGreaterThan(40);
    }
  });

  it('every rule in the config has a break below that trips it', async () => {
    const tested = new Set(breaks.map((b) => b.rule));
    expect((await forbiddenRules()).map((rule) => rule.name).filter((name) => !tested.has(name))).toEqual([]);
  });

  it('npm test runs the rules right after lint', () => {
    const { scripts } = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.deps).toBe('depcruise electron shared renderer --config build/dependency-cruiser.mjs');
    expect(scripts.test).toMatch(/^npm run lint && npm run deps && /);
  });

  it('passes (exit 0) on the clean tree in the issue 22 layout', async () => {
    const run = await cleanRun;
    expect(run.violations, run.output).toEqual([]);
    expect(run.status, run.output).toBe(0);
    expect(run.output).toMatch(/no dependency violations found \(1\d modules/);
  });

  it('fails on the broken tree, one error per violation, none from the clean files', async () => {
    const run = await brokenRun;
    const breakFiles = new Set(breaks.flatMap((b) => Object.keys(b.files)));
    expect(run.violations.filter((v) => !breakFiles.has(v.from)), run.output).toEqual([]);
    expect(run.violations.length, run.output).toBeGreaterThanOrEqual(breaks.length);
    expect(run.status, run.output).toBe(run.violations.length);
  });

  it.for(breaks)('fails on $name: $rule', async ({ rule, files }) => {
    const run = await brokenRun;
    const mine = run.violations.filter((v) => v.from in files);
    expect(mine.length, run.output).toBeGreaterThan(0);
    expect(new Set(mine.map((v) => v.rule)), run.output).toEqual(new Set([rule]));
  });
});
