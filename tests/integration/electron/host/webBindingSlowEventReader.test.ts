// Issue 12: events fan out to every WebSocket; a client that stops reading must be dropped once its
// backlog passes the limit, without holding up the emitting service or the clients that do read.
// The binding runs in this process over a real core, so events can be emitted as fast as needed.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Core } from '../../../../electron/core/createCore';
import { createTestCore } from '../../../support/core/testCore';
import type { Logger } from '../../../../electron/core/kernel/platformPorts';
import { systemClock } from '../../../../electron/core/kernel/systemClock';
import { defaultConnectionLimits } from '../../../../electron/host/connectionLimits';
import { startWebBinding, type WebBinding } from '../../../../electron/host/webBinding';
import { openRawWebSocket, type HostAddress } from '../../../support/rawWebSocket';
import { MemorySettings } from '../../../support/softphone/softphoneFixtures';
import { addTestPeople, signInFrame } from '../../../support/identity/inProcessPeople';
import { testPeople } from '../../../support/identity/testPeople';
import { clientFrame, opcodes } from '../../../support/rawWebSocket';

const caller = { role: 'agent' as const, userId: 'local' };
const warnings: string[] = [];
const logger: Logger = {
  info: () => undefined,
  warn: (message, details) => warnings.push(`${message} ${JSON.stringify(details ?? {})}`),
  error: (message, details) => warnings.push(`ERROR ${message} ${JSON.stringify(details ?? {})}`),
};

let core: Core;
let binding: WebBinding;
let address: HostAddress;
beforeAll(async () => {
  core = await createTestCore({
    clock: systemClock,
    settings: new MemorySettings(),
    agentStates: { load: async () => null, save: async () => undefined },
    logger,
    hostInfo: { host: 'web', version: 'test', languageOverride: null, role: 'agent', userId: 'local' },
  });
  binding = await startWebBinding({
    core,
    rendererDir: mkdtempSync(path.join(os.tmpdir(), 'deskline-renderer-')),
    port: 0,
    logger,
    limits: { ...defaultConnectionLimits, maxBufferedBytes: 256 * 1024 },
  });
  address = { port: binding.port, token: binding.token, origin: `http://127.0.0.1:${binding.port}` };
  await addTestPeople(core, [testPeople.agent]);
});
afterAll(async () => {
  await binding?.close();
  await core?.close();
});

it('drops a client that does not read its events, while a reading client gets every one', async () => {
  const view = await core.dispatch('getAgentState', {}, caller);
  if (!view.ok) throw new Error('getAgentState failed');

  const slow = await openRawWebSocket(address);
  // Issue 13: events go to signed-in connections only.
  slow.socket.write(clientFrame(opcodes.text, Buffer.from(signInFrame(1, testPeople.agent))));
  const signedIn = Date.now() + 10_000;
  while (!slow.received().toString().includes('"ok":true') && Date.now() < signedIn) await new Promise((resolve) => setTimeout(resolve, 10));
  slow.socket.pause(); // connected and subscribed, but never reads again
  slow.socket.on('error', () => undefined);
  const dropped = () => warnings.some((w) => /does not read what it is sent \{"bufferedBytes":\d+,"limit":262144\}/.test(w));

  const reader = new WebSocket(`ws://127.0.0.1:${binding.port}/api?token=${binding.token}`, { origin: address.origin });
  let received = 0;
  reader.on('message', () => (received += 1));
  await new Promise((resolve) => reader.once('open', resolve));
  reader.send(signInFrame(1, testPeople.agent));
  while (received === 0) await new Promise((resolve) => setTimeout(resolve, 10));
  received = 0;

  let emitted = 0;
  const until = Date.now() + 30_000;
  while (!dropped() && Date.now() < until) {
    // Emitting never throws into the service, whatever happens to the sockets.
    for (let i = 0; i < 200; i++) core.eventHub.emit('onAgentStateChanged', view.value as never);
    emitted += 200;
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  expect(dropped(), `the slow client was never dropped after ${emitted} events`).toBe(true);
  // Its socket is really gone: reading again, it sees the end within the grace period.
  const closed = new Promise((resolve) => slow.socket.once('close', resolve));
  slow.socket.resume();
  await closed;

  const deadline = Date.now() + 10_000;
  while (received < emitted && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(received).toBe(emitted);
  expect(reader.readyState).toBe(WebSocket.OPEN);
  expect(warnings.filter((w) => w.startsWith('ERROR'))).toEqual([]);
  reader.close();
});
