// The headset the agent chose, remembered per vendor/product (+ product name) in this browser
// profile's localStorage: WebHID grants are per profile too (navigator.hid.getDevices() returns
// only devices granted here), so the host's preferences, shared by every browser an agent signs
// in from, would remember a device that profile cannot open.
export interface RememberedHeadset {
  readonly vendorId: number;
  readonly productId: number;
  readonly productName: string;
}

const key = 'deskline.headset';

export function readRememberedHeadset(storage: Pick<Storage, 'getItem'>): RememberedHeadset | null {
  try {
    const value: unknown = JSON.parse(storage.getItem(key) ?? 'null');
    if (typeof value !== 'object' || value === null) return null;
    const { vendorId, productId, productName } = value as Record<string, unknown>;
    if (typeof vendorId !== 'number' || typeof productId !== 'number' || typeof productName !== 'string') return null;
    return { vendorId, productId, productName };
  } catch {
    return null; // a damaged entry means "nothing remembered", never a broken page
  }
}

export function rememberHeadset(storage: Pick<Storage, 'setItem'>, device: RememberedHeadset): void {
  try {
    storage.setItem(key, JSON.stringify({ vendorId: device.vendorId, productId: device.productId, productName: device.productName }));
  } catch {
    // storage full or disabled: the headset still works now, it is only not found on next load
  }
}

/** Same model: vendor and product ids, and the product name (two dongles can share the ids). */
export function isRememberedHeadset(device: RememberedHeadset, remembered: RememberedHeadset | null): boolean {
  return remembered !== null && device.vendorId === remembered.vendorId && device.productId === remembered.productId && device.productName === remembered.productName;
}

/**
 * Which already-granted device to reconnect to on load: the remembered one, else none. Devices
 * granted earlier but not the agent's latest choice stay unused until chosen again.
 */
export function pickRememberedDevice<T extends RememberedHeadset>(devices: readonly T[], remembered: RememberedHeadset | null): T | null {
  return devices.find((d) => isRememberedHeadset(d, remembered)) ?? null;
}
