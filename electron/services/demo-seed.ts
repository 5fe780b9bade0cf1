// Fills a demo day once: appointments for today (the device service adds simulated devices).
import type { Store } from '../store/store';
import { demoAppointments } from './demo-day';
import { hashFields } from './appointment-rows';

export function seedDemoDay(store: Store, now: () => Date, date: string): void {
  const at = now().toISOString();
  store.tx(() => {
    for (const f of demoAppointments(date, 60)) {
      if (store.appointments.sourceHashByCode(f.bookingCode)) continue;
      store.appointments.insert(f, { status: 'booked', priority: [], walkIn: false, sourceHash: hashFields(f), at });
    }
  });
}
