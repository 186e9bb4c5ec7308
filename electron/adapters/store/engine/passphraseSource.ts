// Where the web host gets the passphrase that protects the data key (issue 13): `--passphrase-file
// <file>` (its first line) or the DESKLINE_PASSPHRASE variable, which is removed from the
// environment once read so no child process inherits it. Neither given: no passphrase, and a new
// data folder is not encrypted (an encrypted one then refuses to open, saying how to give it).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { passphraseProtector, type KeyProtector } from './storeKeyFile';

export const passphraseVariable = 'DESKLINE_PASSPHRASE';

export interface PassphraseSource {
  protector: KeyProtector | null;
  /** Where it came from, for the log (never the passphrase itself). */
  from: string | null;
}

/** Reads the passphrase; `env` is changed (the variable deleted). Throws on an unreadable or empty file. */
export function passphraseFromHost(argv: readonly string[], env: NodeJS.ProcessEnv): PassphraseSource {
  const { values } = parseArgs({ args: [...argv], options: { 'passphrase-file': { type: 'string' } }, strict: false, allowPositionals: true });
  const fromEnv = env[passphraseVariable];
  delete env[passphraseVariable];
  const file = values['passphrase-file'];
  if (typeof file === 'string') {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new Error(`--passphrase-file ${file} cannot be read: ${(error as Error).message}`, { cause: error });
    }
    const passphrase = text.split(/\r?\n/)[0] ?? '';
    if (passphrase === '') throw new Error(`--passphrase-file ${file}: the first line is empty.`);
    return { protector: passphraseProtector(passphrase), from: `--passphrase-file ${file}` };
  }
  if (fromEnv !== undefined && fromEnv !== '') return { protector: passphraseProtector(fromEnv), from: passphraseVariable };
  return { protector: null, from: null };
}
