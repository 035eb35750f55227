import type { Upload } from '../../../lib/server/services/reporting/uploads';

/** HTTP status of a refusal shown by `Refusal.astro`. */
export function refusalStatus(reason: 'not_found' | 'forbidden' | 'conflict'): number {
	return { not_found: 404, forbidden: 403, conflict: 409 }[reason];
}

/**
 * The bytes of a file field, or null when no file was chosen. Only the bytes are kept: the
 * browser's filename and declared type are ignored (the content is checked instead).
 */
export async function uploadFrom(form: FormData, name: string): Promise<Upload | null> {
	const entry = form.get(name);
	if (!entry || typeof entry === 'string' || entry.size === 0) return null;
	return { bytes: new Uint8Array(await entry.arrayBuffer()) };
}

/** A positive integer from a route parameter or form field, or null. */
export function idFrom(value: string | null | undefined): number | null {
	return value && /^\d{1,12}$/.test(value) ? Number(value) : null;
}
