import type { Database, Statement } from 'better-sqlite3';
import { addEqualFilters, type SqlParams } from './sql-filter';
import type { RegisterDb } from '../db/client';

/** Owner types as stored on providers. */
export type OwnerType = 'kommune' | 'privat' | 'andet';

/** A kommune with its authority and counts. */
export interface MunicipalityRow {
	code: string;
	name: string;
	regionCode: string;
	regionName: string;
	authorityId: string | null;
	authorityName: string | null;
	authorityProvisional: number | null;
	localitiesShown: number;
	ownProviderId: string | null;
}

/** An aggregate provider with counts of its localities. */
export interface ProviderRow {
	id: string;
	name: string;
	ownerType: OwnerType;
	cvr: string | null;
	municipalityCode: string | null;
	municipalityName: string | null;
	ownerSorId: string;
	created: string;
	modified: string;
	shown: number;
	heldBack: number;
	closed: number;
}

/** A locality with everything the open-data record holds. */
export interface LocalityRow {
	sorId: string;
	name: string;
	status: 'active' | 'closed';
	closedSince: string | null;
	published: number;
	addressStatus: 'valid' | 'missing' | 'not_found' | 'retired' | 'pending';
	providerId: string;
	providerName: string;
	ownerType: OwnerType;
	providerCvr: string | null;
	visitingStreet: string | null;
	visitingHouseNumber: string | null;
	visitingFloor: string | null;
	visitingDoor: string | null;
	visitingPostcode: string | null;
	visitingDistrict: string | null;
	postalStreet: string | null;
	postalHouseNumber: string | null;
	postalFloor: string | null;
	postalDoor: string | null;
	postalPostcode: string | null;
	postalDistrict: string | null;
	darAddressId: string | null;
	lat: number | null;
	lon: number | null;
	locationMunicipalityCode: string | null;
	locationMunicipalityName: string | null;
	authorityId: string | null;
	authorityName: string | null;
	authorityProvisional: number | null;
	phone: string | null;
	email: string | null;
	website: string | null;
	firstFromDate: string;
	firstRegistered: string;
	modified: string;
}

/** Filters of the kommune list. */
export interface MunicipalityFilter {
	authority?: string;
	region?: string;
}

/** Filters of the provider list. */
export interface ProviderFilter {
	municipality?: string;
	ownerType?: OwnerType;
	authority?: string;
	updatedSince?: string;
}

/** Filters of the locality list. */
export interface LocalityFilter {
	municipality?: string;
	ownerType?: OwnerType;
	authority?: string;
	provider?: string;
	status?: 'active' | 'closed';
	includeHeldBack?: boolean;
	updatedSince?: string;
	sorId?: string;
}

/** A slice of a list. */
export interface Slice {
	limit: number;
	offset: number;
}

/** What the website shows: active with a valid DAR visiting address. */
const SHOWN = `l.status = 'active' AND l.published = 1`;
/**
 * What open data lists by default: shown localities and closed ones (private actors need history);
 * active localities held back by an invalid address only on request.
 */
const LISTED = `(l.status = 'closed' OR l.published = 1)`;
/** The last day the locality's record changed: a SOR change or a new DAR result. */
const LOCALITY_MODIFIED = `max(l.last_changed_snapshot_date,
	coalesce(substr(l.address_validated_at, 1, 10), ''))`;

const MUNICIPALITY_SELECT = `
	SELECT m.code, m.name, m.region_code AS regionCode, m.region_name AS regionName,
		a.id AS authorityId, a.name AS authorityName, a.provisional AS authorityProvisional,
		coalesce(shown.n, 0) AS localitiesShown, own.id AS ownProviderId
	FROM municipalities m
	LEFT JOIN authority_municipalities am ON am.municipality_code = m.code
	LEFT JOIN inspection_authorities a ON a.id = am.authority_id
	LEFT JOIN (SELECT l.location_municipality_code AS code, count(*) AS n FROM localities l
		WHERE ${SHOWN} GROUP BY 1) shown ON shown.code = m.code
	LEFT JOIN providers own ON own.kind = 'kommune' AND own.municipality_code = m.code`;

