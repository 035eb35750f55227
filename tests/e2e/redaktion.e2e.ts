/**
 * The editor area against the built server: an HTTP authorisation matrix (every role × action ×
 * own scope / other scope / anonymous), CSRF, cookies, rate limiting and escaping, then browser
 * journeys in Chromium with axe. It starts its own server on a register built by the real SOR
 * importer (tests/integration/reporting-world.ts) with two kommuner and two Ældretilsyn
 * authorities, so "other scope" exists for every role.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	inspectionForm,
	PASSWORD,
	pdfBytes,
	seedWorldDatabase,
	SOR,
	staffForm,
	surveyForm,
} from '../integration/reporting-world';
import {
	axeViolations,
	launchBrowser,
	openContext,
	saveScreenshot,
	type PageProblems,
} from './support/browser';
import { startServer, type RunningServer } from './support/server';

let server: RunningServer;
let dir: string;
let baseUrl: string;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'plejeoverblik-redaktion-'));
	const databasePath = join(dir, 'register.sqlite');
	await seedWorldDatabase(databasePath);
	server = await startServer({ DATABASE_PATH: databasePath, MAP_TILE_URL: '' });
	baseUrl = server.baseUrl;
});

afterAll(async () => {
	await server?.stop();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A cookie-keeping HTTP client that never follows redirects. */
class Client {
	readonly jar = new Map<string, string>();
	lastSetCookies: string[] = [];

