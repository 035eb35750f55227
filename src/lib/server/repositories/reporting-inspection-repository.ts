import { sql, type SQL } from 'drizzle-orm';
import type { InspectionOrder } from '../../domain/reporting/inspection';
import type { RegisterDb } from '../db/client';
import { inspectionOrders, inspections, inspectionVersions } from '../db/schema';
import { bool, childRows } from './reporting-rows';

/** A version of an inspection's feedback with its påbud and forbud. */
export interface InspectionRecord {
	inspectionId: number;
	sorId: string;
	versionId: number;
	version: number;
	authorityId: string;
	visitDate: string;
	announced: boolean;
	themeSelfDetermination: string;
	themeTrust: string;
	themeRelatives: string;
	statusCode: string;
	statusLabel: string;
	statusText: string;
	summary: string;
	pdfFileId: string;
	correctionNote: string | null;
	createdAt: string;
	createdBy: number;
	createdByName: string;
	/** When the feedback was first reported (version 1). */
	firstCreatedAt: string;
	orders: InspectionOrder[];
}

const SELECT = sql`
	SELECT i.id AS inspectionId, i.sor_id AS sorId, v.id AS versionId, v.version,
		v.authority_id AS authorityId, v.visit_date AS visitDate, v.announced,
		v.theme_self_determination AS themeSelfDetermination, v.theme_trust AS themeTrust,
		v.theme_relatives AS themeRelatives, v.status_code AS statusCode,
		v.status_label AS statusLabel, v.status_text AS statusText, v.summary,
		v.pdf_file_id AS pdfFileId, v.correction_note AS correctionNote,
		v.created_at AS createdAt, v.created_by AS createdBy, a.name AS createdByName,
		i.created_at AS firstCreatedAt
	FROM inspections i
	JOIN inspection_versions v ON v.inspection_id = i.id
	JOIN accounts a ON a.id = v.created_by`;

const CURRENT = sql`v.version = (SELECT max(w.version) FROM inspection_versions w WHERE w.inspection_id = i.id)`;

/** All SQL on inspection feedback and its versions. */
export class ReportingInspectionRepository {
	constructor(private readonly db: RegisterDb) {}

	/** The current version of every inspection at a locality, newest visit first. */
	currentForLocality(sorId: string): InspectionRecord[] {
		return this.query(
			sql`${SELECT} WHERE i.sor_id = ${sorId} AND ${CURRENT} ORDER BY v.visit_date DESC, i.id DESC`,
		);
	}

	/** The current version of every inspection at a provider's localities. */
	currentForProvider(providerId: string): InspectionRecord[] {
		return this.query(
			sql`${SELECT} JOIN localities l ON l.sor_id = i.sor_id
				WHERE l.provider_id = ${providerId} AND ${CURRENT}
				ORDER BY v.visit_date DESC, i.id DESC`,
		);
	}

	/** Latest visit date per locality (current versions), for localities an authority covers. */
	lastVisitsOfAuthority(authorityId: string): Map<string, string> {
		const rows = this.db.all<{ sorId: string; lastVisit: string }>(
			sql`SELECT i.sor_id AS sorId, max(v.visit_date) AS lastVisit
				FROM inspections i
				JOIN inspection_versions v ON v.inspection_id = i.id
				JOIN localities l ON l.sor_id = i.sor_id
				JOIN authority_municipalities am ON am.municipality_code = l.location_municipality_code
				WHERE am.authority_id = ${authorityId} AND ${CURRENT}
				GROUP BY i.sor_id`,
		);
		return new Map(rows.map((r) => [r.sorId, r.lastVisit]));
	}

	/** Every version of one inspection, newest first. */
	versions(inspectionId: number): InspectionRecord[] {
		return this.query(sql`${SELECT} WHERE i.id = ${inspectionId} ORDER BY v.version DESC`);
	}

	/** Creates the identity row of an inspection. */
	insertInspection(row: typeof inspections.$inferInsert): number {
		return this.db.insert(inspections).values(row).returning({ id: inspections.id }).get().id;
	}

	/** Appends a version with its orders; fails on a duplicate (inspection, version). */
	insertVersion(row: typeof inspectionVersions.$inferInsert, orders: InspectionOrder[]): number {
		const { id } = this.db
			.insert(inspectionVersions)
			.values(row)
			.returning({ id: inspectionVersions.id })
			.get();
		orders.forEach((order, position) => {
			this.db
				.insert(inspectionOrders)
				.values({ versionId: id, position, ...order })
				.run();
		});
		return id;
	}

	private query(query: SQL): InspectionRecord[] {
		const rows = this.db.all<
			Omit<InspectionRecord, 'orders' | 'announced'> & { announced: number }
		>(query);
		const orders = childRows<InspectionOrder & { versionId: number }>(
			this.db,
			sql`SELECT version_id AS versionId, kind, description, issued_on AS issuedOn, deadline, lifted_on AS liftedOn FROM inspection_orders`,
			sql`version_id`,
			rows.map((r) => r.versionId),
			sql`version_id, position`,
		);
		return rows.map((row) => ({
			...row,
			announced: bool(row.announced),
			orders: (orders.get(row.versionId) ?? []).map(({ versionId: _v, ...order }) => order),
		}));
	}
}
