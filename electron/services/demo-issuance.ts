// Demo and training (`--demo`): a few applications approved two days ago, each with a drawn
// portrait (no real person), and one delivery of blank books per series, so the print
// operator's screen has work from the first minute. Made once per store.
import type { Store } from '../store/store';
import { demoAppointments } from './demo-day';
import { hashFields } from './appointment-rows';
import { localDate } from '../../domain/dates';
import { DEFAULT_SERIES } from '../../domain/stock';

export const DEMO_APPROVED = 8;
export const DEMO_BOOKS_PER_SERIES = 40;
const SEEDER = 'demo';

export async function seedDemoIssuance(store: Store, now: () => Date): Promise<void> {
  if (Object.values(store.stock.countsByState()).some((n) => n > 0)) return;
  // The drawing (and its JPEG encoder) is loaded only for a demo store.
  const { samplePortraitJpeg } = await import('../datapage/sample-applicant');
  const portrait = Buffer.from(samplePortraitJpeg());
  const at = new Date(now().getTime() - 2 * 86_400_000).toISOString();
  const day = localDate(new Date(at));
  store.tx(() => {
    for (const f of demoAppointments(day, DEMO_APPROVED, 23)) {
      if (store.appointments.sourceHashByCode(f.bookingCode)) continue;
      const id = store.appointments.insert(f, { status: 'awaiting_approval', priority: [], walkIn: false, sourceHash: hashFields(f), at });
      store.blobs.put({ type: 'appointment', id }, 'photo', 'image/jpeg', portrait, { width: 350, height: 450, camera: 'demo', checks: {} }, at);
      store.appointments.setStatus(id, 'awaiting_approval', 'approved', null, undefined, at, 'approve');
    }
    for (const s of DEFAULT_SERIES) {
      const prefix = s.example[0]!;
      const serials = Array.from({ length: DEMO_BOOKS_PER_SERIES }, (_, i) => `${prefix}${String(i + 1).padStart(7, '0')}`);
      store.stock.receive({ reference: `DEMO/${s.id}`, series: s.id, serials, officerId: SEEDER, at });
    }
  });
}
