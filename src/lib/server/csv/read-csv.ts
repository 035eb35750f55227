import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';

/** Thrown when a CSV file is structurally broken (e.g. an unterminated quote). */
export class CsvFormatError extends Error {
	override name = 'CsvFormatError';
}

/** Picks `;` or `,` from the header line, whichever splits it into more columns. */
export function detectDelimiter(headerLine: string): ';' | ',' {
	const semicolons = headerLine.split(';').length;
	const commas = headerLine.split(',').length;
	return semicolons > commas ? ';' : ',';
}

/**
 * Streams CSV rows (RFC 4180 quoting, embedded newlines, CRLF, UTF-8 BOM) from text chunks with
 * bounded memory. The delimiter is detected from the first line unless given.
 */
export async function* readCsvRows(
	chunks: AsyncIterable<string>,
	options: { delimiter?: ';' | ',' } = {},
): AsyncGenerator<string[]> {
	let delimiter = options.delimiter;
	let field = '';
	let row: string[] = [];
	let inQuotes = false;
	let quotePending = false; // saw a quote inside quotes: either an escaped quote or the end
	let first = true;
	let line = 1;
	let pendingHeader = '';

	for await (let chunk of chunks) {
		if (first) {
			if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
			first = false;
		}
		if (delimiter === undefined) {
			pendingHeader += chunk;
			const newline = pendingHeader.indexOf('\n');
			if (newline === -1) continue;
			delimiter = detectDelimiter(pendingHeader.slice(0, newline));
			chunk = pendingHeader;
			pendingHeader = '';
		}
		const d = delimiter;
		let start = 0;
		for (let i = 0; i < chunk.length; i++) {
			const c = chunk[i];
			if (inQuotes) {
				if (quotePending) {
					quotePending = false;
					if (c === '"') {
						field += '"';
						start = i + 1;
						continue;
					}
					inQuotes = false;
					// fall through: c is handled as an unquoted character below
				} else if (c === '"') {
					field += chunk.slice(start, i);
					quotePending = true;
					start = i + 1;
					continue;
				} else {
					if (c === '\n') line++;
					continue;
				}
			}
			if (c === d) {
				row.push(field + chunk.slice(start, i));
				field = '';
				start = i + 1;
			} else if (c === '\n') {
				let end = i;
				if (end > start && chunk[end - 1] === '\r') end--;
				else if (end === start && field.endsWith('\r')) field = field.slice(0, -1);
				row.push(field + chunk.slice(start, end));
				field = '';
				start = i + 1;
				line++;
				if (!(row.length === 1 && row[0] === '')) yield row;
				row = [];
			} else if (c === '"' && start === i && field === '') {
				inQuotes = true;
				start = i + 1;
			}
		}
		if (inQuotes && !quotePending) field += chunk.slice(start);
		else if (!inQuotes) field += chunk.slice(start);
	}
	if (delimiter === undefined && pendingHeader !== '') {
		// A file with a single line and no newline.
		yield* readCsvRows(
			(async function* () {
				yield pendingHeader + '\n';
			})(),
		);
		return;
	}
	if (inQuotes && !quotePending) {
		throw new CsvFormatError(`Ufuldendt citationstegn i CSV-filen (fra omkring linje ${line}).`);
	}
	if (field.endsWith('\r')) field = field.slice(0, -1);
	if (field !== '' || row.length > 0) {
		row.push(field);
		yield row;
	}
}

/** Text chunks of a local file, gunzipped when it starts with the gzip magic bytes. */
export async function* readTextFile(path: string): AsyncGenerator<string> {
	const { open } = await import('node:fs/promises');
	const handle = await open(path, 'r').catch((error: NodeJS.ErrnoException) => {
		throw new Error(
			error.code === 'ENOENT' ? `Filen findes ikke: ${path}` : `Kan ikke åbne ${path}: ${error.message}`,
		);
	});
	const magic = Buffer.alloc(2);
	await handle.read(magic, 0, 2, 0);
	await handle.close();
	const raw = createReadStream(path);
	const stream = magic[0] === 0x1f && magic[1] === 0x8b ? raw.pipe(createGunzip()) : raw;
	const decoder = new TextDecoder('utf-8');
	for await (const buffer of stream as AsyncIterable<Buffer>) {
		yield decoder.decode(buffer, { stream: true });
	}
	const rest = decoder.decode();
	if (rest) yield rest;
}

/** Rows of a CSV file as objects keyed by the header's column names. */
export async function* readCsvRecords(
	chunks: AsyncIterable<string>,
	options: { delimiter?: ';' | ',' } = {},
): AsyncGenerator<{ line: number; values: Record<string, string> }> {
	let header: string[] | null = null;
	let line = 0;
	for await (const row of readCsvRows(chunks, options)) {
		line++;
		if (header === null) {
			header = row.map((name) => name.trim());
			continue;
		}
		const values: Record<string, string> = {};
		for (let i = 0; i < header.length; i++) values[header[i] as string] = row[i] ?? '';
		yield { line, values };
	}
}
