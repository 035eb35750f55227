import { gzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import { IDS } from './fixture/register-fixture';

const baseUrl = inject('baseUrl');
const PAGES = [
	'/',
	'/kommuner',
	'/kommune/0751',
	'/leverandoer/kommune-0751',
	`/sted/${IDS.noerrebro}`,
	'/soeg?q=aarhus',
	'/naer?adresse=8000',
];

async function scriptsOf(path: string): Promise<string[]> {
	const html = await (await fetch(`${baseUrl}${path}`)).text();
	return [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
}

describe('HTTP: security headers, caching and JavaScript budget', () => {
	it.each([...PAGES, '/sted/999999999999999', '/kort/steder.geojson'])(
		'%s carries the security headers and sets no cookie',
		async (path) => {
			const response = await fetch(`${baseUrl}${path}`);
			const csp = response.headers.get('content-security-policy') ?? '';
			expect(csp).toContain("script-src 'self'");
			expect(csp).toContain("style-src 'self'");
			expect(csp).toContain("frame-ancestors 'none'");
			expect(csp).not.toContain('unsafe-inline');
			expect(response.headers.get('x-content-type-options')).toBe('nosniff');
			expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
			expect(response.headers.get('set-cookie')).toBeNull();
		},
	);

	it('pages are same-origin resources; open data may be loaded by any site', async () => {
		const page = await fetch(`${baseUrl}/kommuner`);
		expect(page.headers.get('cross-origin-resource-policy')).toBe('same-origin');
		for (const path of ['/api/v1/localities?pageSize=7', '/api/v1/openapi.json']) {
			// The first request renders through Astro; the repeat is a cache hit that the node:http
			// fast path answers: both must carry the same headers and bytes.
			const first = await fetch(`${baseUrl}${path}`);
			const repeat = await fetch(`${baseUrl}${path}`);
			for (const response of [first, repeat]) {
				expect(response.status, path).toBe(200);
				expect(response.headers.get('cross-origin-resource-policy'), path).toBe('cross-origin');
				expect(response.headers.get('access-control-allow-origin'), path).toBe('*');
				expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
				expect(response.headers.get('content-security-policy'), path).toContain(
					"default-src 'self'",
				);
			}
			expect(repeat.headers.get('etag')).toBe(first.headers.get('etag'));
			expect(repeat.headers.get('content-type')).toBe(first.headers.get('content-type'));
			expect(await repeat.text()).toBe(await first.text());
			const unchanged = await fetch(`${baseUrl}${path}`, {
				headers: { 'If-None-Match': first.headers.get('etag')! },
			});
			expect(unchanged.status, path).toBe(304);
			expect(unchanged.headers.get('access-control-allow-origin'), path).toBe('*');
		}
	});

	it('no page inlines a script or a style', async () => {
		for (const path of PAGES) {
			const html = await (await fetch(`${baseUrl}${path}`)).text();
			expect(html, path).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
			expect(html, path).not.toMatch(/<style[\s>]/);
			expect(html, path).not.toMatch(/\sstyle="/);
		}
	});

	it('public pages send Cache-Control and an ETag, and answer 304 to If-None-Match', async () => {
		for (const path of PAGES) {
			const first = await fetch(`${baseUrl}${path}`);
			const etag = first.headers.get('etag');
			expect(first.status, path).toBe(200);
			expect(first.headers.get('cache-control'), path).toMatch(/public, max-age=\d+/);
			expect(etag, path).toMatch(/^"/);
			const again = await fetch(`${baseUrl}${path}`, { headers: { 'If-None-Match': etag! } });
			expect(again.status, path).toBe(304);
			expect(await again.text()).toBe('');
			const other = await fetch(`${baseUrl}${path}`, { headers: { 'If-None-Match': '"stale"' } });
			expect(other.status, path).toBe(200);
		}
	});

	it('serves gzip to clients that accept it, with the same content', async () => {
		const plain = await fetch(`${baseUrl}/kommuner`, {
			headers: { 'Accept-Encoding': 'identity' },
		});
		const zipped = await fetch(`${baseUrl}/kommuner`, { headers: { 'Accept-Encoding': 'gzip' } });
		expect(zipped.headers.get('content-encoding')).toBe('gzip');
		expect(zipped.headers.get('vary')).toBe('Accept-Encoding');
		// fetch decodes gzip transparently.
		expect(await zipped.text()).toBe(await plain.text());
	});

	it('ships no JavaScript on pages without a map and at most 60 KB gzip on map pages', async () => {
		for (const path of [
			'/kommuner',
			'/soeg?q=aarhus',
			'/naer?adresse=8000',
			'/om',
			'/privatliv',
			`/sted/${IDS.vest}`,
		]) {
			expect(await scriptsOf(path), path).toEqual([]);
		}
		for (const path of ['/', '/kommune/0751', `/sted/${IDS.noerrebro}`]) {
			const scripts = await scriptsOf(path);
			expect(scripts.length, path).toBeGreaterThan(0);
			let total = 0;
			for (const tag of scripts) {
				const src = /src="([^"]+)"/.exec(tag)![1]!;
				const body = Buffer.from(await (await fetch(`${baseUrl}${src}`)).arrayBuffer());
				total += gzipSync(body).byteLength;
			}
			expect(total, path).toBeLessThanOrEqual(60 * 1024);
		}
	});

	it('accepts a same-origin form POST and refuses a cross-origin one (allowedDomains)', async () => {
		const body = new URLSearchParams({ q: 'aarhus' });
		const same = await fetch(`${baseUrl}/soeg`, {
			method: 'POST',
			body,
			headers: { Origin: baseUrl, 'Content-Type': 'application/x-www-form-urlencoded' },
		});
		expect(same.status).not.toBe(403);
		const foreign = await fetch(`${baseUrl}/soeg`, {
			method: 'POST',
			body,
			headers: {
				Origin: 'https://evil.example',
				'Content-Type': 'application/x-www-form-urlencoded',
			},
		});
		expect(foreign.status).toBe(403);
	});

	it('serves map data as GeoJSON and unknown ids as 404', async () => {
		const response = await fetch(`${baseUrl}/kort/steder.geojson?kommune=0751`);
		expect(response.headers.get('content-type')).toContain('application/geo+json');
		const data = (await response.json()) as { features: unknown[] };
		expect(data.features).toHaveLength(3);
		expect((await fetch(`${baseUrl}/kort/steder.geojson?leverandoer=cvr-00000000`)).status).toBe(
			404,
		);
		const outlines = await fetch(`${baseUrl}/kort/kommuner.geojson`);
		expect(outlines.status).toBe(200);
		expect(((await outlines.json()) as { features: unknown[] }).features.length).toBe(99);
	});
});
