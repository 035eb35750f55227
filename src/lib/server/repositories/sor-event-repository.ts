import type { Statement } from 'better-sqlite3';
import type { RegisterDb } from '../db/client';

/** Kinds of change the history records. */
export type SorEventKind = 'new' | 'changed' | 'moved' | 'closed' | 'reopened';

/** One history row as read back. */
export interface SorEvent {
	id: number;
	runId: number;
	snapshotDate: string;
	sorId: string;
	kind: SorEventKind;
	details: Record<string, unknown>;
}

/** All SQL on `sor_events`. */
export class SorEventRepository {
	private readonly insertStmt: Statement;

	constructor(private readonly db: RegisterDb) {
		this.insertStmt = db.$client.prepare(
			`INSERT INTO sor_events (run_id, snapshot_date, sor_id, kind, details) VALUES (?, ?, ?, ?, ?)`,
		);
	}

	/** Appends a history row. */
	record(
		runId: number,
		snapshotDate: string,
		sorId: string,
		kind: SorEventKind,
		details: Record<string, unknown> = {},
	): void {
		this.insertStmt.run(runId, snapshotDate, sorId, kind, JSON.stringify(details));
	}

	/** The history of one entity, oldest first. */
	forEntity(sorId: string): SorEvent[] {
		return this.mapRows(
			this.db.$client
				.prepare(`SELECT * FROM sor_events WHERE sor_id = ? ORDER BY id`)
				.all(sorId) as RawEvent[],
		);
	}

	/** Every history row written by one run. */
	forRun(runId: number): SorEvent[] {
		return this.mapRows(
			this.db.$client
				.prepare(`SELECT * FROM sor_events WHERE run_id = ? ORDER BY id`)
				.all(runId) as RawEvent[],
		);
	}

	/** Total number of history rows. */
	count(): number {
		return (this.db.$client.prepare(`SELECT COUNT(*) AS n FROM sor_events`).get() as { n: number })
			.n;
	}

	private mapRows(rows: RawEvent[]): SorEvent[] {
		return rows.map((row) => ({
			id: row.id,
			runId: row.run_id,
			snapshotDate: row.snapshot_date,
			sorId: row.sor_id,
			kind: row.kind,
			details: JSON.parse(row.details) as Record<string, unknown>,
		}));
	}
}

interface RawEvent {
	id: number;
	run_id: number;
	snapshot_date: string;
	sor_id: string;
	kind: SorEventKind;
	details: string;
}
