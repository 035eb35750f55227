import { z } from 'zod';
import type { InspectionState } from './cycle';

/** Owner types as stored on providers. */
export type OwnerType = 'kommune' | 'privat' | 'andet';

/** Where a locality's kommune (and so its authority) was taken from. */
export type MunicipalitySource = 'dar' | 'sor' | 'owner';

/** One active locality in the overview, with its computed inspection state. */
export interface OverviewRow {
	sorId: string;
	name: string;
	/** False for a locality held back by an invalid visiting address (shown, but marked). */
	published: boolean;
	addressStatus: string;
	providerId: string;
	providerName: string;
	ownerType: OwnerType;
	municipalityCode: string | null;
	municipalityName: string | null;
	/**
	 * 'dar' is the beliggenhedskommune. A held-back locality has none, so the kommune SOR gives for
	 * the visiting address ('sor'), else the owner kommune ('owner'), places it with an authority.
	 */
	municipalitySource: MunicipalitySource | null;
	authorityId: string | null;
	authorityName: string | null;
	registeredOn: string;
	state: InspectionState;
}

/** The `myndighed` value for localities no authority can be found for. */
export const NO_AUTHORITY = 'ukendt';

/** Sort keys of the overview as they appear in the URL. */
export const SORT_KEYS = ['frist', 'besoeg', 'navn', 'kommune', 'leverandoer', 'status'] as const;
/** A sort key. */
export type SortKey = (typeof SORT_KEYS)[number];

/** Owner-type filter values in the URL (as on the search page). */
const OWNER_FILTER = { kommunal: 'kommune', privat: 'privat', andet: 'andet' } as const;
/** An owner-type filter value. */
export type OwnerFilter = keyof typeof OWNER_FILTER;

/** The overview's filters, sort order and page, read from the URL. */
export interface OverviewQuery {
	authority: string | null;
	municipalityCode: string | null;
	owner: OwnerFilter | null;
	overdue: boolean;
	neverVisited: boolean;
	openOrders: boolean;
	openedRecently: boolean;
	heldBackOnly: boolean;
	sort: SortKey;
	descending: boolean;
	page: number;
	/** An authority to list first (the inspection editor's own). */
	first: string | null;
}

const yes = z
	.enum(['ja'])
	.nullable()
	.catch(null)
	.transform((value) => value === 'ja');
const idSchema = z
	.string()
	.regex(/^[a-z0-9-]{1,40}$/)
	.nullable()
	.catch(null);

/**
 * The URL's query schema. Like the search page, a bad value is dropped rather than refused: the
 * page is for people following links, and an unfiltered list is a better answer than an error.
 */
const querySchema = z.object({
	myndighed: idSchema,
	kommune: z
		.string()
		.regex(/^\d{4}$/)
		.nullable()
		.catch(null),
	ejer: z.enum(['kommunal', 'privat', 'andet']).nullable().catch(null),
	forfalden: yes,
	aldrig: yes,
	paabud: yes,
	nye: yes,
	tilbageholdt: yes,
	sorter: z.enum(SORT_KEYS).nullable().catch(null),
	retning: z.enum(['op', 'ned']).nullable().catch(null),
	side: z
		.string()
		.regex(/^\d{1,5}$/)
		.transform(Number)
		.nullable()
		.catch(null),
	foerst: idSchema,
});

/** Reads the overview's query from URL parameters. */
export function readOverviewQuery(params: URLSearchParams): OverviewQuery {
	const raw = Object.fromEntries(
		Object.keys(querySchema.shape).map((key) => [key, params.get(key) || null]),
	);
	const q = querySchema.parse(raw);
	return {
		authority: q.myndighed,
		municipalityCode: q.kommune,
		owner: q.ejer,
		overdue: q.forfalden,
		neverVisited: q.aldrig,
		openOrders: q.paabud,
		openedRecently: q.nye,
		heldBackOnly: q.tilbageholdt,
		sort: q.sorter ?? 'frist',
		descending: q.retning === 'ned',
		page: Math.max(1, q.side ?? 1),
		first: q.foerst,
	};
}

