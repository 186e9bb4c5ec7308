// Issue 22: tests mirror the source path they test, so a file's tests are found from its path.
// Every test under tests/{unit,integration,e2e}/ sits in a folder that exists in the source tree
// (tests/unit/shared/domain/ringCounter.test.ts → shared/domain/); tests of the test support mirror
// tests/support/.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../support/webHost';

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return testFiles(full);
    return name.endsWith('.test.ts') ? [full] : [];
  });
}

describe('test layout', () => {
  it('every test file sits in a folder that mirrors a source folder', () => {
    const misplaced: string[] = [];
    for (const kind of ['unit', 'integration', 'e2e']) {
      for (const file of testFiles(path.join(repoRoot, 'tests', kind))) {
        const mirrored = path.relative(path.join(repoRoot, 'tests', kind), path.dirname(file));
        const top = mirrored.split(path.sep)[0];
        // tests/<kind>/support/… tests the test support in tests/support/…
        const sourceDir = path.join(repoRoot, top === 'support' ? 'tests' : '', mirrored);
        if (!['electron', 'shared', 'renderer', 'build', 'support', 'tests'].includes(top!) || !existsSync(sourceDir)) misplaced.push(path.relative(repoRoot, file));
      }
    }
    expect(misplaced, 'tests whose folder is not a source folder (move them under the path of what they test)').toEqual([]);
  });
});
