/**
 * The change feed's position. Events come from four append-only tables (SOR history and the version
 * tables of inspections, surveys and staff reports), each with an AUTOINCREMENT id. SQLite has one
 * writer at a time and a reader sees only committed transactions, so within one table a reader
 * never sees id n+1 while id n is still to come: the highest id read from a table is a safe
 * high-water mark. The cursor is one such mark per table. A page takes a *prefix* of each table
 * (in id order) and the cursor moves each mark to the last id taken, so no event is skipped or
 * repeated, however inserts interleave with reads.
 */

/** The tables the feed reads, in tie-break order. */
export const FEED_SOURCES = ['sor', 'inspection', 'survey', 'staff'] as const;
/** One of the feed's source tables. */
export type FeedSource = (typeof FEED_SOURCES)[number];

/** The last id consumed from each source (0 = nothing yet). */
export type FeedPosition = Record<FeedSource, number>;

/** The start of the feed. */
export const FEED_START: FeedPosition = { sor: 0, inspection: 0, survey: 0, staff: 0 };

const PREFIX = 'c1';

/** Encodes a position as an opaque, URL-safe token (clients should only echo it back). */
export function encodeCursor(position: FeedPosition): string {
	const text = FEED_SOURCES.map((source) => position[source].toString(36)).join('.');
	return `${PREFIX}${Buffer.from(text, 'utf8').toString('base64url')}`;
}

/** Decodes a token from `encodeCursor`, or null when it is not one. */
export function decodeCursor(token: string): FeedPosition | null {
	if (!token.startsWith(PREFIX) || !/^[A-Za-z0-9_-]+$/.test(token.slice(PREFIX.length))) {
		return null;
	}
	const parts = Buffer.from(token.slice(PREFIX.length), 'base64url').toString('utf8').split('.');
	if (
		parts.length !== FEED_SOURCES.length ||
		!parts.every((part) => /^[0-9a-z]{1,12}$/.test(part))
	) {
		return null;
	}
	const position = { ...FEED_START };
	FEED_SOURCES.forEach((source, i) => {
		position[source] = parseInt(parts[i]!, 36);
	});
	return FEED_SOURCES.every((source) => Number.isSafeInteger(position[source])) ? position : null;
}

/** A feed row as the merge needs it. */
export interface FeedRow {
	source: FeedSource;
	id: number;
	/** ISO timestamp of when the change entered the register. */
	recordedAt: string;
}

/** The result of merging one page. */
export interface MergedPage<T> {
	items: T[];
	next: FeedPosition;
	hasMore: boolean;
}

/**
 * Merges the sources into one page of at most `limit` events, roughly in time order: repeatedly
 * takes the head with the earliest (recordedAt, source, id). Each source is consumed strictly in
 * id order (only its head is ever a candidate), which is what makes the per-source cursor exact.
 *
 * `streams` must hold, per source, rows with id > `from[source]` in ascending id order, fetched
 * with a limit of at least `limit + 1` so `hasMore` can tell whether anything is left.
 */
export function mergeFeedPage<T extends FeedRow>(
	streams: Record<FeedSource, readonly T[]>,
	from: FeedPosition,
	limit: number,
): MergedPage<T> {
	const heads = Object.fromEntries(FEED_SOURCES.map((s) => [s, 0])) as Record<FeedSource, number>;
	const next = { ...from };
	const items: T[] = [];
	while (items.length < limit) {
		let best: T | null = null;
		for (const source of FEED_SOURCES) {
			const candidate = streams[source][heads[source]];
			if (candidate && (best === null || before(candidate, best))) best = candidate;
		}
		if (best === null) break;
		items.push(best);
		heads[best.source]++;
		next[best.source] = best.id;
	}
	const hasMore = FEED_SOURCES.some((source) => heads[source] < streams[source].length);
	return { items, next, hasMore };
}

function before(a: FeedRow, b: FeedRow): boolean {
	if (a.recordedAt !== b.recordedAt) return a.recordedAt < b.recordedAt;
	if (a.source !== b.source) return FEED_SOURCES.indexOf(a.source) < FEED_SOURCES.indexOf(b.source);
	return a.id < b.id;
}

/** Newest first: the latest `limit` rows over all sources (for Atom feeds, which show the latest). */
export function latestRows<T extends FeedRow>(rows: readonly T[], limit: number): T[] {
	return [...rows].sort((a, b) => (before(a, b) ? 1 : before(b, a) ? -1 : 0)).slice(0, limit);
}
