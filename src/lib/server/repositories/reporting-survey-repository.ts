import { sql, type SQL } from 'drizzle-orm';
import type { SurveyAnswer } from '../../domain/reporting/survey';
import type { RegisterDb } from '../db/client';
import { surveyAnswers, surveys, surveyVersions } from '../db/schema';
import { bool, childRows } from './reporting-rows';

/** A version of a survey with its answers. */
export interface SurveyRecord {
	surveyId: number;
	sorId: string;
	versionId: number;
	version: number;
	deleted: boolean;
	name: string;
	nameKey: string;
	periodType: 'month' | 'quarter' | 'year';
	period: string;
	method: string;
	invited: number;
	responded: number;
	createdAt: string;
	createdBy: number;
	createdByName: string;
	firstCreatedAt: string;
	/** Kommune of the locality for averages (location kommune, else SOR's visiting kommune). */
	municipalityCode: string | null;
	answers: SurveyAnswer[];
}

const SELECT = sql`
	SELECT s.id AS surveyId, s.sor_id AS sorId, v.id AS versionId, v.version, v.deleted, v.name,
		v.name_key AS nameKey, v.period_type AS periodType, v.period, v.method, v.invited,
		v.responded, v.created_at AS createdAt, v.created_by AS createdBy, a.name AS createdByName,
		s.created_at AS firstCreatedAt,
		coalesce(l.location_municipality_code, e.visiting_municipality_code) AS municipalityCode
	FROM surveys s
	JOIN survey_versions v ON v.survey_id = s.id
	JOIN accounts a ON a.id = v.created_by
	JOIN localities l ON l.sor_id = s.sor_id
	JOIN sor_entities e ON e.sor_id = s.sor_id`;

const CURRENT = sql`v.version = (SELECT max(w.version) FROM survey_versions w WHERE w.survey_id = s.id)`;

/** All SQL on satisfaction surveys and their versions. */
export class ReportingSurveyRepository {
	constructor(private readonly db: RegisterDb) {}

	/** The current version of every survey of a locality (withdrawn ones included, flagged). */
	currentForLocality(sorId: string): SurveyRecord[] {
		return this.query(sql`${SELECT} WHERE s.sor_id = ${sorId} AND ${CURRENT}`);
	}

	/** The current, not withdrawn, surveys of all localities of a provider. */
	currentForProvider(providerId: string): SurveyRecord[] {
		return this.query(
			sql`${SELECT} WHERE l.provider_id = ${providerId} AND ${CURRENT} AND v.deleted = 0`,
		);
	}

	/** Current, not withdrawn results of "the same survey and period" at every locality. */
	currentMatching(nameKey: string, periodType: string, period: string): SurveyRecord[] {
		return this.query(
			sql`${SELECT} WHERE v.name_key = ${nameKey} AND v.period_type = ${periodType}
				AND v.period = ${period} AND ${CURRENT} AND v.deleted = 0`,
		);
	}

	/** Survey names in use, most used first (one spelling per name key). */
	knownNames(limit: number): string[] {
		return this.db
			.all<{ name: string }>(
				sql`SELECT min(name) AS name FROM survey_versions GROUP BY name_key ORDER BY count(*) DESC, name LIMIT ${limit}`,
			)
			.map((row) => row.name);
	}

	/** Every version of one survey, newest first. */
	versions(surveyId: number): SurveyRecord[] {
		return this.query(sql`${SELECT} WHERE s.id = ${surveyId} ORDER BY v.version DESC`);
	}

	/** Creates the identity row of a survey. */
	insertSurvey(row: typeof surveys.$inferInsert): number {
		return this.db.insert(surveys).values(row).returning({ id: surveys.id }).get().id;
	}

	/** Appends a version with its answers; fails on a duplicate (survey, version). */
	insertVersion(row: typeof surveyVersions.$inferInsert, answers: SurveyAnswer[]): number {
		const { id } = this.db
			.insert(surveyVersions)
			.values(row)
			.returning({ id: surveyVersions.id })
			.get();
		for (const answer of answers) {
			this.db
				.insert(surveyAnswers)
				.values({ versionId: id, ...answer })
				.run();
		}
		return id;
	}

	private query(query: SQL): SurveyRecord[] {
		const rows = this.db.all<Omit<SurveyRecord, 'answers' | 'deleted'> & { deleted: number }>(
			query,
		);
		const answers = childRows<SurveyAnswer & { versionId: number }>(
			this.db,
			sql`SELECT version_id AS versionId, question_code AS questionCode, question_text AS questionText, positive_pct AS positivePct FROM survey_answers`,
			sql`version_id`,
			rows.map((r) => r.versionId),
			// Insertion order is catalogue order.
			sql`version_id, rowid`,
		);
		return rows.map((row) => ({
			...row,
			deleted: bool(row.deleted),
			answers: (answers.get(row.versionId) ?? []).map(({ versionId: _v, ...answer }) => answer),
		}));
	}
}
