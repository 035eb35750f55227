import { sql } from 'drizzle-orm';
import type { RegisterDb } from '../db/client';

/** A locality with what permissions and reporting pages need: owner, kommune, authority. */
export interface ReportingLocality {
	sorId: string;
	name: string;
	status: 'active' | 'closed';
	published: boolean;
	providerId: string;
	providerName: string;
	/** Beliggenhedskommune from DAR; null until the visiting address has been validated. */
	locationMunicipalityCode: string | null;
	/** Kommune used for survey averages: the location kommune, else SOR's visiting-address kommune. */
	municipalityCode: string | null;
	municipalityName: string | null;
	authorityId: string | null;
	authorityName: string | null;
	/** SOR's FirstFromDate and the snapshot the register first saw the locality in. */
	firstFromDate: string;
	firstRegisteredSnapshotDate: string;
}

const LOCALITY_SELECT = sql`
	SELECT l.sor_id AS sorId, e.name AS name, l.status AS status, l.published AS published,
		l.provider_id AS providerId, p.name AS providerName,
		l.location_municipality_code AS locationMunicipalityCode,
		coalesce(l.location_municipality_code, e.visiting_municipality_code) AS municipalityCode,
		m.name AS municipalityName,
		am.authority_id AS authorityId, ia.name AS authorityName,
		e.first_from_date AS firstFromDate,
		l.first_registered_snapshot_date AS firstRegisteredSnapshotDate
	FROM localities l
	JOIN sor_entities e ON e.sor_id = l.sor_id
	JOIN providers p ON p.id = l.provider_id
	LEFT JOIN municipalities m
		ON m.code = coalesce(l.location_municipality_code, e.visiting_municipality_code)
	LEFT JOIN authority_municipalities am ON am.municipality_code = l.location_municipality_code
	LEFT JOIN inspection_authorities ia ON ia.id = am.authority_id`;

type Raw = Omit<ReportingLocality, 'published'> & { published: number };
const fromRaw = (row: Raw): ReportingLocality => ({ ...row, published: row.published === 1 });

/** Read-only SQL that places localities in the reporting scopes (provider and authority). */
export class ReportingScopeRepository {
	constructor(private readonly db: RegisterDb) {}

	/** Snapshot date of the register's first successful SOR import; null before any. */
	registerStartDate(): string | null {
		return (
			this.db.get<{ snapshotDate: string | null } | undefined>(
				sql`SELECT snapshot_date AS snapshotDate FROM import_runs
					WHERE kind = 'sor' AND status = 'succeeded' ORDER BY id LIMIT 1`,
			)?.snapshotDate ?? null
		);
	}

	/** One locality, or null for an unknown SOR-ID. */
	locality(sorId: string): ReportingLocality | null {
		const row = this.db.get<Raw | undefined>(sql`${LOCALITY_SELECT} WHERE l.sor_id = ${sorId}`);
		return row ? fromRaw(row) : null;
	}

	/** The localities of a provider, active first, then by name. */
	localitiesOfProvider(providerId: string): ReportingLocality[] {
		return this.db
			.all<Raw>(
				sql`${LOCALITY_SELECT} WHERE l.provider_id = ${providerId} ORDER BY l.status, e.name`,
			)
			.map(fromRaw);
	}

	/** The localities an authority inspects (by location kommune), active first, then by name. */
	localitiesOfAuthority(authorityId: string): ReportingLocality[] {
		return this.db
			.all<Raw>(
				sql`${LOCALITY_SELECT} WHERE am.authority_id = ${authorityId} ORDER BY l.status, m.name, e.name`,
			)
			.map(fromRaw);
	}

	/** A provider's name, or null. */
	provider(providerId: string): { id: string; name: string } | null {
		return (
			this.db.get<{ id: string; name: string } | undefined>(
				sql`SELECT id, name FROM providers WHERE id = ${providerId}`,
			) ?? null
		);
	}

	/** An authority's name, or null. */
	authority(authorityId: string): { id: string; name: string } | null {
		return (
			this.db.get<{ id: string; name: string } | undefined>(
				sql`SELECT id, name FROM inspection_authorities WHERE id = ${authorityId}`,
			) ?? null
		);
	}

	/** SOR content hashes of units (for duplicate reviews), keyed by SOR-ID. */
	contentHashes(sorIds: string[]): Map<string, { hash: string; name: string }> {
		if (sorIds.length === 0) return new Map();
		const rows = this.db.all<{ sorId: string; hash: string; name: string }>(
			sql`SELECT sor_id AS sorId, content_hash AS hash, name FROM sor_entities WHERE sor_id IN (${sql.join(
				sorIds.map((id) => sql`${id}`),
				sql`, `,
			)})`,
		);
		return new Map(rows.map((r) => [r.sorId, { hash: r.hash, name: r.name }]));
	}
}
