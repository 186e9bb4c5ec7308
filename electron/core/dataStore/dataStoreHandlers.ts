// Contract handlers for database health, backups and restores.
import { ContractError } from '../../../shared/contract/envelope';
import type { DataStorePort } from './ports';
import type { ApiHandlers } from '../kernel/dispatcher';

type DataStoreHandlers = Pick<ApiHandlers, 'getStoreStatus' | 'backupNow' | 'listBackups' | 'stageRestore'>;

export function dataStoreHandlers(port: DataStorePort | undefined): DataStoreHandlers {
  const need = (): DataStorePort => {
    if (!port) throw new ContractError('UNAVAILABLE', 'This host runs without the database.');
    return port;
  };
  return {
    getStoreStatus: () => need().status(),
    backupNow: () => need().backupNow(),
    listBackups: () => need().listBackups(),
    stageRestore: async ({ fileName }) => ({ message: await need().stageRestore(fileName) }),
  };
}
