import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Demo, startDemo } from './helpers.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = resolve(import.meta.dirname, '../artifacts');

let demo: Demo;
let browser: Browser | undefined;
let page: Page;
const pageErrors: string[] = [];
/** Why the browser could not start. Every test rethrows it, so a missing Chromium fails (never skips). */
let setupError: Error | undefined;

beforeAll(async () => {
  try {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `Chromium not found at ${CHROMIUM}: install it (apt-get install -y chromium; .ci/run does) or set CHROMIUM_PATH`,
      );
    }
    demo = await startDemo();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1500, height: 1100 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${demo.base}/`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.waitForSelector('[data-testid="events-status"][data-connected="true"]');
  } catch (error) {
    setupError = error instanceof Error ? error : new Error(String(error));
  }
});

function ready(): void {
  if (setupError) throw setupError;
}

afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

const inbox = (userId: string) => page.locator(`[data-testid="inbox-zego-rtc-live-1-${userId}"]`);

async function compose(to: string, payload: string): Promise<void> {
  await page.selectOption('[data-testid="compose-channel"]', 'zego:signal');
  await page.fill('[data-testid="compose-to"]', to);
  await page.fill('[data-testid="compose-payload"]', payload);
  await page.click('[data-testid="compose-send"]');
}

describe('the dashboard in headless Chromium', () => {
  it('sends a signal to two users and it arrives in both simulated inboxes', async () => {
    ready();
    await compose('alice, bob', '{"gift":"rose","n":1}');
    await page.waitForSelector('[data-testid="send-result"] [data-status="ok"]');
    for (const user of ['alice', 'bob']) {
      const item = inbox(user).locator('.inbox-item', { hasText: '{"gift":"rose","n":1}' });
      await item.waitFor({ timeout: 5_000 });
      expect(await item.locator('.callback').textContent()).toBe('onIMRecvCustomCommand');
    }
    const rows = page.locator('[data-testid="send-result"] tr.accepted');
    expect(await rows.count()).toBe(2);
  });

  it('shows a partial result when one user is offline', async () => {
    ready();
    await page.click('[data-testid="toggle-zego-rtc-live-1-bob"]');
    await page.waitForSelector('[data-testid="client-zego-rtc-live-1-bob"][data-online="false"]');

    await compose('alice, bob', '{"gift":"rose","n":2}');
    await page.waitForSelector('[data-testid="send-result"] [data-status="partial"]');
    const failed = page.locator('[data-testid="send-result"] tr.failed[data-user="bob"]');
    const text = await failed.textContent();
    expect(text).toContain('USER_OFFLINE');
    expect(text).toContain('50003');
    await inbox('alice').locator('.inbox-item', { hasText: '"n":2' }).waitFor({ timeout: 5_000 });
    expect(await inbox('bob').locator('.inbox-item', { hasText: '"n":2' }).count()).toBe(0);
    expect(await page.locator('[data-testid="send-result"]').textContent()).toMatch(/request ids: \d+/);

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: resolve(ARTIFACTS, 'dashboard-partial.png'), fullPage: true });
  });

  it('shows the clear error of a bad-input demo', async () => {
    ready();
    await page.click('[data-testid="bad-zego-rtc-11-recipients"]');
    const result = page.locator('[data-testid="bad-input-result"]');
    await result.locator('[data-status="error"]').waitFor();
    expect(await result.textContent()).toContain('TOO_MANY_RECIPIENTS');
    expect(await result.textContent()).toContain('Vendor requests made: 0');
  });

  it('lists vendor callbacks live, and a dropped ZIM message reaches nobody', async () => {
    ready();
    const callbacks = page.locator('[data-testid="callbacks"]');
    // Bob went offline above: ZEGO RTC's room_logout arrived as user.left.
    await callbacks.locator('li', { hasText: 'user.left' }).first().waitFor({ timeout: 5_000 });
    await page.selectOption('[data-testid="before-send-zego-zim"]', 'drop');
    await page.click('[data-testid="say-zego-zim-live-1-alice"]');
    await callbacks.locator('li', { hasText: '→ drop' }).waitFor({ timeout: 5_000 });
    expect(await callbacks.locator('li').first().textContent()).toContain('message.sent');
    // One-shot: the toggle is back to allow once the drop was used.
    await expect.poll(() => page.inputValue('[data-testid="before-send-zego-zim"]')).toBe('allow');
    const bobZim = page.locator('[data-testid="inbox-zego-zim-live-1-bob"]');
    expect(await bobZim.locator('.inbox-item', { hasText: 'hi from alice' }).count()).toBe(0);
    await page.screenshot({ path: resolve(ARTIFACTS, 'dashboard-callbacks.png'), fullPage: true });
  });

  it('fans out to 1,000 users with a progress bar and a clean final accounting', async () => {
    ready();
    await page.fill('[data-testid="fanout-count"]', '1000');
    await page.fill('[data-testid="fanout-offline"]', '0');
    await page.click('[data-testid="fanout-start"]');
    await page.locator('[data-testid="fanout-summary"] [data-status="ok"]').waitFor({ timeout: 15_000 });
    expect(await page.locator('[data-testid="fanout-live"]').textContent()).toContain(
      '1,000 / 1,000 settled',
    );
    expect(await page.locator('[data-testid="fanout-summary"]').textContent()).toContain('Nothing lost');
    await page.screenshot({ path: resolve(ARTIFACTS, 'dashboard-fanout.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
