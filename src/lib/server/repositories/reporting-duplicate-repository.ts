import { sql } from 'drizzle-orm';
import type { RegisterDb } from '../db/client';
import { duplicateReviews } from '../db/schema';

/** A stored duplicate review version, with the reviewer's name. */
export type DuplicateReviewRow = typeof duplicateReviews.$inferSelect & { createdByName: string };

/** An open probable-duplicate problem of an owner. */
export interface DuplicateProblem {
	id: number;
	problemKey: string;
	ownerKey: string;
	sorId: string;
	relatedSorId: string;
	message: string;
	firstSeenAt: string;
}

/** All SQL on duplicate reviews (and the open duplicate problems they refer to). */
export class ReportingDuplicateRepository {
	constructor(private readonly db: RegisterDb) {}

	/** Open 'probable-duplicate' problems of an owner (provider id = owner key). */
	openDuplicates(ownerKey: string): DuplicateProblem[] {
		return this.db.all<DuplicateProblem>(
			sql`SELECT id, problem_key AS problemKey, owner_key AS ownerKey, sor_id AS sorId,
				related_sor_id AS relatedSorId, message, first_seen_at AS firstSeenAt
				FROM data_problems
				WHERE code = 'probable-duplicate' AND resolved_run_id IS NULL AND owner_key = ${ownerKey}
					AND sor_id IS NOT NULL AND related_sor_id IS NOT NULL
				ORDER BY sor_id, related_sor_id`,
		);
	}

	/** The latest review of each given problem key. */
	latestReviews(problemKeys: string[]): Map<string, DuplicateReviewRow> {
		if (problemKeys.length === 0) return new Map();
		const rows = this.db.all<Record<string, unknown>>(
			sql`SELECT r.*, a.name AS createdByName FROM duplicate_reviews r
				JOIN accounts a ON a.id = r.created_by
				WHERE r.problem_key IN (${sql.join(
					problemKeys.map((k) => sql`${k}`),
					sql`, `,
				)})
				AND r.version = (SELECT max(w.version) FROM duplicate_reviews w WHERE w.problem_key = r.problem_key)`,
		);
		return new Map(
			rows.map((raw) => {
				const row = toRow(raw);
				return [row.problemKey, row];
			}),
		);
	}

	/** Every review version of a problem, newest first. */
	history(problemKey: string): DuplicateReviewRow[] {
		return this.db
			.all<Record<string, unknown>>(
				sql`SELECT r.*, a.name AS createdByName FROM duplicate_reviews r
					JOIN accounts a ON a.id = r.created_by
					WHERE r.problem_key = ${problemKey} ORDER BY r.version DESC`,
			)
			.map(toRow);
	}

	/** Appends a review version; fails on a duplicate (problem, version). */
	insert(row: typeof duplicateReviews.$inferInsert): void {
		this.db.insert(duplicateReviews).values(row).run();
	}
}

function toRow(raw: Record<string, unknown>): DuplicateReviewRow {
	return {
		id: raw.id as number,
		problemKey: raw.problem_key as string,
		ownerKey: raw.owner_key as string,
		version: raw.version as number,
		state: raw.state as DuplicateReviewRow['state'],
		sorId: raw.sor_id as string,
		relatedSorId: raw.related_sor_id as string,
		reportingSorId: (raw.reporting_sor_id as string | null) ?? null,
		note: raw.note as string,
		sorContentHash: raw.sor_content_hash as string,
		relatedContentHash: raw.related_content_hash as string,
		createdAt: raw.created_at as string,
		createdBy: raw.created_by as number,
		createdByName: raw.createdByName as string,
	};
}
