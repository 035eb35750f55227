import { createHash } from 'node:crypto';
import sharp from 'sharp';
import {
	detectImageFormat,
	looksLikePdf,
	megabytes,
	UPLOAD_LIMITS,
} from '../../../domain/reporting/upload';
import type { FileRepository } from '../../repositories/file-repository';

/** An upload as the form delivered it: bytes only. The browser's filename is never used. */
export interface Upload {
	bytes: Uint8Array;
}

/** A photo after re-encoding. */
export interface ProcessedImage {
	bytes: Buffer;
	width: number;
	height: number;
}

/** Turns uploaded image bytes into a clean JPEG (infrastructure, injected into the services). */
export interface ImageProcessor {
	process(bytes: Uint8Array): Promise<ProcessedImage>;
}

/**
 * Re-encodes photos with sharp (libvips): decodes the image (which fails on anything that is not a
 * real JPEG/PNG/WebP), applies the EXIF orientation, scales it to fit `maxDimension`, flattens
 * transparency onto white and writes a new JPEG. sharp writes no metadata unless asked to, so EXIF
 * (GPS position, camera serial), XMP, IPTC and ICC text are gone.
 */
export class SharpImageProcessor implements ImageProcessor {
	constructor(
		private readonly options: { maxDimension: number; quality: number; maxPixels: number } = {
			maxDimension: 1600,
			quality: 82,
			maxPixels: 40_000_000,
		},
	) {}

	async process(bytes: Uint8Array): Promise<ProcessedImage> {
		const { data, info } = await sharp(bytes, {
			limitInputPixels: this.options.maxPixels,
			failOn: 'error',
			animated: false,
		})
			.rotate()
			.resize({
				width: this.options.maxDimension,
				height: this.options.maxDimension,
				fit: 'inside',
				withoutEnlargement: true,
			})
			.flatten({ background: '#ffffff' })
			.jpeg({ quality: this.options.quality, mozjpeg: true })
			.toBuffer({ resolveWithObject: true });
		return { bytes: data, width: info.width, height: info.height };
	}
}

/** The outcome of checking an upload: the stored file's id, or a Danish message. */
export type UploadOutcome = { ok: true; fileId: string } | { ok: false; message: string };

/** Content-addressed id of file bytes. */
export function fileIdFor(bytes: Uint8Array): string {
	return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Checks, re-encodes and stores a photo. The content decides (JPEG, PNG or WebP magic bytes, then
 * a full decode); the name and declared type are ignored.
 */
export async function storeImage(
	upload: Upload,
	deps: { files: FileRepository; images: ImageProcessor; at: string; by: number },
): Promise<UploadOutcome> {
	if (upload.bytes.length === 0) return { ok: false, message: 'Vælg et billede.' };
	if (upload.bytes.length > UPLOAD_LIMITS.image) {
		return {
			ok: false,
			message: `Billedet er for stort. Det må højst fylde ${megabytes(UPLOAD_LIMITS.image)}.`,
		};
	}
	if (!detectImageFormat(upload.bytes)) {
		return {
			ok: false,
			message: 'Filen er ikke et billede i JPEG-, PNG- eller WebP-format.',
		};
	}
	let image: ProcessedImage;
	try {
		image = await deps.images.process(upload.bytes);
	} catch {
		return {
			ok: false,
			message: 'Billedet kunne ikke læses. Det kan være beskadiget; prøv at gemme det igen.',
		};
	}
	const fileId = fileIdFor(image.bytes);
	deps.files.put({
		id: fileId,
		mediaType: 'image/jpeg',
		byteSize: image.bytes.length,
		width: image.width,
		height: image.height,
		content: image.bytes,
		createdAt: deps.at,
		createdBy: deps.by,
	});
	return { ok: true, fileId };
}

/** Checks an uploaded PDF (the written feedback): size, `%PDF-` header and `%%EOF` trailer. */
export function checkPdf(
	upload: Upload,
): { ok: true; bytes: Buffer } | { ok: false; message: string } {
	if (upload.bytes.length === 0) {
		return { ok: false, message: 'Vælg den skriftlige tilbagemelding som PDF-fil.' };
	}
	if (upload.bytes.length > UPLOAD_LIMITS.pdf) {
		return {
			ok: false,
			message: `PDF-filen er for stor. Den må højst fylde ${megabytes(UPLOAD_LIMITS.pdf)}.`,
		};
	}
	if (!looksLikePdf(upload.bytes)) {
		return { ok: false, message: 'Filen er ikke en PDF-fil (eller den er ufuldstændig).' };
	}
	return { ok: true, bytes: Buffer.from(upload.bytes) };
}

/** Stores checked PDF bytes as they are (never parsed) and returns the file id. */
export function putPdf(files: FileRepository, bytes: Buffer, at: string, by: number): string {
	const fileId = fileIdFor(bytes);
	files.put({
		id: fileId,
		mediaType: 'application/pdf',
		byteSize: bytes.length,
		width: null,
		height: null,
		content: bytes,
		createdAt: at,
		createdBy: by,
	});
	return fileId;
}
