import { describe, expect, it } from 'vitest';
import {
	decodeCursor,
	encodeCursor,
	FEED_SOURCES,
	FEED_START,
	latestRows,
	mergeFeedPage,
	type FeedPosition,
	type FeedRow,
	type FeedSource,
} from '../../../src/lib/domain/open-data/feed-cursor';

describe('cursor', () => {
	it('round-trips and is opaque and URL-safe', () => {
		const position: FeedPosition = { sor: 123456, inspection: 0, survey: 7, staff: 2 ** 40 };
		const token = encodeCursor(position);
		expect(token).toMatch(/^c1[A-Za-z0-9_-]+$/);
		expect(decodeCursor(token)).toEqual(position);
		expect(decodeCursor(encodeCursor(FEED_START))).toEqual(FEED_START);
	});

	it.each([
		'',
		'c1',
		'c1!!',
		'x1abc',
		`c1${Buffer.from('1.2.3').toString('base64url')}`,
		`c1${Buffer.from('1.2.3.-4').toString('base64url')}`,
	])('refuses %j', (token) => {
		expect(decodeCursor(token)).toBeNull();
	});
});

/** A simulated append-only source: rows get increasing ids and (not necessarily ordered) times. */
class Tables {
	rows: Record<FeedSource, FeedRow[]> = { sor: [], inspection: [], survey: [], staff: [] };
	private nextId: Record<FeedSource, number> = { sor: 1, inspection: 1, survey: 1, staff: 1 };

	insert(source: FeedSource, recordedAt: string): FeedRow {
		const row = { source, id: this.nextId[source]++, recordedAt };
		this.rows[source].push(row);
		return row;
	}

	/** What the repository does: rows with id > position, ascending, limited. */
	read(from: FeedPosition, limit: number): Record<FeedSource, FeedRow[]> {
		return Object.fromEntries(
			FEED_SOURCES.map((s) => [s, this.rows[s].filter((r) => r.id > from[s]).slice(0, limit)]),
		) as Record<FeedSource, FeedRow[]>;
	}
}

// A small deterministic PRNG (mulberry32), so a failure can be replayed.
function random(seed: number): () => number {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

describe('mergeFeedPage', () => {
	it('orders by time, then source, then id, and says whether more is waiting', () => {
		const t = new Tables();
		t.insert('survey', '2026-01-01T00:00:02Z');
		t.insert('sor', '2026-01-01T00:00:03Z');
		t.insert('inspection', '2026-01-01T00:00:02Z');
		t.insert('sor', '2026-01-01T00:00:01Z');
		const page = mergeFeedPage(t.read(FEED_START, 3), FEED_START, 3);
		// Source order: a sor row that is "earlier" but has a higher id waits behind its predecessor.
		expect(page.items.map((r) => `${r.source}${r.id}`)).toEqual(['inspection1', 'survey1', 'sor1']);
		expect(page.next).toEqual({ sor: 1, inspection: 1, survey: 1, staff: 0 });
		expect(page.hasMore).toBe(true);
		const rest = mergeFeedPage(t.read(page.next, 3), page.next, 3);
		expect(rest.items.map((r) => `${r.source}${r.id}`)).toEqual(['sor2']);
		expect(rest.hasMore).toBe(false);
	});

	it('an empty page keeps the position', () => {
		const page = mergeFeedPage(new Tables().read(FEED_START, 5), FEED_START, 5);
		expect(page).toEqual({ items: [], next: FEED_START, hasMore: false });
	});

	it.each([1, 2, 3, 4, 5])(
		'neither skips nor repeats while rows are inserted between pages (seed %i)',
		(seed) => {
			const rnd = random(seed);
			const t = new Tables();
			const clock = { now: Date.parse('2026-01-01T00:00:00Z') };
			const insertSome = () => {
				const n = Math.floor(rnd() * 4);
				for (let i = 0; i < n; i++) {
					const source = FEED_SOURCES[Math.floor(rnd() * FEED_SOURCES.length)]!;
					// Times jitter backwards too: the merge must not rely on time order within a table.
					clock.now += Math.floor(rnd() * 5000) - 1000;
					t.insert(source, new Date(clock.now).toISOString());
				}
			};
			for (let i = 0; i < 10; i++) insertSome();
			const seen: string[] = [];
			let position = FEED_START;
			for (let round = 0; round < 200; round++) {
				const limit = 1 + Math.floor(rnd() * 4);
				const page = mergeFeedPage(t.read(position, limit + 1), position, limit);
				seen.push(...page.items.map((r) => `${r.source}:${r.id}`));
				position = page.next;
				if (round < 60) insertSome();
				else if (!page.hasMore) break;
			}
			const all = FEED_SOURCES.flatMap((s) => t.rows[s].map((r) => `${s}:${r.id}`));
			expect(new Set(seen).size).toBe(seen.length);
			expect([...seen].sort()).toEqual([...all].sort());
			for (const source of FEED_SOURCES) {
				const ids = seen
					.filter((k) => k.startsWith(`${source}:`))
					.map((k) => Number(k.split(':')[1]));
				expect(ids).toEqual([...ids].sort((a, b) => a - b));
			}
		},
	);
});

describe('latestRows', () => {
	it('takes the newest rows over all sources', () => {
		const rows: FeedRow[] = [
			{ source: 'sor', id: 1, recordedAt: '2026-01-01T00:00:01Z' },
			{ source: 'staff', id: 9, recordedAt: '2026-01-01T00:00:05Z' },
			{ source: 'survey', id: 2, recordedAt: '2026-01-01T00:00:03Z' },
		];
		expect(latestRows(rows, 2).map((r) => r.source)).toEqual(['staff', 'survey']);
	});
});
