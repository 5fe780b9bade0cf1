// The office for the e2e specs that pair browser-host stations with one: a real PostgreSQL
// started by the spec, an office service in front of a fresh database on it (both for the
// whole file), and pairing through a station's settings screen with a one-time code.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { startOffice, type Office } from '../../office/service';
import { createPairingCode } from '../../office/stations';
import { createDatabase, startPostgres, type TestPostgres } from '../helpers/postgres';
import { expect, test } from './fixtures';

export interface OfficeForSpec {
  /** The running office service (set once beforeAll ran). */
  readonly office: Office;
  /** postgres://… of the office's own database, for checks through PostgreSQL itself. */
  readonly pgUrl: string;
}

/** Registers beforeAll/afterAll that start and stop PostgreSQL and the office service; call at a spec's top level. */
export function useOfficeService(): OfficeForSpec {
  let pg: TestPostgres | undefined;
  let office: Office | undefined;
  let pgUrl = '';
  let officeDir = '';
  // initdb and the office's migrations take a while on a loaded machine.
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    pg = await startPostgres();
    officeDir = mkdtempSync(path.join(tmpdir(), 'loket-office-'));
    pgUrl = await createDatabase(pg.url, `e2e_${randomBytes(5).toString('hex')}`);
    office = await startOffice({ pgUrl, dataDir: officeDir, port: 0, host: '127.0.0.1' });
  });
  test.afterAll(async () => {
    await office?.stop();
    await pg?.stop();
    if (officeDir) rmSync(officeDir, { recursive: true, force: true });
  });
  return {
    get office() {
      if (!office) throw new Error('the office service is not running (useOfficeService() must be called at the top level of the spec)');
      return office;
    },
    get pgUrl() { return pgUrl; },
  };
}

/**
 * As an administrator on the station's screens: F8, the office's address, a fresh pairing
 * code (typed in lower case: the screen must accept it), the station's name; waits until the
 * station shows itself paired, the office's certificate, and the link online.
 */
export async function pairThroughSettings(page: Page, office: Office, name: string): Promise<void> {
  await page.keyboard.press('F8');
  const panel = page.getByTestId('office-panel');
  await expect(panel).toContainText(/bekerja sendiri/);
  await page.getByTestId('office-url').fill(office.server.url);
  await page.getByTestId('office-code').fill((await createPairingCode(office.pool)).shown.toLowerCase());
  await page.getByTestId('office-station-name').fill(name);
  await page.getByTestId('office-pair').click();
  await expect(page.getByTestId('office-paired')).toBeVisible();
  await expect(page.getByTestId('office-certificate')).toHaveText(office.identity.sha256);
  await expect(page.getByTestId('office-link')).toHaveAttribute('data-state', 'online');
}
