import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline } from 'node:stream';
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

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** Options of the CSV readers. */
export interface CsvReadOptions {
	/** `;` or `,`; detected from the header line when left out. */
	delimiter?: ';' | ',';
	/**
	 * Called with the header row; returns the indexes of the columns to keep. Every later row then
	 * holds just those columns, in that order, and a row whose field count differs from the header's
	 * is a `CsvFormatError`. Picking columns skips building strings for the rest.
	 */
	project?: (header: string[]) => number[];
}

/**
 * The CSV state machine (RFC 4180 quoting, embedded newlines, CRLF), fed chunk by chunk. Lines
 * without a quote take a fast path through `indexOf`/`split`; the rest go field by field.
 */
export class CsvRowParser {
	private field = '';
	private row: string[] = [];
	private inQuotes = false;
	/** Saw a quote inside quotes: either an escaped quote or the end of the field. */
	private quotePending = false;
	/** The previous chunk ended in an unquoted CR, held back in case a LF follows. */
	private crPending = false;
	/** Nothing of the current field read yet, so a quote here opens a quoted field. */
	private atFieldStart = true;
	private line = 1;
	private quoteLine = 1;
	private readonly project: ((header: string[]) => number[]) | undefined;
	private headerSeen = false;
	/** With a projection: the header's width, the kept columns ascending and their output slots. */
	private width = 0;
	private columns: number[] | null = null;
	private slots: number[] = [];

	constructor(
		private readonly delimiter: ';' | ',',
		options: { project?: (header: string[]) => number[] } = {},
	) {
		this.project = options.project;
	}

	/** Hands on a complete row, projected once the header is known. */
	private emit(row: string[], out: string[][]): void {
		if (row.length === 1 && row[0] === '') return;
		if (!this.headerSeen) {
			this.headerSeen = true;
			if (this.project) {
				const wanted = this.project(row);
				const order = wanted.map((column, slot) => ({ column, slot }));
				order.sort((a, b) => a.column - b.column);
				this.columns = order.map((entry) => entry.column);
				this.slots = order.map((entry) => entry.slot);
				this.width = row.length;
			}
			out.push(row);
			return;
		}
		if (this.columns === null) {
			out.push(row);
			return;
		}
		this.checkWidth(row.length, this.line - 1);
		const projected = new Array<string>(this.slots.length);
		for (let k = 0; k < this.columns.length; k++) {
			projected[this.slots[k]!] = row[this.columns[k]!]!;
		}
		out.push(projected);
	}

	private checkWidth(fields: number, line: number): void {
		if (fields !== this.width) {
			throw new CsvFormatError(
				`Linje ${line} har ${fields} felter, men overskriften har ${this.width}; filen er beskadiget eller afkortet.`,
			);
		}
	}

	/** The fast path with a projection: walks the delimiters of a quote-free line, keeping some. */
	private emitProjectedLine(chunk: string, start: number, end: number, out: string[][]): void {
		const columns = this.columns!;
		const slots = this.slots;
		const row = new Array<string>(slots.length);
		let wanted = 0;
		let column = 0;
		let position = start;
		for (;;) {
			const next = chunk.indexOf(this.delimiter, position);
			const fieldEnd = next === -1 || next > end ? end : next;
			while (wanted < columns.length && columns[wanted] === column) {
				row[slots[wanted]!] = chunk.slice(position, fieldEnd);
				wanted++;
			}
			if (fieldEnd === end) break;
			position = fieldEnd + 1;
			column++;
		}
		this.checkWidth(column + 1, this.line);
		out.push(row);
	}

