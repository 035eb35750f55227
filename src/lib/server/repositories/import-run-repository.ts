import { and, desc, eq } from 'drizzle-orm';
import type { RegisterDb } from '../db/client';
import { importRejections, importRuns } from '../db/schema';

/** One logged import run. */
export type ImportRun = typeof importRuns.$inferSelect;

/** All SQL on the run log and the rejected-record list. */
export class ImportRunRepository {
	constructor(private readonly db: RegisterDb) {}

	/** Logs the start of a run and returns its id. */
	start(kind: 'sor' | 'dar', source: string, startedAt: string, isSampleData = false): number {
		const row = this.db
			.insert(importRuns)
			.values({ kind, source, startedAt, status: 'running', isSampleData })
			.returning({ id: importRuns.id })
			.get();
		return row.id;
	}

	/** Records the outcome of a run. */
	finish(
		runId: number,
		outcome: {
			status: 'succeeded' | 'failed' | 'refused';
			finishedAt: string;
			snapshotDate?: string | null;
			fileCreatedAt?: string | null;
			counts?: Record<string, number>;
			message?: string | null;
		},
	): void {
		this.db
			.update(importRuns)
			.set({
				status: outcome.status,
				finishedAt: outcome.finishedAt,
				snapshotDate: outcome.snapshotDate ?? null,
				fileCreatedAt: outcome.fileCreatedAt ?? null,
				counts: JSON.stringify(outcome.counts ?? {}),
				message: outcome.message ?? null,
			})
			.where(eq(importRuns.id, runId))
			.run();
	}

	/** Stores a rejected record with its reason. */
	reject(runId: number, sorId: string | null, reason: string): void {
		this.db.insert(importRejections).values({ runId, sorId, reason }).run();
	}

	/** Rejections of one run. */
	rejections(runId: number): { sorId: string | null; reason: string }[] {
		return this.db
			.select({ sorId: importRejections.sorId, reason: importRejections.reason })
			.from(importRejections)
			.where(eq(importRejections.runId, runId))
			.all();
	}

	/** The latest run of a kind, optionally only successful ones. */
	latest(kind: 'sor' | 'dar', onlySucceeded = false): ImportRun | null {
		const condition = onlySucceeded
			? and(eq(importRuns.kind, kind), eq(importRuns.status, 'succeeded'))
			: eq(importRuns.kind, kind);
		return (
			this.db
				.select()
				.from(importRuns)
				.where(condition)
				.orderBy(desc(importRuns.id))
				.limit(1)
				.get() ?? null
		);
	}
}
