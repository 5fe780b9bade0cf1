// The enrolment's flow as an officer at a 1366 × 768 counter PC drives it: keys counted (every
// key the officer presses; scans and swipes are devices, not keys), each step checked to fit
// the screen without scrolling (the applicant header and the step tabs always visible), and a
// screenshot of each step kept in the test's output. Written against step ids, so a step
// added to the flow (identity, details, service, signature) adds one entry to RENEWAL_KEYS.
import type { Page, TestInfo } from '@playwright/test';
import { expect } from './fixtures';

export const COUNTER_SCREEN = { width: 1366, height: 768 } as const;

/** Every key the officer presses goes through here, so the count is the count. */
export class Keys {
  presses = 0;
  clicks = 0;
  readonly log: string[] = [];
  constructor(private readonly page: Page) {}

  async press(key: string, why: string): Promise<void> {
    this.presses++;
    this.log.push(`${key} (${why})`);
    await this.page.keyboard.press(key);
  }

  async type(text: string, why: string): Promise<void> {
    this.presses += text.length;
    this.log.push(`${text.length} keys (${why})`);
    await this.page.keyboard.type(text, { delay: 10 });
  }
}

/** Whether the box of `testId` lies inside the viewport. */
export async function inViewport(page: Page, testId: string): Promise<void> {
  const box = await page.getByTestId(testId).first().boundingBox();
  expect(box, `${testId} is on screen`).not.toBeNull();
  const vp = page.viewportSize()!;
  expect(box!.x, `${testId} left`).toBeGreaterThanOrEqual(0);
  expect(box!.y, `${testId} top`).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, `${testId} right`).toBeLessThanOrEqual(vp.width + 0.5);
  expect(box!.y + box!.height, `${testId} bottom`).toBeLessThanOrEqual(vp.height + 0.5);
}

/**
 * The step on screen fits: nothing scrolls (page or screen area), the applicant header, every
 * step tab and the named controls are inside the viewport. Keeps a screenshot.
 */
export async function fits(page: Page, testInfo: TestInfo, step: string, controls: readonly string[]): Promise<void> {
  await expect(page.locator('[data-testid^="step-body-"]')).toBeVisible();
  const overflow = await page.evaluate(() => {
    const screen = document.querySelector('main.screen') as HTMLElement | null;
    const body = document.querySelector('.step-body') as HTMLElement | null;
    const doc = document.documentElement;
    return {
      page: doc.scrollHeight - window.innerHeight, pageX: doc.scrollWidth - window.innerWidth,
      screen: screen ? screen.scrollHeight - screen.clientHeight : 0, screenX: screen ? screen.scrollWidth - screen.clientWidth : 0,
      step: body ? body.scrollHeight - body.clientHeight : 0,
    };
  });
  await page.screenshot({ path: testInfo.outputPath(`enrolment-${step}-1366x768.png`) });
  expect(overflow, `step ${step} fits 1366 × 768 without scrolling`).toEqual({ page: 0, pageX: 0, screen: 0, screenX: 0, step: 0 });
  await inViewport(page, 'enrolment-applicant');
  const tabs = await page.locator('[data-testid^="step-"][role="tab"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!));
  for (const tab of tabs) await inViewport(page, tab);
  for (const c of controls) await inViewport(page, c);
}
