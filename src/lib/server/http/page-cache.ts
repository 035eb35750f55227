import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

/** A rendered response kept in memory: status, the headers worth keeping, body and its ETag. */
export interface CachedPage {
	status: number;
	headers: [string, string][];
	body: Uint8Array<ArrayBuffer>;
	/** The body gzip-compressed, when it is text worth compressing. */
	gzip: Uint8Array<ArrayBuffer> | null;
	etag: string;
}

/** Limits that keep the cache's memory bounded. */
export interface PageCacheLimits {
	maxEntries: number;
	maxBytes: number;
}

/**
 * An LRU cache of rendered public pages keyed by URL, valid for one data version. When the data
 * version changes every entry is dropped at once, so a page is never served from older data.
 */
export class PageCache {
	private readonly entries = new Map<string, CachedPage>();
	private bytes = 0;
	private version: string | null = null;

	constructor(private readonly limits: PageCacheLimits) {}

	/** The cached page for a URL at this data version, marked most recently used. */
	get(version: string, url: string): CachedPage | undefined {
		if (version !== this.version) return undefined;
		const page = this.entries.get(url);
		if (page) {
			// Map keeps insertion order: re-inserting makes this the most recently used entry.
			this.entries.delete(url);
			this.entries.set(url, page);
		}
		return page;
	}

	/** Stores a page for a URL at this data version, evicting the least recently used as needed. */
	set(version: string, url: string, page: CachedPage): void {
		if (version !== this.version) this.clear(version);
		const size = sizeOf(page, url);
		if (size > this.limits.maxBytes) return;
		const previous = this.entries.get(url);
		if (previous) {
			this.bytes -= sizeOf(previous, url);
			this.entries.delete(url);
		}
		this.entries.set(url, page);
		this.bytes += size;
		while (this.entries.size > this.limits.maxEntries || this.bytes > this.limits.maxBytes) {
			const [oldestUrl, oldest] = this.entries.entries().next().value as [string, CachedPage];
			this.entries.delete(oldestUrl);
			this.bytes -= sizeOf(oldest, oldestUrl);
		}
	}

	/** Drops every entry (and remembers the version the cache now holds). */
	clear(version: string | null = null): void {
		this.entries.clear();
		this.bytes = 0;
		this.version = version;
	}

	/** Number of cached pages and their total size, for tests and monitoring. */
	stats(): { entries: number; bytes: number; version: string | null } {
		return { entries: this.entries.size, bytes: this.bytes, version: this.version };
	}
}

function sizeOf(page: CachedPage, url: string): number {
	return page.body.byteLength + (page.gzip?.byteLength ?? 0) + url.length;
}

const COMPRESSIBLE = /^(text\/|application\/(geo\+)?json)/;
const MIN_COMPRESS_BYTES = 1024;

/** The gzip form of a text body worth compressing, or null (small or binary bodies). */
export function compressBody(
	contentType: string | null,
	body: Uint8Array<ArrayBuffer>,
): Uint8Array<ArrayBuffer> | null {
	if (body.byteLength < MIN_COMPRESS_BYTES || !COMPRESSIBLE.test(contentType ?? '')) return null;
	return new Uint8Array(gzipSync(body, { level: 6 }));
}

/** True when the client accepts gzip (and does not refuse it with q=0). */
export function acceptsGzip(acceptEncoding: string | null): boolean {
	if (!acceptEncoding) return false;
	// The common browser header ("gzip, deflate, br, zstd") needs no parsing.
	if (acceptEncoding.includes('gzip') && !acceptEncoding.includes('q=')) return true;
	return acceptEncoding.split(',').some((part) => {
		const [name, ...params] = part.trim().toLowerCase().split(';');
		if (name !== 'gzip' && name !== '*') return false;
		const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		return q === undefined || Number(q.slice(2)) > 0;
	});
}

/** The ETag of the gzip variant: a different representation needs a different strong ETag. */
export function gzipEtag(etag: string): string {
	return etag.replace(/"$/, '-gz"');
}

/** A strong ETag tied to the code build, the data version and the URL. */
export function pageEtag(buildId: string, version: string, url: string): string {
	const hash = createHash('sha1').update(`${buildId}\n${version}\n${url}`).digest('base64url');
	return `"${hash.slice(0, 27)}"`;
}

/**
 * The representation's ETag that an If-None-Match header names (weak comparison, lists and `*`),
 * or null. Either representation validates: both come from the same page at the same version.
 */
export function matchingEtag(ifNoneMatch: string | null, etag: string): string | null {
	if (!ifNoneMatch) return null;
	if (ifNoneMatch.trim() === '*') return etag;
	const candidates = ifNoneMatch
		.split(',')
		.map((candidate) => candidate.trim().replace(/^W\//, ''));
	for (const tag of [etag, gzipEtag(etag)]) if (candidates.includes(tag)) return tag;
	return null;
}
