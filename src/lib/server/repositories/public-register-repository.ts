import type { Statement } from 'better-sqlite3';
import type { RegisterDb } from '../db/client';

/** Owner kinds as stored on providers. */
export type ProviderKind = 'kommune' | 'privat' | 'andet';

/** A locality as public lists, tables and maps show it. */
export interface PublicLocalityItem {
	sorId: string;
	name: string;
	providerId: string;
	providerName: string;
	providerKind: ProviderKind;
	street: string | null;
	houseNumber: string | null;
	postcode: string | null;
	district: string | null;
	locationMunicipalityCode: string | null;
	locationMunicipalityName: string | null;
	lat: number | null;
	lon: number | null;
}

/** A closed or held-back locality of a provider (no position, no contact details). */
export interface HiddenLocalityItem {
	sorId: string;
	name: string;
	status: 'active' | 'closed';
	closedSince: string | null;
	addressStatus: 'valid' | 'missing' | 'not_found' | 'retired' | 'pending';
}

/** A kommune with what the register can show for it. */
export interface MunicipalitySummary {
	code: string;
	name: string;
	regionName: string;
	/** Published, active localities whose visiting address lies in the kommune. */
	localitiesShown: number;
	/** The kommune's own aggregate provider, when SOR has given it one. */
	ownProviderId: string | null;
	/** Active localities of the kommune's own provider that are held back by address errors. */
	ownHeldBack: number;
}

/** A stored aggregate provider. */
export interface PublicProvider {
	id: string;
	name: string;
	kind: ProviderKind;
	municipalityCode: string | null;
	municipalityName: string | null;
	cvr: string | null;
	ownerSorId: string;
	createdSnapshotDate: string;
}

/** Everything the locality page shows, from the register, SOR, DAR and the authority table. */
export interface PublicLocalityRecord {
	sorId: string;
	name: string;
	status: 'active' | 'closed';
	closedSince: string | null;
	closedReason: 'to_date' | 'missing' | 'type_changed' | null;
	published: boolean;
	addressStatus: 'valid' | 'missing' | 'not_found' | 'retired' | 'pending';
	addressValidatedAt: string | null;
	darAddressId: string | null;
	lat: number | null;
	lon: number | null;
	locationMunicipalityCode: string | null;
	locationMunicipalityName: string | null;
	providerId: string;
	providerName: string;
	providerKind: ProviderKind;
	providerMunicipalityCode: string | null;
	providerMunicipalityName: string | null;
	entityTypeCode: string | null;
	entityTypeName: string | null;
	visitingStreet: string | null;
	visitingHouseNumber: string | null;
	visitingFloor: string | null;
	visitingDoor: string | null;
	visitingPostcode: string | null;
	visitingDistrict: string | null;
	visitingAddressSource: 'own' | 'postal' | null;
	postalStreet: string | null;
	postalHouseNumber: string | null;
	postalFloor: string | null;
	postalDoor: string | null;
	postalPostcode: string | null;
	postalDistrict: string | null;
	phone: string | null;
	email: string | null;
	website: string | null;
	contactInherited: boolean;
	firstFromDate: string;
	toDate: string | null;
	parentChain: string;
	subUnits: string;
	firstRegisteredSnapshotDate: string;
	lastChangedSnapshotDate: string;
	authorityName: string | null;
	authorityProvisional: boolean | null;
}

/** One SOR history row of an entity. */
export interface PublicHistoryRow {
	snapshotDate: string;
	kind: 'new' | 'changed' | 'moved' | 'closed' | 'reopened';
	details: string;
}

const ITEM_COLUMNS = `
	l.sor_id AS sorId, e.name AS name, p.id AS providerId, p.name AS providerName,
	p.kind AS providerKind, e.visiting_street AS street, e.visiting_house_number AS houseNumber,
	e.visiting_postcode AS postcode, e.visiting_district AS district,
	l.location_municipality_code AS locationMunicipalityCode, m.name AS locationMunicipalityName,
	l.lat AS lat, l.lon AS lon`;
const ITEM_FROM = `
	FROM localities l
	JOIN sor_entities e ON e.sor_id = l.sor_id
	JOIN providers p ON p.id = l.provider_id
	LEFT JOIN municipalities m ON m.code = l.location_municipality_code`;
/** The rule for what citizens see: an active locality with a valid DAR visiting address. */
export const SHOWN = `l.published = 1 AND l.status = 'active'`;
// One pass over localities per count, joined to the 98 kommuner.
const SUMMARY = `
	SELECT m.code, m.name, m.region_name AS regionName,
		coalesce(shown.n, 0) AS localitiesShown,
		own.id AS ownProviderId,
		coalesce(held.n, 0) AS ownHeldBack
	FROM municipalities m
	LEFT JOIN (SELECT l.location_municipality_code AS code, count(*) AS n FROM localities l
		WHERE ${SHOWN} GROUP BY 1) shown ON shown.code = m.code
	LEFT JOIN providers own ON own.kind = 'kommune' AND own.municipality_code = m.code
	LEFT JOIN (SELECT l.provider_id AS id, count(*) AS n FROM localities l
		WHERE l.status = 'active' AND l.published = 0 GROUP BY 1) held ON held.id = own.id`;

