import { test, expect } from './fixtures';
import { addOfficer, captureStationSocket, createFirstAdmin, login, logout, rawCall, type Officer } from './helpers';

const DEDI: Officer = { name: 'Dedi Kurniawan', nip: '199107072016011005', password: 'loket-dedi-2024' };

test('the station refuses a call the role may not make, whatever the screen shows', async ({ page, station }) => {
  await captureStationSocket(page);
  await createFirstAdmin(page, station.url);
  await addOfficer(page, DEDI, ['counter']);
  await logout(page);
  await login(page, DEDI);
  await expect(page.getByTestId('tab-officers')).toHaveCount(0);

  // A tampered renderer on the counter officer's own connection asks for admin work.
  const created = await rawCall(page, 'officers.create', {
    name: 'Penyusup', nip: '123456789012345678', password: 'penyusup-123', roles: ['admin'],
  });
  expect(created).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  const listed = await rawCall(page, 'officers.list', {});
  expect(listed).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  const settings = await rawCall(page, 'settings.update', { idleLockMinutes: 240 });
  expect(settings).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  // A method outside the contract does not exist at all.
  const unknown = await rawCall(page, 'store.exec', { sql: 'DELETE FROM officers' });
  expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  // The officer's own session is untouched by the refusals.
  const session = await rawCall(page, 'auth.session', {});
  expect(session).toMatchObject({ ok: true, value: { nip: DEDI.nip, roles: ['counter'] } });
});
