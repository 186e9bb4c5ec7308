// Keeps the agent's current state in a small JSON file written atomically and fsynced, so an
// acknowledged state change survives a crash. A damaged file is moved aside, never trusted.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { agentStateSchema } from '../../../shared/contract/agentState';
import type { StoredAgentState } from '../../../shared/domain/agentState';
import type { AgentStateRepository, Logger } from '../../core/ports';
import { writeFileDurably } from './writeFileDurably';

const storedSchema = z.object({ state: agentStateSchema, sinceWall: z.number().int().nonnegative() });

export function createFileAgentStateRepository(dataDir: string, logger: Logger): AgentStateRepository {
  const file = path.join(dataDir, 'agent-state.json');
  return {
    async load() {
      let text: string;
      try {
        text = await fs.readFile(file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
      const parsed = safeJson(text);
      const checked = storedSchema.safeParse(parsed);
      if (checked.success) return checked.data as StoredAgentState;
      const aside = `${file}.corrupt-${Date.now()}`;
      await fs.rename(file, aside);
      logger.warn('Agent state file was unreadable; moved aside and starting Offline', { aside });
      return null;
    },
    async save(state) {
      await writeFileDurably(file, JSON.stringify(state));
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
