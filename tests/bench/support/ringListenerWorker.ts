// "The UI" of the clocks bench, on its own thread: a contract socket that only receives onRingCount
// and stamps each on arrival. The bench's main thread also runs the SIP callers and the write load;
// a sip.js message parsed there at the same moment would otherwise delay the stamp and be counted
// against the host's timers (a renderer has its own process and does not share that work).
import { parentPort, workerData } from 'node:worker_threads';
import type { RingCount } from '../../../shared/contract/callClocks';
import { openContractSocket } from '../../support/contractSocket';
import type { RunningWebHost } from '../../support/webHost';

export interface RingArrival {
  callId: string;
  ring: number;
  cycleMs: number;
  boundaryWall: number;
  receivedAtWall: number;
}

const { port, token, origin } = workerData as { port: number; token: string; origin: string };
const socket = await openContractSocket({ port, token, origin } as RunningWebHost);
const events = socket.events;
events.push = (...items) => {
  const receivedAtWall = Date.now();
  for (const item of items) {
    if (item.event !== 'onRingCount') continue;
    const ring = item.payload as RingCount;
    parentPort!.postMessage({ callId: ring.callId, ring: ring.ring, cycleMs: ring.cycleMs, boundaryWall: ring.boundaryWall, receivedAtWall } satisfies RingArrival);
  }
  return 0; // nothing else is kept: the thread only measures
};
parentPort!.on('message', (message) => {
  if (message === 'close') {
    socket.close();
    parentPort!.close();
  }
});
parentPort!.postMessage('ready');
