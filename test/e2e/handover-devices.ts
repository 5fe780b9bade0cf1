// The handover counter's devices for the e2e specs and the keys bench: the simulated ZFM
// reader, handheld scanner and receipt printer, saved through the contract and waited for.
import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import { rawCall } from './helpers';

export async function okCall(page: Page, method: string, input: unknown): Promise<unknown> {
  const r = await rawCall(page, method, input);
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return r.value;
}

export async function connectHandoverDevices(page: Page): Promise<void> {
  await okCall(page, 'devices.save', { id: 'fp-sim', kind: 'fingerprint', driver: 'zfm', label: 'Sidik jari (simulasi)', port: { kind: 'sim', name: 'zfm' }, settings: {} });
  await okCall(page, 'devices.save', { id: 'scan-sim', kind: 'barcode', driver: 'barcode-hid-pos', label: 'Pemindai (simulasi)', port: { kind: 'sim', name: 'barcode' }, settings: {} });
  await okCall(page, 'devices.save', { id: 'receipt-sim', kind: 'printer', driver: 'escpos', label: 'Printer struk (simulasi)', port: { kind: 'sim', name: 'escpos' }, settings: {} });
  await expect.poll(async () => {
    const slots = await okCall(page, 'devices.slots', {}) as { id: string; state: string }[];
    return ['fp-sim', 'scan-sim', 'receipt-sim'].every((id) => slots.find((s) => s.id === id)?.state === 'connected');
  }, { timeout: 15_000 }).toBe(true);
}