const PROVIDER_FROM = `
	FROM providers p
	LEFT JOIN municipalities pm ON pm.code = p.municipality_code
	LEFT JOIN (
		SELECT l.provider_id,
			sum(l.status = 'active' AND l.published = 1) AS shown,
			sum(l.status = 'active' AND l.published = 0) AS held_back,
			sum(l.status = 'closed') AS closed,
			max(${LOCALITY_MODIFIED}) AS modified
		FROM localities l GROUP BY l.provider_id
	) c ON c.provider_id = p.id`;
const PROVIDER_COLUMNS = `p.id, p.name, p.kind AS ownerType, p.cvr,
	p.municipality_code AS municipalityCode, pm.name AS municipalityName,
	p.owner_sor_id AS ownerSorId, p.created_snapshot_date AS created,
	max(p.created_snapshot_date, coalesce(c.modified, '')) AS modified,
	coalesce(c.shown, 0) AS shown, coalesce(c.held_back, 0) AS heldBack,
	coalesce(c.closed, 0) AS closed`;

const LOCALITY_FROM = `
	FROM localities l
	JOIN sor_entities e ON e.sor_id = l.sor_id
	JOIN providers p ON p.id = l.provider_id
	LEFT JOIN municipalities m ON m.code = l.location_municipality_code
	LEFT JOIN authority_municipalities am ON am.municipality_code = l.location_municipality_code
	LEFT JOIN inspection_authorities a ON a.id = am.authority_id`;
const LOCALITY_COLUMNS = `l.sor_id AS sorId, e.name, l.status, l.closed_since AS closedSince,
	l.published, l.address_status AS addressStatus, p.id AS providerId, p.name AS providerName,
	p.kind AS ownerType, p.cvr AS providerCvr,
	e.visiting_street AS visitingStreet, e.visiting_house_number AS visitingHouseNumber,
	e.visiting_floor AS visitingFloor, e.visiting_door AS visitingDoor,
	e.visiting_postcode AS visitingPostcode, e.visiting_district AS visitingDistrict,
	e.postal_street AS postalStreet, e.postal_house_number AS postalHouseNumber,
	e.postal_floor AS postalFloor, e.postal_door AS postalDoor,
	e.postal_postcode AS postalPostcode, e.postal_district AS postalDistrict,
	l.dar_address_id AS darAddressId, l.lat, l.lon,
	l.location_municipality_code AS locationMunicipalityCode, m.name AS locationMunicipalityName,
	a.id AS authorityId, a.name AS authorityName, a.provisional AS authorityProvisional,
	e.phone, e.email, e.website, e.first_from_date AS firstFromDate,
	l.first_registered_snapshot_date AS firstRegistered, ${LOCALITY_MODIFIED} AS modified`;

/** Read-only SQL behind the open-data register endpoints and downloads. */
export class OpenDataRegisterRepository {
	private readonly sqlite: Database;
	// Filters combine freely, so statements are prepared per distinct SQL text and kept.
	private readonly prepared = new Map<string, Statement>();

	constructor(db: RegisterDb) {
		this.sqlite = db.$client;
	}

	/** Kommuner matching the filter, by code. */
	municipalities(
		filter: MunicipalityFilter,
		slice?: Slice,
	): { rows: MunicipalityRow[]; total: number } {
		const where: string[] = [];
		const params: SqlParams = {};
		if (filter.authority !== undefined) {
			where.push('a.id = @authority');
			params.authority = filter.authority;
		}
		if (filter.region !== undefined) {
			where.push('m.region_code = @region');
			params.region = filter.region;
		}
		return this.list<MunicipalityRow>(MUNICIPALITY_SELECT, where, 'm.code', params, slice);
	}

	/** One kommune, or null. */
	municipality(code: string): MunicipalityRow | null {
		return this.municipalities({}, undefined).rows.find((row) => row.code === code) ?? null;
	}

