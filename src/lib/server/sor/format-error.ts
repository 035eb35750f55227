/** Where in the XML file a problem was found (1-based line and column), when known. */
export interface XmlPosition {
	line: number;
	column: number;
}

/** The SOR file is not a well-formed, complete SOR XML export; the message is for the operator. */
export class SorFormatError extends Error {
	override name = 'SorFormatError';
	readonly line: number | null;
	readonly column: number | null;

	constructor(message: string, options: { position?: XmlPosition; cause?: unknown } = {}) {
		const where = options.position
			? ` (linje ${options.position.line}, kolonne ${options.position.column})`
			: '';
		super(message + where, options.cause === undefined ? undefined : { cause: options.cause });
		this.line = options.position?.line ?? null;
		this.column = options.position?.column ?? null;
	}
}
