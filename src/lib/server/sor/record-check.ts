import { sorRecordSchema, type RawSorRecord, type SorRecord } from '../../domain/sor/record';

/** A parsed record after validation: the valid record, or why it was rejected. */
export type CheckedRecord =
	| { ok: true; record: SorRecord }
	| { ok: false; sorId: string | null; ownerSorId: string | null; reason: string };

/**
 * Validates one parsed record with the domain's zod schema. Pure and cheap to move between threads,
 * so the parser worker can run it next to the parse when the importer's thread is the busier one.
 */
export function checkSorRecord(raw: RawSorRecord): CheckedRecord {
	const parsed = sorRecordSchema.safeParse(raw);
	if (parsed.success) return { ok: true, record: parsed.data };
	const sorId = typeof raw.sorId === 'string' && raw.sorId !== '' ? raw.sorId : null;
	const ownerSorId = typeof raw.ownerSorId === 'string' ? raw.ownerSorId : null;
	const reason = parsed.error.issues
		.map((issue) => `${issue.path.join('.') || 'post'}: ${issue.message}`)
		.join('; ');
	return { ok: false, sorId, ownerSorId, reason };
}
