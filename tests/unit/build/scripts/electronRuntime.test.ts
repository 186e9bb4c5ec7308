// `npm start` decides between Electron and the web host from what is really on disk: a project
// without the electron package, with the package but no downloaded binary (its index throws), with
// a recorded binary that is missing, and with the binary. The electron package's own index.js is
// copied into each scratch project, so the detection runs against the real package logic.
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { downloadFailedLine, locateElectron, webHostFallbackLine } from '../../../../build/scripts/electronRuntime.mjs';
import { repoRoot } from '../../../support/webHost';

const realElectron = path.join(repoRoot, 'node_modules/electron');

function scratchProject(withPackage: boolean): { dir: string; electronDir: string; from: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'deskline-electron-'));
  const electronDir = path.join(dir, 'node_modules/electron');
  if (withPackage) {
    mkdirSync(electronDir, { recursive: true });
    for (const file of ['package.json', 'index.js']) copyFileSync(path.join(realElectron, file), path.join(electronDir, file));
  }
  mkdirSync(path.join(dir, 'build/scripts'), { recursive: true });
  return { dir, electronDir, from: path.join(dir, 'build/scripts/start.mjs') };
}

describe('locateElectron', () => {
  it('reports a project without the electron package', () => {
    expect(locateElectron(scratchProject(false).from)).toEqual({ status: 'no-package' });
  });

  it('reports the package without a downloaded binary (its index throws)', () => {
    expect(locateElectron(scratchProject(true).from)).toEqual({ status: 'no-binary' });
  });

  it('reports a binary the package records but that is not on disk (an interrupted download)', () => {
    const project = scratchProject(true);
    writeFileSync(path.join(project.electronDir, 'path.txt'), 'electron');
    expect(locateElectron(project.from)).toEqual({ status: 'no-binary' });
  });

  it('finds the binary when it is there', () => {
    const project = scratchProject(true);
    writeFileSync(path.join(project.electronDir, 'path.txt'), 'electron');
    mkdirSync(path.join(project.electronDir, 'dist'));
    writeFileSync(path.join(project.electronDir, 'dist/electron'), '');
    expect(locateElectron(project.from)).toEqual({ status: 'ready', binary: path.join(project.electronDir, 'dist/electron') });
  });
});

describe('the lines users see', () => {
  it('npm start says in one line why it runs the web host and how to get the desktop app', () => {
    const noBinary = webHostFallbackLine('no-binary');
    expect(noBinary).not.toContain('\n');
    expect(noBinary).toContain('web host');
    expect(noBinary).toContain('ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/ node node_modules/electron/install.js');
    const noPackage = webHostFallbackLine('no-package');
    expect(noPackage).not.toContain('\n');
    expect(noPackage).toContain('ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/ npm ci');
  });

  it('a failed download is one line with the first line of the error, however long the stack', () => {
    const line = downloadFailedLine(`RequestError: connect ECONNREFUSED 127.0.0.1:9\n    at ClientRequest.<anonymous> (got/index.js:970:111)\n${'x'.repeat(500)}`);
    expect(line).not.toContain('\n');
    expect(line).toContain('RequestError: connect ECONNREFUSED 127.0.0.1:9');
    expect(line).toContain('ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/');
    expect(line.length).toBeLessThan(400);
    expect(downloadFailedLine(undefined)).toContain('no reason given');
  });
});
