import { sql, type SQL } from 'drizzle-orm';
import { STAFF_CATEGORIES, type StaffCategory, type StaffLine } from '../../domain/reporting/staff';
import type { RegisterDb } from '../db/client';
import { staffReportLines, staffReportVersions, staffReports } from '../db/schema';
import { bool, childRows } from './reporting-rows';

/** A version of a staff report with its lines. */
export interface StaffReportRecord {
	reportId: number;
	sorId: string;
	periodType: 'month' | 'quarter' | 'year';
	period: string;
	versionId: number;
	version: number;
	deleted: boolean;
	sicknessAbsencePct: number | null;
	createdAt: string;
	createdBy: number;
	createdByName: string;
	/** When the report was first made (version 1). */
	firstCreatedAt: string;
	lines: StaffLine[];
}

const SELECT = sql`
	SELECT r.id AS reportId, r.sor_id AS sorId, r.period_type AS periodType, r.period,
		v.id AS versionId, v.version, v.deleted, v.sickness_absence_pct AS sicknessAbsencePct,
		v.created_at AS createdAt, v.created_by AS createdBy, a.name AS createdByName,
		r.created_at AS firstCreatedAt
	FROM staff_reports r
	JOIN staff_report_versions v ON v.report_id = r.id
	JOIN accounts a ON a.id = v.created_by`;

const CATEGORY_ORDER: string[] = STAFF_CATEGORIES.map((c) => c.key);

const CURRENT = sql`v.version = (SELECT max(w.version) FROM staff_report_versions w WHERE w.report_id = r.id)`;

/** All SQL on staff reports and their versions. */
export class ReportingStaffRepository {
	constructor(private readonly db: RegisterDb) {}

	/** The current version of every report of a locality (withdrawn ones included, flagged). */
	currentForLocality(sorId: string): StaffReportRecord[] {
		return this.query(sql`${SELECT} WHERE r.sor_id = ${sorId} AND ${CURRENT}`);
	}

	/** The current, not withdrawn, reports of all localities of a provider. */
	currentForProvider(providerId: string): StaffReportRecord[] {
		return this.query(
			sql`${SELECT} JOIN localities l ON l.sor_id = r.sor_id
				WHERE l.provider_id = ${providerId} AND ${CURRENT} AND v.deleted = 0`,
		);
	}

	/** Every version of one report, newest first. */
	versions(reportId: number): StaffReportRecord[] {
		return this.query(sql`${SELECT} WHERE r.id = ${reportId} ORDER BY v.version DESC`);
	}

	/** The report for a locality and period, if one exists. */
	findByPeriod(sorId: string, periodType: string, period: string): number | null {
		return (
			this.db.get<{ id: number } | undefined>(
				sql`SELECT id FROM staff_reports WHERE sor_id = ${sorId} AND period_type = ${periodType} AND period = ${period}`,
			)?.id ?? null
		);
	}

	/** Creates the identity row of a report. */
	insertReport(row: typeof staffReports.$inferInsert): number {
		return this.db.insert(staffReports).values(row).returning({ id: staffReports.id }).get().id;
	}

	/** Appends a version with its lines; fails on a duplicate (report, version). */
	insertVersion(row: typeof staffReportVersions.$inferInsert, lines: StaffLine[]): number {
		const { id } = this.db
			.insert(staffReportVersions)
			.values(row)
			.returning({ id: staffReportVersions.id })
			.get();
		for (const line of lines) {
			this.db
				.insert(staffReportLines)
				.values({ versionId: id, ...line })
				.run();
		}
		return id;
	}

	private query(query: SQL): StaffReportRecord[] {
		const rows = this.db.all<Omit<StaffReportRecord, 'lines' | 'deleted'> & { deleted: number }>(
			query,
		);
		const lines = childRows<{
			versionId: number;
			category: StaffCategory;
			headcount: number;
			fullTimeEquivalents: number;
		}>(
			this.db,
			sql`SELECT version_id AS versionId, category, headcount, full_time_equivalents AS fullTimeEquivalents FROM staff_report_lines`,
			sql`version_id`,
			rows.map((r) => r.versionId),
			sql`version_id`,
		);
		return rows.map((row) => ({
			...row,
			deleted: bool(row.deleted),
			lines: (lines.get(row.versionId) ?? [])
				.map(({ versionId: _v, ...line }) => line)
				.sort((a, b) => CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category)),
		}));
	}
}
