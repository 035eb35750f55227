/** A run refused for a safety reason; the register is unchanged. */
export class ImportRefusedError extends Error {
	override name = 'ImportRefusedError';
}
