import { sql, type SQL } from 'drizzle-orm';
import type { RegisterDb } from '../db/client';

/** Fetches child rows for many parent ids in chunks (SQLite limits bound parameters). */
export function childRows<T extends { versionId: number }>(
	db: RegisterDb,
	select: SQL,
	column: SQL,
	ids: number[],
	orderBy: SQL,
): Map<number, T[]> {
	const byParent = new Map<number, T[]>();
	for (let i = 0; i < ids.length; i += 500) {
		const chunk = ids.slice(i, i + 500);
		const rows = db.all<T>(
			sql`${select} WHERE ${column} IN (${sql.join(
				chunk.map((id) => sql`${id}`),
				sql`, `,
			)}) ORDER BY ${orderBy}`,
		);
		for (const row of rows) {
			const list = byParent.get(row.versionId) ?? [];
			list.push(row);
			byParent.set(row.versionId, list);
		}
	}
	return byParent;
}

/** `1`/`0` from SQLite as a boolean. */
export const bool = (value: unknown): boolean => value === 1 || value === true;