/** All SQL behind the public register pages (read-only; prepared once per connection). */
export class PublicRegisterRepository {
	private readonly statements: {
		dataVersion: Statement<[], { version: string }>;
		summaries: Statement<[], MunicipalitySummary>;
		summary: Statement<[string], MunicipalitySummary>;
		municipality: Statement<[string], { code: string; name: string; regionName: string }>;
		providersIn: Statement<[{ code: string }], PublicProvider>;
		shownIn: Statement<[string], PublicLocalityItem>;
		provider: Statement<[string], PublicProvider>;
		shownOf: Statement<[string], PublicLocalityItem>;
		hiddenOf: Statement<[string], HiddenLocalityItem>;
		locality: Statement<[string], RawLocality>;
		history: Statement<[string], PublicHistoryRow>;
		unitName: Statement<[string], { name: string }>;
		typeName: Statement<[string], { name: string }>;
		allShown: Statement<[], PublicLocalityItem>;
		shownCount: Statement<[], { n: number }>;
	};

	constructor(db: RegisterDb) {
		const sqlite = db.$client;
		const providerColumns = `p.id, p.name, p.kind, p.municipality_code AS municipalityCode,
			pm.name AS municipalityName, p.cvr, p.owner_sor_id AS ownerSorId,
			p.created_snapshot_date AS createdSnapshotDate`;
		this.statements = {
			// Imports (SOR or DAR) and editors (through content_revision) are the writers.
			dataVersion: sqlite.prepare(
				`SELECT (SELECT coalesce(max(id), 0) FROM import_runs WHERE status = 'succeeded') || '-' ||
					(SELECT coalesce(max(revision), 0) FROM content_revision) AS version`,
			),
			summaries: sqlite.prepare(`${SUMMARY} ORDER BY m.name`),
			summary: sqlite.prepare(`${SUMMARY} WHERE m.code = ?`),
			municipality: sqlite.prepare(
				`SELECT code, name, region_name AS regionName FROM municipalities WHERE code = ?`,
			),
			// The kommune's own provider first, then providers with shown localities located there.
			providersIn: sqlite.prepare(`
				SELECT ${providerColumns} FROM providers p
				LEFT JOIN municipalities pm ON pm.code = p.municipality_code
				WHERE (p.kind = 'kommune' AND p.municipality_code = @code)
					OR p.id IN (SELECT l.provider_id FROM localities l
						WHERE l.location_municipality_code = @code AND ${SHOWN})
				ORDER BY p.kind <> 'kommune', p.name`),
			shownIn: sqlite.prepare(`
				SELECT ${ITEM_COLUMNS} ${ITEM_FROM}
				WHERE l.location_municipality_code = ? AND ${SHOWN}
				ORDER BY e.name, l.sor_id`),
			provider: sqlite.prepare(`
				SELECT ${providerColumns} FROM providers p
				LEFT JOIN municipalities pm ON pm.code = p.municipality_code
				WHERE p.id = ?`),
			shownOf: sqlite.prepare(`
				SELECT ${ITEM_COLUMNS} ${ITEM_FROM}
				WHERE l.provider_id = ? AND ${SHOWN}
				ORDER BY e.name, l.sor_id`),
			hiddenOf: sqlite.prepare(`
				SELECT l.sor_id AS sorId, e.name, l.status, l.closed_since AS closedSince,
					l.address_status AS addressStatus
				FROM localities l JOIN sor_entities e ON e.sor_id = l.sor_id
				WHERE l.provider_id = ? AND NOT (${SHOWN})
				ORDER BY l.status, e.name, l.sor_id`),
			locality: sqlite.prepare(`
				SELECT l.sor_id AS sorId, e.name, l.status, l.closed_since AS closedSince,
					l.closed_reason AS closedReason, l.published, l.address_status AS addressStatus,
					l.address_validated_at AS addressValidatedAt, l.dar_address_id AS darAddressId,
					l.lat, l.lon, l.location_municipality_code AS locationMunicipalityCode,
					m.name AS locationMunicipalityName,
					p.id AS providerId, p.name AS providerName, p.kind AS providerKind,
					p.municipality_code AS providerMunicipalityCode, pm.name AS providerMunicipalityName,
					e.entity_type_code AS entityTypeCode, c.name AS entityTypeName,
					e.visiting_street AS visitingStreet, e.visiting_house_number AS visitingHouseNumber,
					e.visiting_floor AS visitingFloor, e.visiting_door AS visitingDoor,
					e.visiting_postcode AS visitingPostcode, e.visiting_district AS visitingDistrict,
					e.visiting_address_source AS visitingAddressSource,
					e.postal_street AS postalStreet, e.postal_house_number AS postalHouseNumber,
					e.postal_floor AS postalFloor, e.postal_door AS postalDoor,
					e.postal_postcode AS postalPostcode, e.postal_district AS postalDistrict,
					e.phone, e.email, e.website, e.contact_inherited AS contactInherited,
					e.first_from_date AS firstFromDate, e.to_date AS toDate,
					l.parent_chain AS parentChain, l.sub_units AS subUnits,
					l.first_registered_snapshot_date AS firstRegisteredSnapshotDate,
					l.last_changed_snapshot_date AS lastChangedSnapshotDate,
					a.name AS authorityName, a.provisional AS authorityProvisional
				FROM localities l
				JOIN sor_entities e ON e.sor_id = l.sor_id
				JOIN providers p ON p.id = l.provider_id
				LEFT JOIN municipalities m ON m.code = l.location_municipality_code
				LEFT JOIN municipalities pm ON pm.code = p.municipality_code
				LEFT JOIN sor_classifications c ON c.code = e.entity_type_code
				LEFT JOIN authority_municipalities am ON am.municipality_code = l.location_municipality_code
				LEFT JOIN inspection_authorities a ON a.id = am.authority_id
				WHERE l.sor_id = ?`),
			history: sqlite.prepare(`
				SELECT snapshot_date AS snapshotDate, kind, details FROM sor_events
				WHERE sor_id = ? ORDER BY id DESC LIMIT 200`),
			unitName: sqlite.prepare(`SELECT name FROM sor_entities WHERE sor_id = ?`),
			typeName: sqlite.prepare(`SELECT name FROM sor_classifications WHERE code = ?`),
			allShown: sqlite.prepare(`
				SELECT ${ITEM_COLUMNS} ${ITEM_FROM} WHERE ${SHOWN} ORDER BY e.name, l.sor_id`),
			shownCount: sqlite.prepare(`SELECT count(*) AS n FROM localities l WHERE ${SHOWN}`),
		};
	}

