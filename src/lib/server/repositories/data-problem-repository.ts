import type { Statement } from 'better-sqlite3';
import { and, asc, count, desc, eq, isNull, isNotNull, sql } from 'drizzle-orm';
import { problemKey, type Problem } from '../../domain/quality/problem';
import type { RegisterDb } from '../db/client';
import { dataProblems } from '../db/schema';

const SEVERITY_ORDER = sql`CASE ${dataProblems.severity} WHEN 'blocking' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END`;

/** A stored problem, open or resolved. */
export type StoredProblem = typeof dataProblems.$inferSelect;

/** A problem together with the owner it is reported to. */
export interface OwnedProblem extends Problem {
	ownerKey: string;
}

/** All SQL on `data_problems`. */
export class DataProblemRepository {
	constructor(private readonly db: RegisterDb) {}

	// Prepared on first use: a sync writes up to thousands of rows, the pages never write.
	private statements: {
		update: Statement;
		insert: Statement;
		resolve: Statement;
	} | null = null;

	private writeStatements() {
		const sqlite = this.db.$client;
		return (this.statements ??= {
			update: sqlite.prepare(
				`UPDATE data_problems SET owner_key = ?, severity = ?, message = ?, action = ? WHERE id = ?`,
			),
			insert: sqlite.prepare(
				`INSERT INTO data_problems (problem_key, owner_key, sor_id, related_sor_id, code, severity, message, action, first_seen_run_id, first_seen_at)
				 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			),
			resolve: sqlite.prepare(
				`UPDATE data_problems SET resolved_run_id = ?, resolved_at = ? WHERE id = ?`,
			),
		});
	}

	/**
	 * Makes the open problems equal to `current`: new ones are opened with this run as first seen,
	 * still-present ones keep their first-seen run, and vanished ones are marked resolved.
	 */
	sync(
		current: OwnedProblem[],
		runId: number,
		at: string,
	): { opened: OwnedProblem[]; resolved: StoredProblem[] } {
		const open = new Map(
			this.db
				.select()
				.from(dataProblems)
				.where(isNull(dataProblems.resolvedRunId))
				.all()
				.map((row) => [row.problemKey, row] as const),
		);
		const statements = this.writeStatements();
		const opened: OwnedProblem[] = [];
		const stillOpen = new Set<string>();
		for (const p of current) {
			const key = problemKey(p);
			if (stillOpen.has(key)) continue;
			stillOpen.add(key);
			const existing = open.get(key);
			if (existing) {
				const same =
					existing.ownerKey === p.ownerKey &&
					existing.severity === p.severity &&
					existing.message === p.message &&
					existing.action === p.action;
				// Unchanged problems are not rewritten, so re-running a snapshot changes nothing.
				if (same) continue;
				statements.update.run(p.ownerKey, p.severity, p.message, p.action, existing.id);
			} else {
				statements.insert.run(
					key,
					p.ownerKey,
					p.sorId,
					p.relatedSorId,
					p.code,
					p.severity,
					p.message,
					p.action,
					runId,
					at,
				);
				opened.push(p);
			}
		}
		const resolved: StoredProblem[] = [];
		for (const [key, row] of open) {
			if (stillOpen.has(key)) continue;
			statements.resolve.run(runId, at, row.id);
			resolved.push({ ...row, resolvedRunId: runId, resolvedAt: at });
		}
		return { opened, resolved };
	}

	/** Open problems, optionally of one owner, most severe first. */
	open(ownerKey?: string): StoredProblem[] {
		const condition = ownerKey
			? and(isNull(dataProblems.resolvedRunId), eq(dataProblems.ownerKey, ownerKey))
			: isNull(dataProblems.resolvedRunId);
		return this.db
			.select()
			.from(dataProblems)
			.where(condition)
			.orderBy(SEVERITY_ORDER, asc(dataProblems.sorId), asc(dataProblems.code))
			.all();
	}

	/** Open problem counts per owner and severity. */
	openCountsByOwner(): Map<string, Record<'blocking' | 'warning' | 'notice', number>> {
		const rows = this.db
			.select({ ownerKey: dataProblems.ownerKey, severity: dataProblems.severity, n: count() })
			.from(dataProblems)
			.where(isNull(dataProblems.resolvedRunId))
			.groupBy(dataProblems.ownerKey, dataProblems.severity)
			.all();
		const byOwner = new Map<string, Record<'blocking' | 'warning' | 'notice', number>>();
		for (const row of rows) {
			const counts = byOwner.get(row.ownerKey) ?? { blocking: 0, warning: 0, notice: 0 };
			counts[row.severity] = row.n;
			byOwner.set(row.ownerKey, counts);
		}
		return byOwner;
	}

	/** Resolved problems of one owner, newest first (the history). */
	resolved(ownerKey: string, limit = 200): StoredProblem[] {
		return this.db
			.select()
			.from(dataProblems)
			.where(and(isNotNull(dataProblems.resolvedRunId), eq(dataProblems.ownerKey, ownerKey)))
			.orderBy(desc(dataProblems.resolvedRunId), asc(dataProblems.sorId))
			.limit(limit)
			.all();
	}
}
