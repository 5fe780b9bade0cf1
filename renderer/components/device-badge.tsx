import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import type { DeviceSlot, DeviceState } from '../../electron/contract-types';
import type { Tone } from '../lib/statuses';

/** A device state as colour (tone) and icon; the word comes from device.state.*. */
export const LOOK: Record<DeviceState, { tone: Tone; icon: string }> = {
  not_configured: { tone: 'done', icon: '○' },
  connecting: { tone: 'waiting', icon: '◔' },
  connected: { tone: 'ready', icon: '✔' },
  busy: { tone: 'active', icon: '⟳' },
  unresponsive: { tone: 'problem', icon: '⚠' },
  disconnected: { tone: 'problem', icon: '✖' },
  error: { tone: 'problem', icon: '⚠' },
};

/** One device in the status bar: label, state as colour + icon + word, and what to do. */
export function DeviceBadge({ slot, wide = false }: { slot: DeviceSlot; wide?: boolean }) {
  const { t } = useTranslation();
  const look = LOOK[slot.state];
  const state = t(`device.state.${slot.state}`);
  // The device layer names its advice by key; a key this build does not know yet still gets
  // a sentence for the state rather than a raw key on screen.
  const advice = slot.message
    ? i18next.exists(slot.message.key) ? t(slot.message.key, { ...slot.message.params }) : t(`device.advice.${slot.state}`)
    : '';
  return (
    <span
      className={`device tone-${look.tone}${wide ? ' device-wide' : ''}`}
      data-testid={`device-${slot.id}`}
      data-state={slot.state}
      title={advice || undefined}
    >
      <span aria-hidden="true">{look.icon}</span>
      <span className="device-label">{slot.label}</span>
      <span className="device-state">{state}</span>
      {slot.simulated && <span className="device-sim">{t('device.simulated')}</span>}
      {wide && advice && <span className="device-advice">{advice}</span>}
    </span>
  );
}
