// Steps many tests share, done the way an officer does them: through the screens.
import type { Page, WebSocketRoute } from '@playwright/test';
import type { Result } from '../../electron/contract';
import { expect } from './fixtures';

export interface Officer { name: string; nip: string; password: string }

export const ADMIN: Officer = { name: 'Siti Rahmawati', nip: '198503122010012001', password: 'admin-rahasia-1' };

/** Opens a fresh station and creates its first administrator; ends logged in as them. */
export async function createFirstAdmin(page: Page, url: string, admin: Officer = ADMIN): Promise<void> {
  await page.goto(url);
  await expect(page.getByTestId('first-run-form')).toBeVisible();
  await page.getByTestId('setup-name').fill(admin.name);
  await page.getByTestId('setup-nip').fill(admin.nip);
  await page.getByTestId('setup-password').fill(admin.password);
  await page.getByTestId('setup-confirm').fill(admin.password);
  await page.getByTestId('setup-confirm').press('Enter');
  await expect(page.getByTestId('status-officer')).toContainText(admin.name);
}

/**
 * `timeout`: how long the station may take to check the password — scrypt takes 128 MiB by
 * design, which on a machine busy with other runs (or several stations) takes its time.
 */
export async function login(page: Page, officer: Officer, timeout?: number): Promise<void> {
  await expect(page.getByTestId('login-form')).toBeVisible();
  await page.getByTestId('login-nip').fill(officer.nip);
  await page.getByTestId('login-password').fill(officer.password);
  await page.getByTestId('login-password').press('Enter');
  await expect(page.getByTestId('status-officer')).toContainText(officer.name, timeout ? { timeout } : {});
}

export async function logout(page: Page): Promise<void> {
  await page.getByTestId('logout-button').click();
  await expect(page.getByTestId('login-form')).toBeVisible();
}

/** As an administrator: adds an officer with the given roles (role ids from the contract). */
export async function addOfficer(page: Page, officer: Officer, roles: readonly string[]): Promise<void> {
  await page.getByTestId('tab-officers').click();
  await page.getByTestId('officer-add').click();
  const dialog = page.getByTestId('officer-create');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('officer-name').fill(officer.name);
  await dialog.getByTestId('officer-nip').fill(officer.nip);
  await dialog.getByTestId('officer-password').fill(officer.password);
  await dialog.getByTestId('officer-confirm').fill(officer.password);
  for (const r of ['counter', 'supervisor', 'print', 'technician', 'admin', 'head']) {
    await dialog.getByTestId(`officer-role-${r}`).setChecked(roles.includes(r));
  }
  await dialog.getByTestId('officer-submit').click();
  await expect(dialog).toBeHidden();
  await expect(page.locator(`[data-testid="officer-row"][data-nip="${officer.nip}"]`)).toBeVisible();
}

/** The station's today as the host computes it (local time on this same machine). */
export function localToday(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/**
 * Lets a test speak on the page's own station connection, as a tampered renderer could:
 * the session is per connection, so this is "the logged-in officer's renderer" calling.
 * Must run before the page loads.
 */
export async function captureStationSocket(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const send = WebSocket.prototype.send;
    WebSocket.prototype.send = function (this: WebSocket, data) {
      (window as unknown as { __loketSocket?: WebSocket }).__loketSocket = this;
      return send.call(this, data);
    };
  });
}

/**
 * Holds the station's messages to the page until release(): every one, or with `method` only
 * the answers to that contract method's calls. The page then sees a station that has not
 * answered yet (its store still opening, a save still under way), however fast this machine
 * is. Install before the page loads; with `holding: false` nothing is held until hold().
 */
export async function holdStationAnswers(page: Page, method?: string, { holding = true } = {}): Promise<{ held: () => number; release: () => void; hold: () => void }> {
  let held: string[] | null = holding ? [] : null;
  let toPage: WebSocketRoute | null = null;
  const ids = new Set<number>();
  await page.routeWebSocket(/\/ws$/, (ws) => {
    const server = ws.connectToServer();
    toPage = ws;
    ws.onMessage((m) => {
      const call = JSON.parse(String(m)) as { t?: string; id?: number; m?: string };
      if (method && call.t === 'call' && call.m === method && typeof call.id === 'number') ids.add(call.id);
      server.send(m);
    });
    server.onMessage((m) => {
      const answer = JSON.parse(String(m)) as { t?: string; id?: number };
      const hold = held && (!method || (answer.t === 'result' && typeof answer.id === 'number' && ids.has(answer.id)));
      if (hold) held!.push(String(m)); else ws.send(m);
    });
  });
  return {
    held: () => held?.length ?? 0,
    release: () => { const q = held ?? []; held = null; for (const m of q) toPage?.send(m); },
    /** Starts holding (again), for a route installed with `holding: false`. */
    hold: () => { held ??= []; },
  };
}

export async function rawCall(page: Page, method: string, input: unknown): Promise<Result<unknown>> {
  return page.evaluate(({ method, input }) => {
    const ws = (window as unknown as { __loketSocket?: WebSocket }).__loketSocket;
    if (!ws) throw new Error('captureStationSocket() was not installed before the page loaded');
    const id = 900_000 + Math.floor(Math.random() * 90_000);
    return new Promise<Result<unknown>>((resolve) => {
      const onMessage = (ev: MessageEvent): void => {
        const msg = JSON.parse(String(ev.data)) as { t: string; id?: number; r?: Result<unknown> };
        if (msg.t === 'result' && msg.id === id && msg.r) {
          ws.removeEventListener('message', onMessage);
          resolve(msg.r);
        }
      };
      ws.addEventListener('message', onMessage);
      ws.send(JSON.stringify({ t: 'call', id, m: method, i: input }));
    });
  }, { method, input });
}

/** Chooses a file on the import screen and waits for the station's preview. */
export async function previewImport(page: Page, file: string): Promise<void> {
  await page.getByTestId('tab-import').click();
  await page.getByTestId('import-file').setInputFiles(file);
  await expect(page.getByTestId('import-preview')).toBeVisible();
}

/** The first administrator takes the technician role too, and logs in again to get it. */
export async function becomeTechnician(page: Page): Promise<void> {
  await page.getByTestId('tab-officers').click();
  await page.locator(`[data-testid="officer-row"][data-nip="${ADMIN.nip}"]`).getByTestId('officer-edit-roles').click();
  const dialog = page.getByTestId('officer-roles');
  await dialog.getByTestId('edit-role-technician').check();
  await dialog.getByTestId('roles-save').click();
  await expect(dialog).toBeHidden();
  await logout(page);
  await login(page, ADMIN);
  await expect(page.getByTestId('status-roles')).toContainText('Teknisi');
}

/** The walk-in the specs register: a NIK whose birth date and sex agree with hers. */
export const WALK_IN = { nik: '3578014506000001', fullName: 'Nur Aini', birthPlace: 'Surabaya', birthDate: '2000-06-05' };

/** Opens the walk-in form (F2) and fills it for a new electronic passport; the caller submits. */
export async function fillWalkIn(page: Page, who: typeof WALK_IN = WALK_IN): Promise<void> {
  await page.keyboard.press('F2');
  await page.getByTestId('walkin-nik').fill(who.nik);
  await page.getByTestId('walkin-fullName').fill(who.fullName);
  await page.getByTestId('walkin-birthPlace').fill(who.birthPlace);
  await page.getByTestId('walkin-birthDate').fill(who.birthDate);
  await page.getByTestId('walkin-sex-F').check();
  await page.getByTestId('walkin-service').selectOption('new');
  await page.getByTestId('walkin-type-electronic').check();
}
