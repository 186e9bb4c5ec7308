// RFC 4028 §9: what our 200 OK says about the session timer an INVITE asks for.
import { describe, expect, it } from 'vitest';
import { sessionTimerOf } from '../../../../../electron/adapters/sip/sessionTimer';

const request = (headers: Record<string, string>) => ({ getHeader: (name: string) => headers[name] });

describe('sessionTimerOf', () => {
  it('keeps the interval and lets the caller refresh unless it asked us to', () => {
    expect(sessionTimerOf(request({ 'Session-Expires': '1800;refresher=uac' }))).toEqual({ seconds: 1800, refresher: 'uac' });
    expect(sessionTimerOf(request({ 'Session-Expires': '1800' }))).toEqual({ seconds: 1800, refresher: 'uac' });
    expect(sessionTimerOf(request({ 'Session-Expires': '600; refresher = uas' }))).toEqual({ seconds: 600, refresher: 'uas' });
  });

  it('reads the compact form and never goes below the 90 s minimum', () => {
    expect(sessionTimerOf(request({ x: '30;refresher=uac' }))).toEqual({ seconds: 90, refresher: 'uac' });
  });

  it('asks for nothing when the INVITE has no timer or a nonsense value', () => {
    expect(sessionTimerOf(request({}))).toBeNull();
    expect(sessionTimerOf(request({ 'Session-Expires': 'soon' }))).toBeNull();
    expect(sessionTimerOf(request({ 'Session-Expires': '0' }))).toBeNull();
  });
});
