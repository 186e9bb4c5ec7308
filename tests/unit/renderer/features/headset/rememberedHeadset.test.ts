// The remembered headset: per vendor/product + name, and damaged storage never breaks the page.
import { describe, expect, it } from 'vitest';
import { isRememberedHeadset, pickRememberedDevice, readRememberedHeadset, rememberHeadset } from '../../../../../renderer/features/headset/rememberedHeadset';

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), items };
}
const jabra = { vendorId: 0x0b0e, productId: 0x030c, productName: 'Jabra Evolve2 65' };

describe('remembered headset', () => {
  it('round-trips the model, not the device object', () => {
    const storage = memoryStorage();
    rememberHeadset(storage, { ...jabra, opened: true } as typeof jabra);
    expect(readRememberedHeadset(storage)).toEqual(jabra);
  });

  it('reads damaged or foreign entries as nothing remembered', () => {
    expect(readRememberedHeadset(memoryStorage())).toBeNull();
    expect(readRememberedHeadset(memoryStorage({ 'deskline.headset': '{not json' }))).toBeNull();
    expect(readRememberedHeadset(memoryStorage({ 'deskline.headset': '{"vendorId":"x","productId":1,"productName":"a"}' }))).toBeNull();
  });

  it('a full storage does not throw', () => {
    expect(() => rememberHeadset({ setItem: () => { throw new DOMException('full', 'QuotaExceededError'); } }, jabra)).not.toThrow();
  });

  it('picks only the remembered model among granted devices', () => {
    const poly = { vendorId: 0x047f, productId: 0xc056, productName: 'Poly Blackwire 3320 Series' };
    const otherJabra = { ...jabra, productName: 'Jabra Evolve2 85' };
    expect(pickRememberedDevice([poly, otherJabra, jabra], jabra)).toBe(jabra);
    expect(pickRememberedDevice([poly, otherJabra], jabra)).toBeNull();
    expect(pickRememberedDevice([poly], null)).toBeNull();
    expect(isRememberedHeadset(jabra, null)).toBe(false);
  });
});
