import type { SorRecord } from './record';

/** The SOR fields the register tracks for change history, in the order they are reported. */
export const TRACKED_FIELDS = [
	'name',
	'entityTypeCode',
	'cvr',
	'postalAddress',
	'visitingAddress',
	'phone',
	'email',
	'website',
	'eanLocationCode',
	'firstFromDate',
	'fromDate',
	'toDate',
	'updatedAt',
	'replaces',
	'replacedBy',
] as const satisfies readonly (keyof SorRecord)[];

/** What changed between two versions of one entity. */
export interface EntityDiff {
	/** `{ field: [old, new] }` for every tracked field that differs (parent excluded). */
	changes: Record<string, [unknown, unknown]>;
	/** `[oldParent, newParent]` when the entity was moved in the tree. */
	move: [string | null, string | null] | null;
}

/** Stable text form of a value for comparison: addresses and lists compare by content. */
function canonical(value: unknown): string {
	return JSON.stringify(value ?? null);
}

/** Compares two versions of a SOR entity field by field. */
export function diffEntity(
	before: Pick<SorRecord, (typeof TRACKED_FIELDS)[number] | 'parentSorId'>,
	after: Pick<SorRecord, (typeof TRACKED_FIELDS)[number] | 'parentSorId'>,
): EntityDiff {
	const changes: Record<string, [unknown, unknown]> = {};
	for (const field of TRACKED_FIELDS) {
		if (canonical(before[field]) !== canonical(after[field])) {
			changes[field] = [before[field] ?? null, after[field] ?? null];
		}
	}
	const move: EntityDiff['move'] =
		before.parentSorId === after.parentSorId ? null : [before.parentSorId, after.parentSorId];
	return { changes, move };
}

/** True when nothing tracked changed and the entity did not move. */
export function isEmptyDiff(diff: EntityDiff): boolean {
	return diff.move === null && Object.keys(diff.changes).length === 0;
}