	/** Parses one chunk, appending every row it completes to `out`. */
	push(chunk: string, out: string[][]): void {
		const length = chunk.length;
		let nextQuote = -2; // not searched yet
		let i = 0;
		while (i < length) {
			if (!this.inQuotes && !this.crPending && this.field === '' && this.row.length === 0) {
				const newline = chunk.indexOf('\n', i);
				if (newline !== -1) {
					if (nextQuote !== -1 && nextQuote < i) nextQuote = chunk.indexOf('"', i);
					if (nextQuote === -1 || nextQuote > newline) {
						const end = newline > i && chunk.charCodeAt(newline - 1) === CR ? newline - 1 : newline;
						if (end > i) {
							if (this.columns !== null) this.emitProjectedLine(chunk, i, end, out);
							else this.emit(chunk.slice(i, end).split(this.delimiter), out);
						}
						this.line++;
						i = newline + 1;
						continue;
					}
				}
			}
			i = this.slowRecord(chunk, i, out);
		}
	}

	/**
	 * Field by field from `i` (quoted fields, or a record continued from the previous chunk) until
	 * the record ends, returning the index after it, or until the chunk ends.
	 */
	private slowRecord(chunk: string, i: number, out: string[][]): number {
		const length = chunk.length;
		if (this.crPending) {
			this.crPending = false;
			if (chunk.charCodeAt(i) !== LF) this.field += '\r';
		}
		let newline = -2; // not searched yet
		while (i < length) {
			if (this.inQuotes) {
				if (this.quotePending) {
					this.quotePending = false;
					if (chunk.charCodeAt(i) === QUOTE) {
						this.field += '"';
						i++;
						continue;
					}
					// The quote closed the field; what follows up to the delimiter is kept as it is.
					this.inQuotes = false;
					this.atFieldStart = false;
					continue;
				}
				const quote = chunk.indexOf('"', i);
				const end = quote === -1 ? length : quote;
				for (
					let nl = chunk.indexOf('\n', i);
					nl !== -1 && nl < end;
					nl = chunk.indexOf('\n', nl + 1)
				) {
					this.line++;
				}
				this.field += chunk.slice(i, end);
				if (quote === -1) return length;
				this.quotePending = true;
				i = quote + 1;
				continue;
			}
			if (this.atFieldStart && chunk.charCodeAt(i) === QUOTE) {
				this.inQuotes = true;
				this.quoteLine = this.line;
				this.atFieldStart = false;
				i++;
				continue;
			}
			this.atFieldStart = false;
			const delimiter = chunk.indexOf(this.delimiter, i);
			if (newline !== -1 && newline < i) newline = chunk.indexOf('\n', i);
			if (delimiter !== -1 && (newline === -1 || delimiter < newline)) {
				this.row.push(this.field + chunk.slice(i, delimiter));
				this.field = '';
				this.atFieldStart = true;
				i = delimiter + 1;
				continue;
			}
			if (newline === -1) {
				// The chunk ends inside this field; a final CR may be the first half of a CRLF.
				if (chunk.charCodeAt(length - 1) === CR) {
					this.field += chunk.slice(i, length - 1);
					this.crPending = true;
				} else {
					this.field += chunk.slice(i);
				}
				return length;
			}
			const end = newline > i && chunk.charCodeAt(newline - 1) === CR ? newline - 1 : newline;
			const row = this.row;
			row.push(this.field + chunk.slice(i, end));
			this.field = '';
			this.row = [];
			this.atFieldStart = true;
			this.line++;
			this.emit(row, out);
			return newline + 1;
		}
		return length;
	}

	/** Ends the input: appends a last row without a newline, or throws on an unterminated quote. */
	end(out: string[][]): void {
		if (this.inQuotes && !this.quotePending) {
			throw new CsvFormatError(
				`Ufuldendt citationstegn i CSV-filen: feltet, der begynder på linje ${this.quoteLine}, slutter aldrig (filen er muligvis afkortet).`,
			);
		}
		this.crPending = false;
		if (this.field !== '' || this.row.length > 0) {
			this.row.push(this.field);
			this.line++;
			this.emit(this.row, out);
		}
		this.field = '';
		this.row = [];
		this.atFieldStart = true;
	}
}

// Rows are handed on in batches of about this many characters: big enough to spare an await per
// row, small enough that a batch dies young instead of being promoted by the garbage collector.
const BATCH_CHARS = 1 << 16;

/**
 * Streams CSV rows in batches with bounded memory. The delimiter is detected from the first line
 * unless given; a UTF-8 BOM is dropped.
 */
