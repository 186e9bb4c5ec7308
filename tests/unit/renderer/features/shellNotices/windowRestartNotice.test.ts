// Issue 21: the status line after the shell restarted the window — "your call is still up" when
// a call is, "after a problem" otherwise, nothing when there was no restart; in both languages.
import { describe, expect, it } from 'vitest';
import { en } from '../../../../../renderer/i18n/en';
import { zhCN } from '../../../../../renderer/i18n/zhCN';
import { windowRestartNoticeKey } from '../../../../../renderer/features/shellNotices/windowRestartNotice';

function text(messages: typeof en, key: string): string {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages) as string;
}

describe('window restart notice', () => {
  it('says nothing without a restart', () => {
    expect(windowRestartNoticeKey(null)).toBeNull();
    expect(windowRestartNoticeKey({ windowRestarted: null })).toBeNull();
  });

  it('says the call is still up when one is, in English and Chinese', () => {
    const key = windowRestartNoticeKey({ windowRestarted: { atWall: 1, reason: 'crashed', callsUp: true } });
    expect(key).not.toBeNull();
    expect(text(en, key!)).toBe('Window restarted — your call is still up');
    expect(text(zhCN, key!)).toBe('窗口已重新启动——您的通话仍在进行');
  });

  it('says it restarted after a problem when no call is up', () => {
    const key = windowRestartNoticeKey({ windowRestarted: { atWall: 1, reason: 'unresponsive', callsUp: false } });
    expect(text(en, key!)).toBe('Window restarted after a problem');
    expect(text(zhCN, key!)).toBe('窗口在出现问题后已重新启动');
  });
});
