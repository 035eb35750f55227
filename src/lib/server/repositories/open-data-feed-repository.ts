import type { Database, Statement } from 'better-sqlite3';
import type { SqlParams } from './sql-filter';
import type {
	EventRow,
	InspectionEventRow,
	InspectionHistoryRow,
	ReportEventRow,
	SorEventRow,
} from '../../domain/open-data/change-events';
import {
	FEED_SOURCES,
	type FeedPosition,
	type FeedSource,
} from '../../domain/open-data/feed-cursor';
import type { RegisterDb } from '../db/client';

/** Which localities' events a feed carries (their current kommune, provider or SOR-ID). */
export interface FeedFilter {
	municipality?: string;
	provider?: string;
	locality?: string;
}

const LOCALITY_COLUMNS = `e.name AS localityName, l.provider_id AS providerId,
	l.location_municipality_code AS municipalityCode`;

/*
 * One SELECT per source table. Every source joins `localities`, so only events about localities
 * are in the feed (SOR history also covers owners and other units). `recordedAt` is when the
 * change became visible: the import run's end, or the version's save time.
 */
const SOURCE_SQL: Record<FeedSource, { select: string; id: string; sorId: string }> = {
	sor: {
		select: `SELECT ev.id, 'sor' AS source, coalesce(r.finished_at, r.started_at) AS recordedAt,
				ev.sor_id AS sorId, ev.kind, ev.details, ev.snapshot_date AS snapshotDate, ${LOCALITY_COLUMNS}
			FROM sor_events ev
			JOIN localities l ON l.sor_id = ev.sor_id
			JOIN sor_entities e ON e.sor_id = ev.sor_id
			JOIN import_runs r ON r.id = ev.run_id`,
		id: 'ev.id',
		sorId: 'ev.sor_id',
	},
	inspection: {
		select: `SELECT v.id, 'inspection' AS source, v.created_at AS recordedAt, i.sor_id AS sorId,
				i.id AS inspectionId, v.version, v.visit_date AS visitDate, v.status_code AS statusCode,
				v.status_label AS statusLabel, ${LOCALITY_COLUMNS}
			FROM inspection_versions v
			JOIN inspections i ON i.id = v.inspection_id
			JOIN localities l ON l.sor_id = i.sor_id
			JOIN sor_entities e ON e.sor_id = i.sor_id`,
		id: 'v.id',
		sorId: 'i.sor_id',
	},
	survey: {
		select: `SELECT v.id, 'survey' AS source, v.created_at AS recordedAt, s.sor_id AS sorId,
				s.id AS reportId, v.version, v.deleted, v.period_type AS periodType, v.period, v.name,
				${LOCALITY_COLUMNS}
			FROM survey_versions v
			JOIN surveys s ON s.id = v.survey_id
			JOIN localities l ON l.sor_id = s.sor_id
			JOIN sor_entities e ON e.sor_id = s.sor_id`,
		id: 'v.id',
		sorId: 's.sor_id',
	},
	staff: {
		select: `SELECT v.id, 'staff' AS source, v.created_at AS recordedAt, r.sor_id AS sorId,
				r.id AS reportId, v.version, v.deleted, r.period_type AS periodType, r.period,
				NULL AS name, ${LOCALITY_COLUMNS}
			FROM staff_report_versions v
			JOIN staff_reports r ON r.id = v.report_id
			JOIN localities l ON l.sor_id = r.sor_id
			JOIN sor_entities e ON e.sor_id = r.sor_id`,
		id: 'v.id',
		sorId: 'r.sor_id',
	},
};

// Per source: the first id recorded at or after a moment (null when none), and the highest id.
const POSITION_SQL: Record<FeedSource, { firstFrom: string; max: string }> = {
	sor: {
		firstFrom: `SELECT min(id) AS id FROM sor_events WHERE run_id IN
			(SELECT id FROM import_runs WHERE coalesce(finished_at, started_at) >= @at)`,
		max: `SELECT max(id) AS id FROM sor_events`,
	},
	inspection: {
		firstFrom: `SELECT min(id) AS id FROM inspection_versions WHERE created_at >= @at`,
		max: `SELECT max(id) AS id FROM inspection_versions`,
	},
	survey: {
		firstFrom: `SELECT min(id) AS id FROM survey_versions WHERE created_at >= @at`,
		max: `SELECT max(id) AS id FROM survey_versions`,
	},
	staff: {
		firstFrom: `SELECT min(id) AS id FROM staff_report_versions WHERE created_at >= @at`,
		max: `SELECT max(id) AS id FROM staff_report_versions`,
	},
};

