// The shell's decisions live in files that do not import Electron, so they run (and are tested)
// in plain Node where the Electron binary is absent (issue 12).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../../support/webHost';

const pureFiles = ['appOrigin.ts', 'senderOrigin.ts', 'ipcInvoke.ts', 'rendererFile.ts', 'permissionPolicy.ts', 'navigationPolicy.ts', 'secretStoreChoice.ts', 'singleInstance.ts'];

describe('electron/main decision files', () => {
  it.each(pureFiles)('%s imports neither electron nor a file that does', (file) => {
    const source = readFileSync(path.join(repoRoot, 'electron/main', file), 'utf8');
    const imports = [...source.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    expect(imports.filter((spec) => spec === 'electron' || spec?.startsWith('electron/'))).toEqual([]);
    const local = imports.filter((spec) => spec?.startsWith('./')).map((spec) => `${spec?.slice(2)}.ts`);
    expect(local.filter((f) => !pureFiles.includes(f))).toEqual([]);
  });
});
