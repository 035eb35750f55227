import { isStorableResponse, PUBLIC_CACHE_CONTROL, requestIsCacheable } from './cache-policy';
import {
	acceptsGzip,
	compressBody,
	gzipEtag,
	matchingEtag,
	PageCache,
	pageEtag,
	type CachedPage,
	type PageCacheLimits,
} from './page-cache';

/** What the cache needs to know about a request, from Astro's Request or from node:http. */
export interface CacheRequest {
	method: string;
	url: URL;
	header(name: string): string | null;
}

/** A ready answer: status, headers (without the security headers) and body. */
export interface CacheAnswer {
	status: number;
	headers: [string, string][];
	body: Uint8Array<ArrayBuffer> | null;
}

/** How to handle a request: not cacheable, answered from memory, or rendered then stored. */
export type CacheDecision =
	| { kind: 'bypass' }
	| { kind: 'answer'; answer: CacheAnswer }
	| { kind: 'render'; version: string; key: string; etag: string; gzip: boolean; head: boolean };

// Headers of a rendered page worth replaying from the cache.
const KEPT_HEADERS = ['content-type', 'content-language'];

/**
 * The public page cache: pages keyed by URL and data version, ETags of both, 304 for a matching
 * If-None-Match, gzip for clients that take it. Shared by the Astro middleware (which renders and
 * stores) and the node:http fast path (which answers hits without entering Astro).
 */
export class PublicPageCache {
	private readonly pages: PageCache;
	// Answers are built once per cached page and encoding, so a hit allocates almost nothing.
	private readonly answers = new WeakMap<CachedPage, [CacheAnswer?, CacheAnswer?]>();

	constructor(
		private readonly dataVersion: () => string,
		private readonly buildId: string,
		limits: PageCacheLimits,
	) {
		this.pages = new PageCache(limits);
	}

	/** Decides how to serve a request; `onlyHits` returns bypass instead of render on a miss. */
	decide(request: CacheRequest, onlyHits = false): CacheDecision {
		if (!requestIsCacheable(request.method, request.url, request.header)) return { kind: 'bypass' };
		const version = this.dataVersion();
		const key = request.url.pathname + request.url.search;
		const cached = this.pages.get(version, key);
		if (!cached && onlyHits) return { kind: 'bypass' };
		const etag = cached?.etag ?? pageEtag(this.buildId, version, key);
		const matched = matchingEtag(request.header('if-none-match'), etag);
		if (matched) {
			return {
				kind: 'answer',
				answer: {
					status: 304,
					headers: [
						['ETag', matched],
						['Cache-Control', PUBLIC_CACHE_CONTROL],
						['Vary', 'Accept-Encoding'],
					],
					body: null,
				},
			};
		}
		const gzip = acceptsGzip(request.header('accept-encoding'));
		const head = request.method === 'HEAD';
		if (cached) return { kind: 'answer', answer: this.replay(cached, gzip, head) };
		return { kind: 'render', version, key, etag, gzip, head };
	}

	/** Stores a freshly rendered response when it may be cached, and returns what to send. */
	async store(
		decision: Extract<CacheDecision, { kind: 'render' }>,
		response: Response,
	): Promise<CacheAnswer | null> {
		if (!isStorableResponse(response)) return null;
		const body = new Uint8Array(await response.arrayBuffer());
		const page: CachedPage = {
			status: response.status,
			headers: KEPT_HEADERS.flatMap((name): [string, string][] => {
				const value = response.headers.get(name);
				return value === null ? [] : [[name, value]];
			}),
			body,
			gzip: compressBody(response.headers.get('content-type'), body),
			etag: decision.etag,
		};
		this.pages.set(decision.version, decision.key, page);
		return this.replay(page, decision.gzip, decision.head);
	}

	private replay(page: CachedPage, gzip: boolean, head: boolean): CacheAnswer {
		const zipped = gzip && page.gzip !== null;
		let variants = this.answers.get(page);
		if (!variants) {
			variants = [];
			this.answers.set(page, variants);
		}
		const answer = (variants[zipped ? 1 : 0] ??= buildAnswer(page, zipped));
		return head ? { ...answer, body: null } : answer;
	}

	/** Size of the cache, for tests and monitoring. */
	stats(): ReturnType<PageCache['stats']> {
		return this.pages.stats();
	}
}

/** The 200 answer for a cached page, gzipped or not; `extra` headers are appended (e.g. CORS). */
export function buildAnswer(
	page: CachedPage,
	zipped: boolean,
	extra: readonly [string, string][] = [],
): CacheAnswer {
	const body = zipped ? page.gzip! : page.body;
	const headers: [string, string][] = [
		...page.headers,
		...extra,
		['ETag', zipped ? gzipEtag(page.etag) : page.etag],
		['Cache-Control', PUBLIC_CACHE_CONTROL],
		['Content-Length', String(body.byteLength)],
	];
	if (page.gzip) headers.push(['Vary', 'Accept-Encoding']);
	if (zipped) headers.push(['Content-Encoding', 'gzip']);
	return { status: page.status, headers, body };
}
