/** `{ field: [old, new] }` for the audit log. */
export type FieldChanges = Record<string, [unknown, unknown]>;

/**
 * The fields whose values differ between two states (deep comparison via JSON, so arrays of
 * lines compare by content). A missing `before` means creation: every field is new.
 */
export function fieldChanges(
	before: Record<string, unknown> | null,
	after: Record<string, unknown>,
): FieldChanges {
	const changes: FieldChanges = {};
	const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after)]);
	for (const key of keys) {
		const old = before ? (before[key] ?? null) : null;
		const next = after[key] ?? null;
		if (JSON.stringify(old) !== JSON.stringify(next)) changes[key] = [old, next];
	}
	return changes;
}
