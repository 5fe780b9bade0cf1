import { test, expect } from './fixtures';
import { addOfficer, createFirstAdmin, login, logout, previewImport, type Officer } from './helpers';
import { MIXED_CSV, writeSample } from './samples';

const ANI: Officer = { name: 'Ani Susanti', nip: '199305102019022004', password: 'loket-ani-2024' };

test('a priority walk-in goes to the top of the queue; bad input is shown at its field', async ({ page, station }, testInfo) => {
  await createFirstAdmin(page, station.url);
  await addOfficer(page, ANI, ['counter']);
  await logout(page);
  await login(page, ANI);

  await previewImport(page, writeSample(testInfo.outputDir, MIXED_CSV.file));
  await page.getByTestId('import-commit-valid').click();
  await expect(page.getByTestId('import-inserted')).toHaveText('5');

  await page.keyboard.press('F2');
  const form = page.getByTestId('walkin-form');
  await expect(page.getByTestId('walkin-nik')).toBeFocused();
  // Empty form: the screen names what is missing and puts the cursor on the first field.
  await page.getByTestId('walkin-submit').click();
  await expect(page.getByTestId('walkin-nik-error')).toBeVisible();
  await expect(page.getByTestId('walkin-nik')).toBeFocused();

  // An elderly applicant, born 1950-06-17; a region code that does not exist (99) is caught
  // by the station and reported next to the NIK.
  await page.getByTestId('walkin-nik').fill('9971011706500001');
  await page.getByTestId('walkin-fullName').fill('Haji Sulaiman');
  await page.getByTestId('walkin-birthPlace').fill('Bogor');
  await page.getByTestId('walkin-birthDate').fill('1950-06-17');
  await page.getByTestId('walkin-sex-M').check();
  await page.getByTestId('walkin-service').selectOption('replace_expired');
  await page.getByTestId('walkin-type-ordinary').check();
  await page.getByTestId('walkin-phone').fill('081298765432');
  await page.getByTestId('walkin-priority-elderly').check();
  await page.getByTestId('walkin-phone').press('Enter');
  await expect(page.getByTestId('walkin-nik-error')).toContainText('Kode wilayah');
  await expect(page.getByTestId('walkin-nik')).toBeFocused();

  await page.getByTestId('walkin-nik').fill('3201011706500001');
  await page.getByTestId('walkin-nik').press('Enter');
  await expect(form).toBeHidden();
  await expect(page.getByTestId('notice')).toContainText('Haji Sulaiman ditambahkan ke antrean');

  const first = page.getByTestId('queue-row').first();
  await expect(first).toContainText('Haji Sulaiman');
  await expect(first.getByTestId('priority-flags')).toContainText('Lansia 60+');
  await expect(first.getByTestId('status-badge')).toHaveAttribute('data-status', 'checked_in');
  await expect(page.getByTestId('queue-count-checked_in')).toHaveText('1');

  // Alt+S on the selected (first) row offers its next steps; Enter takes the first one.
  // (Enter on a checked-in row starts the enrolment itself: see enrolment.spec.ts.)
  await page.getByTestId('queue-search').press('Alt+KeyS');
  const dialog = page.getByTestId('status-dialog');
  await expect(dialog.getByTestId('status-action-undoCheckIn')).toBeFocused();
  await expect(dialog.getByTestId('status-action-openEnrolment')).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(first.getByTestId('status-badge')).toHaveAttribute('data-status', 'booked');

  // Cancelling asks once more, names the applicant, and needs a reason (Enter sends it).
  const ahmad = page.locator('[data-testid="queue-row"][data-booking-code="BK2501000001"]');
  await ahmad.getByTestId('row-action').click();
  await dialog.getByTestId('status-action-cancel').click();
  await expect(dialog).toContainText('Ahmad Fauzi (BK2501000001) akan dibatalkan');
  await expect(dialog.getByTestId('status-confirm')).toBeDisabled();
  await dialog.getByTestId('status-reason').fill('Pemohon tidak jadi berangkat');
  await dialog.getByTestId('status-reason').press('Enter');
  await expect(ahmad.getByTestId('status-badge')).toHaveAttribute('data-status', 'cancelled');
  await ahmad.getByTestId('row-action').click();
  await expect(dialog.getByTestId('status-history')).toContainText('Pemohon tidak jadi berangkat');
});
