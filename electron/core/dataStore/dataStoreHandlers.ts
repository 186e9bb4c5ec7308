// Contract handlers for database health, backups and restores.
import type { ApiHandlers } from '../kernel/dispatcher';
import type { DataStorePort } from './ports';

export type DataStoreHandlers = Pick<ApiHandlers, 'getStoreStatus' | 'backupNow' | 'listBackups' | 'stageRestore'>;

export function dataStoreHandlers(port: DataStorePort): DataStoreHandlers {
  return {
    getStoreStatus: () => port.status(),
    backupNow: () => port.backupNow(),
    listBackups: () => port.listBackups(),
    stageRestore: async ({ fileName }) => ({ message: await port.stageRestore(fileName) }),
  };
}
