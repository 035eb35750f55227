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

/** An error as it crosses from the parser worker to the importer (structured clone drops classes). */
export type TransferredError =
	| {
			kind: 'format';
			message: string;
			line: number | null;
			column: number | null;
			cause: string | null;
	  }
	| { kind: 'other'; name: string; message: string; stack: string | null };

/** Flattens an error thrown in the parser worker so the importer can rebuild it. */
export function transferError(error: unknown): TransferredError {
	if (error instanceof SorFormatError) {
		const cause = error.cause instanceof Error ? error.cause.message : null;
		return {
			kind: 'format',
			message: error.message,
			line: error.line,
			column: error.column,
			cause,
		};
	}
	if (error instanceof Error) {
		return { kind: 'other', name: error.name, message: error.message, stack: error.stack ?? null };
	}
	return { kind: 'other', name: 'Error', message: String(error), stack: null };
}

/** Rebuilds an error from {@link transferError}: a SorFormatError keeps its message and position. */
export function restoreError(transferred: TransferredError): Error {
	if (transferred.kind === 'format') {
		const cause = transferred.cause === null ? undefined : new Error(transferred.cause);
		const error = new SorFormatError(transferred.message, { cause });
		// The message already names the position; only the fields are restored.
		Object.assign(error, { line: transferred.line, column: transferred.column });
		return error;
	}
	const error = new Error(transferred.message);
	error.name = transferred.name;
	if (transferred.stack !== null) error.stack = transferred.stack;
	return error;
}
