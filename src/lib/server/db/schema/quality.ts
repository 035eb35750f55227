import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * Transfer problems found in SOR data, per owner. A problem stays open while a run still finds it
 * and is marked resolved (never deleted) when a run no longer does.
 */
export const dataProblems = sqliteTable(
	'data_problems',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		/** code + SOR-ID (+ related SOR-ID): identifies "the same problem" across runs. */
		problemKey: text('problem_key').notNull(),
		/** The owner's stable key (`kommune-0751`, `cvr-12345678`, `sor-…`), as for providers. */
		ownerKey: text('owner_key').notNull(),
		sorId: text('sor_id'),
		relatedSorId: text('related_sor_id'),
		code: text('code').notNull(),
		severity: text('severity', { enum: ['blocking', 'warning', 'notice'] }).notNull(),
		message: text('message').notNull(),
		action: text('action').notNull(),
		firstSeenRunId: integer('first_seen_run_id').notNull(),
		firstSeenAt: text('first_seen_at').notNull(),
		resolvedRunId: integer('resolved_run_id'),
		resolvedAt: text('resolved_at'),
	},
	(table) => [
		index('data_problems_owner_idx').on(table.ownerKey),
		// One open row per problem; resolved rows are history and may repeat.
		uniqueIndex('data_problems_open_key_idx')
			.on(table.problemKey)
			.where(sql`${table.resolvedRunId} IS NULL`),
	],
);
