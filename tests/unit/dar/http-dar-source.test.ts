import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
	DarUnavailableError,
	type AccessAddressQuery,
} from '../../../src/lib/server/dar/dar-source';
import {
	HttpDarSource,
	type HttpDarSourceOptions,
} from '../../../src/lib/server/dar/http-dar-source';
import { createDarSource } from '../../../src/lib/server/dar/create-dar-source';
import type { RegisterDb } from '../../../src/lib/server/db/client';

const API_KEY = 'hemmelig-nøgle-4f1c9a';

type Handler = (request: IncomingMessage, response: ServerResponse, url: URL) => void;

interface TestServer {
	baseUrl: string;
	requests: URL[];
	close(): Promise<void>;
}

const servers: TestServer[] = [];

/** A real HTTP server on 127.0.0.1 with an ephemeral port; every request URL is recorded. */
async function serve(handler: Handler): Promise<TestServer> {
	const requests: URL[] = [];
	const server: Server = createServer((request, response) => {
		const url = new URL(request.url ?? '/', 'http://127.0.0.1');
		requests.push(url);
		handler(request, response, url);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	const result: TestServer = {
		baseUrl: `http://127.0.0.1:${port}/`,
		requests,
		close: () =>
			new Promise((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
	servers.push(result);
	return result;
}

afterEach(async () => {
	await Promise.all(servers.splice(0).map((server) => server.close()));
});

function json(response: ServerResponse, body: unknown, status = 200): void {
	response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
	response.end(JSON.stringify(body));
}

function source(server: TestServer, options: Partial<HttpDarSourceOptions> = {}): HttpDarSource {
	return new HttpDarSource({
		baseUrl: server.baseUrl,
		apiKey: API_KEY,
		timeoutMs: 5000,
		retries: 2,
		retryDelayMs: 10,
		...options,
	});
}

const mini = (overrides: Record<string, unknown> = {}) => ({
	id: '0a3f507a-3669-32b8-e044-0003ba298018',
	status: 1,
	darstatus: 3,
	kommunekode: '0101',
	vejkode: '0004',
	vejnavn: 'Abel Cathrines Gade',
	adresseringsvejnavn: 'Abel Cathrines Gade',
	husnr: '3A',
	supplerendebynavn: null,
	postnr: '1654',
	postnrnavn: 'København V',
	x: 12.5582458296225,
	y: 55.6720594006065,
	...overrides,
});

const byCode: AccessAddressQuery = {
	municipalityCode: '101',
	streetCode: '4',
	streetName: null,
	houseNumber: '3 a',
	postcode: null,
};
const byName: AccessAddressQuery = {
	municipalityCode: null,
	streetCode: null,
	streetName: 'Aabyvej',
	houseNumber: '12',
	postcode: '8230',
};

async function failure(promise: Promise<unknown>): Promise<DarUnavailableError> {
	const error = await promise.then(
		() => null,
		(caught: unknown) => caught,
	);
	expect(error).toBeInstanceOf(DarUnavailableError);
	const unavailable = error as DarUnavailableError;
	expect(unavailable.name).toBe('DarUnavailableError');
	expect(unavailable.message).not.toContain(API_KEY);
	expect(unavailable.stack ?? '').not.toContain(API_KEY);
	return unavailable;
}

describe('HttpDarSource', () => {
	it('asks DAWA-style by codes, with struktur=mini and the API key, and maps the answer', async () => {
		const server = await serve((_request, response) => json(response, [mini()]));
		const found = await source(server).lookup(byCode);
		expect(found).toEqual({
			id: '0a3f507a-3669-32b8-e044-0003ba298018',
			status: 'gældende',
			streetName: 'Abel Cathrines Gade',
			houseNumber: '3A',
			postcode: '1654',
			municipalityCode: '0101',
			lat: 55.6720594006065,
			lon: 12.5582458296225,
			etrsEast: null,
			etrsNorth: null,
			precision: null,
		});
		expect(server.requests).toHaveLength(1);
		const url = server.requests[0]!;
		expect(url.pathname).toBe('/adgangsadresser');
		expect(Object.fromEntries(url.searchParams)).toEqual({
			kommunekode: '0101',
			vejkode: '0004',
			husnr: '3A',
			struktur: 'mini',
			medtagnedlagte: 'true',
			apiKey: API_KEY,
		});
	});

	it('sends no apiKey parameter when none is configured', async () => {
		const server = await serve((_request, response) => json(response, [mini()]));
		await source(server, { apiKey: undefined }).lookup(byCode);
		expect(server.requests[0]!.searchParams.has('apiKey')).toBe(false);
	});

	it('prefers a valid address to a retired one and returns a retired one only as a fallback', async () => {
		const retired = mini({ id: '0a3f507a-0000-32b8-e044-000000000001', status: 2 });
		const valid = mini({ id: '0a3f507a-0000-32b8-e044-000000000002', status: 3 });
		let answer: unknown[] = [retired, valid];
		const server = await serve((_request, response) => json(response, answer));
		expect(await source(server).lookup(byCode)).toMatchObject({
			id: valid.id,
			status: 'foreløbig',
		});
		answer = [retired];
		expect(await source(server).lookup(byCode)).toMatchObject({
			id: retired.id,
			status: 'nedlagt',
		});
	});

	it('searches by name and, when the literal spelling finds nothing, by postcode with its own keys', async () => {
		const aabyvej = mini({ vejnavn: 'Åbyvej', husnr: '12', postnr: '8230', kommunekode: '0751' });
		const other = mini({ id: 'x', vejnavn: 'Skolevej', husnr: '12', postnr: '8230' });
		const server = await serve((_request, response, url) =>
			json(response, url.searchParams.has('vejnavn') ? [] : [other, aabyvej]),
		);
		const found = await source(server).lookup(byName);
		expect(found).toMatchObject({
			streetName: 'Åbyvej',
			houseNumber: '12',
			municipalityCode: '0751',
		});
		expect(server.requests.map((url) => url.searchParams.get('vejnavn'))).toEqual([
			'Aabyvej',
			null,
		]);
		expect(server.requests[1]!.searchParams.get('postnr')).toBe('8230');
	});

	it('resolves to null when DAR has no such address', async () => {
		const server = await serve((_request, response) => json(response, []));
		expect(await source(server).lookup(byName)).toBeNull();
		expect(await source(server).lookup({ ...byName, houseNumber: null })).toBeNull();
	});

	it('gives up within the timeout when the server never answers', async () => {
		const server = await serve(() => {
			// Never answers.
		});
		const started = Date.now();
		const error = await failure(source(server, { timeoutMs: 200, retries: 0 }).lookup(byCode));
		// Well within the timeout plus a margin for a loaded test machine, and far from "never".
		expect(Date.now() - started).toBeLessThan(2500);
		expect(error.message).toContain('intet svar inden for 200 ms');
	});

	it('times out a body that stops half-way', async () => {
		const server = await serve((_request, response) => {
			response.writeHead(200, { 'content-type': 'application/json' });
			response.write('[{"id":');
		});
		const error = await failure(source(server, { timeoutMs: 200, retries: 1 }).lookup(byCode));
		expect(error.message).toContain('intet svar inden for 200 ms');
		expect(server.requests).toHaveLength(2);
	});

	it('retries a 5xx and succeeds', async () => {
		let calls = 0;
		const server = await serve((_request, response) => {
			calls++;
			if (calls < 3) json(response, { fejl: 'midlertidig' }, calls === 1 ? 503 : 500);
			else json(response, [mini()]);
		});
		expect(await source(server).lookup(byCode)).toMatchObject({ status: 'gældende' });
		expect(server.requests).toHaveLength(3);
	});

	it('retries a 429', async () => {
		let calls = 0;
		const server = await serve((_request, response) =>
			++calls === 1 ? json(response, {}, 429) : json(response, [mini()]),
		);
		expect(await source(server).lookup(byCode)).not.toBeNull();
		expect(server.requests).toHaveLength(2);
	});

	it('fails after the retries on a persistent 5xx', async () => {
		const server = await serve((_request, response) => json(response, { fejl: 'nede' }, 500));
		const error = await failure(source(server, { retries: 2 }).lookup(byCode));
		expect(server.requests).toHaveLength(3);
		expect(error.message).toMatch(/kunne ikke svare efter 3 forsøg: HTTP-status 500/);
		expect(error.message).toContain('/adgangsadresser');
	});

	it('does not retry other 4xx answers', async () => {
		for (const status of [400, 401, 403, 404]) {
			const server = await serve((_request, response) => json(response, { fejl: 'nej' }, status));
			const error = await failure(source(server).lookup(byCode));
			expect(server.requests).toHaveLength(1);
			expect(error.message).toContain(`HTTP-status ${status}`);
		}
	});

	it('fails on malformed JSON and on JSON of the wrong shape, without retrying', async () => {
		const broken = await serve((_request, response) => {
			response.writeHead(200, { 'content-type': 'application/json' });
			response.end('[{"id": "0a3f", "status": 1,');
		});
		expect((await failure(source(broken).lookup(byCode))).message).toContain('ikke gyldig JSON');
		expect(broken.requests).toHaveLength(1);

		const wrongShape = await serve((_request, response) => json(response, [{ id: 1, navn: 'x' }]));
		expect((await failure(source(wrongShape).lookup(byCode))).message).toContain(
			'ikke den forventede form',
		);
		expect(wrongShape.requests).toHaveLength(1);
	});

	it('reports a refused connection as a network error after retrying', async () => {
		const server = await serve((_request, response) => json(response, []));
		await server.close();
		servers.splice(servers.indexOf(server), 1);
		const error = await failure(source(server, { retries: 1 }).lookup(byCode));
		expect(error.message).toMatch(/efter 2 forsøg: netværksfejl \(ECONNREFUSED\)/);
	});

	it('keeps the API key out of its name and every error, even when it is in the base URL', async () => {
		const server = await serve((_request, response) => json(response, {}, 502));
		const dar = source(server, { baseUrl: `${server.baseUrl}${API_KEY}/`, retries: 0 });
		expect(dar.name).not.toContain(API_KEY);
		const error = await failure(dar.lookup(byCode));
		expect(error.message).toContain('***');
	});
});

describe('createDarSource: choosing the DAR source from configuration', () => {
	// With DAR_SERVICE_URL set the local table is never consulted, so no database is needed.
	const noDatabase = {} as RegisterDb;

	it('uses the online service when DAR_SERVICE_URL is set, with its API key', async () => {
		const server = await serve((_request, response) => json(response, [mini()]));
		const dar = createDarSource(noDatabase, {
			DAR_SERVICE_URL: server.baseUrl,
			DAR_SERVICE_API_KEY: API_KEY,
		});
		expect(dar).toBeInstanceOf(HttpDarSource);
		expect(dar.name).not.toContain(API_KEY);
		expect((await dar.lookup(byCode))?.id).toBe('0a3f507a-3669-32b8-e044-0003ba298018');
		expect(server.requests[0]!.searchParams.get('apiKey')).toBe(API_KEY);
	});

	it('names a malformed setting', () => {
		expect(() => createDarSource(noDatabase, { DAR_SERVICE_URL: 'ikke en adresse' })).toThrow(
			/Ugyldig konfiguration: DAR_SERVICE_URL/,
		);
		expect(() =>
			createDarSource(noDatabase, {
				DAR_SERVICE_URL: 'http://127.0.0.1:1/',
				DAR_SERVICE_TIMEOUT_MS: 'lang',
			}),
		).toThrow(/DAR_SERVICE_TIMEOUT_MS/);
	});
});
