import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { PublicRegisterRepository } from '../../src/lib/server/repositories/public-register-repository';
import {
	API_ROUTES,
	handleApiRequest,
	matchApiRoute,
} from '../../src/lib/server/services/open-data/api-routes';
import {
	createOpenDataApi,
	type OpenDataApi,
} from '../../src/lib/server/services/open-data/open-data-api';
import { openApiDocument } from '../../src/lib/server/services/open-data/openapi';
import { DataVersion } from '../../src/lib/server/services/public/data-version';
import { childrenNamed, expectValidAtom, parseXml, readCsv } from '../unit/open-data/helpers';
import { buildFixture, IDS, TRICKY_NAME, type Fixture } from './open-data-fixture';

/*
 * The open-data API end to end below Astro: real migrations, real SOR import with DAR validation,
 * reported content through the reporting repositories, and requests through the same dispatcher
 * the endpoint files call. Every JSON body is validated against the generated OpenAPI document.
 */

let fx: Fixture;
let api: OpenDataApi;
const doc = openApiDocument();
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);

/** The route of a URL path below /api/v1 (the matcher the middleware uses). */
function resolve(path: string): { route: string; params: Record<string, string> } | null {
	return matchApiRoute(`/api/v1${path === '/' ? '' : path}`);
}

function request(url: string, init: RequestInit = {}): Response {
	const full = new URL(url, 'https://plejeoverblik.test');
	const path = full.pathname.replace(/^\/api\/v1/, '') || '/';
	const resolved = resolve(path);
	return handleApiRequest(api, resolved?.route ?? '(unknown)', {
		url: full,
		request: new Request(full, init),
		params: resolved?.params ?? {},
	});
}

/** The documented schema of a route's response, compiled with the document's components. */
function validator(route: string, status: string, mediaType: string) {
	const operation = (doc.paths as Record<string, { get: { responses: Record<string, unknown> } }>)[
		route
	]!.get;
	const response = operation.responses[status] as {
		content: Record<string, { schema: Record<string, unknown> }>;
	};
	const schema = response.content[mediaType]!.schema;
	return ajv.compile({ ...schema, components: doc.components });
}

function expectDocumented(
	route: string,
	status: number,
	body: unknown,
	mediaType = 'application/json',
) {
	const validate = validator(route, String(status), mediaType);
	const valid = validate(body);
	expect(valid, `${route} ${status}: ${JSON.stringify(validate.errors, null, 1)}`).toBe(true);
}

