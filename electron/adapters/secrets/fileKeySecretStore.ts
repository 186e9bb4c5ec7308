// SecretStore for the web host: AES-256-GCM with a random 256-bit key kept in its own file in the
// data dir (mode 0600). What protects a secret is the OS account's file permissions on that key
// file: it stops casual reading of settings/backups and keeps plain text off disk, but anyone who
// can read the data dir as this user can decrypt. Electron uses safeStorage (OS keychain) instead.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { SecretStore } from '../../core/softphone/ports';

interface SealedSecret {
  iv: string;
  tag: string;
  data: string;
}

export const secretKeyFileName = 'secret.key';
export const secretsFileName = 'secrets.json';

/** secrets.json is not what this store writes: reads fail with it, a save moves it aside. */
export class DamagedSecretsFileError extends Error {
  constructor(why: string) {
    super(`The secrets file ${secretsFileName} is damaged (${why}).`);
    this.name = 'DamagedSecretsFileError';
  }
}

export class FileKeySecretStore implements SecretStore {
  private key: Buffer | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly dataDir: string) {}

  async get(name: string): Promise<string | null> {
    const sealed = (await this.readAll())[name];
    if (!sealed) return null;
    const key = await this.loadKey();
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(Buffer.from(name));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    // A wrong key or a tampered file throws here rather than returning garbage.
    return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString('utf8');
  }

  set(name: string, value: string): Promise<void> {
    return this.serialise(async () => {
      const key = await this.keyForWrite();
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(name)); // a sealed value cannot be moved to another name
      const data = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
      const all = await this.readAllForWrite();
      all[name] = { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
      await this.writeAll(all);
    });
  }

  delete(name: string): Promise<void> {
    return this.serialise(async () => {
      const all = await this.readAllForWrite();
      if (!(name in all)) return;
      delete all[name];
      await this.writeAll(all);
    });
  }

  /**
   * The secrets to add to or remove from. A damaged file (torn write, hand edit) is kept aside as
   * secrets.json.damaged-<time>, never overwritten, and saving starts afresh: otherwise no new
   * password could ever be saved, and the agent could not register again (issue 12).
   */
  private async readAllForWrite(): Promise<Record<string, SealedSecret>> {
    try {
      return await this.readAll();
    } catch (error) {
      if (!(error instanceof DamagedSecretsFileError)) throw error;
      const file = path.join(this.dataDir, secretsFileName);
      await fs.rename(file, `${file}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`);
      return {};
    }
  }

  /**
   * The key to seal with. A key file that is not 256 bits (truncated, hand edited) can never open
   * or seal anything: it is kept aside as secret.key.damaged-<time>, with the secrets sealed under
   * it, and a new key is made, so the agent can save the password again (issue 12).
   */
  private async keyForWrite(): Promise<Buffer> {
    const keyFile = path.join(this.dataDir, secretKeyFileName);
    const size = await fs.stat(keyFile).then((stat) => stat.size, () => null);
    if (size !== null && size !== 32) {
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      await fs.rename(keyFile, `${keyFile}.damaged-${stamp}`);
      const secretsFile = path.join(this.dataDir, secretsFileName);
      await fs.rename(secretsFile, `${secretsFile}.damaged-${stamp}`).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
      this.key = null;
    }
    return this.loadKey();
  }

  private serialise(work: () => Promise<void>): Promise<void> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async loadKey(): Promise<Buffer> {
    if (this.key) return this.key;
    const file = path.join(this.dataDir, secretKeyFileName);
    try {
      const key = await fs.readFile(file);
      if (key.length !== 32) throw new Error(`${file} is not a 256-bit key`);
      this.key = key;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      await fs.mkdir(this.dataDir, { recursive: true, mode: 0o700 });
      const key = randomBytes(32);
      // 'wx': never overwrite a key another process just created (that would orphan its secrets).
      await fs.writeFile(file, key, { mode: 0o600, flag: 'wx' }).catch(async (e: NodeJS.ErrnoException) => {
        if (e.code !== 'EEXIST') throw e;
      });
      this.key = await fs.readFile(file);
    }
    return this.key;
  }

  private async readAll(): Promise<Record<string, SealedSecret>> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await fs.readFile(path.join(this.dataDir, secretsFileName), 'utf8'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw error instanceof SyntaxError ? new DamagedSecretsFileError(error.message) : error;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new DamagedSecretsFileError('not an object of secrets');
    return parsed as Record<string, SealedSecret>;
  }

  private async writeAll(all: Record<string, SealedSecret>): Promise<void> {
    await fs.mkdir(this.dataDir, { recursive: true, mode: 0o700 });
    const file = path.join(this.dataDir, secretsFileName);
    const temp = `${file}.${process.pid}.tmp`;
    await fs.writeFile(temp, JSON.stringify(all, null, 2), { mode: 0o600 });
    await fs.rename(temp, file);
  }
}
