// The headset as the softphone panel sees it: reconnects to the remembered headset on load and
// when it is plugged in again, connects a new one from the "Connect headset" button (a user
// gesture, as requestDevice needs), turns its buttons into answer / hang up / mute and keeps its
// LEDs in step with the calls, so on-screen mute and headset mute always agree.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { commandForHeadsetEvent, ledsForCalls } from '../../../shared/domain/headsetCallControl';
import { TELEPHONY_USAGE_PAGE, type HeadsetEvent } from '../../../shared/domain/hidTelephony';
import type { CallView } from '../../../shared/contract/softphone';
import { useClient } from '../../api/ClientContext';
import { HeadsetLink, NoCallButtonsError } from './headsetLink';
import { performHeadsetCommand } from './headsetCommands';
import { isRememberedHeadset, pickRememberedDevice, readRememberedHeadset, rememberHeadset } from './rememberedHeadset';
import { webHid, type HidConnectionEventLike, type HidDeviceLike } from './webHid';

export type HeadsetStatus =
  | { kind: 'unsupported' }
  | { kind: 'none' }
  | { kind: 'ready'; name: string }
  | { kind: 'noCallButtons'; name: string }
  | { kind: 'failed'; reason: string };

export interface HeadsetControl {
  status: HeadsetStatus;
  /** Call from a click: asks the browser for a Telephony device. */
  connect: () => void;
}

export function useHeadset(calls: readonly CallView[], run: (action: () => Promise<unknown>) => Promise<boolean>): HeadsetControl {
  const client = useClient();
  const hid = webHid();
  const [status, setStatus] = useState<HeadsetStatus>(hid ? { kind: 'none' } : { kind: 'unsupported' });
  const [link, setLink] = useState<HeadsetLink | null>(null);
  const linkRef = useRef<HeadsetLink | null>(null);
  const attachingRef = useRef<HidDeviceLike | null>(null);
  // Read through a ref: the open link keeps one listener while calls, client and run change.
  const onEventRef = useRef((_event: HeadsetEvent) => {});
  useLayoutEffect(() => {
    onEventRef.current = (event: HeadsetEvent) => {
      const command = commandForHeadsetEvent(event, calls);
      if (command) void run(() => performHeadsetCommand(client, command));
    };
  });

  const attach = useCallback(
    async (device: HidDeviceLike) => {
      // getDevices() on load and a connect event can offer the same device at once.
      if (linkRef.current?.device === device || attachingRef.current === device) return;
      attachingRef.current = device;
      try {
        const next = await HeadsetLink.open(device, (event) => onEventRef.current(event));
        linkRef.current?.close();
        linkRef.current = next;
        setLink(next);
        setStatus({ kind: 'ready', name: device.productName });
        rememberHeadset(localStorage, device);
      } catch (error) {
        setStatus(error instanceof NoCallButtonsError ? { kind: 'noCallButtons', name: device.productName } : { kind: 'failed', reason: (error as Error).message });
      } finally {
        attachingRef.current = null;
      }
    },
    [],
  );

  useEffect(() => {
    if (!hid) return;
    let stopped = false;
    void hid.getDevices().then((devices) => {
      const device = pickRememberedDevice(devices, readRememberedHeadset(localStorage));
      if (device && !stopped) void attach(device);
    }, () => undefined);
    const onConnect = (event: Event) => {
      const { device } = event as HidConnectionEventLike;
      if (!linkRef.current && isRememberedHeadset(device, readRememberedHeadset(localStorage))) void attach(device);
    };
    const onDisconnect = (event: Event) => {
      if ((event as HidConnectionEventLike).device !== linkRef.current?.device) return;
      linkRef.current.close();
      linkRef.current = null;
      setLink(null);
      setStatus({ kind: 'none' });
    };
    hid.addEventListener('connect', onConnect);
    hid.addEventListener('disconnect', onDisconnect);
    return () => {
      stopped = true;
      hid.removeEventListener('connect', onConnect);
      hid.removeEventListener('disconnect', onDisconnect);
      linkRef.current?.close();
      linkRef.current = null;
    };
  }, [hid, attach]);

  // The LEDs follow the calls, whoever changed them: the headset, the screen, or the caller.
  const leds = ledsForCalls(calls);
  const ledKey = `${leds.ring}${leds.offHook}${leds.mute}${leds.hold}`;
  useEffect(() => {
    if (link) void link.showLeds(leds);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- ledKey stands for leds
  }, [link, ledKey]);

  const connect = useCallback(() => {
    if (!hid) return;
    // With a headset connected, the button offers the others (Electron has no chooser and takes
    // the first match, so this is how an agent with two headsets switches).
    const current = linkRef.current?.device;
    const filters = [{ usagePage: TELEPHONY_USAGE_PAGE }];
    const options = current ? { filters, exclusionFilters: [{ vendorId: current.vendorId, productId: current.productId }] } : { filters };
    hid.requestDevice(options).then(
      (devices) => {
        if (devices[0]) void attach(devices[0]);
      },
      (error: unknown) => setStatus({ kind: 'failed', reason: (error as Error).message }),
    );
  }, [hid, attach]);

  return { status, connect };
}
