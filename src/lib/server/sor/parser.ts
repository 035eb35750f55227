import { SaxesParser } from 'saxes';
import type { SorSnapshotHeader } from '../../domain/sor/record';
import { SorFormatError, type XmlPosition } from './format-error';
import { SorTreeBuilder, type SorParseHandlers } from './tree-builder';
import { El } from './xml-names';

// Read once (see tree-builder.ts on imported names in the CommonJS-loaded worker).
const UNKNOWN_ELEMENT = El.Unknown;

export { SorFormatError } from './format-error';
export type { SorParseHandlers } from './tree-builder';

/** What a completed parse reports. */
export interface SorParseResult {
	/** Number of records handed to `onRecord` (IE + SI + OE). */
	entitiesRead: number;
	header: SorSnapshotHeader;
}

/** A piece of the file: raw bytes (any chunking, also inside a multi-byte character) or text. */
export type SorXmlChunk = Buffer | Uint8Array | string;

const UTF8_LABEL = /^utf-?8$/i;
const SAXES_POSITION_PREFIX = /^\d+:\d+: /;
const NON_BLANK = /\S/;

/**
 * Streams a SOR XML export (v2, or the old v1) and calls `onRecord` for every IE/SI/OE with
 * parent, owner and inherited fields resolved. Throws {@link SorFormatError} when the file is not a
 * complete SOR export; errors thrown by the handlers propagate unchanged.
 */
export async function parseSorXml(
	source: AsyncIterable<SorXmlChunk> | Iterable<SorXmlChunk>,
	handlers: SorParseHandlers = {},
): Promise<SorParseResult> {
	const parser = new SorXmlStreamParser(handlers);
	for await (const chunk of source) parser.write(chunk);
	return parser.end();
}

/**
 * The push form of {@link parseSorXml}: feed it the file piece by piece with `write`, then call
 * `end`. Handlers run synchronously inside `write`/`end`. Shared by the in-thread parse and the
 * parser worker, so both report exactly the same records and errors.
 */
export class SorXmlStreamParser {
	private readonly parser = new SaxesParser({ xmlns: true });
	private readonly position = (): XmlPosition => ({
		line: this.parser.line,
		column: this.parser.column + 1,
	});
	private readonly builder: SorTreeBuilder;
	// fatal: a Latin-1 file must fail loudly rather than turn æøå into replacement characters.
	private readonly decoder = new TextDecoder('utf-8', { fatal: true });
	private atStart = true;
	private sawContent = false;

	constructor(handlers: SorParseHandlers = {}) {
		const parser = this.parser;
		const position = this.position;
		const builder = (this.builder = new SorTreeBuilder(handlers, position));
		parser.on('opentag', (tag) => builder.onOpen(tag));
		parser.on('closetag', (tag) => builder.onClose(tag));
		const collectText = (text: string): void => {
			if (builder.capture !== UNKNOWN_ELEMENT) builder.text += text;
		};
		parser.on('text', collectText);
		parser.on('cdata', collectText);
		parser.on('xmldecl', (decl) => {
			if (decl.encoding !== undefined && !UTF8_LABEL.test(decl.encoding)) {
				throw new SorFormatError(
					`Filen angiver tegnsættet '${decl.encoding}'; SOR-udtræk læses kun som UTF-8`,
					{ position: position() },
				);
			}
		});
		// Without a handler saxes throws plain English errors; this gives them a Danish context instead.
		parser.on('error', (error) => {
			const context =
				builder.lastElement === '' ? '' : ` (sidst læste element: ${builder.lastElement})`;
			throw new SorFormatError(
				`Ugyldig XML i SOR-filen: ${error.message.replace(SAXES_POSITION_PREFIX, '')}${context}`,
				{ position: position(), cause: error },
			);
		});
	}

	/** Parses the next piece of the file (bytes in any chunking, or text). */
	write(chunk: SorXmlChunk): void {
		let text = typeof chunk === 'string' ? chunk : decode(this.decoder, chunk, this.position);
		if (this.atStart) {
			if (text.length === 0) return;
			// The decoder drops a byte-order mark itself; text chunks may still carry one.
			if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
			this.atStart = false;
		}
		if (!this.sawContent) this.sawContent = NON_BLANK.test(text);
		if (text.length > 0) this.parser.write(text);
	}

	/** Checks that the file was complete and returns the header and record count. */
	end(): SorParseResult {
		const { builder, parser, position } = this;
		let tail: string;
		try {
			tail = this.decoder.decode();
		} catch (error) {
			// A file cut inside a multi-byte character is first of all a truncated file.
			if (builder.depth > 0) throw truncated(builder, position);
			throw invalidUtf8(error, position);
		}
		if (tail.length > 0) parser.write(tail);
		if (!builder.sawRoot) {
			if (!this.sawContent) throw new SorFormatError('Filen er tom');
			// Anything but a cut-off start of a document would already have failed as invalid XML.
			throw new SorFormatError('Filen er afkortet: den slutter, før rodelementet er læst', {
				position: position(),
			});
		}
		if (builder.depth > 0) throw truncated(builder, position);
		parser.close();
		return { entitiesRead: builder.entitiesRead, header: builder.finish() };
	}
}

/** Parses without handlers: validates the file's structure and counts its records (benchmarks). */
export function countSorEntities(
	source: AsyncIterable<SorXmlChunk> | Iterable<SorXmlChunk>,
): Promise<SorParseResult> {
	return parseSorXml(source);
}

function decode(decoder: TextDecoder, chunk: Uint8Array, position: () => XmlPosition): string {
	try {
		return decoder.decode(chunk, { stream: true });
	} catch (error) {
		throw invalidUtf8(error, position);
	}
}

function invalidUtf8(error: unknown, position: () => XmlPosition): SorFormatError {
	return new SorFormatError('Filen er ikke gyldig UTF-8; SOR-udtræk skal være UTF-8-kodet', {
		position: position(),
		cause: error,
	});
}

function truncated(builder: SorTreeBuilder, position: () => XmlPosition): SorFormatError {
	return new SorFormatError(
		`Filen er afkortet: den slutter, mens ${builder.depth} element(er) stadig er åbne ` +
			`(inderst ${builder.innermostOpen}). Hent filen igen`,
		{ position: position() },
	);
}
