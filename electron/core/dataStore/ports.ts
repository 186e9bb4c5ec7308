// What the core needs from the database beyond repositories: health, backups, staged restores.
import type { BackupInfo, StoreStatus } from '../../../shared/contract/dataStore';

export interface DataStorePort {
  status(): StoreStatus;
  backupNow(): Promise<BackupInfo>;
  listBackups(): Promise<BackupInfo[]>;
  stageRestore(fileName: string): Promise<string>;
}
