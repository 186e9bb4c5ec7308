// What an incoming INVITE brings that decides whether it can ring: its SDP offer and the Require tags we lack.
import type { Invitation } from 'sip.js';

/** The INVITE's SDP offer, or null for an INVITE without one (the offer then goes in our 200 OK). */
export function sdpOffer(invitation: Invitation): string | null {
  const body = invitation.request.body;
  return body && /^application\/sdp\b/i.test(invitation.request.getHeader('Content-Type') ?? '') ? body : null;
}

/** Option tags of Require headers that we do not support (RFC 3891 Replaces and RFC 4028 timer we do). */
export function unsupportedRequirements(headers: string[]): string[] {
  const supported = new Set(['replaces', 'timer']);
  const tags = headers.flatMap((header) => header.split(',')).map((tag) => tag.trim().toLowerCase());
  return [...new Set(tags.filter((tag) => tag.length > 0 && !supported.has(tag)))];
}
