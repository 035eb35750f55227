import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { isCacheableRequest, isStorableResponse } from '../../../src/lib/server/http/cache-policy';
import {
	acceptsGzip,
	compressBody,
	gzipEtag,
	matchingEtag,
	PageCache,
	pageEtag,
	type CachedPage,
} from '../../../src/lib/server/http/page-cache';
import {
	contentSecurityPolicy,
	securityHeaders,
	withSecurityHeaders,
} from '../../../src/lib/server/http/security-headers';
import { loadMapConfig } from '../../../src/lib/server/services/public/map-config';
import { DataVersion } from '../../../src/lib/server/services/public/data-version';

const page = (text: string, etag = '"e"'): CachedPage => ({
	status: 200,
	headers: [['content-type', 'text/html']],
	body: new TextEncoder().encode(text),
	gzip: null,
	etag,
});

describe('page cache', () => {
	it('serves a page only for the data version it was rendered at', () => {
		const cache = new PageCache({ maxEntries: 10, maxBytes: 10_000 });
		cache.set('1.0', '/a', page('a'));
		expect(cache.get('1.0', '/a')).toBeDefined();
		expect(cache.get('2.0', '/a')).toBeUndefined();
		// Storing at a new version drops everything from the old one.
		cache.set('2.0', '/b', page('b'));
		expect(cache.stats()).toMatchObject({ entries: 1, version: '2.0' });
	});

	it('evicts the least recently used page to stay within its limits', () => {
		const cache = new PageCache({ maxEntries: 2, maxBytes: 10_000 });
		cache.set('v', '/a', page('a'));
		cache.set('v', '/b', page('b'));
		cache.get('v', '/a');
		cache.set('v', '/c', page('c'));
		expect(cache.get('v', '/b')).toBeUndefined();
		expect(cache.get('v', '/a')).toBeDefined();
		const small = new PageCache({ maxEntries: 100, maxBytes: 50 });
		for (const url of ['/1', '/2', '/3']) small.set('v', url, page('x'.repeat(20)));
		expect(small.stats().bytes).toBeLessThanOrEqual(50);
		small.set('v', '/huge', page('x'.repeat(100)));
		expect(small.get('v', '/huge')).toBeUndefined();
	});

	it('ties ETags to build, version and URL and matches If-None-Match lists', () => {
		const etag = pageEtag('b', '1.0', '/kommune/0751');
		expect(etag).toMatch(/^"[\w-]{27}"$/);
		expect(pageEtag('b', '2.0', '/kommune/0751')).not.toBe(etag);
		expect(pageEtag('b', '1.0', '/kommune/0101')).not.toBe(etag);
		expect(matchingEtag(`"x", W/${etag}`, etag)).toBe(etag);
		expect(matchingEtag(gzipEtag(etag), etag)).toBe(gzipEtag(etag));
		expect(matchingEtag('*', etag)).toBe(etag);
		expect(matchingEtag('"other"', etag)).toBeNull();
		expect(matchingEtag(null, etag)).toBeNull();
	});

	it('compresses text bodies and honours Accept-Encoding', () => {
		const html = new TextEncoder().encode('<p>plejeoverblik</p>'.repeat(200));
		const gzip = compressBody('text/html; charset=utf-8', html)!;
		expect(gunzipSync(gzip).toString()).toBe(new TextDecoder().decode(html));
		expect(compressBody('image/png', html)).toBeNull();
		expect(compressBody('text/html', new Uint8Array(10))).toBeNull();
		expect(acceptsGzip('gzip, deflate, br')).toBe(true);
		expect(acceptsGzip('br;q=1, gzip;q=0')).toBe(false);
		expect(acceptsGzip(null)).toBe(false);
	});
});