	/** "<latest successful import run id>-<reported-content revision>", e.g. "42-7". */
	importVersion(): string {
		return this.statements.dataVersion.get()?.version ?? '0-0';
	}

	/** Every kommune with its shown localities and its own provider, by name. */
	municipalitySummaries(): MunicipalitySummary[] {
		return this.statements.summaries.all();
	}

	/** One kommune's summary, or null for an unknown code. */
	municipalitySummary(code: string): MunicipalitySummary | null {
		return this.statements.summary.get(code) ?? null;
	}

	/** One kommune by code, or null. */
	municipality(code: string): { code: string; name: string; regionName: string } | null {
		return this.statements.municipality.get(code) ?? null;
	}

	/** The kommune's own provider and every provider with a shown locality located in it. */
	providersInMunicipality(code: string): PublicProvider[] {
		return this.statements.providersIn.all({ code });
	}

	/** Shown localities whose visiting address lies in the kommune. */
	shownLocalitiesInMunicipality(code: string): PublicLocalityItem[] {
		return this.statements.shownIn.all(code);
	}

	/** One provider by id, or null. */
	provider(id: string): PublicProvider | null {
		return this.statements.provider.get(id) ?? null;
	}

	/** A provider's shown localities. */
	shownLocalitiesOfProvider(providerId: string): PublicLocalityItem[] {
		return this.statements.shownOf.all(providerId);
	}

	/** A provider's localities that are not shown: closed, or held back by address errors. */
	hiddenLocalitiesOfProvider(providerId: string): HiddenLocalityItem[] {
		return this.statements.hiddenOf.all(providerId);
	}

	/** One locality with everything its page shows, or null for an unknown SOR-ID. */
	locality(sorId: string): PublicLocalityRecord | null {
		const row = this.statements.locality.get(sorId);
		if (!row) return null;
		return {
			...row,
			published: row.published === 1,
			contactInherited: row.contactInherited === 1,
			authorityProvisional:
				row.authorityProvisional === null ? null : row.authorityProvisional === 1,
		};
	}

	/** The SOR history of one entity, newest first. */
	history(sorId: string): PublicHistoryRow[] {
		return this.statements.history.all(sorId);
	}

	/** The name of a SOR unit, or null. */
	unitName(sorId: string): string | null {
		return this.statements.unitName.get(sorId)?.name ?? null;
	}

	/** The Danish name of a SOR type code, or null. */
	typeName(code: string): string | null {
		return this.statements.typeName.get(code)?.name ?? null;
	}

	/** Every shown locality, by name (the home page's map and the near-address search). */
	allShownLocalities(): PublicLocalityItem[] {
		return this.statements.allShown.all();
	}

	/** Number of shown localities. */
	shownCount(): number {
		return this.statements.shownCount.get()?.n ?? 0;
	}
}

type RawLocality = Omit<
	PublicLocalityRecord,
	'published' | 'contactInherited' | 'authorityProvisional'
> & {
	published: number;
	contactInherited: number;
	authorityProvisional: number | null;
};
