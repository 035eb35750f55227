import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { IDS } from './fixture/register-fixture';
import {
	axeViolations,
	launchBrowser,
	openContext,
	saveScreenshot,
	waitForMap,
} from './support/browser';

const baseUrl = inject('baseUrl');

/** Every page template, with the name its screenshot is saved under. */
const TEMPLATES: { name: string; path: string; map?: boolean }[] = [
	{ name: 'forside', path: '/', map: true },
	{ name: 'kommuner', path: '/kommuner' },
	{ name: 'kommune', path: '/kommune/0751', map: true },
	{ name: 'kommune-tom', path: '/kommune/0741' },
	{ name: 'kommune-tilbageholdt', path: '/kommune/0746' },
	{ name: 'leverandoer', path: '/leverandoer/cvr-12345678', map: true },
	{ name: 'sted', path: `/sted/${IDS.noerrebro}`, map: true },
	{ name: 'sted-lukket', path: `/sted/${IDS.syd}`, map: true },
	{ name: 'sted-tilbageholdt', path: `/sted/${IDS.vest}` },
	{ name: 'soeg', path: '/soeg?q=aarhus' },
	{ name: 'soeg-ingen', path: '/soeg?q=findesikke' },
	{ name: 'naer', path: '/naer?adresse=8000' },
	{ name: 'naer-fejl', path: '/naer?adresse=Findesikkevej+1%2C+8000' },
	{ name: 'tilsyn', path: '/tilsyn' },
	{ name: 'data', path: '/data' },
	{ name: 'datakvalitet', path: '/datakvalitet' },
	{ name: 'datakvalitet-ejer', path: '/datakvalitet/kommune-0746' },
	{ name: 'om', path: '/om' },
	{ name: 'privatliv', path: '/privatliv' },
	{ name: 'ikke-fundet', path: '/sted/999999999999999' },
];

describe('accessibility, CSP and screenshots of every page template', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
	});

	it.each(TEMPLATES)(
		'$name: no axe violations (WCAG 2.1 A/AA), no CSP violations',
		async (template) => {
			const { context, page, problems } = await openContext(browser);
			await page.goto(`${baseUrl}${template.path}`);
			if (template.map) await waitForMap(page);
			expect(await axeViolations(page)).toEqual([]);
			await saveScreenshot(page, template.name);
			expect(problems.cspViolations).toEqual([]);
			expect(problems.pageErrors).toEqual([]);
			await context.close();
		},
	);

	it.each([
		{ name: 'mobil-forside', path: '/' },
		{ name: 'mobil-sted', path: `/sted/${IDS.noerrebro}` },
		{ name: 'mobil-soeg', path: '/soeg?q=aarhus' },
	])('$name: a narrow screen has no axe violations either', async (template) => {
		const { context, page, problems } = await openContext(browser, { width: 390, height: 844 });
		await page.goto(`${baseUrl}${template.path}`);
		if (template.path !== '/soeg?q=aarhus') await waitForMap(page);
		expect(await axeViolations(page)).toEqual([]);
		await saveScreenshot(page, template.name);
		expect(problems.cspViolations).toEqual([]);
		await context.close();
	});

	it('keyboard journey: the skip link comes first, focus is visible, the search works by keyboard', async () => {
		const { context, page } = await openContext(browser);
		await page.goto(`${baseUrl}/`);
		await page.keyboard.press('Tab');
		const first = await page.evaluate(() => ({
			text: document.activeElement?.textContent?.trim(),
			href: document.activeElement?.getAttribute('href'),
		}));
		expect(first).toEqual({ text: 'Gå til sidens indhold', href: '#indhold' });
		const outline = await page.evaluate(() => {
			const style = getComputedStyle(document.activeElement!);
			return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
		});
		expect(outline.style).not.toBe('none');
		expect(outline.width).toBeGreaterThanOrEqual(2);
		await page.keyboard.press('Enter');
		await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('indhold');
		// Tab on to the search field and search with the keyboard only.
		for (let i = 0; i < 20; i++) {
			await page.keyboard.press('Tab');
			if (await page.evaluate(() => document.activeElement?.id === 'forside-soeg')) break;
		}
		await page.keyboard.type('Odder');
		await page.keyboard.press('Enter');
		await page.waitForURL(/\/soeg\?q=Odder/);
		await expect(page.locator('main table tbody tr').first().textContent()).resolves.toContain(
			'Ældreplejen Odder',
		);
		await context.close();
	});
});
