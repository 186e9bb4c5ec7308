// A headset (or media key) command carried out through the host, like the on-screen buttons.
import type { HeadsetCommand } from '../../../shared/domain/headsetCallControl';
import { call, type DesklineClient } from '../../api/client';

export function performHeadsetCommand(client: DesklineClient, command: HeadsetCommand): Promise<unknown> {
  switch (command.kind) {
    case 'answerCall':
      return call(client, 'answerCall', { callId: command.callId });
    case 'hangUp':
      return call(client, 'hangUp', { callId: command.callId });
    case 'setMuted':
      return call(client, command.muted ? 'muteCall' : 'unmuteCall', { callId: command.callId });
  }
}
