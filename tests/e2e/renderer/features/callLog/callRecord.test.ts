// The agent's call record end to end (S-3): a real call through Kamailio, notes typed during the
// call and autosaved, category and disposition chosen, more notes in wrap-up, an amendment after
// it, and a binary paste refused with the text kept. The stored record is checked over the contract.
import { describe, expect, it } from 'vitest';
import { openContractSocket } from '../../../../support/contractSocket';
import { useE2eSession } from '../../../../support/e2eSession';
import { useWebRtcCallLab } from '../../../../support/softphone/webRtcCallLab';
import { tempDataDir } from '../../../../support/webHost';

const session = useE2eSession();
const lab = useWebRtcCallLab();

describe('call record end to end', () => {
  it('autosaves notes during the call and wrap-up, stores category and disposition, and marks amendments', async () => {
    const host = await session.start({ dataDir: tempDataDir(), lang: 'en' });
    const agentPage = await session.browser().newPage();
    await lab.openAgent(agentPage, host);
    // A second client of the host, to read the stored record afterwards; it sees the call's id.
    const socket = await openContractSocket(host);

    const { page: callerPage, caller } = await lab.openCaller(session.browser());
    await lab.callAgent(caller);
    await agentPage.getByRole('alert').filter({ hasText: '3001' }).getByRole('button', { name: 'Answer' }).click();
    await caller.waitForState('Established', 10_000);

    const notes = agentPage.getByRole('textbox', { name: 'Call notes' });
    await notes.pressSequentially('客户要求退款 refund');
    await agentPage.getByLabel('Category').selectOption({ label: 'Complaint' });
    await agentPage.getByLabel('Disposition').selectOption({ label: 'Callback promised' });
    await agentPage.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();

    // A binary paste is refused with a message; the text typed so far stays.
    await notes.evaluate((element) => {
      const data = new DataTransfer();
      data.setData('text/plain', 'PK\u0003\u0004\u0000\u0000binary');
      element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await agentPage.getByRole('alert').filter({ hasText: 'binary data' }).waitFor();
    expect(await notes.inputValue()).toBe('客户要求退款 refund');

    await agentPage.getByRole('button', { name: 'Hang up' }).click();
    await caller.waitForState('Terminated', 10_000);
    await agentPage.getByRole('timer', { name: 'Wrap-up time' }).waitFor();
    // Wrap-up is part of the record: notes written now are not amendments.
    await notes.pressSequentially(' by Friday');
    await agentPage.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
    await agentPage.getByRole('button', { name: 'Finish wrap-up' }).click();
    await expect.poll(() => agentPage.getByRole('timer', { name: 'Wrap-up time' }).count()).toBe(0);
    // After wrap-up the record is closed; the editor stays on the call and marks amendments.
    await notes.pressSequentially('. Called back.');
    await agentPage.getByText('changes are saved as amendments').waitFor();
    await agentPage.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();

    const callId = (socket.events.find((e) => e.event === 'onCallUpdated')?.payload as { callId: string }).callId;
    const state = await socket.request('listNoteRevisions', { callId });
    const revisions = state.value as Array<{ text: string; isAmendment: boolean }>;
    expect(revisions.at(-1)).toMatchObject({ text: '客户要求退款 refund by Friday. Called back.', isAmendment: true });
    expect(revisions.some((r) => r.text === '客户要求退款 refund by Friday' && !r.isAmendment)).toBe(true);
    const form = await socket.request('getCallRecordForm', { callId });
    expect(form.value).toMatchObject({ category: 'complaint', disposition: 'callback', closed: true, note: { amended: true } });
    socket.close();
    await caller.stop();
    await agentPage.close();
    await callerPage.close();
  });
});

