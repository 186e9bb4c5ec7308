// Logger for both hosts: one line per message on stderr, so stdout carries only the ready line.
import type { Logger } from '../../core/kernel/platformPorts';

export function createStderrLogger(scope: string): Logger {
  const write = (level: string, message: string, details?: Record<string, unknown>) => {
    const suffix = details ? ` ${JSON.stringify(details)}` : '';
    process.stderr.write(`${new Date().toISOString()} ${level} [${scope}] ${message}${suffix}\n`);
  };
  return {
    info: (m, d) => write('INFO', m, d),
    warn: (m, d) => write('WARN', m, d),
    error: (m, d) => write('ERROR', m, d),
  };
}
