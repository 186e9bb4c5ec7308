// Host command-line options: valid values parse, invalid ones stop with a clear message.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHostOptions, readyLine } from '../../../../electron/host/hostOptions';
import { defaultDataDir } from '../../../../electron/adapters/paths/defaultDataDir';

describe('host options', () => {
  it('parses --port, --data-dir and --lang', () => {
    expect(parseHostOptions(['--port', '8123', '--data-dir', 'rel/dir', '--lang', 'zh-CN'])).toEqual({
      port: 8123,
      dataDir: path.resolve('rel/dir'),
      lang: 'zh-CN',
    });
  });

  it('defaults to a free port, the platform user-data folder and no forced language', () => {
    expect(parseHostOptions([])).toEqual({ port: 0, dataDir: defaultDataDir(), lang: null });
  });

  it('rejects a bad port or language with a message naming the option', () => {
    expect(() => parseHostOptions(['--port', 'eighty'])).toThrow(/--port/);
    expect(() => parseHostOptions(['--port', '70000'])).toThrow(/--port/);
    expect(() => parseHostOptions(['--lang', 'fr'])).toThrow(/--lang/);
  });

  it('refuses --role (issue 13): the role comes from the person signed in, never from whoever starts the host', () => {
    expect(() => parseHostOptions(['--role', 'teamLead'])).toThrow(/--role is gone/);
  });

  it('formats the ready line exactly', () => {
    expect(readyLine(4321, 'abc')).toBe('Deskline ready at http://127.0.0.1:4321/?token=abc');
  });

  it('matches Electron userData locations per platform', () => {
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/x' }, 'linux')).toBe(path.join('/x', 'Deskline'));
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toContain('Deskline');
  });
});
