// Which words tell the agent that the desktop shell restarted the window (issue 21): whether a
// call is still up decides between "your call is still up" and "after a problem".
import type { ShellNotices } from '../../../shared/contract/shellNotices';

export type WindowRestartNoticeKey = 'shellNotices.windowRestartedCallsUp' | 'shellNotices.windowRestarted';

export function windowRestartNoticeKey(notices: ShellNotices | null): WindowRestartNoticeKey | null {
  const restart = notices?.windowRestarted;
  if (!restart) return null;
  return restart.callsUp ? 'shellNotices.windowRestartedCallsUp' : 'shellNotices.windowRestarted';
}
