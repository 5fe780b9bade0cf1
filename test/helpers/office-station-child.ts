// A station as its own process for the kill -9 test (office-kill.test.ts): it opens the
// store in DIR (already paired), then keeps working and syncing — applicants booked and
// some checked in, a push, a pull — until it is killed. Each finished sync is announced on
// stdout, so the test knows the station is busy when it pulls the plug.
//   tsx test/helpers/office-station-child.ts DIR DATA_KEY_HEX FIRST_NUMBER
import { Store } from '../../electron/store/store';
import { OfficeLink } from '../../electron/services/office-link';
import { appointmentFields, rawDb } from './stores';

const [dir, keyHex, firstArg] = process.argv.slice(2);
if (!dir || !keyHex || !firstArg) throw new Error('usage: office-station-child.ts DIR DATA_KEY_HEX FIRST_NUMBER');
const store = Store.open({ dataDir: dir, dataKey: Buffer.from(keyHex, 'hex') });
const link = new OfficeLink(store);
const db = rawDb(store);
// Numbers go on from what this store already holds, so a restart books new applicants.
const own = () => (db.prepare('SELECT count(*) AS n FROM appointments WHERE station_id = ?').get(store.stationId) as { n: number }).n;
const first = Number(firstArg);
console.log('ready');

for (;;) {
  const at = new Date().toISOString();
  store.tx(() => {
    const base = first + own();
    for (let i = 0; i < 60; i++) store.appointments.insert(appointmentFields(base + i), { status: 'booked', priority: [], walkIn: false, sourceHash: null, at });
    const booked = db.prepare("SELECT id FROM appointments WHERE status = 'booked' ORDER BY booking_code LIMIT 10").all() as { id: string }[];
    for (const { id } of booked) store.appointments.setStatus(id, 'booked', 'checked_in', null, undefined, at, 'checkIn');
  });
  try {
    await link.sync();
    console.log(`synced ${own()}`);
    await new Promise((r) => setTimeout(r, 20));
  } catch (err) {
    console.log(`sync failed: ${(err as Error).message}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
