import type { RegisterDb } from '../db/client';
import { SHOWN, type PublicLocalityItem, type ProviderKind } from './public-register-repository';

/** Filters and window of one search. `match` is an FTS5 expression built by the domain rules. */
export interface SearchCriteria {
	match: string | null;
	municipalityCode: string | null;
	providerKind: ProviderKind | null;
	limit: number;
	offset: number;
}

/** One page of hits and the total number of hits. */
export interface SearchPage {
	total: number;
	items: PublicLocalityItem[];
}

const COLUMNS = `
	l.sor_id AS sorId, e.name AS name, p.id AS providerId, p.name AS providerName,
	p.kind AS providerKind, e.visiting_street AS street, e.visiting_house_number AS houseNumber,
	e.visiting_postcode AS postcode, e.visiting_district AS district,
	l.location_municipality_code AS locationMunicipalityCode, m.name AS locationMunicipalityName,
	l.lat AS lat, l.lon AS lon`;
const JOINS = `
	JOIN localities l ON l.sor_id = k.sor_id
	JOIN sor_entities e ON e.sor_id = l.sor_id
	JOIN providers p ON p.id = l.provider_id
	LEFT JOIN municipalities m ON m.code = l.location_municipality_code`;
// Named parameters; NULL filters match everything, so one statement serves every combination.
const FILTERS = `${SHOWN}
	AND (@municipality IS NULL OR l.location_municipality_code = @municipality)
	AND (@kind IS NULL OR p.kind = @kind)`;
// Column weights for bm25: locality name, provider name, address, kommune/SOR-ID.
const RANK = 'bm25(search_index, 10.0, 4.0, 2.0, 1.0)';

/** All SQL on the FTS5 search index (db/migrations/0002_search_index.sql). */
export class SearchRepository {
	private readonly matchPage;
	private readonly matchCount;
	private readonly listPage;
	private readonly listCount;

	constructor(db: RegisterDb) {
		const sqlite = db.$client;
		this.matchPage = sqlite.prepare<Record<string, unknown>, PublicLocalityItem>(`
			SELECT ${COLUMNS} FROM search_index s JOIN search_keys k ON k.id = s.rowid ${JOINS}
			WHERE search_index MATCH @match AND ${FILTERS}
			ORDER BY ${RANK}, e.name, l.sor_id LIMIT @limit OFFSET @offset`);
		this.matchCount = sqlite.prepare<Record<string, unknown>, { n: number }>(`
			SELECT count(*) AS n FROM search_index s JOIN search_keys k ON k.id = s.rowid ${JOINS}
			WHERE search_index MATCH @match AND ${FILTERS}`);
		this.listPage = sqlite.prepare<Record<string, unknown>, PublicLocalityItem>(`
			SELECT ${COLUMNS} FROM search_keys k ${JOINS}
			WHERE ${FILTERS}
			ORDER BY e.name, l.sor_id LIMIT @limit OFFSET @offset`);
		this.listCount = sqlite.prepare<Record<string, unknown>, { n: number }>(`
			SELECT count(*) AS n FROM search_keys k ${JOINS} WHERE ${FILTERS}`);
	}

	/** Shown localities matching the expression and filters, best match first; by name without one. */
	search(criteria: SearchCriteria): SearchPage {
		const filters = { municipality: criteria.municipalityCode, kind: criteria.providerKind };
		const window = { limit: criteria.limit, offset: criteria.offset };
		if (criteria.match === null) {
			return {
				total: this.listCount.get(filters)?.n ?? 0,
				items: this.listPage.all({ ...filters, ...window }),
			};
		}
		const match = { ...filters, match: criteria.match };
		return {
			total: this.matchCount.get(match)?.n ?? 0,
			items: this.matchPage.all({ ...match, ...window }),
		};
	}
}
