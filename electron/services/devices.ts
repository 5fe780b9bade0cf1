// The device slots the status bar shows. The device layer (native/manager) reports into
// this; until a device is configured its slot says so.
import type { DeviceSlot } from '../contract-types';

export class DeviceSlots {
  private readonly slots = new Map<string, DeviceSlot>();
  constructor(private readonly changed: (slot: DeviceSlot) => void) {}

  list(): DeviceSlot[] {
    return [...this.slots.values()];
  }

  remove(id: string): void {
    this.slots.delete(id);
  }

  set(slot: DeviceSlot): void {
    this.slots.set(slot.id, slot);
    this.changed(slot);
  }
}
