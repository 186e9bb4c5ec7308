// End to end with a real SIP phone: baresip over UDP calls through Kamailio, whose rtpengine
// bridges plain RTP to the workstation's WebRTC (no BUNDLE group, as an rtpengine bridge offers).
// Audio is measured at both ends: packets at the desk, decoded non-silent audio at the phone.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { wavLevel } from '../../../../support/audio/wavLevel';
import { useE2eSession } from '../../../../support/e2eSession';
import { packetsInOneSecond, readAudioFlow } from '../../../../support/softphone/peerConnectionProbe';
import { phoneAccounts, useBridgeLab } from '../../../../support/softphone/bridgeLab';
import { startRawUdpPhone, type RawUdpPhone } from '../../../../support/sipUa/rawUdpPhone';
import { tempDataDir } from '../../../../support/webHost';

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

  it('each codec a phone may offer alone (PCMU, PCMA, G.722, opus) connects with audio both ways', async () => {
    const host = await session.start({ dataDir: tempDataDir(), lang: 'en' });
    const page = await lab.openAgent(await session.browser().newPage(), host);
    for (const [codec, mimeType] of [
      ['PCMU', 'audio/PCMU'],
      ['PCMA', 'audio/PCMA'],
      ['G722', 'audio/G722'],
      ['opus', 'audio/opus'],
    ] as const) {
      const phone = await lab.startPhone({ codecs: [codec] });
      await phone.command('dial', lab.agentUri());
      const banner = page.getByRole('alert').filter({ hasText: '2001' });
      await banner.waitFor({ timeout: 10_000 });
      await banner.getByRole('button', { name: 'Answer' }).click();
      await phone.waitForEvent('CALL_ESTABLISHED');
      await expect.poll(() => inboundCodec(page), { timeout: 10_000 }).toBe(mimeType);
      await expect.poll(() => packetsInOneSecond(page), { timeout: 10_000 }).toBeGreaterThan(20);
      await page.getByRole('button', { name: 'Hang up' }).click();
      await phone.waitForEvent('CALL_CLOSED');
      const level = wavLevel(phone.heardFiles().at(-1)!);
      expect(level.loudSeconds, `${codec}: the phone heard ${JSON.stringify(level)}`).toBeGreaterThanOrEqual(1);
      await phone.stop();
      const finish = page.getByRole('button', { name: 'Finish wrap-up' });
      if (await finish.count()) await finish.click();
    }
    await page.close();
  });

  it('DTMF: each keypad press arrives at the phone as exactly one digit (RFC 4733)', async () => {
    const host = await session.start({ dataDir: tempDataDir(), lang: 'en' });
    const page = await lab.openAgent(await session.browser().newPage(), host);
    const phone = await lab.startPhone({ answerMode: 'auto' });
    await page.getByLabel('Number', { exact: true }).fill('2001');
    await page.getByRole('button', { name: 'Call', exact: true }).click();
    await phone.waitForEvent('CALL_ESTABLISHED');
    await expect.poll(async () => (await readAudioFlow(page)).connectionState, { timeout: 10_000 }).toBe('connected');

    const keypad = page.getByRole('region', { name: 'Call with 2001' }).getByRole('group', { name: 'Keypad' });
    const before = phone.events().length;
    for (const key of ['5', '1', '#']) {
      await keypad.getByRole('button', { name: key, exact: true }).click();
      await phone.waitForEvent('CALL_DTMF_START', { after: before, where: (e) => e.param === key });
      await page.waitForTimeout(400); // one press at a time, as a person keys
    }
    await page.waitForTimeout(1_000); // any repeated digit would arrive by now
    const digits = phone.events().slice(before).filter((e) => e.type === 'CALL_DTMF_START').map((e) => e.param);
    expect(digits).toEqual(['5', '1', '#']);
    expect(phone.events().slice(before).filter((e) => e.type === 'CALL_DTMF_END')).toHaveLength(3);
    await page.getByRole('button', { name: 'Hang up' }).click();
    await phone.waitForEvent('CALL_CLOSED');
    await page.close();
  });

  it('refuses on arrival, with 488 and no ring, a call offering only a codec the browser lacks, and says why', async () => {
    const host = await session.start({ dataDir: tempDataDir(), lang: 'en' });
    const page = await lab.openAgent(await session.browser().newPage(), host);
    const phone = await lab.startPhone({ codecs: ['GSM'] });

    await phone.command('dial', lab.agentUri());
    const closed = await phone.waitForEvent('CALL_CLOSED');
    expect(closed.param).toMatch(/488/);
    expect(phone.events().some((e) => e.type === 'CALL_RINGING')).toBe(false);
    await page
      .getByRole('alert')
      .filter({ hasText: "A call from 2001 could not be taken: the caller's phone offered no audio format we support." })
      .waitFor({ timeout: 10_000 });
    expect(await page.getByRole('button', { name: 'Answer' }).count()).toBe(0);
    expect(host.stderr()).toMatch(/refused on arrival.*noCommonCodec/s);
    await page.close();
  });

  it('outbound failures are told in words and keep the dialled number: not found, busy, no common codec', async () => {
    const host = await session.start({ dataDir: tempDataDir(), lang: 'en' });
    const page = await lab.openAgent(await session.browser().newPage(), host);
    const dialBox = page.getByLabel('Number', { exact: true });
    const dial = async (number: string) => {
      await dialBox.fill(number);
      await page.getByRole('button', { name: 'Call', exact: true }).click();
    };

    await dial('2999'); // nobody registered: Kamailio answers 404
    await page.getByRole('alert').filter({ hasText: 'Number not found: 2999.' }).waitFor({ timeout: 10_000 });
    expect(await dialBox.inputValue()).toBe('2999');

    const phone = await lab.startPhone();
    await dial('2001');
    await phone.waitForEvent('CALL_INCOMING');
    await phone.command('hangup'); // refusing a ringing call: 486 Busy Here
    await page.getByRole('alert').filter({ hasText: '2001 is busy.' }).waitFor({ timeout: 10_000 });
    expect(await dialBox.inputValue()).toBe('2001');
    await phone.stop();

    const gsmPhone = await lab.startPhone({ codecs: ['GSM'], answerMode: 'auto' });
    await dial('2001');
    await page
      .getByRole('alert')
      .filter({ hasText: 'The call to 2001 could not be connected: the other phone accepts no audio format we support.' })
      .waitFor({ timeout: 10_000 });
    expect(gsmPhone.events().some((e) => e.type === 'CALL_ESTABLISHED')).toBe(false);
    expect(await dialBox.inputValue()).toBe('2001');
    await page.close();
  });

  it('outbound: "Ringing" shows while the far end rings, also for a phone whose 180 has no Contact', async () => {
    const host = await session.start({ dataDir: tempDataDir(), lang: 'en' });
    const page = await lab.openAgent(await session.browser().newPage(), host);
    const dial = async (number: string) => {
      await page.getByLabel('Number', { exact: true }).fill(number);
      await page.getByRole('button', { name: 'Call', exact: true }).click();
    };
    const callRegion = (number: string) => page.getByRole('region', { name: `Call with ${number}` });

    const phone = await lab.startPhone();
    await dial('2001');
    await phone.waitForEvent('CALL_INCOMING');
    await callRegion('2001').filter({ hasText: 'Ringing' }).waitFor({ timeout: 10_000 });
    await page.getByRole('button', { name: 'Hang up' }).click();
    await phone.waitForEvent('CALL_CLOSED');

    const raw = await startRawUdpPhone({ ...phoneAccounts[1]!, kamailio: lab.kamailio() });
    try {
      await dial('2002');
      const invite = await raw.nextRequest('INVITE');
      raw.respond(invite, 180, 'Ringing', { contact: false });
      await callRegion('2002').filter({ hasText: 'Ringing' }).waitFor({ timeout: 10_000 });
      raw.respond(invite, 486, 'Busy Here', { contact: false });
      await page.getByRole('alert').filter({ hasText: '2002 is busy.' }).waitFor({ timeout: 10_000 });
    } finally {
      await raw.stop();
    }
    await page.close();
  });

  it('outbound: early media (183 with SDP) is heard while dialling, and the call goes on when answered', async () => {
    const host = await session.start({ dataDir: tempDataDir(), lang: 'en' });
    const page = await lab.openAgent(await session.browser().newPage(), host);
    // A phone network's ringback or an IVR's prompt: 183 Session Progress with SDP, then RTP.
    const raw = await startRawUdpPhone({ ...phoneAccounts[1]!, kamailio: lab.kamailio() });
    let stopTone = () => undefined as void;
    try {
      await page.getByLabel('Number', { exact: true }).fill('2002');
      await page.getByRole('button', { name: 'Call', exact: true }).click();
      const invite = await raw.nextRequest('INVITE');
      raw.respond(invite, 183, 'Session Progress', { body: raw.sdp() });
      stopTone = raw.sendTone(invite.body);
      const callRegion = page.getByRole('region', { name: 'Call with 2002' });
      await callRegion.filter({ hasText: 'Ringing' }).waitFor({ timeout: 10_000 });
      // Not answered, and the far end's audio already plays at the desk.
      await expect.poll(async () => (await readAudioFlow(page)).packetsReceived, { timeout: 10_000 }).toBeGreaterThan(50);
      expect(await callRegion.filter({ hasText: 'Ringing' }).count()).toBe(1);

      raw.respond(invite, 200, 'OK', { body: raw.sdp() });
      await raw.nextRequest('ACK');
      await callRegion.filter({ hasText: 'In call' }).waitFor({ timeout: 10_000 });
      const before = (await readAudioFlow(page)).packetsReceived;
      await expect.poll(async () => (await readAudioFlow(page)).packetsReceived - before, { timeout: 10_000 }).toBeGreaterThan(50);
      await page.getByRole('button', { name: 'Hang up' }).click();
      raw.respond(await raw.nextRequest('BYE'), 200, 'OK');
    } finally {
      stopTone();
      await raw.stop();
    }
    await page.close();
  });

  it('hold and resume from either side keep the call, and audio stops and flows again', async () => {
    const host = await session.start({ dataDir: tempDataDir(), lang: 'en' });
    const page = await lab.openAgent(await session.browser().newPage(), host);
    const phone = await lab.startPhone({ answerMode: 'auto' });
    await page.getByLabel('Number', { exact: true }).fill('2001');
    await page.getByRole('button', { name: 'Call', exact: true }).click();
    await phone.waitForEvent('CALL_ESTABLISHED');
    await expect.poll(() => packetsInOneSecond(page), { timeout: 10_000 }).toBeGreaterThan(20);

    // The agent holds (S-2 steps, then the promised time): the phone's audio stops reaching the desk.
    await page.getByRole('button', { name: 'Hold', exact: true }).click();
    for (let step = 0; step < 3; step++) await page.getByRole('button', { name: 'Next step' }).click();
    await page.getByRole('button', { name: '30 seconds' }).click();
    await page.getByRole('button', { name: 'Resume', exact: true }).waitFor();
    await expect.poll(() => packetsInOneSecond(page), { timeout: 10_000 }).toBeLessThanOrEqual(2);
    await page.getByRole('button', { name: 'Resume', exact: true }).click();
    await page.getByRole('button', { name: 'Hold', exact: true }).waitFor();
    await expect.poll(() => packetsInOneSecond(page), { timeout: 10_000 }).toBeGreaterThan(20);

    // The phone holds (re-INVITE with sendonly), then resumes: the call stays up throughout.
    await phone.command('hold');
    await expect.poll(() => packetsInOneSecond(page), { timeout: 10_000 }).toBeLessThanOrEqual(2);
    await phone.command('resume');
    await expect.poll(() => packetsInOneSecond(page), { timeout: 10_000 }).toBeGreaterThan(20);
    expect(await page.getByRole('button', { name: 'Hang up' }).count()).toBe(1);

    await page.getByRole('button', { name: 'Hang up' }).click();
    await phone.waitForEvent('CALL_CLOSED');
    await page.close();
  });

  it('session timers (RFC 4028): refreshes by UPDATE and by re-INVITE keep the call and its audio up', async () => {
    const host = await session.start({ dataDir: tempDataDir(), lang: 'en' });
    const page = await lab.openAgent(await session.browser().newPage(), host);
    const raw = await startRawUdpPhone({ ...phoneAccounts[1]!, kamailio: lab.kamailio() });
    let stopTone = () => undefined as void;
    try {
      const { response, dialog } = await callAgentAndAnswer(page, raw, {
        body: raw.sdp(),
        headers: ['Supported: timer', 'Require: timer', 'Session-Expires: 120;refresher=uac', 'Min-SE: 90'],
      });
      expect(response.status).toBe(200);
      // Our 200 OK states the timer: the caller refreshes, every 120 s at most.
      expect(response.header('session-expires')).toMatch(/^120;refresher=uac$/);
      expect(response.all('require').join(',')).toMatch(/\btimer\b/);
      stopTone = raw.sendTone(response.body);
      await expect.poll(() => packetsInOneSecond(page), { timeout: 10_000 }).toBeGreaterThan(20);

      const update = await raw.sendInDialog(dialog!, 'UPDATE', { headers: ['Session-Expires: 120;refresher=uac', 'Supported: timer'] });
      expect(update.status).toBe(200);
      expect(update.header('session-expires')).toMatch(/^120;refresher=uac/);
      const reinvite = await raw.sendInDialog(dialog!, 'INVITE', { body: raw.sdp(), headers: ['Session-Expires: 120;refresher=uac', 'Supported: timer'] });
      expect(reinvite.status).toBe(200);
      await expect.poll(() => packetsInOneSecond(page), { timeout: 10_000 }).toBeGreaterThan(20);
      expect(await page.getByRole('button', { name: 'Hang up' }).count()).toBe(1);

      await page.getByRole('button', { name: 'Hang up' }).click();
      raw.respond(await raw.nextRequest('BYE'), 200, 'OK');
    } finally {
      stopTone();
      await raw.stop();
    }
    await page.close();
  });

  it('a far end that changes codec and address mid-call (re-INVITE) keeps the audio flowing', async () => {
    const host = await session.start({ dataDir: tempDataDir(), lang: 'en' });
    const page = await lab.openAgent(await session.browser().newPage(), host);
    const raw = await startRawUdpPhone({ ...phoneAccounts[1]!, kamailio: lab.kamailio() });
    let stopTone = () => undefined as void;
    try {
      const { response, dialog } = await callAgentAndAnswer(page, raw, { body: raw.sdp({ codec: 'PCMU' }) });
      stopTone = raw.sendTone(response.body);
      await expect.poll(() => packetsInOneSecond(page), { timeout: 10_000 }).toBeGreaterThan(20);
      expect(await inboundCodec(page)).toBe('audio/PCMU');

      // New port, new codec: the bridge relays the re-offer and the desk follows.
      stopTone();
      await raw.moveRtpPort();
      const reinvite = await raw.sendInDialog(dialog!, 'INVITE', { body: raw.sdp({ codec: 'PCMA' }) });
      expect(reinvite.status).toBe(200);
      stopTone = raw.sendTone(reinvite.body);
      await expect.poll(() => inboundCodec(page), { timeout: 10_000 }).toBe('audio/PCMA');
      await expect.poll(() => packetsInOneSecond(page), { timeout: 10_000 }).toBeGreaterThan(20);

      await page.getByRole('button', { name: 'Hang up' }).click();
      raw.respond(await raw.nextRequest('BYE'), 200, 'OK');
    } finally {
      stopTone();
      await raw.stop();
    }
    await page.close();
  });
});

/** The message-level phone (2002) calls the agent, who answers from the banner. */
async function callAgentAndAnswer(page: Page, raw: RawUdpPhone, options: { body: string; headers?: string[] }) {
  const placed = raw.call('1001', options);
  const banner = page.getByRole('alert').filter({ hasText: '2002' });
  await banner.waitFor({ timeout: 10_000 });
  await banner.getByRole('button', { name: 'Answer' }).click();
  return placed;
}

/** The codec of the audio the desk is receiving now (from the newest peer connection's stats). */
function inboundCodec(page: Page): Promise<string | null> {
  return page.evaluate(async () => {
    const all = (window as unknown as { __peerConnections: RTCPeerConnection[] }).__peerConnections ?? [];
    const pc = [...all].reverse().find((p) => p.connectionState !== 'closed');
    if (!pc) return null;
    const stats = await pc.getStats();
    let codecId: string | undefined;
    stats.forEach((r: { type: string; kind?: string; codecId?: string }) => {
      if (r.type === 'inbound-rtp' && r.kind === 'audio') codecId = r.codecId;
    });
    const codec = codecId ? (stats.get(codecId) as { mimeType?: string } | undefined) : undefined;
    return codec?.mimeType ?? null;
  });
}
