import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { IDS } from './fixture/register-fixture';
import { launchBrowser, openContext, type PageProblems } from './support/browser';

const baseUrl = inject('baseUrl');

describe('citizen journeys', () => {
	let browser: Browser;
	let page: Page;
	let problems: PageProblems;

	beforeAll(async () => {
		browser = await launchBrowser();
		({ page, problems } = await openContext(browser));
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('search → locality: finds "aabyhoj" and opens the locality page', async () => {
		await page.goto(`${baseUrl}/`);
		await page.getByLabel('Navn, adresse, postnummer eller kommune').fill('aabyhoj');
		await page.getByRole('button', { name: 'Søg', exact: true }).click();
		await page.waitForURL(/\/soeg\?q=aabyhoj/);
		await expect(page.getByRole('status').textContent()).resolves.toMatch(/1 sted fundet/);
		await page.getByRole('link', { name: 'Hjemmeplejen Åbyhøj' }).click();
		await page.waitForURL(`**/sted/${IDS.aabyhoej}`);
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
			'Hjemmeplejen Åbyhøj',
		);
		await expect(
			page.getByRole('link', { name: '87 13 10 00' }).getAttribute('href'),
		).resolves.toBe('tel:+4587131000');
		await expect(
			page.getByRole('link', { name: 'aabyhoej@aarhus.dk' }).getAttribute('href'),
		).resolves.toBe('mailto:aabyhoej@aarhus.dk');
		await expect(page.locator('main').textContent()).resolves.toContain('Ældretilsynet');
	});

	it('search filters by kommune and owner type without JavaScript', async () => {
		await page.goto(`${baseUrl}/soeg`);
		await page.getByLabel('Beliggenhedskommune').selectOption('0751');
		await page.getByLabel('Ejer').selectOption('privat');
		await page.getByRole('button', { name: 'Søg', exact: true }).click();
		await page.waitForURL(/kommune=0751/);
		const rows = page.locator('main table tbody tr');
		await expect(rows.count()).resolves.toBe(1);
		await expect(rows.first().textContent()).resolves.toContain('Omsorgsgruppen Aarhus');
	});

	it('kommune → provider → locality, with the breadcrumb back up', async () => {
		await page.goto(`${baseUrl}/kommuner`);
		await page.getByRole('link', { name: 'Aarhus', exact: true }).first().click();
		await page.waitForURL('**/kommune/0751');
		await page.getByRole('link', { name: 'Omsorgsgruppen ApS' }).click();
		await page.waitForURL('**/leverandoer/cvr-12345678');
		await expect(page.locator('main').textContent()).resolves.toContain('12345678');
		// The locality list (the inspection table below links to the same page).
		await page
			.locator('#steder-liste')
			.getByRole('link', { name: 'Omsorgsgruppen Horsens' })
			.click();
		await page.waitForURL(`**/sted/${IDS.omsorgHorsens}`);
		const crumbs = page.getByRole('navigation', { name: 'Brødkrumme' });
		await expect(crumbs.textContent()).resolves.toMatch(
			/Horsens Kommune.*Omsorgsgruppen ApS.*Omsorgsgruppen Horsens/s,
		);
	});

	it('a kommune with nothing to show says why', async () => {
		await page.goto(`${baseUrl}/kommune/0746`);
		await expect(page.locator('main').textContent()).resolves.toContain('holdes tilbage');
		await expect(
			page.getByRole('link', { name: /Se fejlene for Skanderborg Kommune/ }).getAttribute('href'),
		).resolves.toBe('/datakvalitet/kommune-0746');
		await page.goto(`${baseUrl}/kommune/0741`);
		await expect(page.locator('main').textContent()).resolves.toContain('endnu ikke registreret');
	});

	it('near an address lists localities by distance, and explains an unknown address', async () => {
		await page.goto(`${baseUrl}/naer`);
		await page.getByLabel('Adresse eller postnummer').fill('Jægergårdsgade 5, 8000 Aarhus C');
		await page.getByRole('button', { name: 'Find' }).click();
		await page.waitForURL(/\/naer\?adresse=/);
		const firstRow = page.locator('main table tbody tr').first();
		await expect(firstRow.textContent()).resolves.toMatch(/Omsorgsgruppen Aarhus\s*10 m/);
		await page.getByLabel('Adresse eller postnummer').fill('Findesikkevej 1, 8000');
		await page.getByRole('button', { name: 'Find' }).click();
		await page.waitForURL(/Findesikkevej/);
		await expect(page.locator('#adresse-error').textContent()).resolves.toContain(
			'findes ikke i Danmarks Adresseregister',
		);
		await expect(page.locator('main table').count()).resolves.toBe(0);
		await expect(
			page.getByLabel('Adresse eller postnummer').getAttribute('aria-invalid'),
		).resolves.toBe('true');
	});

	it('a closed locality keeps its page; a held-back one says why; an unknown id is a 404', async () => {
		await page.goto(`${baseUrl}/sted/${IDS.syd}`);
		await expect(page.locator('main').textContent()).resolves.toContain(
			'Lukket siden 22. november 2026',
		);
		await expect(page.locator('main').textContent()).resolves.toContain('Historik fra SOR');
		// No inspection deadline for a locality that no longer exists.
		const closedText = (await page.locator('main').textContent()) ?? '';
		expect(closedText).toContain('Stedet er lukket, så Ældretilsynet fører ikke længere tilsyn');
		expect(closedText).not.toContain('Næste anmeldte tilsynsbesøg');
		await page.goto(`${baseUrl}/sted/${IDS.vest}`);
		await expect(page.locator('main').textContent()).resolves.toContain('holdes tilbage');
		await expect(page.locator('meta[name=robots]').getAttribute('content')).resolves.toBe(
			'noindex',
		);
		const response = await page.goto(`${baseUrl}/sted/999999999999999`);
		expect(response?.status()).toBe(404);
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
			'Siden findes ikke',
		);
	});

	it('every page has the footer, and /was leads to the accessibility statement', async () => {
		await page.goto(`${baseUrl}/om`);
		const footer = page.locator('footer');
		for (const text of ['Tilgængelighedserklæring', 'Privatliv og cookies', 'Seneste SOR-import']) {
			await expect(footer.textContent()).resolves.toContain(text);
		}
		// Open data is one click from every page (issue 6).
		await page.getByRole('contentinfo').getByRole('link', { name: 'Åbne data og API' }).click();
		await page.waitForURL(`${baseUrl}/data`);
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
			'Åbne data og API',
		);
		const redirect = await fetch(`${baseUrl}/was`, { redirect: 'manual' });
		expect(redirect.status).toBe(301);
		expect(redirect.headers.get('location')).toMatch(/^https:\/\/was\.digst\.dk\//);
		expect(problems.cspViolations).toEqual([]);
		expect(problems.pageErrors).toEqual([]);
	});
});
