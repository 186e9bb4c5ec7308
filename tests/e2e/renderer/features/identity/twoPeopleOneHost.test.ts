// Issue 13 end to end: two browser contexts on ONE web host, signed in as different people, see
// only what their roles allow (S-6) — the agent whose phone rings sees the caller's full number on
// screen and in the events their tab receives; a QA reviewer, signed in through the "Sign in" form
// in another context at the same time, receives the same call's events with the number masked and
// never the full number. The "Account" button names who is signed in; "Sign out" ends it.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useE2eSession } from '../../../../support/e2eSession';
import { newSignedOutContext } from '../../../../support/identity/signedInPages';
import { testPeople } from '../../../../support/identity/testPeople';
import { startKamailio, type RunningKamailio } from '../../../../support/kamailio/kamailioHarness';
import { ScriptedUa } from '../../../../support/sipUa/scriptedUa';
import { registerWorkstation } from '../../../../support/softphone/workstationPhone';

const session = useE2eSession();
const callerNumber = '13800135678';
let kamailio: RunningKamailio;

beforeAll(async () => {
  kamailio = await startKamailio({ users: [{ user: '1001', password: 'agent-secret' }, { user: callerNumber, password: 'caller-secret' }] });
});
afterAll(async () => {
  await kamailio?.stop();
});

/** Every contract frame the page's WebSocket receives, as text. */
function recordFrames(page: Page): string[] {
  const frames: string[] = [];
  page.on('websocket', (ws) => ws.on('framereceived', (frame) => frames.push(String(frame.payload))));
  return frames;
}

describe('two people on one web host', () => {
  it('an agent and a QA reviewer signed in at once: full number for the agent, masked for QA, in the page and in events', async () => {
    const host = await session.start({ lang: 'en' }); // pages open signed in as the agent
    const agentPage = await session.browser().newPage();
    const agentFrames = recordFrames(agentPage);
    await agentPage.goto(host.url);
    await expect.poll(() => agentPage.getByRole('button', { name: 'Account' }).textContent()).toContain('Agent Li');
    await registerWorkstation(agentPage, kamailio, { user: '1001', password: 'agent-secret', displayName: 'Agent Li' });

    // The QA reviewer signs in with the form, in a context of their own.
    const qaContext = await newSignedOutContext(session.browser());
    const qaPage = await qaContext.newPage();
    const qaFrames = recordFrames(qaPage);
    await qaPage.goto(host.url);
    const form = qaPage.getByRole('form', { name: 'Sign in' });
    await form.getByLabel('User').fill(testPeople.qa.user);
    await form.getByLabel('Password').fill('not the password');
    await form.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toMatch(/Wrong user or password/);
    await form.getByLabel('Password').fill(testPeople.qa.password);
    await form.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => qaPage.getByRole('button', { name: 'Account' }).textContent()).toContain('QA Wu');
    // QA has no phone here: no phone panel, and the agent is still signed in at their own tab.
    expect(await qaPage.getByRole('region', { name: 'Phone' }).count()).toBe(0);
    expect(await agentPage.getByRole('button', { name: 'Account' }).textContent()).toContain('Agent Li');

    const caller = new ScriptedUa({ server: kamailio.url, user: callerNumber, password: 'caller-secret', domain: kamailio.domain, displayName: callerNumber });
    await caller.start();
    try {
      const call = await caller.call('1001');
      await agentPage.getByRole('alert').filter({ hasText: callerNumber }).waitFor({ timeout: 15_000 });
      await expect.poll(() => qaFrames.some((f) => f.includes('"onCallUpdated"') && f.includes('138****5678')), { timeout: 10_000 }).toBe(true);
      await call.hangUp();
      await expect.poll(() => agentPage.getByRole('alert').filter({ hasText: callerNumber }).count(), { timeout: 10_000 }).toBe(0);
    } finally {
      await caller.stop();
    }
    // S-6 in events: the agent's tab got the full number; nothing the QA tab received holds it.
    expect(agentFrames.some((f) => f.includes('"onCallUpdated"') && f.includes(callerNumber))).toBe(true);
    expect(qaFrames.filter((f) => f.includes(callerNumber))).toEqual([]);

    // Sign out ends the QA session in that tab only.
    await qaPage.getByRole('button', { name: 'Account' }).click();
    await qaPage.getByRole('menuitem', { name: 'Sign out' }).click();
    await qaPage.getByRole('form', { name: 'Sign in' }).waitFor();
    expect(await agentPage.getByRole('button', { name: 'Account' }).textContent()).toContain('Agent Li');
    await qaContext.close();
  });
});