export async function* readCsvRowBatches(
	chunks: AsyncIterable<string>,
	options: CsvReadOptions = {},
): AsyncGenerator<string[][]> {
	const create = (delimiter: ';' | ',') =>
		new CsvRowParser(delimiter, { project: options.project });
	let parser = options.delimiter ? create(options.delimiter) : null;
	let first = true;
	let pendingHeader = '';
	for await (let chunk of chunks) {
		if (first) {
			if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
			first = chunk === '';
		}
		if (parser === null) {
			pendingHeader += chunk;
			const newline = pendingHeader.indexOf('\n');
			if (newline === -1) continue;
			parser = create(detectDelimiter(pendingHeader.slice(0, newline)));
			chunk = pendingHeader;
			pendingHeader = '';
		}
		for (let offset = 0; offset < chunk.length;) {
			let end = chunk.length;
			if (end - offset > BATCH_CHARS) {
				const newline = chunk.indexOf('\n', offset + BATCH_CHARS);
				if (newline !== -1) end = newline + 1;
			}
			const batch: string[][] = [];
			parser.push(offset === 0 && end === chunk.length ? chunk : chunk.slice(offset, end), batch);
			if (batch.length > 0) yield batch;
			offset = end;
		}
	}
	if (parser === null) {
		// A file with a single line and no newline.
		parser = create(detectDelimiter(pendingHeader));
		parser.push(pendingHeader, []);
	}
	const last: string[][] = [];
	parser.end(last);
	if (last.length > 0) yield last;
}

/** Streams CSV rows one by one (see `readCsvRowBatches`). */
export async function* readCsvRows(
	chunks: AsyncIterable<string>,
	options: CsvReadOptions = {},
): AsyncGenerator<string[]> {
	for await (const batch of readCsvRowBatches(chunks, options)) yield* batch;
}

/** Thrown by `readTextFile` when a file cannot be read to the end as text. */
export class TextFileError extends Error {
	override name = 'TextFileError';
}

/**
 * Text chunks of a local file, gunzipped when it starts with the gzip magic bytes. With
 * `strictUtf8`, bytes that are not UTF-8 (e.g. a file saved as Windows-1252) are an error instead
 * of silently becoming U+FFFD.
 */
export async function* readTextFile(
	path: string,
	options: { strictUtf8?: boolean } = {},
): AsyncGenerator<string> {
	const handle = await open(path, 'r').catch((error: NodeJS.ErrnoException) => {
		throw new TextFileError(
			error.code === 'ENOENT'
				? `Filen findes ikke: ${path}`
				: `Kan ikke åbne ${path}: ${error.message}`,
		);
	});
	const magic = Buffer.alloc(2);
	await handle.read(magic, 0, 2, 0);
	await handle.close();
	const gzipped = magic[0] === 0x1f && magic[1] === 0x8b;
	const raw = createReadStream(path, { highWaterMark: 1 << 20 });
	// pipeline, unlike pipe, passes a read error on and closes the file when the reader stops early.
	const stream = gzipped ? pipeline(raw, createGunzip({ chunkSize: 1 << 18 }), () => {}) : raw;
	const decoder = new TextDecoder('utf-8', { fatal: options.strictUtf8 ?? false });
	let bytes = 0;
	try {
		for await (const buffer of stream as AsyncIterable<Buffer>) {
			yield decoder.decode(buffer, { stream: true });
			bytes += buffer.length;
		}
		const rest = decoder.decode();
		if (rest) yield rest;
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code ?? '';
		if (code.startsWith('Z_')) {
			throw new TextFileError(
				`${path} er en beskadiget eller afkortet gzip-fil (${(error as Error).message}).`,
			);
		}
		if (error instanceof TypeError && code === 'ERR_ENCODING_INVALID_ENCODED_DATA') {
			throw new TextFileError(
				`${path} er ikke gyldig UTF-8 (omkring byte ${bytes.toLocaleString('da-DK')}${gzipped ? ' efter udpakning' : ''}); gem filen som UTF-8.`,
			);
		}
		throw error;
	}
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
