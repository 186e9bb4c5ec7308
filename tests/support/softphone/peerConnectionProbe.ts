// Test-side window into a page's WebRTC: an init script (injected by the test, never shipped)
// that remembers every RTCPeerConnection the page creates, and a reader of their audio stats.
import type { Page } from 'playwright-core';

export async function installPeerConnectionProbe(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const Native = window.RTCPeerConnection;
    const seen: RTCPeerConnection[] = [];
    (window as unknown as { __peerConnections: RTCPeerConnection[] }).__peerConnections = seen;
    window.RTCPeerConnection = class extends Native {
      constructor(config?: RTCConfiguration) {
        super(config);
        seen.push(this);
      }
    } as typeof RTCPeerConnection;
  });
}

export interface AudioFlow {
  connectionState: string | null;
  packetsReceived: number;
  packetsSent: number;
}

/** The newest peer connection that is not closed, with its inbound/outbound audio packet counts. */
export function readAudioFlow(page: Page): Promise<AudioFlow> {
  return page.evaluate(async () => {
    const all = (window as unknown as { __peerConnections: RTCPeerConnection[] }).__peerConnections ?? [];
    const pc = [...all].reverse().find((p) => p.connectionState !== 'closed');
    if (!pc) return { connectionState: null, packetsReceived: 0, packetsSent: 0 };
    let packetsReceived = 0;
    let packetsSent = 0;
    (await pc.getStats()).forEach((report: { type: string; kind?: string; packetsReceived?: number; packetsSent?: number }) => {
      if (report.type === 'inbound-rtp' && report.kind === 'audio') packetsReceived += report.packetsReceived ?? 0;
      if (report.type === 'outbound-rtp' && report.kind === 'audio') packetsSent += report.packetsSent ?? 0;
    });
    return { connectionState: pc.connectionState, packetsReceived, packetsSent };
  });
}

/** Audio packets received over one second: how a test tells audio is flowing or stopped. */
export async function packetsInOneSecond(page: Page): Promise<number> {
  const before = (await readAudioFlow(page)).packetsReceived;
  await page.waitForTimeout(1_000);
  return (await readAudioFlow(page)).packetsReceived - before;
}
