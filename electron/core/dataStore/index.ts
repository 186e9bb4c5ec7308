// The desk's database as the agent sees it: health, backups and staged restores.
import type { Feature } from '../kernel/feature';
import { dataStoreHandlers, type DataStoreHandlers } from './dataStoreHandlers';
import type { DataStorePort } from './ports';

export type DataStoreFeature = Feature<keyof DataStoreHandlers>;

export function createDataStore(port: DataStorePort): DataStoreFeature {
  return { handlers: dataStoreHandlers(port), close: () => undefined };
}
