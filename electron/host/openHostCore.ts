// Everything both hosts do the same way to bring up the core for a data dir: lock and open the
// store (applying a staged restore first), then build the core over it. Each host passes in only
// what differs: its settings adapter, its secret store, and its kind.
import { promises as fs } from 'node:fs';
import packageJson from '../../package.json';
import type { Language } from '../../shared/contract/appInfo';
import { watchPendingAudit } from '../adapters/store/repositories/audit/pendingAudit';
import { applyPendingRestore } from '../adapters/store/engine/backupFiles';
import { acquireDataDirLock } from '../adapters/store/engine/dataDirLock';
import { describeTightening, tightenDataDir } from '../adapters/files/privateFiles';
import type { StartRebuildProcess } from '../adapters/store/engine/rebuildLauncher';
import { openStore, type Store } from '../adapters/store/engine/store';
import { readKeyRecord, resolveStoreKey, type StoreEncryptionChoice } from '../adapters/store/engine/storeKeyFile';
import { createNodeSoftphonePorts } from '../adapters/sip/nodeSoftphonePorts';
import { createCore, type Core } from '../core/createCore';
import { createStorePorts } from './storePorts';
import type { CallerContext } from '../core/kernel/caller';
import type { Logger, SettingsPort } from '../core/kernel/platformPorts';
import type { SecretStore } from '../core/softphone/ports';
import { systemClock } from '../core/kernel/systemClock';

export interface HostCoreOptions {
  host: 'electron' | 'web';
  dataDir: string;
  lang: Language | null;
  logger: Logger;
  createSettings(dataDir: string): SettingsPort;
  /** Electron passes a safeStorage-backed store; the web host uses the file-key store. */
  secrets?: SecretStore;
  /** Electron starts the store's rebuild process as a utility process; the web host forks it. */
  startRebuildProcess?: StartRebuildProcess;
  /**
   * Encryption at rest (issue 13): the key protector this host has (web host: the passphrase;
   * Electron: safeStorage) and whether a new data folder is encrypted (default: yes when there is
   * a protector). A first-run setup screen decides encryptNewStore before this is called, using
   * storeEncryptionState(dataDir) === 'new' to know it may ask.
   */
  encryption?: StoreEncryptionChoice;
}

export interface HostCore {
  core: Core;
  store: Store;
  close(): Promise<void>;
}

export async function openHostCore(options: HostCoreOptions): Promise<HostCore> {
  await fs.mkdir(options.dataDir, { recursive: true, mode: 0o700 });
  const notices: string[] = [];
  let restoreOutcome: string | null = null;
  // A restore staged from the UI is installed before the store opens, under the same lock.
  const restoreLock = acquireDataDirLock(options.dataDir);
  const encryption = options.encryption ?? { protector: null };
  let dataKey;
  try {
    // First: a wrong passphrase stops here, before anything in the folder is touched.
    dataKey = await resolveStoreKey(options.dataDir, encryption);
    if (restoreLock.tookOver) options.logger.warn(`Took over the data folder from ${restoreLock.tookOver}`);
    // S-6: files from older versions, or copied in, become this user's only.
    const tightened = describeTightening(tightenDataDir(options.dataDir));
    if (tightened) options.logger.warn(tightened);
    const restored = await applyPendingRestore(options.dataDir, {}, { storeKey: dataKey, protector: encryption.protector });
    if (restored) {
      restoreOutcome = restored;
      notices.push(restored);
      options.logger.info(restored);
    }
    // An unencrypted store that restored an encrypted backup took that backup's key.
    if (!dataKey && readKeyRecord(options.dataDir)) dataKey = await resolveStoreKey(options.dataDir, encryption);
    if (!dataKey) options.logger.warn('The data folder is not encrypted at rest (no passphrase or OS keychain for a new folder, or a folder from before encryption).');
  } finally {
    restoreLock.release();
  }

  let lastPercent = -1;
  const store = await openStore({
    dataDir: options.dataDir,
    onProgress: (done, total) => {
      const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
      if (total >= 1000 && percent !== lastPercent && percent % 10 === 0) {
        lastPercent = percent;
        process.stderr.write(`Deskline: replaying the journal, ${percent}% (${done} of ${total} records)\n`);
      }
    },
    onSnapshotFailed: (message) => options.logger.error('Snapshot failed; the journal still holds every write', { message }),
    startRebuildProcess: options.startRebuildProcess,
    dataKey,
    keyProtector: encryption.protector,
  });
  for (const problem of store.status().recovery.problems) options.logger.warn(`Store recovery: ${problem}`);

  // Issue 13: people sign in per connection (Core.connect); "local" is who the desk's calls belong
  // to while no agent is signed in at it.
  const desk: CallerContext = { role: 'agent', userId: 'local' };
  const storePorts = createStorePorts(store, options.dataDir, desk.userId, notices);
  try {
    // S-6: a restore replaces the database, audit log and all, with the backup's; what happened is
    // recorded in the log that is now current (staging it was recorded in the one replaced).
    if (restoreOutcome !== null) {
      await storePorts.audit.record({ at: systemClock.wallNow(), actorId: 'deskline:start-up', actorRole: 'admin', action: 'restore.apply', subject: null, detail: { outcome: restoreOutcome } });
    }
    const core = await createCore({
      clock: systemClock,
      settings: options.createSettings(options.dataDir),
      logger: options.logger,
      hostInfo: {
        host: options.host,
        version: packageJson.version,
        languageOverride: options.lang,
        role: desk.role,
        userId: desk.userId,
      },
      softphone: createNodeSoftphonePorts({ dataDir: options.dataDir, clock: systemClock, logger: options.logger, secrets: options.secrets }),
      ...storePorts,
    });
    // S-6: exports made from the command line while (or before) the app runs reach the audit log.
    const stopAuditImport = watchPendingAudit(options.dataDir, storePorts.audit, options.logger);
    return {
      core,
      store,
      close: async () => {
        stopAuditImport();
        await core.close();
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