/** The body as text with its byte order mark kept (Response.text() would strip it). */
async function csvText(response: Response): Promise<string> {
	const bytes = new Uint8Array(await response.arrayBuffer());
	expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

async function json(
	url: string,
	init?: RequestInit,
): Promise<{ status: number; body: any; response: Response }> {
	const response = request(url, init);
	const text = await response.text();
	return { status: response.status, body: text ? JSON.parse(text) : null, response };
}

beforeAll(async () => {
	fx = await buildFixture();
	const nord = fx.addInspection({
		sorId: IDS.nord,
		visitDate: '2026-09-10',
		orders: [{ kind: 'order', issuedOn: '2026-09-10' }],
		status: 'paabud-givet',
	});
	fx.correctInspection(nord.inspectionId, 2, {
		sorId: IDS.nord,
		visitDate: '2026-09-10',
		status: 'opfoelgning',
		orders: [
			{ kind: 'order', issuedOn: '2026-09-10' },
			{ kind: 'ban', issuedOn: '2026-09-12' },
		],
	});
	fx.addInspection({ sorId: IDS.privat, visitDate: '2026-10-01' });
	fx.addSurvey({ sorId: IDS.nord, responded: 40 });
	fx.addSurvey({ sorId: IDS.syd, responded: 3 });
	fx.addSurvey({ sorId: IDS.odder, responded: 30, deleted: true });
	fx.addStaff({ sorId: IDS.nord, period: '2026-K3' });
	await fx.secondImport();
	api = createOpenDataApi({
		db: fx.db,
		dataVersion: new DataVersion(new PublicRegisterRepository(fx.db)),
		surveyMinRespondents: 5,
		buildId: 'test',
	});
});

describe('the OpenAPI document', () => {
	it('is OpenAPI 3.1, served at /api/v1/openapi.json, with every route and its zod parameters', async () => {
		const { status, body } = await json('/api/v1/openapi.json');
		expect(status).toBe(200);
		expect(body.openapi).toBe('3.1.0');
		expect(Object.keys(body.paths).sort()).toEqual(API_ROUTES.map((r) => r.path).sort());
		const params = body.paths['/localities'].get.parameters.map((p: { name: string }) => p.name);
		expect(params.sort()).toEqual(
			Object.keys(API_ROUTES.find((r) => r.path === '/localities')!.query.shape).sort(),
		);
		const municipality = body.paths['/localities'].get.parameters.find(
			(p: { name: string }) => p.name === 'municipality',
		);
		expect(municipality).toMatchObject({
			in: 'query',
			required: false,
			schema: { pattern: '^\\d{4}$' },
		});
		expect(body.paths['/localities/{sorId}'].get.parameters[0]).toMatchObject({
			in: 'path',
			name: 'sorId',
			required: true,
		});
		expect(body.paths['/localities/{sorId}'].get.responses['404']).toBeDefined();
	});

	it('allows null exactly where the data may be missing', async () => {
		const { body } = await json(`/api/v1/localities/${IDS.nord}`);
		expectDocumented('/localities/{sorId}', 200, {
			...body,
			postalAddress: null,
			authority: null,
			position: null,
			locationMunicipality: null,
			darAddressId: null,
			contact: { phone: null, email: null, website: null },
		});
		const validate = validator('/localities/{sorId}', '200', 'application/json');
		expect(validate({ ...body, visitingAddress: null })).toBe(false);
		expect(validate({ ...body, undocumented: 1 })).toBe(false);
	});

	it('the middleware’s matcher finds every route and its parameters', () => {
		expect(matchApiRoute('/api/v1')).toEqual({ route: '/', params: {} });
		expect(matchApiRoute('/api/v1/localities/')).toEqual({ route: '/localities', params: {} });
		expect(matchApiRoute('/api/v1/localities/123')).toEqual({
			route: '/localities/{sorId}',
			params: { sorId: '123' },
		});
		expect(matchApiRoute('/api/v1/feeds/providers/cvr-1.atom')).toEqual({
			route: '/feeds/providers/{id}.atom',
			params: { id: 'cvr-1' },
		});
		expect(matchApiRoute('/api/v1/downloads/localities.csv')?.route).toBe(
			'/downloads/localities.csv',
		);
		expect(matchApiRoute('/api/v1/localities/%E0%A4%A')).toBeNull();
		expect(matchApiRoute('/api/v1/localities/1/2')).toBeNull();
		expect(matchApiRoute('/api/v2/localities')).toBeNull();
	});

	it('every route has an endpoint file under src/pages/api/v1', () => {
		for (const route of API_ROUTES) {
			const file = route.path.startsWith('/downloads/')
				? 'src/pages/api/v1/downloads/[file].ts'
				: route.path === '/'
					? 'src/pages/api/v1/index.ts'
					: `src/pages/api/v1${route.path.replace(/\{(\w+)\}/g, '[$1]')}${/\.(json|atom)$/.test(route.path) ? '.ts' : ''}`;
			const candidates = [file, file.endsWith('.ts') ? file : `${file}.ts`, `${file}/index.ts`];
			expect(
				candidates.some((candidate) => existsSync(candidate)),
				`${route.path} → ${candidates.join(' | ')}`,
			).toBe(true);
		}
	});
});

describe('every endpoint', () => {
	const urls = [
		'/api/v1',
		'/api/v1/municipalities',
		'/api/v1/municipalities?authority=tilsyn-midt&pageSize=2&page=2',
		'/api/v1/municipalities/0751',
		'/api/v1/providers',
		'/api/v1/providers?municipality=0746&ownerType=privat',
		'/api/v1/providers/cvr-12345678',
		'/api/v1/localities',
		'/api/v1/localities?includeHeldBack=true&pageSize=2',
		`/api/v1/localities/${IDS.heldBack}`,
		'/api/v1/inspections',
		'/api/v1/inspections/1',
		'/api/v1/surveys',
		'/api/v1/surveys/1',
		'/api/v1/staff-reports',
		'/api/v1/staff-reports/1',
		'/api/v1/changes?limit=3',
		'/api/v1/downloads',
		'/api/v1/openapi.json',
	];

	it.each(urls)('%s answers 200 with a body valid against the document', async (url) => {
		const { status, body, response } = await json(url);
		expect(status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
		const path = new URL(url, 'https://x').pathname.replace(/^\/api\/v1/, '') || '/';
		expectDocumented(resolve(path)!.route, 200, body);
	});

	it('covers every route (with the downloads and feeds below)', () => {
		const covered = new Set(
			[
				...urls,
				...API_ROUTES.filter((r) => r.path.startsWith('/downloads/')).map(
					(r) => `/api/v1${r.path}`,
				),
				'/api/v1/feeds/municipalities/0751.atom',
				'/api/v1/feeds/providers/cvr-12345678.atom',
				`/api/v1/feeds/localities/${IDS.nord}.atom`,
			].map(
				(url) =>
					resolve(new URL(url, 'https://x').pathname.replace(/^\/api\/v1/, '') || '/')!.route,
			),
		);
		expect([...covered].sort()).toEqual(API_ROUTES.map((r) => r.path).sort());
	});

	it('allows CORS on GET and answers the preflight', async () => {
		const get = request('/api/v1/localities', { headers: { Origin: 'https://example.org' } });
		expect(get.headers.get('access-control-allow-origin')).toBe('*');
		expect(get.headers.get('access-control-expose-headers')).toContain('ETag');
		const preflight = request('/api/v1/localities', {
			method: 'OPTIONS',
			headers: { Origin: 'https://example.org', 'Access-Control-Request-Method': 'GET' },
		});
		expect(preflight.status).toBe(204);
		expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
		expect(preflight.headers.get('access-control-allow-methods')).toBe('GET, HEAD, OPTIONS');
		expect(preflight.headers.get('access-control-allow-headers')).toContain('If-None-Match');
	});

	it('sets no cookie and refuses writes with 405', async () => {
		expect(request('/api/v1/localities').headers.get('set-cookie')).toBeNull();
		const { status, body, response } = await json('/api/v1/localities', { method: 'POST' });
		expect(status).toBe(405);
		expect(response.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
		expect(body).toMatchObject({ status: 405, title: 'Metoden understøttes ikke' });
	});
});

describe('register data', () => {
	it('a locality has address, DAR id, WGS84 position, kommune, authority and contact data', async () => {
		const { body } = await json(`/api/v1/localities/${IDS.nord}`);
		expect(body).toMatchObject({
			sorId: IDS.nord,
			name: 'Helhedspleje Nord',
			status: 'active',
			published: true,
			addressStatus: 'valid',
			provider: { id: 'kommune-0751', name: 'Aarhus Kommune', ownerType: 'kommune' },
			cvr: null,
			visitingAddress: {
				street: 'Nørrevænget',
				houseNumber: '8A',
				postcode: '8200',
				text: 'Nørrevænget 8A, 8200 Aarhus N',
			},
			darAddressId: 'dar-0751-Nørrevænget-8A',
			position: { lat: 56.19, lon: 10.19 },
			locationMunicipality: { code: '0751', name: 'Aarhus' },
			authority: { id: 'tilsyn-midt', name: 'Ældretilsyn Midt', provisional: true },
			contact: { phone: '87139999', email: 'sted1001@example.dk', website: 'www.example.dk' },
			links: { html: `/sted/${IDS.nord}`, atom: `/api/v1/feeds/localities/${IDS.nord}.atom` },
		});
	});

	it('gives the CVR only for private providers', async () => {
		const { body } = await json(`/api/v1/localities/${IDS.privat}`);
		expect(body).toMatchObject({
			name: TRICKY_NAME,
			cvr: '12345678',
			provider: { ownerType: 'privat' },
		});
		expect((await json('/api/v1/providers/kommune-0751')).body.cvr).toBeNull();
	});

	it('lists shown and closed localities by default; held back only on request', async () => {
		const ids = async (query: string) =>
			(await json(`/api/v1/localities?${query}`)).body.data.map((l: { sorId: string }) => l.sorId);
		const all = await ids('');
		expect(all).toContain(IDS.closing);
		expect(all).not.toContain(IDS.heldBack);
		expect(await ids('includeHeldBack=true')).toContain(IDS.heldBack);
		expect(await ids('status=closed')).toEqual([IDS.closing]);
		const closed = (await json(`/api/v1/localities/${IDS.closing}`)).body;
		expect(closed).toMatchObject({ status: 'closed', closedSince: '2026-12-01', published: false });
		const held = (await json(`/api/v1/localities/${IDS.heldBack}`)).body;
		expect(held).toMatchObject({
			status: 'active',
			published: false,
			addressStatus: 'not_found',
			position: null,
		});
	});

	it('filters by kommune, owner type, authority, provider and updated since', async () => {
		const ids = async (query: string) =>
			(await json(`/api/v1/localities?${query}`)).body.data
				.map((l: { sorId: string }) => l.sorId)
				.sort();
		expect(await ids('municipality=0727')).toEqual([IDS.odder]);
		expect(await ids('ownerType=privat')).toEqual([IDS.privat]);
		expect(await ids('authority=tilsyn-syd')).toEqual([IDS.odder]);
		expect(await ids('provider=kommune-0751&status=active')).toEqual([IDS.nord, IDS.syd].sort());
		// The second snapshot changed Nord's phone and closed Øst.
		expect(await ids('updatedSince=2026-12-02')).toEqual([IDS.nord, IDS.closing].sort());
		expect(
			(await json('/api/v1/providers?authority=tilsyn-syd')).body.data.map(
				(p: { id: string }) => p.id,
			),
		).toEqual(['kommune-0727']);
		const laesoe = (await json('/api/v1/municipalities/0825')).body;
		expect(laesoe).toMatchObject({
			authority: null,
			localitiesShown: 1,
			ownProviderId: 'kommune-0825',
		});
	});

	it('pages with totals and links (also as a Link header)', async () => {
		const first = await json('/api/v1/localities?pageSize=2&ownerType=kommune');
		expect(first.body.meta).toMatchObject({ page: 1, pageSize: 2, totalItems: 5, totalPages: 3 });
		expect(first.body.links).toEqual({
			self: '/api/v1/localities?pageSize=2&ownerType=kommune',
			first: '/api/v1/localities?pageSize=2&ownerType=kommune',
			last: '/api/v1/localities?pageSize=2&ownerType=kommune&page=3',
			prev: null,
			next: '/api/v1/localities?pageSize=2&ownerType=kommune&page=2',
		});
		expect(first.response.headers.get('link')).toContain('rel="next"');
		const pages = [first.body.data];
		for (let page = 2; page <= 3; page++) {
			pages.push(
				(await json(`/api/v1/localities?pageSize=2&ownerType=kommune&page=${page}`)).body.data,
			);
		}
		const ids = pages.flat().map((l: { sorId: string }) => l.sorId);
		expect(new Set(ids).size).toBe(5);
		const beyond = await json('/api/v1/localities?pageSize=2&ownerType=kommune&page=9');
		expect(beyond.body.data).toEqual([]);
		expect(beyond.body.links.prev).toBe('/api/v1/localities?pageSize=2&ownerType=kommune&page=3');
	});
});

describe('reported content', () => {
	it('inspections carry the current version with its orders', async () => {
		const { body } = await json(`/api/v1/inspections?locality=${IDS.nord}`);
		expect(body.data).toHaveLength(1);
		expect(body.data[0]).toMatchObject({
			version: 2,
			corrected: true,
			visitDate: '2026-09-10',
			announced: true,
			authority: { id: 'tilsyn-midt', name: 'Ældretilsyn Midt' },
			status: { code: 'opfoelgning', label: 'Tilsynet følger op' },
			correctionNote: 'Status rettet efter høring.',
			orders: [
				{ kind: 'order', issuedOn: '2026-09-10', liftedOn: null },
				{ kind: 'ban', issuedOn: '2026-09-12' },
			],
		});
		expect(JSON.stringify(body)).not.toContain('Test Redaktør');
		expect((await json('/api/v1/inspections?authority=tilsyn-syd')).body.data).toEqual([]);
		expect(
			(await json('/api/v1/inspections?ownerType=privat')).body.data.map(
				(i: { locality: { sorId: string } }) => i.locality.sorId,
			),
		).toEqual([IDS.privat]);
	});

	it('surveys hide results with too few answers and leave withdrawn ones out (410 by id)', async () => {
		const { body } = await json('/api/v1/surveys');
		const bySorId = Object.fromEntries(
			body.data.map((s: { locality: { sorId: string } }) => [s.locality.sorId, s]),
		);
		expect(Object.keys(bySorId).sort()).toEqual([IDS.nord, IDS.syd].sort());
		expect(bySorId[IDS.nord]).toMatchObject({
			suppressed: false,
			responded: 40,
			responseRatePct: 80,
		});
		expect(bySorId[IDS.nord].answers).toHaveLength(2);
		expect(bySorId[IDS.syd]).toMatchObject({ suppressed: true, answers: null });
		const withdrawn = await json('/api/v1/surveys/3');
		expect(withdrawn.status).toBe(410);
		expectDocumented('/surveys/{id}', 410, withdrawn.body, 'application/problem+json');
	});

	it('staff reports have lines and totals', async () => {
		const { body } = await json('/api/v1/staff-reports/1');
		expect(body).toMatchObject({
			period: { type: 'quarter', value: '2026-K3' },
			sicknessAbsencePct: 6.5,
			totals: { headcount: 24, fullTimeEquivalents: 18.75 },
		});
	});
});

describe('errors', () => {
	it.each([
		['/api/v1/localities?pageSize=0', '/localities', 'pageSize'],
		['/api/v1/localities?municipality=aarhus', '/localities', 'municipality'],
		['/api/v1/localities?kommune=0751', '/localities', 'kommune'],
		['/api/v1/localities?ownerType=privat&ownerType=kommune', '/localities', 'ownerType'],
		['/api/v1/providers?updatedSince=igår', '/providers', 'updatedSince'],
		['/api/v1/changes?since=not-a-cursor', '/changes', 'since'],
		['/api/v1/changes?since=c1AAAA', '/changes', 'since'],
		['/api/v1/surveys?locality=abc', '/surveys', 'locality'],
		['/api/v1/municipalities/0751?x=1', '/municipalities/{code}', 'x'],
	])('%s → 400 naming the parameter', async (url, route, name) => {
		const { status, body, response } = await json(url);
		expect(status).toBe(400);
		expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
		expect(response.headers.get('access-control-allow-origin')).toBe('*');
		expect(body.invalidParams.map((p: { name: string }) => p.name)).toEqual([name]);
		expect(body.detail).toContain(`«${name}»`);
		expect(body.instance).toBe(
			new URL(url, 'https://x').pathname + new URL(url, 'https://x').search,
		);
		expectDocumented(route, 400, body, 'application/problem+json');
	});

	it.each([
		['/api/v1/localities/999999', '/localities/{sorId}'],
		['/api/v1/localities/not-a-sor-id', '/localities/{sorId}'],
		['/api/v1/municipalities/9999', '/municipalities/{code}'],
		['/api/v1/providers/cvr-00000000', '/providers/{id}'],
		['/api/v1/inspections/99', '/inspections/{id}'],
		['/api/v1/surveys/99', '/surveys/{id}'],
		['/api/v1/staff-reports/99', '/staff-reports/{id}'],
		['/api/v1/feeds/localities/999999.atom', '/feeds/localities/{sorId}.atom'],
	])('%s → 404 problem', async (url, route) => {
		const { status, body } = await json(url);
		expect(status).toBe(404);
		expect(body).toMatchObject({ status: 404, title: 'Ikke fundet' });
		expectDocumented(route, 404, body, 'application/problem+json');
	});

	it('an unknown path under /api answers with a JSON 404', async () => {
		const { status, body } = await json('/api/v1/nothing-here');
		expect(status).toBe(404);
		expect(body.type).toBe('/data#fejl-ikke-fundet');
	});
});

describe('conditional requests', () => {
	it('answer 304 to If-None-Match (either encoding) and If-Modified-Since', async () => {
		const first = request('/api/v1/localities?pageSize=3');
		const etag = first.headers.get('etag')!;
		const lastModified = first.headers.get('last-modified')!;
		expect(etag).toMatch(/^"[^"]+"$/);
		expect(new Date(lastModified).toISOString()).toBe('2026-12-02T03:00:00.000Z');
		const again = request('/api/v1/localities?pageSize=3', { headers: { 'If-None-Match': etag } });
		expect(again.status).toBe(304);
		expect(await again.text()).toBe('');
		expect(again.headers.get('etag')).toBe(etag);
		expect(again.headers.get('access-control-allow-origin')).toBe('*');
		const gzip = request('/api/v1/localities?pageSize=3', {
			headers: { 'Accept-Encoding': 'gzip' },
		});
		expect(gzip.headers.get('content-encoding')).toBe('gzip');
		const gzipBody = JSON.parse(gunzipSync(Buffer.from(await gzip.arrayBuffer())).toString('utf8'));
		expect(gzipBody.data).toHaveLength(3);
		expect(
			request('/api/v1/localities?pageSize=3', {
				headers: { 'If-None-Match': `W/"x", ${gzip.headers.get('etag')}` },
			}).status,
		).toBe(304);
		expect(
			request('/api/v1/localities?pageSize=3', { headers: { 'If-Modified-Since': lastModified } })
				.status,
		).toBe(304);
		expect(
			request('/api/v1/localities?pageSize=3', {
				headers: { 'If-Modified-Since': new Date('2026-12-01T00:00:00Z').toUTCString() },
			}).status,
		).toBe(200);
		// If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2).
		expect(
			request('/api/v1/localities?pageSize=3', {
				headers: { 'If-None-Match': '"other"', 'If-Modified-Since': lastModified },
			}).status,
		).toBe(200);
	});

	it('a HEAD request gets the headers without the body', async () => {
		const head = request('/api/v1/downloads/localities.csv', { method: 'HEAD' });
		expect(head.status).toBe(200);
		expect(head.headers.get('etag')).toBeTruthy();
		expect(await head.text()).toBe('');
	});

	it('a change to the data changes the ETag', async () => {
		const before = request('/api/v1/inspections');
		const etag = before.headers.get('etag')!;
		fx.addInspection({ sorId: IDS.odder, visitDate: '2026-11-20' });
		const after = request('/api/v1/inspections', { headers: { 'If-None-Match': etag } });
		expect(after.status).toBe(200);
		expect(after.headers.get('etag')).not.toBe(etag);
		expect((await after.json()).data).toHaveLength(3);
	});
});

describe('downloads', () => {
	it('lists every file with its modification time and record count', async () => {
		const { body } = await json('/api/v1/downloads');
		const byId = Object.fromEntries(body.datasets.map((d: { id: string }) => [d.id, d]));
		expect(byId.localities).toMatchObject({
			downloadUrl: '/api/v1/downloads/localities.csv',
			modified: '2026-12-02T03:00:00.000Z',
			records: 6,
		});
		expect(byId.municipalities.records).toBe(98);
		expect(Date.parse(byId.inspections.modified)).toBeGreaterThanOrEqual(
			Date.parse('2026-12-02T03:00:00Z'),
		);
	});

	it('CSV files have a BOM, round-trip æøå, commas and quotes, and match the JSON', async () => {
		const response = request('/api/v1/downloads/localities.csv');
		expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
		expect(response.headers.get('content-disposition')).toBe(
			'attachment; filename="plejeoverblik-localities.csv"',
		);
		expect(new Date(response.headers.get('last-modified')!).toISOString()).toBe(
			'2026-12-02T03:00:00.000Z',
		);
		const rows = readCsv(await csvText(response));
		const json = (await request('/api/v1/localities').json()).data;
		expect(rows.map((r) => r.sorId)).toEqual(json.map((l: { sorId: string }) => l.sorId));
		const privat = rows.find((r) => r.sorId === IDS.privat)!;
		expect(privat).toMatchObject({
			name: TRICKY_NAME,
			providerName: 'Omsorg & Co. ApS',
			cvr: '12345678',
		});
		expect(rows.find((r) => r.sorId === IDS.syd)).toMatchObject({ visitingDistrict: 'Åbyhøj' });
	});

	it.each([
		['municipalities.csv', 98],
		['providers.csv', 4],
		['inspections.csv', 3],
		['inspection-orders.csv', 2],
		['surveys.csv', 2],
		['survey-answers.csv', 2],
		['staff-reports.csv', 1],
	])('%s has %i rows', async (file, count) => {
		const rows = readCsv(await csvText(request(`/api/v1/downloads/${file}`)));
		expect(rows.length).toBeGreaterThanOrEqual(count);
	});

	it('GeoJSON is valid, documented, and every point lies in Denmark', async () => {
		const response = request('/api/v1/downloads/localities.geojson');
		expect(response.headers.get('content-type')).toBe('application/geo+json');
		const body = await response.json();
		expectDocumented('/downloads/localities.geojson', 200, body, 'application/geo+json');
		expect(body.features.length).toBeGreaterThan(0);
		for (const feature of body.features) {
			const [lon, lat] = feature.geometry.coordinates;
			expect(lon).toBeGreaterThan(8);
			expect(lon).toBeLessThan(15.3);
			expect(lat).toBeGreaterThan(54.5);
			expect(lat).toBeLessThan(57.8);
		}
		expect(body.features.map((f: { id: string }) => f.id)).not.toContain(IDS.heldBack);
	});
});

describe('the change feed', () => {
	async function crawl(limit: number, between?: (page: number) => Promise<void> | void) {
		const ids: string[] = [];
		const items: any[] = [];
		let url = `/api/v1/changes?limit=${limit}`;
		for (let page = 0; page < 500; page++) {
			const { status, body } = await json(url);
			expect(status).toBe(200);
			expectDocumented('/changes', 200, body);
			ids.push(...body.data.map((c: { id: string }) => c.id));
			items.push(...body.data);
			url = body.next.href;
			await between?.(page);
			if (!body.hasMore && (!between || page > 6)) break;
		}
		return { ids, items, next: url };
	}

	it('carries SOR changes, inspection feedback with status and order changes, surveys and staff', async () => {
		const { items } = await crawl(500);
		const types = new Set(items.map((c) => c.type));
		for (const type of [
			'sor.opened',
			'sor.changed',
			'sor.closed',
			'inspection.new',
			'inspection.corrected',
			'survey.new',
			'survey.withdrawn',
			'staff.new',
		]) {
			expect(types, type).toContain(type);
		}
		const phone = items.find((c) => c.type === 'sor.changed' && c.locality.sorId === IDS.nord);
		expect(phone).toMatchObject({
			title: 'Ændret i SOR: kontaktoplysninger',
			sor: { aspects: ['contact'], changes: { phone: ['87131001', '87139999'] } },
			effectiveDate: '2026-12-02',
		});
		const corrected = items.find((c) => c.type === 'inspection.corrected');
		expect(corrected.inspection).toMatchObject({
			version: 2,
			statusChanged: { from: { code: 'paabud-givet' }, to: { code: 'opfoelgning' } },
			ordersChanged: true,
		});
		expect(items.find((c) => c.type === 'sor.closed').locality.sorId).toBe(IDS.closing);
		// Localities only: owners and other SOR units are not in the feed.
		expect(items.every((c) => Object.values(IDS).includes(c.locality.sorId))).toBe(true);
	});

	it('paging by `since` neither skips nor repeats an event while new ones arrive', async () => {
		let added = 0;
		const interleaved = await crawl(2, async (page) => {
			if (page < 6) {
				if (page % 2 === 0) fx.addStaff({ sorId: IDS.odder, period: `2027-K${page / 2 + 1}` });
				else fx.addSurvey({ sorId: IDS.privat, responded: 10 + page });
				added++;
			}
		});
		expect(added).toBe(6);
		const full = await crawl(500);
		expect(new Set(interleaved.ids).size).toBe(interleaved.ids.length);
		expect([...interleaved.ids].sort()).toEqual([...full.ids].sort());
		// Polling later with the last cursor returns only what is new.
		fx.addStaff({ sorId: IDS.nord, period: '2027-K4' });
		const { body } = await json(interleaved.next);
		expect(body.data.map((c: { type: string }) => c.type)).toEqual(['staff.new']);
	});

	it('starts from a moment and filters by kommune, provider and locality', async () => {
		const fromSecondImport = (await json('/api/v1/changes?since=2026-12-02&limit=500')).body.data;
		expect(fromSecondImport.length).toBeGreaterThan(0);
		expect(
			fromSecondImport.every((c: { recordedAt: string }) => c.recordedAt >= '2026-12-02'),
		).toBe(true);
		const odder = (await json('/api/v1/changes?municipality=0727&limit=500')).body.data;
		expect(
			odder.every((c: { locality: { sorId: string } }) => c.locality.sorId === IDS.odder),
		).toBe(true);
		const privat = (await json('/api/v1/changes?provider=cvr-12345678&limit=500')).body.data;
		expect(privat.length).toBeGreaterThan(0);
		expect(
			privat.every(
				(c: { locality: { providerId: string } }) => c.locality.providerId === 'cvr-12345678',
			),
		).toBe(true);
	});
});

describe('Atom feeds', () => {
	it.each([
		['/api/v1/feeds/municipalities/0751.atom', 'Plejeoverblik: Aarhus Kommune'],
		['/api/v1/feeds/providers/cvr-12345678.atom', 'Plejeoverblik: Omsorg & Co. ApS'],
		[`/api/v1/feeds/localities/${IDS.nord}.atom`, 'Plejeoverblik: Helhedspleje Nord'],
	])('%s is valid Atom 1.0', async (url, title) => {
		const response = request(url);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
		const feed = parseXml(await response.text());
		expectValidAtom(feed);
		expect(childrenNamed(feed, 'title')[0]!.text).toBe(title);
		const self = childrenNamed(feed, 'link').find((l) => l.attributes.rel === 'self')!;
		expect(self.attributes.href).toBe(`https://plejeoverblik.test${url}`);
		expect(childrenNamed(feed, 'entry').length).toBeGreaterThan(0);
	});

	it('the locality feed shows the newest first with readable summaries', async () => {
		const feed = parseXml(await request(`/api/v1/feeds/localities/${IDS.nord}.atom`).text());
		const entries = childrenNamed(feed, 'entry');
		const updated = entries.map((e) => childrenNamed(e, 'updated')[0]!.text);
		expect(updated).toEqual([...updated].sort().reverse());
		const phone = entries.find((e) =>
			childrenNamed(e, 'title')[0]!.text.includes('kontaktoplysninger'),
		)!;
		expect(childrenNamed(phone, 'summary')[0]!.text).toContain('Telefon: 87131001 → 87139999');
		expect(childrenNamed(phone, 'link')[0]!.attributes.href).toBe(
			`https://plejeoverblik.test/sted/${IDS.nord}`,
		);
	});
});
