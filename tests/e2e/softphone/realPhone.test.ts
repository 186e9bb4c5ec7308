// End to end with a real SIP phone: baresip over UDP calls through Kamailio, whose rtpengine
// bridges plain RTP to the workstation's WebRTC (no BUNDLE group, as an rtpengine bridge offers).
// Audio is measured at both ends: packets at the desk, decoded non-silent audio at the phone.
import { describe, expect, it } from 'vitest';
import { wavLevel } from '../../support/audio/wavLevel';
import { useE2eSession } from '../../support/e2eSession';
import { readAudioFlow } from '../../support/softphone/peerConnectionProbe';
import { useBridgeLab } from '../../support/softphone/bridgeLab';
import { tempDataDir } from '../../support/webHost';

const session = useE2eSession();
const lab = useBridgeLab();

describe('calls with a real SIP phone through an RTP <-> WebRTC bridge', () => {
  it('inbound: the phone calls, the agent answers, audio flows both ways', async () => {
    const host = await session.start({ dataDir: tempDataDir(), lang: 'en' });
    const page = await lab.openAgent(await session.browser().newPage(), host);
    const phone = await lab.startPhone();

    await phone.command('dial', lab.agentUri());
    const banner = page.getByRole('alert').filter({ hasText: '2001' });
    await banner.waitFor({ timeout: 10_000 });
    await phone.waitForEvent('CALL_RINGING');
    await banner.getByRole('button', { name: 'Answer' }).click();
    await phone.waitForEvent('CALL_ESTABLISHED');

    await expect.poll(async () => (await readAudioFlow(page)).connectionState, { timeout: 10_000 }).toBe('connected');
    await expect.poll(async () => (await readAudioFlow(page)).packetsReceived, { timeout: 10_000 }).toBeGreaterThan(100);
    await page.waitForTimeout(2_000);
    await page.getByRole('button', { name: 'Hang up' }).click();
    await phone.waitForEvent('CALL_CLOSED');
    const heard = phone.heardFiles();
    expect(heard.length).toBeGreaterThan(0);
    const level = wavLevel(heard.at(-1)!);
    expect(level.loudSeconds, `phone heard ${JSON.stringify(level)}`).toBeGreaterThanOrEqual(1);
    await page.close();
  });

  it('outbound: the agent dials the phone, it answers, audio flows both ways', async () => {
    const host = await session.start({ dataDir: tempDataDir(), lang: 'en' });
    const page = await lab.openAgent(await session.browser().newPage(), host);
    const phone = await lab.startPhone({ answerMode: 'auto' });

    await page.getByLabel('Number', { exact: true }).fill('2001');
    await page.getByRole('button', { name: 'Call', exact: true }).click();
    await phone.waitForEvent('CALL_ESTABLISHED');
    await page.getByRole('button', { name: 'Hang up' }).waitFor({ timeout: 10_000 });
    await expect.poll(async () => (await readAudioFlow(page)).connectionState, { timeout: 10_000 }).toBe('connected');
    await expect.poll(async () => (await readAudioFlow(page)).packetsReceived, { timeout: 10_000 }).toBeGreaterThan(100);
    await page.waitForTimeout(2_000);
    await page.getByRole('button', { name: 'Hang up' }).click();
    await phone.waitForEvent('CALL_CLOSED');
    const level = wavLevel(phone.heardFiles().at(-1)!);
    expect(level.loudSeconds, `phone heard ${JSON.stringify(level)}`).toBeGreaterThanOrEqual(1);
    await page.close();
  });
});