	async request(
		method: string,
		path: string,
		body?: URLSearchParams | FormData,
		headers: Record<string, string> = {},
	): Promise<Response> {
		const cookie = [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
		const response = await fetch(`${baseUrl}${path}`, {
			method,
			body,
			redirect: 'manual',
			headers: {
				...(cookie ? { cookie } : {}),
				...(method === 'POST' ? { origin: baseUrl } : {}),
				...headers,
			},
		});
		this.lastSetCookies = response.headers.getSetCookie();
		for (const line of this.lastSetCookies) {
			const [pair] = line.split(';');
			const [name, ...value] = pair!.split('=');
			if (/max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.jar.delete(name!.trim());
			else this.jar.set(name!.trim(), value.join('='));
		}
		return response;
	}

	get(path: string): Promise<Response> {
		return this.request('GET', path);
	}

	/** The page's CSRF token (the hidden `_csrf` field). */
	async csrf(path: string): Promise<string> {
		const html = await (await this.get(path)).text();
		const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
		if (!token) throw new Error(`Ingen CSRF-nøgle på ${path}`);
		return token;
	}

	/** Submits a form from `path` (or to `action`) with the page's CSRF token. */
	async post(
		path: string,
		fields: Record<string, string>,
		options: { files?: Record<string, Uint8Array>; action?: string; token?: string | null } = {},
	): Promise<Response> {
		const token = options.token === undefined ? await this.csrf(path) : options.token;
		const withToken = token === null ? fields : { _csrf: token, ...fields };
		let body: URLSearchParams | FormData;
		if (options.files) {
			body = new FormData();
			for (const [k, v] of Object.entries(withToken)) body.append(k, v);
			for (const [k, v] of Object.entries(options.files)) {
				body.append(k, new Blob([new Uint8Array(v)]), `${k}.bin`);
			}
		} else {
			body = new URLSearchParams(withToken);
		}
		return this.request('POST', options.action ?? path, body);
	}

	async login(email: string, password = PASSWORD): Promise<Response> {
		return this.post('/log-ind', { email, password, til: '/redaktion' });
	}
}

const clients: Record<string, Client> = {};
async function as(who: 'admin' | 'aarhus' | 'midt' | 'anonymous'): Promise<Client> {
	if (clients[who]) return clients[who];
	const client = new Client();
	const email = {
		admin: 'admin@example.dk',
		aarhus: 'redaktoer@aarhus.dk',
		midt: 'tilsyn@midt.dk',
		anonymous: '',
	}[who];
	if (email) {
		const response = await client.login(email);
		expect(response.status, `login ${who}`).toBe(303);
	}
	clients[who] = client;
	return client;
}

type Expect = 'allowed' | 'refused';
interface Action {
	name: string;
	/** Performs the action in the given scope and returns the response. */
	run(client: Client, scope: 'own' | 'other', csrf: string | null): Promise<Response>;
	/** Which role may do it in its own scope (nobody may in another's). */
	allowed: 'admin' | 'aarhus' | 'midt' | 'aarhus+midt';
	/** Actions without a scope (administration) have no "other scope". */
	scoped: boolean;
}

const provider = (scope: 'own' | 'other') => (scope === 'own' ? 'kommune-0751' : 'kommune-0727');
const locality = (scope: 'own' | 'other') => (scope === 'own' ? SOR.nord : SOR.odder);
const form = (fields: Record<string, string>, csrf: string | null) =>
	new URLSearchParams(csrf ? { _csrf: csrf, ...fields } : fields);
const multipart = (fields: Record<string, string>, csrf: string | null, pdf: Uint8Array) => {
	const body = new FormData();
	for (const [k, v] of Object.entries(csrf ? { _csrf: csrf, ...fields } : fields))
		body.append(k, v);
	body.append('pdf', new Blob([new Uint8Array(pdf)]), 'rapport.pdf');
	return body;
};
let visit = 0;

/** The profile version the description form was opened on (0 when the page is refused). */
async function baseVersion(client: Client, scope: 'own' | 'other'): Promise<string> {
	const html = await (await client.get(`/redaktion/leverandoer/${provider(scope)}`)).text();
	return /name="base_version" value="(\d+)"/.exec(html)?.[1] ?? '0';
}

const ACTIONS: Action[] = [
	{
		name: 'se beskrivelse og billeder',
		allowed: 'aarhus',
		scoped: true,
		run: (c, s) => c.get(`/redaktion/leverandoer/${provider(s)}`),
	},
	{
		name: 'gemme beskrivelsen',
		allowed: 'aarhus',
		scoped: true,
		run: async (c, s, csrf) =>
			c.request(
				'POST',
				`/redaktion/leverandoer/${provider(s)}`,
				form(
					{ action: 'description', base_version: await baseVersion(c, s), description: 'Matrix' },
					csrf,
				),
			),
	},
	{
		name: 'se stedets indberetninger',
		allowed: 'aarhus',
		scoped: true,
		run: (c, s) => c.get(`/redaktion/sted/${locality(s)}`),
	},
	{
		name: 'åbne formularen til medarbejdertal',
		allowed: 'aarhus',
		scoped: true,
		run: (c, s) => c.get(`/redaktion/sted/${locality(s)}/personale/ny`),
	},
	{
		name: 'indberette medarbejdertal',
		allowed: 'aarhus',
		scoped: true,
		run: (c, s, csrf) =>
			c.request(
				'POST',
				`/redaktion/sted/${locality(s)}/personale/ny`,
				form(
					staffForm({
						part: `M${String((visit++ % 12) + 1).padStart(2, '0')}`,
						year: String(2000 + visit),
					}),
					csrf,
				),
			),
	},
	{
		name: 'indberette en måling',
		allowed: 'aarhus',
		scoped: true,
		run: (c, s, csrf) =>
			c.request(
				'POST',
				`/redaktion/sted/${locality(s)}/maalinger/ny`,
				form(surveyForm({ name: `Matrix ${visit++}` }), csrf),
			),
	},
	{
		name: 'se tilsynets tilbagemeldinger',
		allowed: 'midt',
		scoped: true,
		run: (c, s) => c.get(`/redaktion/tilsyn/${locality(s)}`),
	},
	{
		name: 'indberette en tilbagemelding med PDF',
		allowed: 'midt',
		scoped: true,
		run: (c, s, csrf) =>
			c.request(
				'POST',
				`/redaktion/tilsyn/${locality(s)}/ny`,
				multipart(
					inspectionForm({ visit_date: `2026-0${(visit++ % 9) + 1}-01` }),
					csrf,
					pdfBytes(),
				),
			),
	},
	{
		name: 'se visningen af stedet',
		allowed: 'aarhus+midt',
		scoped: true,
		run: (c, s) => c.get(`/redaktion/sted/${locality(s)}/visning`),
	},
	{
		name: 'se konti',
		allowed: 'admin',
		scoped: false,
		run: (c) => c.get('/redaktion/konti'),
	},
	{
		name: 'oprette en konto',
		allowed: 'admin',
		scoped: false,
		run: (c, _s, csrf) =>
			c.request(
				'POST',
				'/redaktion/konti',
				form({ email: `ny${visit++}@example.dk`, name: 'Ny', role: 'administrator' }, csrf),
			),
	},
	{
		name: 'læse ændringsloggen',
		allowed: 'admin',
		scoped: false,
		run: (c) => c.get('/redaktion/log'),
	},
	{
		name: 'se dubletter',
		allowed: 'aarhus',
		scoped: false,
		run: (c) => c.get('/redaktion/dubletter'),
	},
];

/** Allowed: a page (200) or a save that redirects back into the editor area (303). */
function verdict(response: Response): Expect | 'login' {
	const location = response.headers.get('location') ?? '';
	if (response.status === 303 && location.includes('/log-ind')) return 'login';
	if (response.status === 200 || (response.status === 303 && location.includes('/redaktion'))) {
		return 'allowed';
	}
	return 'refused';
}

describe('HTTP: authorisation matrix on the server', () => {
	const roles = ['admin', 'aarhus', 'midt'] as const;
	for (const action of ACTIONS) {
		for (const role of roles) {
			for (const scope of action.scoped ? (['own', 'other'] as const) : (['own'] as const)) {
				const mayDo = scope === 'own' && action.allowed.split('+').includes(role);
				it(`${role} × ${action.name} × ${scope === 'own' ? 'eget område' : 'andres område'} → ${mayDo ? 'tilladt' : 'afvist'}`, async () => {
					const client = await as(role);
					const csrf = await client.csrf('/redaktion');
					const response = await action.run(client, scope, csrf);
					expect(verdict(response)).toBe(mayDo ? 'allowed' : 'refused');
					if (!mayDo) expect([403, 404]).toContain(response.status);
				});
			}
		}
		it(`anonym × ${action.name} → omdirigeret til log ind`, async () => {
			const response = await action.run(await as('anonymous'), 'own', null);
			expect(response.status).toBe(303);
			expect(response.headers.get('location')).toMatch(/^\/log-ind\?til=/);
		});
	}
});

describe('HTTP: CSRF, cookies, rate limiting, escaping', () => {
	it('refuses a form POST from a foreign origin (Astro checkOrigin)', async () => {
		const client = await as('aarhus');
		const csrf = await client.csrf('/redaktion');
		const response = await client.request(
			'POST',
			`/redaktion/sted/${SOR.nord}/personale/ny`,
			form(staffForm({ year: '2031' }), csrf),
			{ origin: 'https://evil.example' },
		);
		expect(response.status).toBe(403);
	});

	it('refuses a POST without the session’s CSRF token, or with another session’s', async () => {
		const client = await as('aarhus');
		const missing = await client.request(
			'POST',
			`/redaktion/sted/${SOR.nord}/personale/ny`,
			form(staffForm({ year: '2032' }), null),
		);
		expect(missing.status).toBe(403);
		expect(await missing.text()).toContain('Formularen er udløbet');
		const other = await as('midt');
		const foreign = await client.request(
			'POST',
			`/redaktion/sted/${SOR.nord}/personale/ny`,
			form(staffForm({ year: '2032' }), await other.csrf('/redaktion')),
		);
		expect(foreign.status).toBe(403);
		const login = new Client();
		const noLoginToken = await login.post(
			'/log-ind',
			{ email: 'redaktoer@aarhus.dk', password: PASSWORD },
			{ token: null },
		);
		expect(noLoginToken.status).toBe(403);
	});

	it('sets the session cookie httpOnly, SameSite=Strict, Secure with the __Host- prefix, new on every login', async () => {
		const client = new Client();
		const response = await client.login('redaktoer@aarhus.dk');
		expect(response.status).toBe(303);
		const first = client.lastSetCookies.find((c) => c.startsWith('__Host-plejeoverblik-session='));
		expect(first).toMatch(/HttpOnly/i);
		expect(first).toMatch(/SameSite=Strict/i);
		expect(first).toMatch(/Secure/i);
		expect(first).toMatch(/Path=\//i);
		const token = client.jar.get('__Host-plejeoverblik-session');
		// Logging in again from a logged-in browser (the login page itself redirects a GET).
		await client.post(
			'/log-ind',
			{ email: 'redaktoer@aarhus.dk', password: PASSWORD },
			{ token: client.jar.get('__Host-plejeoverblik-login') },
		);
		expect(client.jar.get('__Host-plejeoverblik-session')).not.toBe(token);
	});

	it('sets no cookie on public pages, also for a logged-in editor', async () => {
		const client = await as('aarhus');
		for (const path of [
			'/',
			`/sted/${SOR.nord}`,
			'/leverandoer/kommune-0751',
			'/kommune/0751',
			'/om',
		]) {
			for (const c of [client, new Client()]) {
				const response = await c.get(path);
				expect(response.status, path).toBe(200);
				expect(response.headers.getSetCookie(), path).toEqual([]);
			}
		}
	});

	it('logs out with a POST and the old cookie no longer works', async () => {
		const client = new Client();
		await client.login('redaktoer@aarhus.dk');
		const saved = new Map(client.jar);
		const response = await client.post('/redaktion', {}, { action: '/redaktion/log-ud' });
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('/log-ind?udlogget=1');
		const replay = new Client();
		for (const [k, v] of saved) replay.jar.set(k, v);
		expect((await replay.get('/redaktion')).status).toBe(303);
	});

	it('never redirects outside the editor area after login', async () => {
		const client = new Client();
		const response = await client.post('/log-ind', {
			email: 'redaktoer@aarhus.dk',
			password: PASSWORD,
			til: 'https://evil.example/redaktion',
		});
		expect(response.headers.get('location')).toBe('/redaktion');
	});

	it('answers 429 with Retry-After after repeated failed logins for one account', async () => {
		const client = new Client();
		const statuses: number[] = [];
		for (let i = 0; i < 6; i++) {
			statuses.push((await client.login('gaet@example.dk', `forkert gæt nummer ${i}`)).status);
		}
		expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
		const response = await client.login('gaet@example.dk');
		expect(response.status).toBe(429);
		expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
		expect(await response.text()).toContain('For mange forsøg');
	});

	it('shows HTML and script typed into every text field as text', async () => {
		const evil = '<script>alert(1)</script><img src=x onerror=alert(2)>';
		const aarhus = await as('aarhus');
		expect(
			(
				await aarhus.post('/redaktion/leverandoer/kommune-0751', {
					action: 'description',
					base_version: await baseVersion(aarhus, 'own'),
					description: `${evil}\n\nhttps://example.dk/"><script>`,
				})
			).status,
		).toBe(303);
		expect(
			(await aarhus.post(`/redaktion/sted/${SOR.aaby}/maalinger/ny`, surveyForm({ name: evil })))
				.status,
		).toBe(303);
		const midt = await as('midt');
		const inspection = await midt.post(
			`/redaktion/tilsyn/${SOR.aaby}/ny`,
			inspectionForm({
				visit_date: '2026-11-01',
				theme_self: evil,
				theme_trust: evil,
				theme_relatives: evil,
				status_text: evil,
				summary: evil,
				order_0_kind: 'order',
				order_0_description: evil,
				order_0_issued: '2026-11-02',
			}),
			{ files: { pdf: pdfBytes() } },
		);
		expect(inspection.status).toBe(303);
		// Invalid input is echoed back in the form, escaped too.
		const echoed = await aarhus.post(
			`/redaktion/sted/${SOR.aaby}/personale/ny`,
			staffForm({ headcount_nurses: evil }),
		);
		expect(echoed.status).toBe(400);
		const pages = [
			await echoed.text(),
			await (await aarhus.get('/redaktion/leverandoer/kommune-0751')).text(),
			await (await aarhus.get(`/redaktion/sted/${SOR.aaby}`)).text(),
			await (await aarhus.get(`/redaktion/sted/${SOR.aaby}/visning`)).text(),
			await (await midt.get(`/redaktion/tilsyn/${SOR.aaby}`)).text(),
			await (await (await as('admin')).get('/redaktion/log')).text(),
		];
		pages.forEach((html, i) => {
			// Inside a quoted attribute value (a form field echoing input) "<" is inert text; what
			// must never happen is markup from input in element content.
			const content = html.replace(/="[^"]*"/g, '=""');
			expect(content, `side ${i}`).not.toContain('<script>alert(1)');
			expect(content, `side ${i}`).not.toContain('<img src=x');
			expect(html, `side ${i}`).not.toMatch(/value="[^"]*"[^>]*onerror/);
		});
		expect(pages[3]).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
		expect(pages[1]).toContain('&lt;img src=x onerror=alert(2)&gt;');
	});
});

// Logins hash with the production scrypt parameters and axe is slow on a loaded machine.
describe(
	'browser journeys in the editor area (Chromium, no JavaScript needed)',
	{ timeout: 180_000 },
	() => {
		let browser: Browser;
		let page: Page;
		let problems: PageProblems;

		beforeAll(async () => {
			browser = await launchBrowser();
		});
		afterAll(async () => {
			await browser?.close();
		});

		async function fresh(): Promise<void> {
			await page?.context().close();
			({ page, problems } = await openContext(browser));
		}

		async function login(email: string): Promise<void> {
			await page.goto(`${baseUrl}/redaktion`);
			await page.waitForURL(/\/log-ind\?til=/);
			await page.getByLabel('E-mail').fill(email);
			await page.getByLabel('Adgangskode').fill(PASSWORD);
			await page.getByRole('button', { name: 'Log ind' }).click();
			await page.waitForURL(`${baseUrl}/redaktion`);
		}

		async function expectAccessible(name: string): Promise<void> {
			expect(await axeViolations(page), name).toEqual([]);
			await saveScreenshot(page, `redaktion-${name}`);
		}

		it('log in → report staff numbers → see them as the public page will show them', async () => {
			await fresh();
			await page.goto(`${baseUrl}/log-ind`);
			await expectAccessible('log-ind');
			await login('redaktoer@odder.dk');
			await expectAccessible('forside-leverandoer');
			await page.getByRole('link', { name: 'Helhedspleje Odder' }).click();
			await page.getByRole('link', { name: 'Indberet medarbejdertal' }).click();
			await expectAccessible('personale-ny');
			// A mistake first: the error summary takes focus and links to the field.
			await page.getByLabel('Måned, kvartal eller hele året').selectOption('K3');
			await page.getByLabel('Sygeplejersker: antal medarbejdere').fill('fire');
			await page.getByRole('button', { name: 'Gem medarbejdertal' }).click();
			await page.waitForSelector('#fejloversigt');
			await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('fejloversigt');
			await expectAccessible('personale-fejl');
			const values: Record<string, [string, string]> = {
				Sygeplejersker: ['4', '3,5'],
				'Social- og sundhedsassistenter': ['12', '10'],
				'Social- og sundhedshjælpere': ['25', '19,5'],
				Terapeuter: ['2', '1,5'],
				Øvrige: ['1', '1'],
			};
			for (const [label, [head, fte]] of Object.entries(values)) {
				await page.getByLabel(`${label}: antal medarbejdere`).fill(head);
				await page.getByLabel(`${label}: fuldtidsstillinger`).fill(fte);
			}
			await page.getByLabel('Sygefravær i procent (valgfrit)').fill('5,2');
			await page.getByRole('button', { name: 'Gem medarbejdertal' }).click();
			await page.waitForURL(/\/redaktion\/sted\/\d+\?gemt=personale/);
			await expect(page.getByRole('status').textContent()).resolves.toContain('gemt');
			await expectAccessible('sted');
			await page.getByRole('link', { name: 'Se hvordan det indberettede vises' }).click();
			const main = page.locator('main');
			await expect(main.textContent()).resolves.toContain('3. kvartal');
			await expect(page.locator('svg.staff-chart').count()).resolves.toBe(1);
			const row = page.getByRole('row', { name: /3\. kvartal/ });
			await expect(row.textContent()).resolves.toMatch(/44.*35,5.*5,2 %/);
			await expectAccessible('visning');
			// The public pages show the same, without logging in.
			await fresh();
			await page.goto(`${baseUrl}/sted/${SOR.odder}`);
			await expect(page.getByRole('row', { name: /3\. kvartal/ }).textContent()).resolves.toMatch(
				/44.*35,5.*5,2 %/,
			);
			await expectAccessible('offentlig-sted-personale');
			await page.goto(`${baseUrl}/leverandoer/kommune-0727`);
			await expect(page.getByRole('row', { name: /3\. kvartal/ }).textContent()).resolves.toMatch(
				/3\. kvartal \d{4}\s*1\s*44\s*35,5/,
			);
			await expectAccessible('offentlig-leverandoer-personale');
			expect(problems.cspViolations).toEqual([]);
			expect(problems.pageErrors).toEqual([]);
		});

		it('inspection editor reports feedback with a PDF → it shows in the timeline', async () => {
			await fresh();
			await login('tilsyn@syd.dk');
			await expectAccessible('forside-tilsyn');
			await page.getByRole('link', { name: 'Helhedspleje Odder' }).click();
			await page.getByRole('link', { name: 'Indberet en ny tilbagemelding' }).click();
			await page.getByLabel('Dato for besøget').fill('2026-11-03');
			await page.getByLabel('Anmeldt', { exact: true }).check();
			await page.getByLabel('Den ældres selvbestemmelse').fill('Borgerne bestemmer selv.');
			await page
				.getByLabel('Tillid til medarbejdere og den lokale ledelse')
				.fill('Stor tillid til lederen.');
			await page
				.getByLabel('Tæt samspil med pårørende, lokalsamfund og civilsamfund')
				.fill('Frivillige kommer hver uge.');
			await page.getByLabel('Samlet status').selectOption('paabud-givet');
			await page.getByLabel('Forklaring til den samlede status').fill('Et påbud om dokumentation.');
			await page.locator('#order_0_kind').selectOption('order');
			await page.locator('#order_0_description').fill('Dokumentationen skal forbedres');
			await page.locator('#order_0_issued').fill('2026-11-04');
			await page.locator('#order_0_deadline').fill('2027-02-01');
			await page
				.getByLabel('Resumé af den skriftlige tilbagemelding')
				.fill('Besøget viste god pleje.\n\nDokumentationen halter.');
			// A text file renamed .pdf is refused by content.
			const fakePdf = join(dir, 'rapport.pdf');
			writeFileSync(fakePdf, 'Dette er ikke en PDF');
			await page.getByLabel('Skriftlig tilbagemelding (PDF)').setInputFiles(fakePdf);
			await page.getByRole('button', { name: 'Gem tilbagemeldingen' }).click();
			await page.waitForSelector('#fejloversigt');
			await expect(page.locator('#fejloversigt').textContent()).resolves.toContain('ikke en PDF');
			await expectAccessible('tilsyn-fejl');
			const realPdf = join(dir, 'rigtig.pdf');
			writeFileSync(realPdf, pdfBytes('journey'));
			await page.getByLabel('Skriftlig tilbagemelding (PDF)').setInputFiles(realPdf);
			await page.getByRole('button', { name: 'Gem tilbagemeldingen' }).click();
			await page.waitForURL(/\/redaktion\/tilsyn\/\d+\?gemt=1/);
			await expectAccessible('tilsyn-liste');
			await page.getByRole('link', { name: 'Se hvordan det vises' }).click();
			const text = ((await page.locator('main').textContent()) ?? '').replace(/\s+/g, ' ');
			expect(text).toContain('Seneste tilbagemelding: besøg 3. november 2026 (anmeldt)');
			expect(text).toContain('Samlet status: Påbud givet.');
			expect(text).toContain('Dokumentationen skal forbedres');
			const pdfLink = page.getByRole('link', { name: 'Den skriftlige tilbagemelding (PDF)' });
			const href = (await pdfLink.getAttribute('href'))!;
			const pdf = await page.request.get(`${baseUrl}${href}`);
			expect(pdf.headers()['content-type']).toBe('application/pdf');
			expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
			await expectAccessible('tilsyn-visning');

			// The public locality page shows the feedback with the PDF, served from /filer/.
			await fresh();
			await page.goto(`${baseUrl}/sted/${SOR.odder}`);
			const publicText = ((await page.locator('main').textContent()) ?? '').replace(/\s+/g, ' ');
			expect(publicText).toContain('Seneste tilbagemelding: besøg 3. november 2026 (anmeldt)');
			expect(publicText).toContain('Der er 1 påbud eller forbud, som ikke er ophævet.');
			const publicHref = (await page
				.getByRole('link', { name: 'Den skriftlige tilbagemelding (PDF)' })
				.getAttribute('href'))!;
			expect(publicHref).toMatch(/^\/filer\/[0-9a-f]{64}$/);
			const publicPdf = await page.request.get(`${baseUrl}${publicHref}`);
			expect(publicPdf.status()).toBe(200);
			expect(publicPdf.headers()['content-type']).toBe('application/pdf');
			await expectAccessible('offentlig-sted-tilsyn');
			await page.goto(`${baseUrl}/leverandoer/kommune-0727`);
			await expect(
				page.getByRole('row', { name: /Helhedspleje Odder 3\./ }).textContent(),
			).resolves.toMatch(/3\. november 2026 \(anmeldt\)\s*Påbud givet\s*1/);
			await expectAccessible('offentlig-leverandoer-tilsyn');
		});

		it('a provider editor cannot open another provider’s forms', async () => {
			await fresh();
			await login('redaktoer@odder.dk');
			for (const path of [
				'/redaktion/leverandoer/kommune-0751',
				`/redaktion/sted/${SOR.nord}/personale/ny`,
				`/redaktion/sted/${SOR.nord}/maalinger/ny`,
				`/redaktion/tilsyn/${SOR.odder}/ny`,
			]) {
				const response = await page.goto(`${baseUrl}${path}`);
				expect(response?.status(), path).toBe(403);
				await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
					'Du har ikke adgang',
				);
			}
			await expectAccessible('ingen-adgang');
		});

		it('the provider editor’s other pages pass axe (WCAG 2.1 A/AA)', async () => {
			await fresh();
			await login('redaktoer@aarhus.dk');
			for (const [name, path] of [
				['beskrivelse', '/redaktion/leverandoer/kommune-0751'],
				['maaling-ny', `/redaktion/sted/${SOR.nord}/maalinger/ny`],
				['dubletter', '/redaktion/dubletter'],
				['adgangskode', '/redaktion/adgangskode'],
			] as const) {
				await page.goto(`${baseUrl}${path}`);
				await expectAccessible(name);
			}
		});

		it('the inspection form and the administrator’s pages pass axe', async () => {
			await fresh();
			await login('tilsyn@midt.dk');
			await page.goto(`${baseUrl}/redaktion/tilsyn/${SOR.nord}/ny`);
			await expectAccessible('tilsyn-ny');
			await fresh();
			await login('admin@example.dk');
			for (const [name, path] of [
				['forside-admin', '/redaktion'],
				['konti', '/redaktion/konti'],
				['log', '/redaktion/log'],
			] as const) {
				await page.goto(`${baseUrl}${path}`);
				await expectAccessible(name);
			}
		});
	},
);