describe('cache policy', () => {
	const request = (path: string, init: RequestInit = {}) => {
		const url = new URL(`http://localhost${path}`);
		return [new Request(url, init), url] as const;
	};

	it('caches public GET pages but not editors, other methods or unknown paths', () => {
		expect(isCacheableRequest(...request('/sted/100011000016001'))).toBe(true);
		expect(isCacheableRequest(...request('/soeg?q=aarhus'))).toBe(true);
		expect(isCacheableRequest(...request('/sted/1', { method: 'POST' }))).toBe(false);
		expect(isCacheableRequest(...request('/sted/1', { headers: { cookie: 's=1' } }))).toBe(false);
		expect(isCacheableRequest(...request('/redaktion'))).toBe(false);
		expect(isCacheableRequest(...request(`/soeg?q=${'x'.repeat(400)}`))).toBe(false);
	});

	it('stores only plain 200 responses without cookies or no-store', () => {
		expect(isStorableResponse(new Response('x'))).toBe(true);
		expect(isStorableResponse(new Response('x', { status: 404 }))).toBe(false);
		expect(isStorableResponse(new Response('x', { headers: { 'set-cookie': 'a=b' } }))).toBe(false);
		expect(
			isStorableResponse(new Response('x', { headers: { 'cache-control': 'no-store' } })),
		).toBe(false);
	});
});

describe('security headers', () => {
	it('forbids inline script and style, framing and foreign sources', () => {
		const csp = contentSecurityPolicy(null);
		expect(csp).toContain("script-src 'self'");
		expect(csp).toContain("style-src 'self'");
		expect(csp).toContain("frame-ancestors 'none'");
		expect(csp).not.toContain('unsafe-inline');
		expect(contentSecurityPolicy('https://tile.openstreetmap.org')).toContain(
			"img-src 'self' https://tile.openstreetmap.org data:",
		);
		const names = securityHeaders(null).map(([name]) => name);
		expect(names).toEqual(
			expect.arrayContaining([
				'Content-Security-Policy',
				'X-Content-Type-Options',
				'Referrer-Policy',
			]),
		);
	});

	it('sets headers even on responses with immutable headers', () => {
		const redirect = withSecurityHeaders(
			Response.redirect('http://localhost/x', 301),
			securityHeaders(null),
		);
		expect(redirect.headers.get('x-content-type-options')).toBe('nosniff');
		expect(redirect.status).toBe(301);
	});
});

describe('configuration and data version', () => {
	it('reads the tile server from the environment and refuses unsafe values', () => {
		expect(loadMapConfig({})).toEqual({
			tileUrl: '',
			attribution: '',
			attributionUrl: null,
			tileOrigin: null,
		});
		expect(
			loadMapConfig({
				MAP_TILE_URL: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
				MAP_TILE_ATTRIBUTION: '© OpenStreetMap-bidragydere',
			}).tileOrigin,
		).toBe('https://tile.openstreetmap.org');
		expect(() =>
			loadMapConfig({ MAP_TILE_URL: 'http://x/{z}/{x}/{y}.png', MAP_TILE_ATTRIBUTION: 'x' }),
		).toThrow(/MAP_TILE_URL/);
		expect(() => loadMapConfig({ MAP_TILE_URL: 'https://x/{z}/{x}/{y}.png' })).toThrow(
			/ATTRIBUTION/,
		);
	});

	it('changes version when an import lands or an editor bumps it', () => {
		let run = 3;
		const version = new DataVersion({ importVersion: () => run });
		expect(version.current()).toBe('3.0');
		run = 4;
		expect(version.current()).toBe('4.0');
		version.bump();
		expect(version.current()).toBe('4.1');
	});

	it('remembers the import version for the TTL, and bumps at once', () => {
		let run = 1;
		let now = 0;
		const version = new DataVersion({ importVersion: () => run }, { ttlMs: 100, now: () => now });
		expect(version.current()).toBe('1.0');
		run = 2;
		now = 99;
		expect(version.current()).toBe('1.0');
		version.bump();
		expect(version.current()).toBe('1.1');
		now = 100;
		expect(version.current()).toBe('2.1');
	});
});
