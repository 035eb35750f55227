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

// Rows per statement when appending in batches: a fifth fewer statement executions' worth of time
// at 150 000 'new' events, without the cost of one very wide statement.
const BATCH = 32;
const COLUMNS = 'run_id, snapshot_date, sor_id, kind, details';

/** All SQL on `sor_events`. */
export class SorEventRepository {
	private readonly insertStmt: Statement;
	private batchStmt: Statement | null = null;
	private readonly pending: (string | number)[] = [];

	constructor(private readonly db: RegisterDb) {
		this.insertStmt = db.$client.prepare(
			`INSERT INTO sor_events (${COLUMNS}) VALUES (?, ?, ?, ?, ?)`,
		);
	}

	/** Appends a history row (after any appended with {@link append} and not yet flushed). */
	record(
		runId: number,
		snapshotDate: string,
		sorId: string,
		kind: SorEventKind,
		details: Record<string, unknown> = {},
	): void {
		this.flush();
		this.insertStmt.run(runId, snapshotDate, sorId, kind, JSON.stringify(details));
	}

	/**
	 * Appends a history row in a batch: it is written, in order, by a later {@link flush} (or
	 * {@link record}). For the importer's thousands of rows per run.
	 */
	append(
		runId: number,
		snapshotDate: string,
		sorId: string,
		kind: SorEventKind,
		details: Record<string, unknown> = {},
	): void {
		const pending = this.pending;
		pending.push(runId, snapshotDate, sorId, kind, JSON.stringify(details));
		if (pending.length === BATCH * 5) {
			this.batchStmt ??= this.db.$client.prepare(
				`INSERT INTO sor_events (${COLUMNS}) VALUES ${new Array(BATCH).fill('(?, ?, ?, ?, ?)').join(', ')}`,
			);
			this.batchStmt.run(pending);
			pending.length = 0;
		}
	}

	/** Writes the rows appended so far. */
	flush(): void {
		const pending = this.pending;
		for (let i = 0; i < pending.length; i += 5) this.insertStmt.run(pending.slice(i, i + 5));
		pending.length = 0;
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
