// The device slots the status bar shows. The device layer (native/manager) reports into
// this; until a device is configured its slot says so.
import type { DeviceSlot } from '../contract-types';

export class DeviceSlots {
  private readonly slots = new Map<string, DeviceSlot>();
  constructor(private readonly changed: (slot: DeviceSlot) => void) {}

  list(): DeviceSlot[] {
    return [...this.slots.values()];
  }

  /** A device taken out of the configuration: screens learn it as 'not_configured' and drop it. */
  remove(id: string): void {
    const slot = this.slots.get(id);
    if (!slot) return;
    this.slots.delete(id);
    this.changed({ ...slot, state: 'not_configured', message: undefined });
  }

  set(slot: DeviceSlot): void {
    this.slots.set(slot.id, slot);
    this.changed(slot);
  }
}
