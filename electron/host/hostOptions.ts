// Command-line options shared by both hosts: --port, --data-dir, --lang. Invalid values stop the
// host with a clear message instead of silently falling back. There is no --role (issue 13): the
// role comes from the person signed in on each connection.
import { parseArgs } from 'node:util';
import path from 'node:path';
import { z } from 'zod';
import { languageSchema, type Language } from '../../shared/contract/appInfo';
import { defaultDataDir } from '../adapters/paths/defaultDataDir';

export interface HostOptions {
  /** 0 = pick a free port. */
  port: number;
  dataDir: string;
  lang: Language | null;
}

const portSchema = z.coerce.number().int().min(0).max(65535);

export function parseHostOptions(argv: readonly string[]): HostOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      lang: { type: 'string' },
      role: { type: 'string' },
    },
    strict: false,
    allowPositionals: true,
  });
  const port = portSchema.safeParse(values.port ?? 0);
  if (!port.success) throw new Error(`--port must be a whole number from 0 to 65535, got "${String(values.port)}"`);
  let lang: Language | null = null;
  if (values.lang !== undefined) {
    const parsed = languageSchema.safeParse(values.lang);
    if (!parsed.success) throw new Error(`--lang must be "en" or "zh-CN", got "${String(values.lang)}"`);
    lang = parsed.data;
  }
  if (values.role !== undefined) throw new Error('--role is gone: people sign in, and their roles come from their account (README "Sign-in")');
  const dataDir = typeof values['data-dir'] === 'string' ? path.resolve(values['data-dir']) : defaultDataDir();
  return { port: port.data, dataDir, lang };
}

export function readyLine(port: number, token: string): string {
  return `Deskline ready at http://127.0.0.1:${port}/?token=${token}`;
}
