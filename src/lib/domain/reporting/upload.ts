/** Image formats accepted for upload, recognised by their first bytes (never by name or type). */
export type ImageFormat = 'jpeg' | 'png' | 'webp';

/** The image format of the bytes, or null when they are none of JPEG, PNG or WebP. */
export function detectImageFormat(bytes: Uint8Array): ImageFormat | null {
	const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
	if (bytes.length >= 3 && starts(0xff, 0xd8, 0xff)) return 'jpeg';
	if (bytes.length >= 8 && starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
	if (
		bytes.length >= 12 &&
		starts(0x52, 0x49, 0x46, 0x46) &&
		bytes[8] === 0x57 &&
		bytes[9] === 0x45 &&
		bytes[10] === 0x42 &&
		bytes[11] === 0x50
	) {
		return 'webp';
	}
	return null;
}

/**
 * True when the bytes are a PDF: the `%PDF-` header at the start and an `%%EOF` marker near the
 * end (a truncated upload has none). The content is never parsed or executed by the server.
 */
export function looksLikePdf(bytes: Uint8Array): boolean {
	const header = Buffer.from(bytes.subarray(0, 8)).toString('latin1');
	if (!/^%PDF-[12]\.\d/.test(header)) return false;
	const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048))).toString('latin1');
	return tail.includes('%%EOF');
}

/** Upload limits (bytes). */
export const UPLOAD_LIMITS = {
	image: 10 * 1024 * 1024,
	pdf: 15 * 1024 * 1024,
} as const;

/** Size in Danish megabytes for messages: 10485760 → "10 MB". */
export function megabytes(bytes: number): string {
	return `${Math.round(bytes / (1024 * 1024))} MB`;
}
