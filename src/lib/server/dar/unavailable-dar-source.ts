import { DarUnavailableError, type DarSource } from './dar-source';

/**
 * A source that cannot answer, used when no DAR data is configured (e.g. an empty local table):
 * validation then keeps earlier results instead of calling every address unknown.
 */
export class UnavailableDarSource implements DarSource {
	constructor(
		readonly name: string,
		private readonly reason: string,
	) {}

	/** Always fails with the configured reason. */
	async lookup(): Promise<never> {
		throw new DarUnavailableError(this.reason);
	}
}
