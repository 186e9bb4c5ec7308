// S-3 notes: the size limit and the binary-paste check shared by the editor and the host.
import { describe, expect, it } from 'vitest';
import { callLogMethods } from '../../../../shared/contract/callLog';
import { maxNoteBytes, noteBytes, noteProblem } from '../../../../shared/domain/noteText';

describe('note text limits', () => {
  it('accepts exactly 64 KiB of UTF-8 and refuses one byte more, counting Chinese as 3 bytes', () => {
    expect(noteProblem('a'.repeat(maxNoteBytes))).toBeNull();
    expect(noteProblem('a'.repeat(maxNoteBytes + 1))).toEqual({ kind: 'tooLong', bytes: maxNoteBytes + 1 });
    const chinese = '退'.repeat(Math.floor(maxNoteBytes / 3));
    expect(noteBytes(chinese)).toBe(Math.floor(maxNoteBytes / 3) * 3);
    expect(noteProblem(chinese)).toBeNull();
    expect(noteProblem(`${chinese}款款`)).toMatchObject({ kind: 'tooLong' });
  });

  it('treats tabs and line breaks as text, and NUL, other control characters and U+FFFD as binary', () => {
    expect(noteProblem('line one\r\nline two\tend')).toBeNull();
    expect(noteProblem('PK\u0003\u0004binary')).toEqual({ kind: 'binary' });
    expect(noteProblem('a\u0000b')).toEqual({ kind: 'binary' });
    expect(noteProblem('bad bytes \uFFFD')).toEqual({ kind: 'binary' });
  });

  it('the contract refuses the same notes with the message the editor shows', () => {
    const request = callLogMethods.saveCallNote.request;
    expect(request.safeParse({ callId: 'c1', text: '客户要求退款 refund' }).success).toBe(true);
    const tooLong = request.safeParse({ callId: 'c1', text: 'x'.repeat(maxNoteBytes + 10) });
    expect(tooLong.success).toBe(false);
    expect(tooLong.error?.issues[0]?.message).toMatch(/limit is 64 KiB/);
    const binary = request.safeParse({ callId: 'c1', text: '\u0000\u0001' });
    expect(binary.error?.issues[0]?.message).toMatch(/binary data/);
  });
});
