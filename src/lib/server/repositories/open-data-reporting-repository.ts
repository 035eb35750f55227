import type { Database, Statement } from 'better-sqlite3';
import { addEqualFilters, type SqlParams } from './sql-filter';
import type { RegisterDb } from '../db/client';
import type { OwnerType, Slice } from './open-data-register-repository';

/*
 * Read-only queries on the reported content (tables of src/lib/server/db/schema/reporting.ts) for
 * open data: the current version of each item, with filters and paging the reporting
 * repositories do not offer. Editor names (`created_by`) are never selected: they are personal
 * data and not part of what is published.
 */

/** Filters shared by the reported-content lists. */
export interface ReportFilter {
	municipality?: string;
	ownerType?: OwnerType;
	authority?: string;
	provider?: string;
	locality?: string;
	updatedSince?: string;
	id?: number;
	/** Withdrawn surveys and staff reports are left out of lists but found by id. */
	includeWithdrawn?: boolean;
}

/** Columns every reported item has. */
interface ReportRowBase {
	id: number;
	sorId: string;
	localityName: string;
	providerId: string;
	versionId: number;
	version: number;
	firstReportedAt: string;
	reportedAt: string;
}

/** The current version of an inspection's feedback. */
export interface InspectionRow extends ReportRowBase {
	authorityId: string;
	authorityName: string | null;
	visitDate: string;
	announced: number;
	themeSelfDetermination: string;
	themeTrust: string;
	themeRelatives: string;
	statusCode: string;
	statusLabel: string;
	statusText: string;
	summary: string;
	correctionNote: string | null;
}

/** The current version of a survey. */
export interface SurveyRow extends ReportRowBase {
	deleted: number;
	name: string;
	periodType: 'month' | 'quarter' | 'year';
	period: string;
	method: string;
	invited: number;
	responded: number;
}

/** The current version of a staff report. */
export interface StaffRow extends ReportRowBase {
	deleted: number;
	periodType: 'month' | 'quarter' | 'year';
	period: string;
	sicknessAbsencePct: number | null;
}

/** A påbud or forbud of an inspection version. */
export interface OrderRow {
	versionId: number;
	kind: 'order' | 'ban';
	description: string;
	issuedOn: string;
	deadline: string | null;
	liftedOn: string | null;
}

/** An answer of a survey version. */
export interface AnswerRow {
	versionId: number;
	questionCode: string;
	questionText: string;
	positivePct: number;
}

/** A staff line of a staff-report version. */
export interface StaffLineRow {
	versionId: number;
	category: 'nurses' | 'care_assistants' | 'care_helpers' | 'therapists' | 'other';
	headcount: number;
	fullTimeEquivalents: number;
}

const LOCALITY_JOIN = `
	JOIN localities l ON l.sor_id = r.sor_id
	JOIN sor_entities e ON e.sor_id = r.sor_id
	JOIN providers p ON p.id = l.provider_id`;
const BASE_COLUMNS = `r.id, r.sor_id AS sorId, e.name AS localityName, l.provider_id AS providerId,
	v.id AS versionId, v.version, r.created_at AS firstReportedAt, v.created_at AS reportedAt`;

const SOURCES = {
	inspection: {
		from: `FROM inspections r
			JOIN inspection_versions v ON v.inspection_id = r.id AND v.version =
				(SELECT max(w.version) FROM inspection_versions w WHERE w.inspection_id = r.id)
			${LOCALITY_JOIN}
			LEFT JOIN inspection_authorities ia ON ia.id = v.authority_id`,
		columns: `${BASE_COLUMNS}, v.authority_id AS authorityId, ia.name AS authorityName,
			v.visit_date AS visitDate, v.announced,
			v.theme_self_determination AS themeSelfDetermination, v.theme_trust AS themeTrust,
			v.theme_relatives AS themeRelatives, v.status_code AS statusCode,
			v.status_label AS statusLabel, v.status_text AS statusText, v.summary,
			v.correction_note AS correctionNote`,
		// The authority that carried out the visit (a snapshot on the version).
		authority: 'v.authority_id = @authority',
		withdrawable: false,
	},
	survey: {
		from: `FROM surveys r
			JOIN survey_versions v ON v.survey_id = r.id AND v.version =
				(SELECT max(w.version) FROM survey_versions w WHERE w.survey_id = r.id)
			${LOCALITY_JOIN}`,
		columns: `${BASE_COLUMNS}, v.deleted, v.name, v.period_type AS periodType, v.period,
			v.method, v.invited, v.responded`,
		authority: `EXISTS (SELECT 1 FROM authority_municipalities am
			WHERE am.municipality_code = l.location_municipality_code AND am.authority_id = @authority)`,
		withdrawable: true,
	},
	staff: {
		from: `FROM staff_reports r
			JOIN staff_report_versions v ON v.report_id = r.id AND v.version =
				(SELECT max(w.version) FROM staff_report_versions w WHERE w.report_id = r.id)
			${LOCALITY_JOIN}`,
		columns: `${BASE_COLUMNS}, v.deleted, r.period_type AS periodType, r.period,
			v.sickness_absence_pct AS sicknessAbsencePct`,
		authority: `EXISTS (SELECT 1 FROM authority_municipalities am
			WHERE am.municipality_code = l.location_municipality_code AND am.authority_id = @authority)`,
		withdrawable: true,
	},
} as const;

