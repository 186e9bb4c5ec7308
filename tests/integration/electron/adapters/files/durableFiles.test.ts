// The one durable-write helper (issue 22 merged three copies): whole files or nothing, never a
// temp file left behind, 0600 whatever the umask (S-6), and a new file never overwrites one.
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileDurably, writeFileDurablySync, writeNewFileDurablySync } from '../../../../../electron/adapters/files/durableFiles';

const dir = () => mkdtempSync(path.join(os.tmpdir(), 'deskline-durable-'));
const mode = (file: string) => statSync(file).mode & 0o777;

describe('durable files', () => {
  it('replaces a file with the new contents, private to the user, and leaves no temp file (sync and async)', async () => {
    const d = dir();
    const file = path.join(d, 'a.json');
    writeFileSync(file, 'old', { mode: 0o644 });
    writeFileDurablySync(file, 'x'.repeat(9 * 1024 * 1024)); // more than one 8 MB flush slice
    expect(readFileSync(file, 'utf8')).toHaveLength(9 * 1024 * 1024);
    expect(mode(file)).toBe(0o600);
    await writeFileDurably(file, '{"b":2}');
    expect(readFileSync(file, 'utf8')).toBe('{"b":2}');
    expect(mode(file)).toBe(0o600);
    expect(readdirSync(d)).toEqual(['a.json']);
  });

  it('writes a new file but never overwrites one, and leaves nothing behind when refused', () => {
    const d = dir();
    const file = path.join(d, 'sub', 'report.csv');
    writeNewFileDurablySync(file, 'a,b\n', (f) => new Error(`${f} taken`));
    expect(readFileSync(file, 'utf8')).toBe('a,b\n');
    expect(mode(file)).toBe(0o600);
    expect(() => writeNewFileDurablySync(file, 'other', (f) => new Error(`${path.basename(f)} taken`))).toThrow('report.csv taken');
    expect(readFileSync(file, 'utf8')).toBe('a,b\n');
    expect(readdirSync(path.dirname(file))).toEqual(['report.csv']);
  });
});