/** The query as URL parameters (defaults left out), with optional changes. */
export function overviewParams(
	query: OverviewQuery,
	changes: Partial<OverviewQuery> = {},
): URLSearchParams {
	const q = { ...query, ...changes };
	const params = new URLSearchParams();
	if (q.authority) params.set('myndighed', q.authority);
	if (q.municipalityCode) params.set('kommune', q.municipalityCode);
	if (q.owner) params.set('ejer', q.owner);
	if (q.overdue) params.set('forfalden', 'ja');
	if (q.neverVisited) params.set('aldrig', 'ja');
	if (q.openOrders) params.set('paabud', 'ja');
	if (q.openedRecently) params.set('nye', 'ja');
	if (q.heldBackOnly) params.set('tilbageholdt', 'ja');
	if (q.sort !== 'frist') params.set('sorter', q.sort);
	if (q.descending) params.set('retning', 'ned');
	if (q.page > 1) params.set('side', String(q.page));
	if (q.first) params.set('foerst', q.first);
	return params;
}

/** True when a row passes every filter of the query. */
export function matchesOverviewQuery(row: OverviewRow, query: OverviewQuery): boolean {
	if (query.authority !== null) {
		const wanted = query.authority === NO_AUTHORITY ? null : query.authority;
		if (row.authorityId !== wanted) return false;
	}
	if (query.municipalityCode !== null && row.municipalityCode !== query.municipalityCode) {
		return false;
	}
	if (query.owner !== null && row.ownerType !== OWNER_FILTER[query.owner]) return false;
	if (query.overdue && !row.state.overdue) return false;
	if (query.neverVisited && !row.state.neverVisited) return false;
	if (query.openOrders && row.state.openOrders.length === 0) return false;
	if (query.openedRecently && !row.state.openedRecently) return false;
	if (query.heldBackOnly && row.published) return false;
	return true;
}

const collator = new Intl.Collator('da', { sensitivity: 'base', numeric: true });

/** Compares two nullable strings; null sorts first (it is the most urgent: never visited). */
function compareNullable(a: string | null, b: string | null): number {
	if (a === b) return 0;
	if (a === null) return -1;
	if (b === null) return 1;
	return collator.compare(a, b);
}

const SORT_VALUE: Record<SortKey, (row: OverviewRow) => string | null> = {
	frist: (row) => row.state.announcedVisitDueBy,
	besoeg: (row) => row.state.lastVisitDate,
	navn: (row) => row.name,
	kommune: (row) => row.municipalityName ?? row.municipalityCode,
	leverandoer: (row) => row.providerName,
	status: (row) => row.state.status?.label ?? null,
};

/**
 * Sorts rows by authority (the `first` authority, then by name, rows without an authority last),
 * then by the chosen key, then by name and SOR-ID so the order is total and paging is stable.
 */
export function sortOverview(rows: readonly OverviewRow[], query: OverviewQuery): OverviewRow[] {
	const authorityRank = (row: OverviewRow) =>
		row.authorityId === null ? 2 : row.authorityId === query.first ? 0 : 1;
	const value = SORT_VALUE[query.sort];
	const direction = query.descending ? -1 : 1;
	return [...rows].sort(
		(a, b) =>
			authorityRank(a) - authorityRank(b) ||
			compareNullable(a.authorityName, b.authorityName) ||
			direction * compareNullable(value(a), value(b)) ||
			collator.compare(a.name, b.name) ||
			a.sorId.localeCompare(b.sorId),
	);
}

/** Counts per authority for the summary table. */
export interface AuthoritySummary {
	authorityId: string | null;
	authorityName: string | null;
	localities: number;
	heldBack: number;
	neverVisited: number;
	overdue: number;
	withOpenOrders: number;
	openedRecently: number;
}

/** Summarises rows per authority, in the same authority order as `sortOverview`. */
export function summariseByAuthority(
	rows: readonly OverviewRow[],
	first: string | null,
): AuthoritySummary[] {
	const byAuthority = new Map<string | null, AuthoritySummary>();
	for (const row of rows) {
		let summary = byAuthority.get(row.authorityId);
		if (!summary) {
			summary = {
				authorityId: row.authorityId,
				authorityName: row.authorityName,
				localities: 0,
				heldBack: 0,
				neverVisited: 0,
				overdue: 0,
				withOpenOrders: 0,
				openedRecently: 0,
			};
			byAuthority.set(row.authorityId, summary);
		}
		summary.localities++;
		if (!row.published) summary.heldBack++;
		if (row.state.neverVisited) summary.neverVisited++;
		if (row.state.overdue) summary.overdue++;
		if (row.state.openOrders.length > 0) summary.withOpenOrders++;
		if (row.state.openedRecently) summary.openedRecently++;
	}
	const rank = (s: AuthoritySummary) =>
		s.authorityId === null ? 2 : s.authorityId === first ? 0 : 1;
	return [...byAuthority.values()].sort(
		(a, b) => rank(a) - rank(b) || compareNullable(a.authorityName, b.authorityName),
	);
}
