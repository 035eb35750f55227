import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RawSorRecord } from '../../../src/lib/domain/sor/record';
import { parseSorXml } from '../../../src/lib/server/sor/parser';
import { SorSourceError, openSorSource } from '../../../src/lib/server/sor/source';

const FIXTURE_PATH = new URL('../../fixtures/sor/v2-2019-sor-small.xml', import.meta.url);
const V2_SAMPLE = readFileSync(FIXTURE_PATH);

async function readAll(source: AsyncIterable<Buffer>): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of source) chunks.push(chunk);
	return Buffer.concat(chunks);
}

async function recordsOf(source: AsyncIterable<Buffer>): Promise<RawSorRecord[]> {
	const records: RawSorRecord[] = [];
	await parseSorXml(source, { onRecord: (r) => records.push(r) });
	return records;
}

let workDir = '';
beforeAll(() => {
	workDir = mkdtempSync(join(tmpdir(), 'sor-source-test-'));
});
afterAll(() => {
	rmSync(workDir, { recursive: true, force: true });
});

describe('openSorSource with a local file', () => {
	it('streams a plain XML file unchanged, from a path and from a file: URL', async () => {
		const path = FIXTURE_PATH.pathname;
		expect(await readAll(await openSorSource(path))).toEqual(V2_SAMPLE);
		expect(await readAll(await openSorSource(pathToFileURL(path).href))).toEqual(V2_SAMPLE);
	});

	it('gunzips by magic bytes whatever the file is called', async () => {
		const disguised = join(workDir, 'sor-gzip-men-uden-endelse.xml');
		writeFileSync(disguised, gzipSync(V2_SAMPLE));
		expect(await readAll(await openSorSource(disguised))).toEqual(V2_SAMPLE);

		const reference = await recordsOf(await openSorSource(FIXTURE_PATH.pathname));
		expect(reference).toHaveLength(4);
		expect(await recordsOf(await openSorSource(disguised))).toEqual(reference);
	});

	it('fails clearly for a missing file, a ZIP archive and a damaged gzip file', async () => {
		const missing = join(workDir, 'findes-ikke.xml');
		await expect(openSorSource(missing)).rejects.toThrow(`Filen findes ikke: ${missing}`);
		await expect(openSorSource(missing)).rejects.toBeInstanceOf(SorSourceError);

		const zip = join(workDir, 'Sor_complete.zip');
		writeFileSync(zip, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]));
		await expect(openSorSource(zip)).rejects.toThrow(/ZIP-arkiv/);

		const cut = join(workDir, 'afkortet.xml.gz');
		const gz = gzipSync(V2_SAMPLE);
		writeFileSync(cut, gz.subarray(0, gz.length - 30));
		const source = await openSorSource(cut);
		await expect(readAll(source)).rejects.toThrow(/Gzip-data i .* er beskadiget eller afkortet/);
	});
});

/** A local server with its own port per test, so no pooled socket survives from one test to the next. */
async function withServer(
	handler: RequestListener,
	run: (baseUrl: string, requests: string[]) => Promise<void>,
): Promise<void> {
	const requests: string[] = [];
	const server: Server = createServer((req, res) => {
		requests.push(req.url ?? '');
		handler(req, res);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	try {
		await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests);
	} finally {
		server.closeAllConnections();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	}
}

describe('openSorSource with an http(s) URL', () => {
	it('retries after a 503 and then delivers the (gzipped) file through the injected fetch', async () => {
		const gz = gzipSync(V2_SAMPLE);
		let served = 0;
		const handler: RequestListener = (_req, res) => {
			if (served++ === 0) {
				res.writeHead(503, { 'content-type': 'text/plain' }).end('Opdatering i gang');
				return;
			}
			res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(gz);
		};
		await withServer(handler, async (baseUrl, requests) => {
			const log: string[] = [];
			let fetchCalls = 0;
			const countingFetch: typeof fetch = (input, init) => {
				fetchCalls++;
				return fetch(input, init);
			};

			const source = await openSorSource(`${baseUrl}/sor.xml`, {
				fetchImpl: countingFetch,
				retries: 2,
				retryDelayMs: 10,
				log: (message) => log.push(message),
			});

			expect(await readAll(source)).toEqual(V2_SAMPLE);
			expect(requests).toEqual(['/sor.xml', '/sor.xml']);
			expect(fetchCalls).toBe(2);
			expect(log).toHaveLength(1);
			expect(log[0]).toMatch(/forsøg 1 af 3.*HTTP 503/);
		});
	});

	it('does not retry a 404 and reports the status', async () => {
		await withServer(
			(_req, res) => res.writeHead(404).end(),
			async (baseUrl, requests) => {
				const error = await openSorSource(`${baseUrl}/mangler.xml`, {
					retries: 3,
					retryDelayMs: 10,
				}).catch((e: unknown) => e);
				expect(error).toBeInstanceOf(SorSourceError);
				expect((error as SorSourceError).status).toBe(404);
				expect((error as SorSourceError).message).toMatch(/HTTP 404/);
				expect(requests).toHaveLength(1);
			},
		);
	});

	it('gives up after the last retry with the last status', async () => {
		await withServer(
			(_req, res) => res.writeHead(503).end(),
			async (baseUrl, requests) => {
				const error = await openSorSource(`${baseUrl}/nede.xml`, {
					retries: 2,
					retryDelayMs: 5,
				}).catch((e: unknown) => e);
				expect((error as SorSourceError).status).toBe(503);
				expect(requests).toHaveLength(3);
			},
		);
	});

	it('times out an attempt that gets no response, retries, and then fails', async () => {
		const neverAnswers: RequestListener = () => undefined;
		await withServer(neverAnswers, async (baseUrl, requests) => {
			const started = Date.now();
			const attempt = openSorSource(`${baseUrl}/haenger.xml`, {
				timeoutMs: 150,
				retries: 1,
				retryDelayMs: 10,
			});
			await expect(attempt).rejects.toThrow(/Tidsgrænsen på 150 ms blev overskredet/);
			expect(requests).toHaveLength(2);
			expect(Date.now() - started).toBeLessThan(5_000);
		});
	});

	it('times out a body that stops arriving half-way', async () => {
		const stalls: RequestListener = (_req, res) => {
			res.writeHead(200, { 'content-length': String(V2_SAMPLE.length) });
			res.write(V2_SAMPLE.subarray(0, 1000));
		};
		await withServer(stalls, async (baseUrl) => {
			await expect(
				openSorSource(`${baseUrl}/staar-stille.xml`, { timeoutMs: 150, retries: 0 }),
			).rejects.toThrow(/Tidsgrænsen/);
		});
	});

	it('reports a refused connection as a download failure', async () => {
		let port = 0;
		await withServer(
			() => undefined,
			async (baseUrl) => {
				port = Number(new URL(baseUrl).port);
			},
		);
		await expect(
			openSorSource(`http://127.0.0.1:${port}/sor.xml`, { retries: 0, timeoutMs: 2_000 }),
		).rejects.toThrow(/Download af .* mislykkedes: .*ECONNREFUSED/);
	});
});
