import type { Statement } from 'better-sqlite3';
import type { OrderFact, VisitFact } from '../../domain/inspection-overview/cycle';
import type { OverviewRow } from '../../domain/inspection-overview/overview';
import type { RegisterDb } from '../db/client';

/** An active locality placed with a kommune and an authority, before the rules are applied. */
export type OverviewLocalityRow = Omit<OverviewRow, 'registeredOn' | 'state'> & {
	firstFromDate: string;
	firstRegisteredSnapshotDate: string;
};

/** A visit (current version of an inspection) with the locality it belongs to. */
export type OverviewVisitRow = VisitFact & { sorId: string };
/** An order of a current inspection version with the locality it belongs to. */
export type OverviewOrderRow = OrderFact & { sorId: string };

// The kommune that decides the authority: DAR's beliggenhedskommune, else the (known) kommune SOR
// gives for the visiting address, else the owner kommune of a municipal provider.
const PLACED = `
	WITH placed AS (
		SELECT l.sor_id, e.name, l.published, l.address_status, p.id AS provider_id,
			p.name AS provider_name, p.kind AS owner_type, e.first_from_date,
			l.first_registered_snapshot_date,
			CASE
				WHEN l.location_municipality_code IS NOT NULL THEN l.location_municipality_code
				WHEN sm.code IS NOT NULL THEN sm.code
				WHEN p.kind = 'kommune' THEN om.code
			END AS code,
			CASE
				WHEN l.location_municipality_code IS NOT NULL THEN 'dar'
				WHEN sm.code IS NOT NULL THEN 'sor'
				WHEN p.kind = 'kommune' AND om.code IS NOT NULL THEN 'owner'
			END AS source
		FROM localities l
		JOIN sor_entities e ON e.sor_id = l.sor_id
		JOIN providers p ON p.id = l.provider_id
		LEFT JOIN municipalities sm ON sm.code = e.visiting_municipality_code
		LEFT JOIN municipalities om ON om.code = p.municipality_code
		WHERE l.status = 'active'
	)`;

// Only the highest version of each inspection counts: later versions are corrections.
const CURRENT_VERSION = `v.version = (SELECT max(w.version) FROM inspection_versions w
	WHERE w.inspection_id = v.inspection_id)`;

/** Read-only SQL behind Ældretilsynet's overview (/tilsyn). */
export class InspectionOverviewRepository {
	private readonly statements: {
		localities: Statement<[], RawLocality>;
		visits: Statement<[], RawVisit>;
		orders: Statement<[], OverviewOrderRow>;
		registerStart: Statement<[], { snapshotDate: string | null }>;
		authorities: Statement<[], { id: string; name: string; provisional: number }>;
		municipalities: Statement<[], { code: string; name: string }>;
	};

	constructor(db: RegisterDb) {
		const sqlite = db.$client;
		this.statements = {
			localities: sqlite.prepare(`${PLACED}
				SELECT placed.sor_id AS sorId, placed.name, placed.published,
					placed.address_status AS addressStatus, placed.provider_id AS providerId,
					placed.provider_name AS providerName, placed.owner_type AS ownerType,
					placed.code AS municipalityCode, m.name AS municipalityName,
					placed.source AS municipalitySource, a.id AS authorityId, a.name AS authorityName,
					placed.first_from_date AS firstFromDate,
					placed.first_registered_snapshot_date AS firstRegisteredSnapshotDate
				FROM placed
				LEFT JOIN municipalities m ON m.code = placed.code
				LEFT JOIN authority_municipalities am ON am.municipality_code = placed.code
				LEFT JOIN inspection_authorities a ON a.id = am.authority_id`),
			visits: sqlite.prepare(`
				SELECT i.sor_id AS sorId, i.id AS inspectionId, v.visit_date AS visitDate, v.announced,
					v.status_code AS statusCode, v.status_label AS statusLabel
				FROM inspections i
				JOIN inspection_versions v ON v.inspection_id = i.id
				JOIN localities l ON l.sor_id = i.sor_id AND l.status = 'active'
				WHERE ${CURRENT_VERSION}`),
			orders: sqlite.prepare(`
				SELECT i.sor_id AS sorId, o.kind, o.description, o.issued_on AS issuedOn, o.deadline,
					o.lifted_on AS liftedOn
				FROM inspections i
				JOIN inspection_versions v ON v.inspection_id = i.id
				JOIN inspection_orders o ON o.version_id = v.id
				JOIN localities l ON l.sor_id = i.sor_id AND l.status = 'active'
				WHERE ${CURRENT_VERSION}
				ORDER BY o.version_id, o.position`),
			registerStart: sqlite.prepare(`
				SELECT snapshot_date AS snapshotDate FROM import_runs
				WHERE kind = 'sor' AND status = 'succeeded' ORDER BY id LIMIT 1`),
			authorities: sqlite.prepare(
				`SELECT id, name, provisional FROM inspection_authorities ORDER BY name`,
			),
			municipalities: sqlite.prepare(`SELECT code, name FROM municipalities ORDER BY name`),
		};
	}

	/** Every active locality with the kommune and authority it is placed with. */
	activeLocalities(): OverviewLocalityRow[] {
		return this.statements.localities
			.all()
			.map((row) => ({ ...row, published: row.published === 1 }));
	}

	/** The current version of every inspection at an active locality. */
	visits(): OverviewVisitRow[] {
		return this.statements.visits.all().map((row) => ({ ...row, announced: row.announced === 1 }));
	}

	/** The påbud and forbud of the current version of every inspection at an active locality. */
	orders(): OverviewOrderRow[] {
		return this.statements.orders.all();
	}

	/** Snapshot date of the register's first successful SOR import, or null before any. */
	registerStartDate(): string | null {
		return this.statements.registerStart.get()?.snapshotDate ?? null;
	}

	/** All authorities, by name. */
	authorities(): { id: string; name: string; provisional: boolean }[] {
		return this.statements.authorities
			.all()
			.map((row) => ({ ...row, provisional: row.provisional === 1 }));
	}

	/** The 98 kommuner, by name. */
	municipalities(): { code: string; name: string }[] {
		return this.statements.municipalities.all();
	}
}

type RawLocality = Omit<OverviewLocalityRow, 'published'> & { published: number };
type RawVisit = Omit<OverviewVisitRow, 'announced'> & { announced: number };
