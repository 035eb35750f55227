import { z } from 'zod';
import { atomXml, tagUri, type AtomEntry } from '../../../domain/open-data/atom';
import {
	inspectionChange,
	inspectionTransitions,
	reportChange,
	sorChange,
	type EventRow,
	type InspectionEventRow,
} from '../../../domain/open-data/change-events';
import {
	decodeCursor,
	encodeCursor,
	FEED_SOURCES,
	FEED_START,
	latestRows,
	mergeFeedPage,
	type FeedPosition,
	type FeedSource,
} from '../../../domain/open-data/feed-cursor';
import type { InvalidParam } from '../../../domain/open-data/query';
import type { ChangeItem, ChangesPage, ChangesQuery } from '../../../domain/open-data/schemas';
import { describeHistoryEvent, type HistoryNames } from '../../../domain/public/history';
import type {
	FeedFilter,
	OpenDataFeedRepository,
} from '../../repositories/open-data-feed-repository';
import type { OpenDataReportingRepository } from '../../repositories/open-data-reporting-repository';

/** How many of the latest events an Atom feed carries. */
export const ATOM_ENTRIES = 50;

/** What an Atom feed is about. */
export interface AtomScope {
	filter: FeedFilter;
	title: string;
	/** Root-relative path of the feed itself and of the web page it belongs to. */
	selfPath: string;
	htmlPath: string;
}

const moment = z.union([z.string().date(), z.string().datetime({ offset: true })]);

/**
 * The change feed (GET /changes, paged by an exact cursor) and the Atom feeds per kommune,
 * provider and locality (the latest events), built from the same event rows.
 */
export class ChangeFeedService {
	constructor(
		private readonly feed: OpenDataFeedRepository,
		private readonly reporting: OpenDataReportingRepository,
		private readonly names: HistoryNames,
		private readonly modified: () => string | null,
	) {}

	/** One page of changes after `since`, or the refused parameter. */
	page(
		query: ChangesQuery,
		params: URLSearchParams,
	): { ok: true; page: ChangesPage } | { ok: false; invalid: InvalidParam[] } {
		const from = this.startPosition(query.since);
		if (!from) {
			return {
				ok: false,
				invalid: [
					{
						name: 'since',
						reason:
							'skal være værdien next.since fra et tidligere svar eller et tidspunkt (ÅÅÅÅ-MM-DD eller ÅÅÅÅ-MM-DDTtt:mm:ssZ)',
					},
				],
			};
		}
		const filter = feedFilter(query);
		const streams = Object.fromEntries(
			FEED_SOURCES.map((source) => [
				source,
				this.feed.after(source, from[source], query.limit + 1, filter),
			]),
		) as Record<FeedSource, EventRow[]>;
		const merged = mergeFeedPage(streams, from, query.limit);
		const since = encodeCursor(merged.next);
		const nextParams = new URLSearchParams(params);
		nextParams.set('since', since);
		return {
			ok: true,
			page: {
				data: this.changes(merged.items),
				hasMore: merged.hasMore,
				next: { since, href: `/api/v1/changes?${nextParams.toString()}` },
			},
		};
	}

	/** The latest events of a kommune, provider or locality as Atom XML. */
	atom(scope: AtomScope, origin: string): string {
		const rows = latestRows(
			FEED_SOURCES.flatMap((source) => this.feed.latest(source, ATOM_ENTRIES, scope.filter)),
			ATOM_ENTRIES,
		);
		const changes = this.changes(rows);
		const entries = changes.map((change, i) => this.entry(change, rows[i]!, origin));
		return atomXml({
			id: tagUri(`feed${scope.selfPath}`),
			title: `Plejeoverblik: ${scope.title}`,
			subtitle:
				'Ændringer fra SOR, tilbagemeldinger fra Ældretilsynet, brugertilfredshedsmålinger og medarbejdertal.',
			updated: changes[0]?.recordedAt ?? this.modified() ?? new Date(0).toISOString(),
			selfHref: `${origin}${scope.selfPath}`,
			alternateHref: `${origin}${scope.htmlPath}`,
			author: 'Plejeoverblik',
			entries,
		});
	}

	private startPosition(since: string | undefined): FeedPosition | null {
		if (since === undefined) return FEED_START;
		if (since.startsWith('c1')) return decodeCursor(since);
		if (!moment.safeParse(since).success) return null;
		const at = new Date(since.length === 10 ? `${since}T00:00:00Z` : since);
		return Number.isNaN(at.getTime()) ? null : this.feed.positionAt(at.toISOString());
	}

	private changes(rows: readonly EventRow[]): ChangeItem[] {
		const inspections = rows.filter(
			(row): row is InspectionEventRow => row.source === 'inspection',
		);
		const history = this.feed.inspectionHistory([...new Set(inspections.map((row) => row.sorId))]);
		const orders = this.reporting.orders(history.map((row) => row.versionId));
		const transitions = inspectionTransitions(
			inspections.map((row) => row.id),
			history,
			orders,
		);
		return rows.map((row) => {
			switch (row.source) {
				case 'sor':
					return sorChange(row);
				case 'inspection':
					return inspectionChange(
						row,
						transitions.get(row.id) ?? { statusChanged: null, ordersChanged: false },
					);
				default:
					return reportChange(row);
			}
		});
	}

	private entry(change: ChangeItem, row: EventRow, origin: string): AtomEntry {
		const lines = [`${change.locality.name} (SOR-ID ${change.locality.sorId}): ${change.title}.`];
		if (row.source === 'sor') {
			const described = describeHistoryEvent(
				{ snapshotDate: row.snapshotDate, kind: row.kind, details: change.sor?.changes ?? {} },
				this.names,
			);
			for (const line of described.changes) lines.push(`${line.field}: ${line.from} → ${line.to}`);
		}
		if (change.inspection?.statusChanged) {
			const { from, to } = change.inspection.statusChanged;
			lines.push(`Samlet status: ${from?.label ?? 'ingen'} → ${to?.label ?? 'ingen'}`);
		}
		return {
			id: tagUri(`change/${change.id}`),
			title: `${change.locality.name}: ${change.title}`,
			updated: change.recordedAt,
			href: `${origin}/sted/${change.locality.sorId}`,
			summary: lines.join('\n'),
			categories: [change.type],
		};
	}
}

function feedFilter(query: ChangesQuery): FeedFilter {
	const filter: FeedFilter = {};
	if (query.municipality !== undefined) filter.municipality = query.municipality;
	if (query.provider !== undefined) filter.provider = query.provider;
	if (query.locality !== undefined) filter.locality = query.locality;
	return filter;
}
