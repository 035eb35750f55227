import type { FileRepository } from '../../repositories/file-repository';

/**
 * The HTTP response for a stored upload (`/filer/<sha256>`): the bytes with their checked type.
 * Content-addressed, so a URL never changes content and may be cached for good. Only ids shaped
 * like a SHA-256 are looked up; nothing from the URL reaches the file system. With `publishedOnly`
 * (the public route) only files the public pages show are served.
 */
export function storedFileResponse(
	files: FileRepository,
	id: string | undefined,
	options: { publishedOnly?: boolean } = {},
): Response {
	if (!id || !/^[0-9a-f]{64}$/.test(id)) return new Response('Ikke fundet', { status: 404 });
	if (options.publishedOnly && !files.isPublished(id)) {
		return new Response('Ikke fundet', { status: 404 });
	}
	const file = files.get(id);
	if (!file) return new Response('Ikke fundet', { status: 404 });
	const pdf = file.mediaType === 'application/pdf';
	return new Response(new Uint8Array(file.content), {
		status: 200,
		headers: {
			'Content-Type': file.mediaType,
			'Content-Length': String(file.byteSize),
			'Cache-Control': 'public, max-age=31536000, immutable',
			'Content-Disposition': `inline; filename="${pdf ? 'tilsynsrapport.pdf' : 'billede.jpg'}"`,
			'X-Content-Type-Options': 'nosniff',
			'Cross-Origin-Resource-Policy': 'same-origin',
		},
	});
}
