/**
 * Which responses the public page cache may keep. Public pages change only when an import or an
 * edit lands, so they are cached by URL and data version (see page-cache.ts); anything personal or
 * time-dependent must stay out.
 */

/** Paths of public, data-version-only pages. Extend this list for new public page families. */
export const CACHEABLE_PATHS: readonly RegExp[] = [
	/^\/$/,
	/^\/kommuner\/?$/,
	/^\/kommune\/\d{4}\/?$/,
	/^\/leverandoer\/[a-z]+-[0-9A-Za-z]{1,20}\/?$/,
	/^\/sted\/\d{1,18}\/?$/,
	/^\/soeg\/?$/,
	/^\/naer\/?$/,
	/^\/om\/?$/,
	/^\/privatliv\/?$/,
	/^\/kort\/steder\.geojson$/,
];

/** Longest URL (path and query) worth caching; longer ones are rendered every time. */
export const MAX_CACHED_URL_LENGTH = 300;

/** `Cache-Control` for public pages: shared caches may keep them briefly, then revalidate by ETag. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=60';

/**
 * True when a request may be answered from, and stored in, the page cache. Public pages set no
 * cookies, so a request carrying one (an editor's session) is rendered for that person alone.
 */
export function requestIsCacheable(
	method: string,
	url: URL,
	header: (name: string) => string | null,
): boolean {
	if (method !== 'GET' && method !== 'HEAD') return false;
	if (header('cookie') !== null || header('authorization') !== null) return false;
	if (url.pathname.length + url.search.length > MAX_CACHED_URL_LENGTH) return false;
	return CACHEABLE_PATHS.some((pattern) => pattern.test(url.pathname));
}

/** `requestIsCacheable` for a Fetch API request. */
export function isCacheableRequest(request: Request, url: URL): boolean {
	return requestIsCacheable(request.method, url, (name) => request.headers.get(name));
}

/** True when a rendered response may be stored: a plain 200 that sets no cookie. */
export function isStorableResponse(response: Response): boolean {
	if (response.status !== 200) return false;
	if (response.headers.has('set-cookie')) return false;
	const cacheControl = response.headers.get('cache-control') ?? '';
	return !/no-store|private/i.test(cacheControl);
}
