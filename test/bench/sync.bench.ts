// Replication figures (issue 12): sync throughput (office-throughput.ts), live propagation
// (office-live.ts), a week offline drained (office-week.ts), twenty stations against one
// office service (office-twenty.ts), and the cost of the change log on the station's
// writes: 1,000 appointment updates through the repository (the write, the read before and
// after, the change row and the column clocks) against the same UPDATE without the log,
// on a real SQLite file (WAL, synchronous=FULL). Each update in its own transaction, as an
// officer's action is written, and all in one transaction, as an import writes.
import { performance } from 'node:perf_hooks';
import { appointmentFields, openStore, rawDb, removeTempDirs } from '../helpers/stores';
import { median, round } from './stats';
import { officeThroughput } from './office-throughput';
import { officeLive } from './office-live';
import { officeWeek } from './office-week';
import { officeTwenty } from './office-twenty';

const N = 1000;
const RUNS = 5;

function once(perTx: boolean): { withLog: number; without: number } {
  const t = openStore();
  const { store } = t;
  const db = rawDb(store);
  const at = '2026-12-07T08:00:00.000Z';
  const ids = store.tx(() => Array.from({ length: N }, (_, i) => store.appointments.insert(appointmentFields(i), { status: 'booked', priority: [], walkIn: false, sourceHash: null, at })));
  const plain = db.prepare(
    `UPDATE appointments SET nik = @nik, full_name = @full_name, birth_place = @birth_place, birth_date = @birth_date,
       sex = @sex, service = @service, passport_type = @passport_type, appointment_date = @appointment_date,
       time_slot = @time_slot, payment_status = @payment_status, billing_code = @billing_code, phone = @phone,
       source_hash = @source_hash, updated_at = @updated_at WHERE id = @id`,
  );
  const fieldsFor = (i: number, round: number) => ({ ...appointmentFields(i), phone: `08${round}${i}` });
  const withLog = () => ids.forEach((id, i) => {
    const w = () => store.appointments.updateFields(id, fieldsFor(i, 1), 'h1', at);
    if (perTx) store.tx(w); else w();
  });
  const without = () => ids.forEach((id, i) => {
    const f = fieldsFor(i, 2);
    const w = () => plain.run({
      id, nik: f.nik, full_name: f.fullName, birth_place: f.birthPlace, birth_date: f.birthDate, sex: f.sex, service: f.service,
      passport_type: f.passportType, appointment_date: f.appointmentDate, time_slot: f.timeSlot, payment_status: f.paymentStatus,
      billing_code: f.billingCode, phone: f.phone, source_hash: 'h2', updated_at: at,
    });
    if (perTx) store.tx(w); else w();
  });
  const time = (fn: () => void) => { const t0 = performance.now(); if (perTx) fn(); else store.tx(fn); return performance.now() - t0; };
  // Alternate the order so neither side always runs on a warmer cache.
  const a = time(without);
  const b = time(withLog);
  store.close();
  return { withLog: b, without: a };
}

export default async function sync(): Promise<Record<string, unknown>> {
  const figures = (perTx: boolean) => {
    const runs = Array.from({ length: RUNS }, () => once(perTx));
    const w = median(runs.map((r) => r.withLog));
    const wo = median(runs.map((r) => r.without));
    return { with_log_ms: round(w, 1), without_log_ms: round(wo, 1), overhead_us_per_update: round(((w - wo) * 1000) / N, 1), ratio: round(w / wo, 2) };
  };
  try {
    return {
      changelog_write_overhead: {
        updates: N, runs: RUNS,
        one_transaction_each: figures(true),
        all_in_one_transaction: figures(false),
        note: 'appointment updates through AppointmentsRepo.updateFields (change log on) vs the same UPDATE statement alone; medians',
      },
      ...(await officeThroughput()),
      ...(await officeLive()),
      ...(await officeWeek()),
      ...(await officeTwenty()),
      under_load: `figures from a shared machine (load average ${(await import('node:os')).loadavg()[0]!.toFixed(1)} at the end); the office service and PostgreSQL share its ${(await import('node:os')).cpus().length} cores with the stations`,
    };
  } finally {
    removeTempDirs();
  }
}
