// Saving the phone settings keeps TURN credentials the one-URL-per-line field cannot show.
import { describe, expect, it } from 'vitest';
import { iceServersFromText, iceServersToText } from '../../../../../renderer/features/softphone/iceServerText';

const turn = { urls: ['turn:turn.example.org:3478?transport=udp', 'turns:turn.example.org:5349'], username: 'agent', credential: 's3cret' };
const stun = { urls: ['stun:stun.example.org'] };

describe('ICE servers in the settings form', () => {
  it('round-trips servers unchanged, credentials and multi-URL servers included', () => {
    expect(iceServersFromText(iceServersToText([turn, stun]), [turn, stun])).toEqual([turn, stun]);
  });

  it('adds new URLs as servers of their own and drops servers whose URLs were removed', () => {
    const text = 'stun:stun.example.org\nstun:stun2.example.org';
    expect(iceServersFromText(text, [turn, stun])).toEqual([stun, { urls: ['stun:stun2.example.org'] }]);
  });

  it('splits a server whose URLs were partly removed into plain URLs (its credential is not guessed)', () => {
    expect(iceServersFromText('turns:turn.example.org:5349', [turn])).toEqual([{ urls: ['turns:turn.example.org:5349'] }]);
  });
});