type Source = keyof typeof SOURCES;

/** Read-only SQL on inspections, surveys and staff reports for the open-data API. */
export class OpenDataReportingRepository {
	private readonly sqlite: Database;
	private readonly prepared = new Map<string, Statement>();

	constructor(db: RegisterDb) {
		this.sqlite = db.$client;
	}

	/** Current inspection feedback matching the filter, by id. */
	inspections(filter: ReportFilter, slice?: Slice): { rows: InspectionRow[]; total: number } {
		return this.list<InspectionRow>('inspection', filter, slice);
	}

	/** Current surveys matching the filter, by id. */
	surveys(filter: ReportFilter, slice?: Slice): { rows: SurveyRow[]; total: number } {
		return this.list<SurveyRow>('survey', filter, slice);
	}

	/** Current staff reports matching the filter, by id. */
	staffReports(filter: ReportFilter, slice?: Slice): { rows: StaffRow[]; total: number } {
		return this.list<StaffRow>('staff', filter, slice);
	}

	/** Orders of the given inspection versions, by version id and position. */
	orders(versionIds: readonly number[]): Map<number, OrderRow[]> {
		return this.children<OrderRow>(
			`SELECT version_id AS versionId, kind, description, issued_on AS issuedOn, deadline,
				lifted_on AS liftedOn FROM inspection_orders`,
			'version_id, position',
			versionIds,
		);
	}

	/** Answers of the given survey versions. */
	answers(versionIds: readonly number[]): Map<number, AnswerRow[]> {
		return this.children<AnswerRow>(
			`SELECT version_id AS versionId, question_code AS questionCode,
				question_text AS questionText, positive_pct AS positivePct FROM survey_answers`,
			'version_id, question_code',
			versionIds,
		);
	}

	/** Staff lines of the given staff-report versions. */
	staffLines(versionIds: readonly number[]): Map<number, StaffLineRow[]> {
		return this.children<StaffLineRow>(
			`SELECT version_id AS versionId, category, headcount,
				full_time_equivalents AS fullTimeEquivalents FROM staff_report_lines`,
			'version_id, category',
			versionIds,
		);
	}

	/** When each kind of reported content last got a new version (null when none). */
	lastReportedAt(): Record<Source, string | null> {
		const row = this.statement<Record<Source, string | null>>(
			`
			SELECT (SELECT max(created_at) FROM inspection_versions) AS inspection,
				(SELECT max(created_at) FROM survey_versions) AS survey,
				(SELECT max(created_at) FROM staff_report_versions) AS staff`,
		).get({});
		return row ?? { inspection: null, survey: null, staff: null };
	}

	private list<T>(
		source: Source,
		filter: ReportFilter,
		slice?: Slice,
	): { rows: T[]; total: number } {
		const spec = SOURCES[source];
		const where: string[] = [];
		const params: SqlParams = {};
		if (spec.withdrawable && !filter.includeWithdrawn) where.push('v.deleted = 0');
		const equal = [
			['municipality', 'l.location_municipality_code'],
			['ownerType', 'p.kind'],
			['provider', 'l.provider_id'],
			['locality', 'r.sor_id'],
			['id', 'r.id'],
		] as const;
		addEqualFilters(where, params, filter, equal);
		if (filter.authority !== undefined) {
			where.push(spec.authority);
			params.authority = filter.authority;
		}
		if (filter.updatedSince !== undefined) {
			where.push('substr(v.created_at, 1, 10) >= @updatedSince');
			params.updatedSince = filter.updatedSince;
		}
		const condition = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
		const select = `SELECT ${spec.columns} ${spec.from} ${condition}`;
		const rows = this.statement<T>(
			`${select} ORDER BY r.id ${slice ? 'LIMIT @limit OFFSET @offset' : ''}`,
		).all({ ...params, ...(slice ? { limit: slice.limit, offset: slice.offset } : {}) });
		const total = slice
			? (this.statement<{ n: number }>(`SELECT count(*) AS n FROM (${select})`).get(params)?.n ?? 0)
			: rows.length;
		return { rows, total };
	}

	private children<T extends { versionId: number }>(
		select: string,
		orderBy: string,
		ids: readonly number[],
	): Map<number, T[]> {
		const byVersion = new Map<number, T[]>();
		if (ids.length === 0) return byVersion;
		// One JSON parameter instead of one per id: a single prepared statement for any count.
		const rows = this.statement<T>(
			`${select} WHERE version_id IN (SELECT value FROM json_each(@ids)) ORDER BY ${orderBy}`,
		).all({ ids: JSON.stringify(ids) });
		for (const row of rows) {
			const list = byVersion.get(row.versionId) ?? [];
			list.push(row);
			byVersion.set(row.versionId, list);
		}
		return byVersion;
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
