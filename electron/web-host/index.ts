// Entry of the web host: the same core as the Electron app, serving the same renderer to a normal
// browser over loopback. Prints exactly one ready line on stdout; logs go to stderr.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { restrictNewFiles } from '../adapters/files/privateFiles';
import { createConfSettings } from '../adapters/settings/confSettings';
import { createStderrLogger } from '../adapters/logging/stderrLogger';
import { connectionLimitsFromEnv, type ConnectionLimits } from '../host/connectionLimits';
import { parseHostOptions, readyLine, type HostOptions } from '../host/hostOptions';
import { DataDirLockedError } from '../adapters/store/engine/dataDirLock';
import { openHostCore, type HostCore } from '../host/openHostCore';
import { passphraseFromHost, type PassphraseSource } from '../adapters/store/engine/passphraseSource';
import { installProcessGuards } from '../host/processGuards';
import { startWebBinding } from '../host/webBinding';

const rendererDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../renderer');

async function main(): Promise<void> {
  restrictNewFiles(); // S-6: every file this process creates is this user's only
  const logger = createStderrLogger('web-host');
  const processGuards = installProcessGuards({ logger });
  let options: HostOptions;
  let limits: ConnectionLimits;
  let passphrase: PassphraseSource;
  try {
    // Issue 13: read (and take out of the environment) before anything starts a child process.
    passphrase = passphraseFromHost(process.argv.slice(2), process.env);
    options = parseHostOptions(process.argv.slice(2));
    limits = connectionLimitsFromEnv(process.env);
  } catch (error) {
    process.stderr.write(`Deskline: ${(error as Error).message}\n`);
    process.exit(2);
  }
  let hostCore: HostCore;
  try {
    hostCore = await openHostCore({
      host: 'web',
      dataDir: options.dataDir,
      lang: options.lang,
      logger,
      createSettings: createConfSettings,
      encryption: { protector: passphrase.protector },
    });
  } catch (error) {
    // e.g. another Deskline already has this data folder: say so plainly, change nothing.
    process.stderr.write(`Deskline: ${(error as Error).message}\n`);
    process.exit(error instanceof DataDirLockedError ? 3 : 1);
  }
  const { core } = hostCore;
  const binding = await startWebBinding({ core, rendererDir, port: options.port, logger, limits });
  // Issue 13: first start, no account yet: whoever started the host (and so reads its console)
  // creates the first admin with this one-time code.
  const setupCode = await core.identity.setupCode();
  if (setupCode) process.stderr.write(`Deskline setup code: ${setupCode} (first start: enter it to create the first admin)\n`);
  logger.info('Web host started', { dataDir: options.dataDir, port: binding.port });
  process.stdout.write(`${readyLine(binding.port, binding.token)}\n`);
  processGuards.markReady();

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info(`Shutting down on ${signal}`);
    await binding.close();
    await hostCore.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Deskline web host failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
