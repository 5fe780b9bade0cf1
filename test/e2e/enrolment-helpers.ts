// Steps the enrolment and check-in specs share: a counter officer on a demo station, a
// keyboard-wedge scan, and old-passport MRZ lines composed with their check digits.
import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import { addOfficer, createFirstAdmin, login, logout, type Officer } from './helpers';

export const COUNTER: Officer = { name: 'Wati Kusuma', nip: '198812122014022006', password: 'loket-wati-2024' };

/** A fresh demo station (60 booked applicants today), logged in as a counter officer on the queue. */
export async function openDemoQueue(page: Page, url: string): Promise<void> {
  await createFirstAdmin(page, url);
  await addOfficer(page, COUNTER, ['counter']);
  await logout(page);
  await login(page, COUNTER);
  await expect(page.getByTestId('screen-queue')).toBeVisible();
  await expect(page.getByTestId('queue-table')).toHaveAttribute('data-rows', '60');
  await expect(page.getByTestId('queue-search')).toBeFocused();
}

/**
 * What a keyboard-wedge scanner sends: the code as fast keystrokes, then Enter, into the
 * queue's search box; resolves once the check-in banner answers for this code.
 *
 * Playwright's keystrokes are timed by the test machine, not by a scanner: on a loaded
 * machine one keystroke can stall for 100–200 ms, which splits the burst exactly as a person
 * pausing would (and the screen rightly treats it as typing). Then the officer's remedy is
 * taken: back to a clean queue, scan again (at most `attempts` times).
 */
export async function wedgeScan(page: Page, code: string, attempts = 3): Promise<void> {
  const search = page.getByTestId('queue-search');
  const answered = page.locator(`[data-testid="checkin-banner"][data-code="${code}"]:not([data-result="busy"])`);
  for (let attempt = 1; ; attempt++) {
    // A banner from an earlier scan must not pass for this one.
    const old = page.getByTestId('checkin-banner').getByRole('button');
    if (await old.count()) await old.click();
    await search.focus();
    await page.keyboard.type(code, { delay: 5 });
    await page.keyboard.press('Enter');
    try {
      await expect(answered).toBeVisible({ timeout: 3_000 });
      return;
    } catch (err) {
      if (attempt >= attempts) throw err;
      console.warn(`wedgeScan: keystrokes of ${code} were not seen as one scan (attempt ${attempt}); scanning again`);
      // Whatever the split keys did (a search, Enter on a row): undo it the officer's way.
      for (let i = 0; i < 3 && !(await page.getByTestId('screen-queue').isVisible() && !(await page.locator('dialog[open]').count())); i++) {
        await page.keyboard.press('Escape');
      }
      await search.fill('');
    }
  }
}

/** ICAO 9303 check digit: weights 7, 3, 1; digits as such, A–Z = 10–35, '<' = 0. */
export function checkDigit(s: string): string {
  const weights = [7, 3, 1];
  let sum = 0;
  [...s].forEach((c, i) => {
    const v = c === '<' ? 0 : /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55;
    sum += v * weights[i % 3]!;
  });
  return String(sum % 10);
}

export interface Td3Input {
  fullName: string;
  documentNumber: string;
  /** YYYY-MM-DD */
  birthDate: string;
  sex: 'M' | 'F';
  /** YYYY-MM-DD */
  expiryDate: string;
}

/** The two 44-character lines of an Indonesian passport's MRZ (TD3). */
export function td3(p: Td3Input): [string, string] {
  const tokens = p.fullName.toUpperCase().split(/\s+/).filter(Boolean);
  const surname = tokens.at(-1) ?? '';
  const given = tokens.slice(0, -1).join('<');
  const line1 = `P<IDN${`${surname}<<${given}`.padEnd(39, '<').slice(0, 39)}`;
  const yymmdd = (d: string) => d.slice(2).replaceAll('-', '');
  const doc = p.documentNumber.padEnd(9, '<');
  const birth = yymmdd(p.birthDate);
  const expiry = yymmdd(p.expiryDate);
  const personal = '<'.repeat(14);
  const parts = [doc + checkDigit(doc), birth + checkDigit(birth), expiry + checkDigit(expiry), personal + checkDigit(personal)];
  const line2 = `${parts[0]}IDN${parts[1]}${p.sex}${parts[2]}${parts[3]}${checkDigit(parts.join(''))}`;
  return [line1, line2];
}

/** Birth date and sex as the NIK carries them (DDMMYY, day + 40 for women). */
export function fromNik(nik: string, century = '19'): { birthDate: string; sex: 'M' | 'F' } {
  const day = Number(nik.slice(6, 8));
  const sex = day > 40 ? 'F' : 'M';
  const dd = String(sex === 'F' ? day - 40 : day).padStart(2, '0');
  return { birthDate: `${century}${nik.slice(10, 12)}-${nik.slice(8, 10)}-${dd}`, sex };
}

/**
 * The identity and details steps for a standard applicant, by keyboard: Alt+2 and Enter
 * confirm the identity (a disagreement with the old passport kept as the KTP's), then the
 * purpose of travel and Enter save the details; the documents step follows.
 */
export async function answerIdentityAndDetails(page: Page, purpose = 'tourism'): Promise<void> {
  await goToStep(page, 'identity');
  await expect(page.getByTestId('identity-confirm')).toBeFocused();
  for (const box of await page.locator('[data-testid^="identity-keep-"]').all()) await box.check();
  await page.getByTestId('identity-confirm').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('step-identity')).toHaveAttribute('data-state', /done|check/);
  await expect(page.getByTestId('details-purpose')).toBeFocused();
  await page.getByTestId('details-purpose').selectOption(purpose);
  await page.keyboard.press('Enter');
  // The documents step follows, or first the service step for a replacement or a lost passport.
  await expect(page.locator('[data-testid="step-body-documents"], [data-testid="step-body-service"]')).toBeVisible();
}

/** Goes to an enrolment step by its own shortcut (Alt+N, N = its place among the steps this
 *  applicant has: the service step shows only for some services). */
export async function goToStep(page: Page, step: string): Promise<void> {
  const key = await page.getByTestId(`step-${step}`).getAttribute('data-key');
  if (!key) throw new Error(`no shortcut on step ${step}`);
  await page.keyboard.press(key);
}

/** From the queue: finds the applicant by booking code, checks them in (Alt+S, Enter) and opens the enrolment (Enter). */
export async function checkInAndOpen(page: Page, code: string): Promise<void> {
  await page.getByTestId('queue-search').fill(code);
  await expect(page.getByTestId('queue-table')).toHaveAttribute('data-rows', '1');
  await page.getByTestId('queue-search').press('Alt+KeyS');
  await expect(page.getByTestId('status-action-checkIn')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('queue-row').first()).toHaveAttribute('data-status', 'checked_in');
  await page.getByTestId('queue-search').press('Enter');
}
