import type { FieldError } from '../../../domain/reporting/form';

/**
 * The result of an editor action: the value, or why not. Pages map `not_found` to 404,
 * `forbidden` to 403, `invalid` to the form with its error summary, `conflict` to "reload".
 */
export type Outcome<T> =
	| { ok: true; value: T }
	| { ok: false; reason: 'not_found' | 'forbidden' | 'conflict' }
	| { ok: false; reason: 'invalid'; errors: FieldError[] };

/** The result of a read: the value, or not found / not allowed. */
export type Access<T> = { ok: true; value: T } | { ok: false; reason: 'not_found' | 'forbidden' };

/** Shorthands for the refusals. */
export const refuse = {
	notFound: { ok: false, reason: 'not_found' } as const,
	forbidden: { ok: false, reason: 'forbidden' } as const,
	conflict: { ok: false, reason: 'conflict' } as const,
	invalid: (errors: FieldError[]) => ({ ok: false, reason: 'invalid', errors }) as const,
};

/** True for SQLite's unique-constraint error: another save of the same version won the race. */
export function isUniqueViolation(error: unknown): boolean {
	return (
		error instanceof Error &&
		((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' ||
			/UNIQUE constraint failed/.test(error.message) ||
			isUniqueViolation((error as { cause?: unknown }).cause))
	);
}

/** The calendar date in Denmark (ÅÅÅÅ-MM-DD) of an instant. */
export function danishDate(instant: Date): string {
	return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(instant);
}
