import { inspectionState, registrationDate } from '../../../domain/inspection-overview/cycle';
import {
	matchesOverviewQuery,
	NO_AUTHORITY,
	sortOverview,
	summariseByAuthority,
	type AuthoritySummary,
	type OverviewQuery,
	type OverviewRow,
} from '../../../domain/inspection-overview/overview';
import { overviewCsv } from '../../../domain/inspection-overview/overview-csv';
import { pageCount } from '../../../domain/public/paging';
import type {
	InspectionOverviewRepository,
	OverviewOrderRow,
	OverviewVisitRow,
} from '../../repositories/inspection-overview-repository';

/** Rows per page of the overview table. */
export const OVERVIEW_PAGE_SIZE = 50;

/** Something that says when the data behind the overview has changed. */
export interface VersionSource {
	current(): string;
}

/** One page of the overview with everything the page needs for filters and paging. */
export interface OverviewView {
	query: OverviewQuery;
	today: string;
	total: number;
	page: number;
	pages: number;
	rows: OverviewRow[];
	/** Per authority, over all active localities (not only the filtered ones). */
	summaries: AuthoritySummary[];
	authorities: { id: string; name: string; provisional: boolean }[];
	municipalities: { code: string; name: string }[];
}

/**
 * Ældretilsynet's overview: every active locality per authority with its inspection state. The
 * rules depend on the day, so rows are computed per data version and day and then kept.
 */
export class InspectionOverviewService {
	private cache: { key: string; rows: OverviewRow[] } | null = null;

	constructor(
		private readonly repository: InspectionOverviewRepository,
		private readonly version: VersionSource,
	) {}

	/** One page of the filtered, sorted overview on `today` (ÅÅÅÅ-MM-DD). */
	overview(query: OverviewQuery, today: string): OverviewView {
		const all = this.rows(today);
		const filtered = sortOverview(
			all.filter((row) => matchesOverviewQuery(row, query)),
			query,
		);
		const pages = pageCount(filtered.length, OVERVIEW_PAGE_SIZE);
		const page = Math.min(query.page, pages);
		const offset = (page - 1) * OVERVIEW_PAGE_SIZE;
		return {
			query: { ...query, page },
			today,
			total: filtered.length,
			page,
			pages,
			rows: filtered.slice(offset, offset + OVERVIEW_PAGE_SIZE),
			summaries: summariseByAuthority(all, query.first),
			authorities: this.repository.authorities(),
			municipalities: this.repository.municipalities(),
		};
	}

	/** Every row matching the query's filters (paging ignored), as CSV. */
	csv(query: OverviewQuery, today: string): string {
		const rows = this.rows(today).filter((row) => matchesOverviewQuery(row, query));
		return overviewCsv(sortOverview(rows, query));
	}

	/** True when `id` names a known authority or the "no authority" group. */
	isKnownAuthority(id: string): boolean {
		return id === NO_AUTHORITY || this.repository.authorities().some((a) => a.id === id);
	}

	private rows(today: string): OverviewRow[] {
		const key = `${this.version.current()}|${today}`;
		if (this.cache?.key === key) return this.cache.rows;
		const visits = groupBySorId<OverviewVisitRow>(this.repository.visits());
		const orders = groupBySorId<OverviewOrderRow>(this.repository.orders());
		const registerStartDate = this.repository.registerStartDate();
		const rows = this.repository.activeLocalities().map((locality): OverviewRow => {
			const registeredOn = registrationDate({
				firstFromDate: locality.firstFromDate,
				firstRegisteredSnapshotDate: locality.firstRegisteredSnapshotDate,
				registerStartDate,
			});
			return {
				sorId: locality.sorId,
				name: locality.name,
				published: locality.published,
				addressStatus: locality.addressStatus,
				providerId: locality.providerId,
				providerName: locality.providerName,
				ownerType: locality.ownerType,
				municipalityCode: locality.municipalityCode,
				municipalityName: locality.municipalityName,
				municipalitySource: locality.municipalitySource,
				authorityId: locality.authorityId,
				authorityName: locality.authorityName,
				registeredOn,
				state: inspectionState(
					{
						registeredOn,
						visits: visits.get(locality.sorId) ?? [],
						orders: orders.get(locality.sorId) ?? [],
					},
					today,
				),
			};
		});
		this.cache = { key, rows };
		return rows;
	}
}

function groupBySorId<T extends { sorId: string }>(rows: readonly T[]): Map<string, T[]> {
	const map = new Map<string, T[]>();
	for (const row of rows) {
		const list = map.get(row.sorId);
		if (list) list.push(row);
		else map.set(row.sorId, [row]);
	}
	return map;
}
