import type { InvalidParam } from '../../../domain/open-data/query';
import type { ListLinks, Problem } from '../../../domain/open-data/schemas';
import { PUBLIC_CACHE_CONTROL } from '../../http/cache-policy';
import {
	acceptsGzip,
	compressBody,
	matchingEtag,
	pageEtag,
	PageCache,
	type CachedPage,
} from '../../http/page-cache';
import { buildAnswer, type CacheAnswer, type CacheRequest } from '../../http/public-cache';

/** One API request as the handlers see it (what Astro's context holds). */
export interface ApiRequest {
	url: URL;
	request: Request;
	params: Record<string, string | undefined>;
}

/** A successful representation a handler produces. */
export interface Representation {
	body: string;
	contentType: string;
	/** ISO timestamp of when the data in it last changed, or null when unknown. */
	lastModified: string | null;
	/** Offered file name for downloads (`Content-Disposition: attachment`). */
	filename?: string;
	/** Paging links, also sent as an RFC 8288 `Link` header. */
	links?: ListLinks;
}

/** The data version and modification time every API response is tied to. */
export interface ApiDataState {
	/** Changes whenever anything an API response could contain changes. */
	version(): string;
	/** When the data last changed (latest import or reported-content edit), ISO, or null. */
	modified(): string | null;
}

/** Cross-origin reads are the point of open data: any site may call the API from a browser. */
const CORS_HEADERS: [string, string][] = [
	['Access-Control-Allow-Origin', '*'],
	['Access-Control-Expose-Headers', 'ETag, Last-Modified, Link, Content-Disposition'],
];
const ALLOWED_METHODS = 'GET, HEAD, OPTIONS';
const ALLOWED_REQUEST_HEADERS = 'Accept, Accept-Language, If-None-Match, If-Modified-Since';
// Headers of a representation worth keeping in the cache and replaying.
const KEPT_HEADERS = ['content-type', 'last-modified', 'content-disposition', 'link'];

/**
 * Turns handler results into HTTP: conditional requests (ETag and Last-Modified), gzip, CORS and
 * an in-memory cache keyed by data version and URL (the site's page-cache helpers, reused), so a
 * repeated request costs no query and no serialisation until the data changes.
 */
export class ApiResponder {
	constructor(
		private readonly state: ApiDataState,
		private readonly cache: PageCache,
		/** Changes with every deployment, so a new build never answers 304 for an old body. */
		private readonly buildId: string,
	) {}

	private readonly answers = new WeakMap<CachedPage, [CacheAnswer?, CacheAnswer?]>();

	/**
	 * The cached answer to a GET or HEAD, or null on a miss. Only valid requests are ever stored,
	 * so a hit needs no routing or validation: the cheapest path for repeated requests. The node:http
	 * fast path asks this too, so hits need not enter Astro at all.
	 */
	cachedAnswer(request: CacheRequest): CacheAnswer | null {
		if (request.method !== 'GET' && request.method !== 'HEAD') return null;
		const page = this.cache.get(this.state.version(), request.url.pathname + request.url.search);
		return page ? this.answer(request, page) : null;
	}

	/** {@link cachedAnswer} as a Response, for Astro's middleware. */
	fromCache(api: ApiRequest): Response | null {
		const answer = this.cachedAnswer(cacheRequest(api));
		return answer ? toResponse(answer) : null;
	}

	/** Answers a GET (or HEAD) with the representation `produce` builds, or its error response. */
	respond(api: ApiRequest, produce: () => Representation | Response): Response {
		const version = this.state.version();
		const key = api.url.pathname + api.url.search;
		let page = this.cache.get(version, key);
		if (!page) {
			// A client may hold the ETag from before a restart emptied the cache.
			const etag = pageEtag(this.buildId, version, `api\n${key}`);
			const matched = matchingEtag(api.request.headers.get('if-none-match'), etag);
			if (matched) return toResponse(notModified(matched, undefined));
			const produced = produce();
			if (produced instanceof Response) return withCors(produced);
			page = this.store(version, key, etag, produced);
		}
		return toResponse(this.answer(cacheRequest(api), page));
	}

	private answer(request: CacheRequest, page: CachedPage): CacheAnswer {
		const matched = matchingEtag(request.header('if-none-match'), page.etag);
		if (matched) return notModified(matched, page.headers);
		if (unmodifiedSince(request, page)) return notModified(page.etag, page.headers);
		const zipped = acceptsGzip(request.header('accept-encoding')) && page.gzip !== null;
		// Built once per cached page and encoding, so a hit allocates almost nothing.
		let variants = this.answers.get(page);
		if (!variants) {
			variants = [];
			this.answers.set(page, variants);
		}
		const answer = (variants[zipped ? 1 : 0] ??= buildAnswer(page, zipped, CORS_HEADERS));
		return request.method === 'HEAD' ? { ...answer, body: null } : answer;
	}

