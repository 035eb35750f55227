import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { IDS } from './fixture/register-fixture';
import { launchBrowser, openContext, waitForMap } from './support/browser';
import { startServer, type RunningServer } from './support/server';

const baseUrl = inject('baseUrl');
const databasePath = inject('databasePath');

describe('the map', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('draws markers with no tile server, under the strict CSP', async () => {
		const { context, page, problems } = await openContext(browser);
		await page.goto(`${baseUrl}/kommune/0751`);
		await expect(waitForMap(page)).resolves.toEqual({ state: 'ready', markers: 3 });
		await expect(
			page.locator('.register-map__marker, .marker-cluster').count(),
		).resolves.toBeGreaterThan(0);
		// No tiles requested: nothing outside loopback was even attempted.
		expect(problems.blocked).toEqual([]);
		expect(problems.cspViolations).toEqual([]);
		expect(problems.pageErrors).toEqual([]);
		await page.goto(`${baseUrl}/`);
		await expect(waitForMap(page)).resolves.toEqual({ state: 'ready', markers: 6 });
		await page.goto(`${baseUrl}/sted/${IDS.amager}`);
		await expect(waitForMap(page)).resolves.toEqual({ state: 'ready', markers: 1 });
		expect(problems.cspViolations).toEqual([]);
		await context.close();
	});

	it('is labelled, keyboard usable and not a trap; the list is one link away', async () => {
		const { context, page } = await openContext(browser);
		await page.goto(`${baseUrl}/leverandoer/cvr-12345678`);
		await waitForMap(page);
		const region = page.getByRole('region', { name: 'Kort over stederne hos Omsorgsgruppen ApS' });
		await expect(region.count()).resolves.toBe(1);
		// Tab from the skip link into the map and on through it: focus must leave the map again.
		await page.getByRole('link', { name: /Spring kortet over/ }).focus();
		const visited: string[] = [];
		let left = false;
		for (let i = 0; i < 15; i++) {
			await page.keyboard.press('Tab');
			const where = await page.evaluate(() => {
				const active = document.activeElement;
				const inMap = !!active?.closest('register-map');
				return `${inMap ? 'map' : 'page'}:${active?.getAttribute('title') ?? active?.textContent?.trim().slice(0, 30) ?? ''}`;
			});
			visited.push(where);
			if (visited.some((v) => v.startsWith('map')) && where.startsWith('page')) {
				left = true;
				break;
			}
		}
		expect(visited.some((v) => v.startsWith('map:Omsorgsgruppen'))).toBe(true);
		expect(left).toBe(true);
		// Enter on a marker opens its popup with a link to the locality, which takes focus.
		await page.locator('.register-map__marker').first().focus();
		await page.keyboard.press('Enter');
		await expect(
			page.evaluate(() => document.activeElement?.getAttribute('href') ?? ''),
		).resolves.toMatch(/^\/sted\//);
		// The skip link jumps past the map to the list of localities.
		await page.getByRole('link', { name: /Spring kortet over/ }).click();
		await expect(page.evaluate(() => location.hash)).resolves.toBe('#steder-liste');
		await context.close();
	});

	describe('with a tile server that cannot be reached', () => {
		let tiles: RunningServer;
		beforeAll(async () => {
			tiles = await startServer({
				DATABASE_PATH: databasePath,
				MAP_TILE_URL: 'https://tiles.example.invalid/{z}/{x}/{y}.png',
				MAP_TILE_ATTRIBUTION: '© Testkort',
			});
		});
		afterAll(async () => {
			await tiles?.stop();
		});

		it('shows a short notice and still draws the markers', async () => {
			const { context, page, problems } = await openContext(browser);
			await page.goto(`${tiles.baseUrl}/kommune/0751`);
			await expect(waitForMap(page)).resolves.toEqual({ state: 'ready', markers: 3 });
			const notice = page.locator('[data-map-notice]');
			await notice.waitFor({ state: 'visible' });
			await expect(notice.textContent()).resolves.toContain('Kortbaggrunden kunne ikke hentes');
			expect(problems.blocked.some((url) => url.startsWith('https://tiles.example.invalid/'))).toBe(
				true,
			);
			expect(problems.cspViolations).toEqual([]);
			await context.close();
		});
	});
});