	/** Providers matching the filter, by id. */
	providers(filter: ProviderFilter, slice?: Slice): { rows: ProviderRow[]; total: number } {
		const where: string[] = [];
		const params: SqlParams = {};
		if (filter.municipality !== undefined) {
			// Like the kommune page: the kommune's own provider and providers with a shown locality there.
			where.push(`((p.kind = 'kommune' AND p.municipality_code = @municipality)
				OR EXISTS (SELECT 1 FROM localities l WHERE l.provider_id = p.id
					AND l.location_municipality_code = @municipality AND ${SHOWN}))`);
			params.municipality = filter.municipality;
		}
		if (filter.ownerType !== undefined) {
			where.push('p.kind = @ownerType');
			params.ownerType = filter.ownerType;
		}
		if (filter.authority !== undefined) {
			where.push(`EXISTS (SELECT 1 FROM localities l
				JOIN authority_municipalities am ON am.municipality_code = l.location_municipality_code
				WHERE l.provider_id = p.id AND am.authority_id = @authority AND ${SHOWN})`);
			params.authority = filter.authority;
		}
		if (filter.updatedSince !== undefined) {
			where.push(`max(p.created_snapshot_date, coalesce(c.modified, '')) >= @updatedSince`);
			params.updatedSince = filter.updatedSince;
		}
		return this.list<ProviderRow>(
			`SELECT ${PROVIDER_COLUMNS} ${PROVIDER_FROM}`,
			where,
			'p.id',
			params,
			slice,
		);
	}

	/** One provider, or null. */
	provider(id: string): ProviderRow | null {
		return (
			this.statement<ProviderRow>(
				`SELECT ${PROVIDER_COLUMNS} ${PROVIDER_FROM} WHERE p.id = @id`,
			).get({ id }) ?? null
		);
	}

	/** Kommuner where each provider has shown localities, by provider id. */
	providerLocationMunicipalities(): Map<string, { code: string; name: string }[]> {
		const rows = this.statement<{ providerId: string; code: string; name: string }>(
			`
			SELECT DISTINCT l.provider_id AS providerId, m.code, m.name
			FROM localities l JOIN municipalities m ON m.code = l.location_municipality_code
			WHERE ${SHOWN} ORDER BY l.provider_id, m.name`,
		).all({});
		const map = new Map<string, { code: string; name: string }[]>();
		for (const row of rows) {
			const list = map.get(row.providerId) ?? [];
			list.push({ code: row.code, name: row.name });
			map.set(row.providerId, list);
		}
		return map;
	}

	/** Localities matching the filter, by SOR-ID. */
	localities(filter: LocalityFilter, slice?: Slice): { rows: LocalityRow[]; total: number } {
		const where: string[] = [];
		const params: SqlParams = {};
		if (!filter.includeHeldBack) where.push(LISTED);
		const equal = [
			['municipality', 'l.location_municipality_code'],
			['ownerType', 'p.kind'],
			['authority', 'am.authority_id'],
			['provider', 'l.provider_id'],
			['status', 'l.status'],
			['sorId', 'l.sor_id'],
		] as const;
		addEqualFilters(where, params, filter, equal);
		if (filter.updatedSince !== undefined) {
			where.push(`${LOCALITY_MODIFIED} >= @updatedSince`);
			params.updatedSince = filter.updatedSince;
		}
		return this.list<LocalityRow>(
			`SELECT ${LOCALITY_COLUMNS} ${LOCALITY_FROM}`,
			where,
			'l.sor_id',
			params,
			slice,
		);
	}

	/** One locality of any state (held back and closed included), or null. */
	locality(sorId: string): LocalityRow | null {
		return this.localities({ sorId, includeHeldBack: true }).rows[0] ?? null;
	}

	/** When the latest successful import (SOR or DAR) finished, or null before any. */
	lastImportAt(): string | null {
		return (
			this.statement<{ at: string | null }>(
				`
				SELECT max(coalesce(finished_at, started_at)) AS at FROM import_runs
				WHERE status = 'succeeded'`,
			).get({})?.at ?? null
		);
	}

	private list<T>(
		select: string,
		where: string[],
		orderBy: string,
		params: SqlParams,
		slice: Slice | undefined,
	): { rows: T[]; total: number } {
		const condition = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
		const limit = slice ? `LIMIT @limit OFFSET @offset` : '';
		const rows = this.statement<T>(`${select} ${condition} ORDER BY ${orderBy} ${limit}`).all({
			...params,
			...(slice ? { limit: slice.limit, offset: slice.offset } : {}),
		});
		const total =
			slice === undefined
				? rows.length
				: (this.statement<{ n: number }>(`SELECT count(*) AS n FROM (${select} ${condition})`).get(
						params,
					)?.n ?? 0);
		return { rows, total };
	}

	private statement<T>(text: string): Statement<[SqlParams], T> {
		let statement = this.prepared.get(text);
		if (!statement) {
			statement = this.sqlite.prepare(text);
			this.prepared.set(text, statement);
		}
		return statement as Statement<[SqlParams], T>;
	}
}