	/** A problem response (RFC 9457) naming what was wrong. */
	problem(
		api: ApiRequest,
		status: 400 | 404 | 405 | 410,
		detail: string,
		invalidParams?: InvalidParam[],
	): Response {
		const titles = {
			400: 'Ugyldig forespørgsel',
			404: 'Ikke fundet',
			405: 'Metoden understøttes ikke',
			410: 'Trukket tilbage',
		};
		const types = {
			400: '/data#fejl-ugyldig-parameter',
			404: '/data#fejl-ikke-fundet',
			405: '/data#fejl-metode',
			410: '/data#fejl-trukket-tilbage',
		};
		const body: Problem = {
			type: types[status],
			title: titles[status],
			status,
			detail,
			instance: api.url.pathname + api.url.search,
			...(invalidParams ? { invalidParams } : {}),
		};
		const headers = new Headers({
			'Content-Type': 'application/problem+json; charset=utf-8',
			// Errors depend on the data too (an id may appear with the next import): revalidate.
			'Cache-Control': 'no-cache',
		});
		if (status === 405) headers.set('Allow', ALLOWED_METHODS);
		return withCors(new Response(JSON.stringify(body), { status, headers }));
	}

	/** A 400 for refused query parameters, naming each one. */
	invalidQuery(api: ApiRequest, invalid: InvalidParam[]): Response {
		const names = [...new Set(invalid.map((param) => param.name))];
		const detail =
			names.length === 1
				? `Parameteren «${names[0]}» ${invalid[0]!.reason}.`
				: `Disse parametre er ugyldige: ${names.map((name) => `«${name}»`).join(', ')}.`;
		return this.problem(api, 400, detail, invalid);
	}

	/** The answer to a CORS preflight (OPTIONS). */
	preflight(): Response {
		const headers = new Headers(CORS_HEADERS);
		headers.set('Access-Control-Allow-Methods', ALLOWED_METHODS);
		headers.set('Access-Control-Allow-Headers', ALLOWED_REQUEST_HEADERS);
		headers.set('Access-Control-Max-Age', '86400');
		headers.set('Allow', ALLOWED_METHODS);
		return new Response(null, { status: 204, headers });
	}

	private store(version: string, key: string, etag: string, r: Representation): CachedPage {
		const body = new TextEncoder().encode(r.body) as Uint8Array<ArrayBuffer>;
		const headers: [string, string][] = [['content-type', r.contentType]];
		if (r.lastModified) headers.push(['last-modified', new Date(r.lastModified).toUTCString()]);
		if (r.filename) headers.push(['content-disposition', `attachment; filename="${r.filename}"`]);
		if (r.links) headers.push(['link', linkHeader(r.links)]);
		const page: CachedPage = {
			status: 200,
			headers: headers.filter(([name]) => KEPT_HEADERS.includes(name)),
			body,
			gzip: compressBody(r.contentType, body),
			etag,
		};
		this.cache.set(version, key, page);
		return page;
	}
}

/** What the caches need to know about an API request. */
function cacheRequest(api: ApiRequest): CacheRequest {
	return {
		method: api.request.method,
		url: api.url,
		header: (name) => api.request.headers.get(name),
	};
}

/** A cache answer as a Response for Astro. */
function toResponse(answer: CacheAnswer): Response {
	return new Response(answer.body === null ? null : singleChunkStream(answer.body), {
		status: answer.status,
		headers: answer.headers,
	});
}

/** RFC 9110 §13.1.3: If-Modified-Since counts only when there is no If-None-Match. */
function unmodifiedSince(request: CacheRequest, page: CachedPage): boolean {
	if (request.header('if-none-match') !== null) return false;
	const since = Date.parse(request.header('if-modified-since') ?? '');
	const modified = page.headers.find(([name]) => name === 'last-modified')?.[1];
	if (Number.isNaN(since) || !modified) return false;
	return since >= Date.parse(modified);
}

function notModified(etag: string, kept: [string, string][] | undefined): CacheAnswer {
	const headers: [string, string][] = [
		...CORS_HEADERS,
		['ETag', etag],
		['Cache-Control', PUBLIC_CACHE_CONTROL],
		['Vary', 'Accept-Encoding'],
	];
	const modified = kept?.find(([name]) => name === 'last-modified')?.[1];
	if (modified) headers.push(['Last-Modified', modified]);
	return { status: 304, headers, body: null };
}

/**
 * The cached bytes as a one-chunk stream. Given a Uint8Array, undici's Response copies it on every
 * construction, which made a cached 130 KB list cost milliseconds; a stream is passed through.
 * The cached array is never written to, so sharing it between responses is safe.
 */
function singleChunkStream(body: Uint8Array<ArrayBuffer>): ReadableStream<Uint8Array> {
	return new ReadableStream({
		start(controller) {
			controller.enqueue(body);
			controller.close();
		},
	});
}

function withCors(response: Response): Response {
	for (const [name, value] of CORS_HEADERS) response.headers.set(name, value);
	return response;
}

function linkHeader(links: ListLinks): string {
	const parts = [`<${links.first}>; rel="first"`, `<${links.last}>; rel="last"`];
	if (links.prev) parts.push(`<${links.prev}>; rel="prev"`);
	if (links.next) parts.push(`<${links.next}>; rel="next"`);
	return parts.join(', ');
}