type RawEvent = Omit<EventRow, 'deleted'> & { deleted?: number };

/** Read-only SQL behind the change feed and the Atom feeds. */
export class OpenDataFeedRepository {
	private readonly sqlite: Database;
	private readonly prepared = new Map<string, Statement>();

	constructor(db: RegisterDb) {
		this.sqlite = db.$client;
	}

	/** Up to `limit` events of one source with id > `afterId`, in id order. */
	after(source: FeedSource, afterId: number, limit: number, filter: FeedFilter): EventRow[] {
		const spec = SOURCE_SQL[source];
		const { where, params } = this.filter(spec.sorId, filter);
		where.push(`${spec.id} > @after`);
		return this.run(
			`${spec.select} WHERE ${where.join(' AND ')} ORDER BY ${spec.id} LIMIT @limit`,
			{ ...params, after: afterId, limit },
		);
	}

	/** The latest `limit` events of one source, newest first. */
	latest(source: FeedSource, limit: number, filter: FeedFilter): EventRow[] {
		const spec = SOURCE_SQL[source];
		const { where, params } = this.filter(spec.sorId, filter);
		const condition = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
		return this.run(`${spec.select} ${condition} ORDER BY ${spec.id} DESC LIMIT @limit`, {
			...params,
			limit,
		});
	}

	/**
	 * The position just before the first event recorded at or after `at` (ISO timestamp), per
	 * source; a source with nothing that recent is positioned after its last event.
	 */
	positionAt(at: string): FeedPosition {
		const position = {} as FeedPosition;
		for (const source of FEED_SOURCES) {
			const first = this.statement<{ id: number | null }>(POSITION_SQL[source].firstFrom).get({
				at,
			});
			if (first?.id != null) {
				position[source] = first.id - 1;
			} else {
				position[source] =
					this.statement<{ id: number | null }>(POSITION_SQL[source].max).get({})?.id ?? 0;
			}
		}
		return position;
	}

	/** The highest id of every source: the position of "now" (nothing new yet). */
	endPosition(): FeedPosition {
		const position = {} as FeedPosition;
		for (const source of FEED_SOURCES) {
			position[source] =
				this.statement<{ id: number | null }>(POSITION_SQL[source].max).get({})?.id ?? 0;
		}
		return position;
	}

	/** Every version of every inspection at the given localities (to tell status changes). */
	inspectionHistory(sorIds: readonly string[]): InspectionHistoryRow[] {
		if (sorIds.length === 0) return [];
		return this.statement<InspectionHistoryRow>(
			`
			SELECT v.id AS versionId, i.id AS inspectionId, v.version, i.sor_id AS sorId,
				v.visit_date AS visitDate, v.status_code AS statusCode, v.status_label AS statusLabel
			FROM inspections i JOIN inspection_versions v ON v.inspection_id = i.id
			WHERE i.sor_id IN (SELECT value FROM json_each(@ids))
			ORDER BY v.id`,
		).all({ ids: JSON.stringify(sorIds) });
	}

	private filter(sorIdColumn: string, filter: FeedFilter): { where: string[]; params: SqlParams } {
		const where: string[] = [];
		const params: SqlParams = {};
		if (filter.locality !== undefined) {
			where.push(`${sorIdColumn} = @locality`);
			params.locality = filter.locality;
		}
		if (filter.provider !== undefined) {
			where.push('l.provider_id = @provider');
			params.provider = filter.provider;
		}
		if (filter.municipality !== undefined) {
			where.push('l.location_municipality_code = @municipality');
			params.municipality = filter.municipality;
		}
		return { where, params };
	}

	private run(text: string, params: SqlParams): EventRow[] {
		return this.statement<RawEvent>(text)
			.all(params)
			.map((row) =>
				row.source === 'survey' || row.source === 'staff'
					? ({ ...row, deleted: row.deleted === 1 } as ReportEventRow)
					: (row as SorEventRow | InspectionEventRow),
			);
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
