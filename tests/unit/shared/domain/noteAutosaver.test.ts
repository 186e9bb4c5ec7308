// The autosave that bounds what a crash can lose (issue 6: ≤ 250 ms of typing): a change goes out
// within 100 ms, one save at a time in typing order, and a failed save is retried, never dropped.
import { describe, expect, it } from 'vitest';
import { NoteAutosaver } from '../../../../shared/domain/noteAutosaver';
import { FakeClock } from '../../../support/fakeClock';

function setUp() {
  const clock = new FakeClock();
  const sent: Array<{ text: string; at: number }> = [];
  let release: Array<() => void> = [];
  let fail: Error | null = null;
  const saver = new NoteAutosaver('', {
    clock,
    save: (text) => {
      sent.push({ text, at: clock.monotonicNow() });
      if (fail) return Promise.reject(fail);
      return new Promise<void>((resolve) => release.push(resolve));
    },
  });
  const settle = async () => {
    const pending = release;
    release = [];
    pending.forEach((r) => r());
    await new Promise((r) => setTimeout(r, 0));
  };
  return { clock, sent, saver, settle, failWith: (e: Error | null) => (fail = e) };
}

describe('NoteAutosaver', () => {
  it('sends a change exactly 100 ms after the first keystroke, with the text typed by then', () => {
    const { clock, sent, saver } = setUp();
    saver.change('a');
    clock.advance(60);
    saver.change('ab');
    clock.advance(39);
    expect(sent).toEqual([]);
    clock.advance(1);
    expect(sent).toEqual([{ text: 'ab', at: 100 }]);
  });

  it('keeps one save in flight; what was typed meanwhile goes out the moment it returns', async () => {
    const { clock, sent, saver, settle } = setUp();
    saver.change('a');
    clock.advance(100);
    saver.change('ab');
    saver.change('abc');
    clock.advance(500);
    expect(sent.map((s) => s.text)).toEqual(['a']);
    await settle();
    expect(sent.map((s) => s.text)).toEqual(['a', 'abc']);
    await settle();
    expect(saver.current()).toEqual({ kind: 'saved', text: 'abc' });
  });

  it('retries a failed save after 1 s and reports the failure meanwhile; the text is not lost', async () => {
    const { clock, sent, saver, settle, failWith } = setUp();
    failWith(new Error('store unavailable'));
    saver.change('note');
    clock.advance(100);
    await settle();
    expect(saver.current()).toEqual({ kind: 'failed', message: 'store unavailable' });
    failWith(null);
    clock.advance(999);
    expect(sent).toHaveLength(1);
    clock.advance(1);
    expect(sent.map((s) => s.text)).toEqual(['note', 'note']);
    await settle();
    expect(saver.current()).toEqual({ kind: 'saved', text: 'note' });
  });

  it('flush sends at once; typing back to the saved text sends nothing', async () => {
    const { clock, sent, saver, settle } = setUp();
    saver.change('x');
    saver.flush();
    expect(sent.map((s) => s.text)).toEqual(['x']);
    await settle();
    saver.change('xy');
    saver.change('x');
    clock.advance(200);
    expect(sent).toHaveLength(1);
  });
});
