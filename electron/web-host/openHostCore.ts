// Everything both hosts do the same way to bring up the core for a data dir; each host passes in
// only what differs (its settings adapter and its kind).
import { promises as fs } from 'node:fs';
import packageJson from '../../package.json';
import type { Language } from '../../shared/contract/appInfo';
import { createFileAgentStateRepository } from '../adapters/agentState/fileAgentStateRepository';
import { createCore, type Core } from '../core/createCore';
import type { CallerContext } from '../core/dispatcher';
import type { Logger, SettingsPort } from '../core/ports';
import { systemClock } from '../core/systemClock';

export interface HostCoreOptions {
  host: 'electron' | 'web';
  dataDir: string;
  lang: Language | null;
  logger: Logger;
  createSettings(dataDir: string): SettingsPort;
}

export interface HostCore {
  core: Core;
  /** Until sign-in exists, the workstation runs as one local agent. */
  caller: CallerContext;
}

export async function openHostCore(options: HostCoreOptions): Promise<HostCore> {
  await fs.mkdir(options.dataDir, { recursive: true });
  const caller: CallerContext = { role: 'agent', userId: 'local' };
  const core = await createCore({
    clock: systemClock,
    settings: options.createSettings(options.dataDir),
    agentStates: createFileAgentStateRepository(options.dataDir, options.logger),
    logger: options.logger,
    hostInfo: {
      host: options.host,
      version: packageJson.version,
      languageOverride: options.lang,
      role: caller.role,
      userId: caller.userId,
    },
  });
  return { core, caller };
}
