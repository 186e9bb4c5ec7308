// The engine's database file has room to grow, so a commit that makes the database bigger never
// pays for a copy of the whole database (the architecture rule: commits do not grow in cost with
// the database size).
import { describe, expect, it } from 'vitest';
import { applyStatements, growthRoomFor, openDatabase, withGrowthRoom } from '../../../../../../electron/adapters/store/engine/sqlEngine';

const mb = 1024 * 1024;

describe('openDatabase', () => {
  it('grows the database without copying it', async () => {
    const source = await openDatabase(null);
    source.run('CREATE TABLE pages (body BLOB)');
    source.run(`INSERT INTO pages VALUES (zeroblob(${48 * mb}))`);
    const image = source.export();
    source.close();

    const db = await openDatabase(image);
    db.exec('SELECT count(*) FROM pages'); // loads the schema and warms the engine
    const before = process.memoryUsage().arrayBuffers;
    db.run('CREATE TABLE more (body BLOB)'); // a new page beyond the loaded file's end
    const grownBy = process.memoryUsage().arrayBuffers - before;
    // Without room the file system would allocate a 1.125× array and copy into it: +54 MB.
    expect(grownBy).toBeLessThan(8 * mb);
    db.run(`INSERT INTO more VALUES (zeroblob(${mb}))`);
    expect(db.exec('SELECT (SELECT length(body) FROM pages), (SELECT length(body) FROM more)')[0]?.values[0]).toEqual([48 * mb, mb]);
    db.close();
  });

  it('keeps what an empty database writes, starting from its one-page image', async () => {
    const db = await openDatabase(null);
    db.run('CREATE TABLE t (v TEXT)');
    db.run("INSERT INTO t VALUES ('kept')");
    const reopened = await openDatabase(db.export());
    expect(reopened.exec('SELECT v FROM t')[0]?.values).toEqual([['kept']]);
    db.close();
    reopened.close();
  });
});

describe('withGrowthRoom', () => {
  it('copies into an array with the room to spare', () => {
    const copy = withGrowthRoom(Uint8Array.of(1, 2, 3), 1000).slice(0, 3);
    expect(copy.length).toBe(1003);
    expect([...copy.subarray(0, 4)]).toEqual([1, 2, 3, 0]);
  });
  it('falls back to an exact copy where the room cannot be allocated', () => {
    const copy = withGrowthRoom(Uint8Array.of(1, 2, 3), Number.MAX_SAFE_INTEGER).slice(0, 3);
    expect([...copy]).toEqual([1, 2, 3]);
  });
});

describe('growthRoomFor', () => {
  it('gives at least 256 MB, or as much again as the database holds', () => {
    expect(growthRoomFor(0)).toBe(256 * mb);
    expect(growthRoomFor(100 * mb)).toBe(256 * mb);
    expect(growthRoomFor(1024 * mb)).toBe(1024 * mb);
  });
  it('never asks for more than a typed array can hold', () => {
    expect(growthRoomFor(3 * 1024 * mb)).toBe(1024 * mb);
  });
});

describe('applyStatements', () => {
  it('keeps its rollback journal in memory and still rolls a failed transaction back whole', async () => {
    const db = await openDatabase(null);
    expect(db.exec('PRAGMA journal_mode')[0]?.values[0]?.[0]).toBe('memory');
    db.run('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
    applyStatements(db, [{ sql: "INSERT INTO t VALUES (1, 'kept')" }]);
    expect(() =>
      applyStatements(db, [
        { sql: "INSERT INTO t VALUES (2, 'rolled back')" },
        { sql: "UPDATE t SET v = 'changed' WHERE id = 1" },
        { sql: 'INSERT INTO t VALUES (3, NULL)' },
      ]),
    ).toThrow(/NOT NULL/);
    expect(db.exec('SELECT id, v FROM t')[0]?.values).toEqual([[1, 'kept']]);
    db.close();
  });
});
