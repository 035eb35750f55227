import { createWriteStream } from 'node:fs';
import { mkdtemp, open, rm, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';

/** Options for {@link openSorSource}; the defaults suit the nightly job against sor-filer. */
export interface SorSourceOptions {
	fetchImpl?: typeof fetch;
	/** Per download attempt: the longest wait for the response or for the next bytes of the body. */
	timeoutMs?: number;
	/** Extra attempts after the first one fails with a network error, a timeout or HTTP 5xx/408/429. */
	retries?: number;
	/** Wait before the first retry; doubled for every further retry. */
	retryDelayMs?: number;
	log?: (message: string) => void;
}

/** The SOR file could not be opened or downloaded; `status` is the HTTP status when there was one. */
export class SorSourceError extends Error {
	override name = 'SorSourceError';
	readonly status: number | null;
	readonly retryable: boolean;

	constructor(
		message: string,
		options: { status?: number; retryable?: boolean; cause?: unknown } = {},
	) {
		super(message, options.cause === undefined ? undefined : { cause: options.cause });
		this.status = options.status ?? null;
		this.retryable = options.retryable ?? false;
	}
}

const DEFAULT_TIMEOUT_MS = 120_000;
// 5 retries from 30 s doubling span about 15 minutes: enough to ride out SOR's 01:45–02:00 window.
const DEFAULT_RETRIES = 5;
const DEFAULT_RETRY_DELAY_MS = 30_000;
const READ_CHUNK_BYTES = 256 * 1024;

/**
 * Opens a SOR file from a local path, a file: URL or an http(s) URL as a byte stream, gunzipping it
 * when it starts with the gzip magic bytes. Downloads are completed (with retries) before reading
 * starts, so a dropped connection can never feed the parser half a file.
 */
export async function openSorSource(
	location: string,
	options: SorSourceOptions = {},
): Promise<AsyncIterable<Buffer>> {
	if (!/^https?:\/\//i.test(location)) {
		const path = location.startsWith('file:') ? fileURLToPath(location) : location;
		return readLocalFile(await openExisting(path), path);
	}
	const dir = await mkdtemp(join(tmpdir(), 'sor-download-'));
	try {
		const target = join(dir, 'sor.xml');
		await downloadWithRetries(location, target, options);
		// Unlinking an open file keeps its data readable on POSIX and leaves nothing to clean up later.
		const handle = await openExisting(target);
		return readLocalFile(handle, location);
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
}

async function openExisting(path: string): Promise<FileHandle> {
	try {
		return await open(path, 'r');
	} catch (error) {
		if (errorCode(error) === 'ENOENT') throw new SorSourceError(`Filen findes ikke: ${path}`);
		throw new SorSourceError(`Filen kan ikke åbnes: ${path} (${describe(error)})`, {
			cause: error,
		});
	}
}

async function readLocalFile(handle: FileHandle, label: string): Promise<AsyncIterable<Buffer>> {
	const head = Buffer.alloc(4);
	try {
		await handle.read(head, 0, head.length, 0);
	} catch (error) {
		await handle.close();
		throw new SorSourceError(`Filen kan ikke læses: ${label} (${describe(error)})`, {
			cause: error,
		});
	}
	if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
		await handle.close();
		throw new SorSourceError(`${label} er et ZIP-arkiv; pak XML-filen ud og importér den`);
	}
	const raw = handle.createReadStream({ start: 0, highWaterMark: READ_CHUNK_BYTES });
	// Detected by content, not by name: SOR and mirrors are inconsistent about the .gz suffix.
	if (head[0] === 0x1f && head[1] === 0x8b) return gunzip(raw, label);
	return raw;
}

async function* gunzip(raw: Readable, label: string): AsyncGenerator<Buffer> {
	const inflater = createGunzip({ chunkSize: READ_CHUNK_BYTES });
	// pipeline destroys the inflater with the first error, which then rejects the loop below.
	pipeline(raw, inflater).catch(() => undefined);
	try {
		for await (const chunk of inflater) yield chunk as Buffer;
	} catch (error) {
		if (/^Z_/.test(errorCode(error) ?? '')) {
			throw new SorSourceError(`Gzip-data i ${label} er beskadiget eller afkortet`, {
				cause: error,
			});
		}
		throw error;
	} finally {
		inflater.destroy();
	}
}

async function downloadWithRetries(
	url: string,
	target: string,
	options: SorSourceOptions,
): Promise<void> {
	const retries = options.retries ?? DEFAULT_RETRIES;
	const retryDelayMs = options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS;
	for (let attempt = 0; ; attempt++) {
		try {
			await downloadOnce(url, target, options);
			return;
		} catch (error) {
			const retryable = !(error instanceof SorSourceError) || error.retryable;
			if (!retryable || attempt >= retries) throw error;
			const delay = retryDelayMs * 2 ** attempt;
			options.log?.(
				`Download af ${url} mislykkedes (forsøg ${attempt + 1} af ${retries + 1}): ` +
					`${describe(error)}. Prøver igen om ${Math.round(delay / 1000)} s`,
			);
			await sleep(delay);
		}
	}
}

async function downloadOnce(url: string, target: string, options: SorSourceOptions): Promise<void> {
	const fetchImpl = options.fetchImpl ?? fetch;
	const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	const controller = new AbortController();
	let timedOut = false;
	let timer: NodeJS.Timeout | undefined;
	const rearm = (): void => {
		clearTimeout(timer);
		timer = setTimeout(() => {
			timedOut = true;
			controller.abort();
		}, timeoutMs);
	};
	rearm();
	try {
		const response = await fetchImpl(url, { signal: controller.signal });
		if (!response.ok) {
			await response.body?.cancel();
			const status = response.status;
			throw new SorSourceError(
				`Serveren svarede HTTP ${status} ${response.statusText} for ${url}`.trimEnd(),
				{ status, retryable: status >= 500 || status === 408 || status === 429 },
			);
		}
		if (response.body === null) {
			throw new SorSourceError(`Serveren sendte et tomt svar for ${url}`, { retryable: true });
		}
		const body = Readable.fromWeb(response.body as unknown as NodeReadableStream<Uint8Array>);
		await pipeline(
			body,
			async function* (chunks: AsyncIterable<Buffer>) {
				for await (const chunk of chunks) {
					rearm();
					yield chunk;
				}
			},
			createWriteStream(target),
		);
	} catch (error) {
		if (timedOut) {
			throw new SorSourceError(
				`Tidsgrænsen på ${timeoutMs} ms blev overskredet under download af ${url}`,
				{ retryable: true, cause: error },
			);
		}
		if (error instanceof SorSourceError) throw error;
		throw new SorSourceError(`Download af ${url} mislykkedes: ${describe(error)}`, {
			retryable: true,
			cause: error,
		});
	} finally {
		clearTimeout(timer);
	}
}

function errorCode(error: unknown): string | undefined {
	const code = (error as { code?: unknown } | null)?.code;
	return typeof code === 'string' ? code : undefined;
}

// fetch reports "fetch failed" and hides the useful part (ECONNREFUSED, ENOTFOUND …) in `cause`.
function describe(error: unknown): string {
	if (!(error instanceof Error)) return String(error);
	const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
	return error.message + cause;
}
