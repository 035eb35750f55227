import { accessAddressKey } from '../../../domain/address/address-key';
import type { SorAddress } from '../../../domain/sor/record';
import {
	DarUnavailableError,
	isValidDarStatus,
	type AccessAddressQuery,
	type DarAccessAddress,
	type DarSource,
} from '../../dar/dar-source';
import type {
	LocalityRow,
	LocalityValidation,
	RegisterRepository,
} from '../../repositories/register-repository';

/** Counts and outage report of one validation pass. */
export interface AddressValidationSummary {
	checked: number;
	valid: number;
	missing: number;
	notFound: number;
	retired: number;
	pending: number;
	/** Why DAR could not be asked (null when it answered every lookup). */
	outage: string | null;
}

/** What validation keeps of a DAR answer. */
type DarAnswer = Pick<DarAccessAddress, 'id' | 'status' | 'lat' | 'lon' | 'municipalityCode'>;

/** The outcome of one lookup: an answer (null = no such address) or the error DAR gave. */
type LookupOutcome = { found: DarAnswer | null } | { error: unknown };

/** A DAR source that can also answer synchronously, such as the local table. */
interface SynchronousDarSource extends DarSource {
	lookupSync(query: AccessAddressQuery): DarAccessAddress | null;
}

function isSynchronous(dar: DarSource): dar is SynchronousDarSource {
	return typeof (dar as Partial<SynchronousDarSource>).lookupSync === 'function';
}

function queryOf(address: SorAddress): AccessAddressQuery {
	return {
		municipalityCode: address.municipalityCode,
		streetCode: address.streetCode,
		streetName: address.street,
		houseNumber: address.houseNumber,
		postcode: address.postcode,
	};
}

function sameQuery(a: AccessAddressQuery, b: AccessAddressQuery): boolean {
	return (
		a.municipalityCode === b.municipalityCode &&
		a.streetCode === b.streetCode &&
		a.streetName === b.streetName &&
		a.houseNumber === b.houseNumber &&
		a.postcode === b.postcode
	);
}

function answerOf(found: DarAccessAddress | null): DarAnswer | null {
	if (found === null) return null;
	const { id, status, lat, lon, municipalityCode } = found;
	return { id, status, lat, lon, municipalityCode };
}

/**
 * DAR answers looked up while the snapshot is still streaming in, in the moments the importer's
 * thread would otherwise wait for the parser. Only for a source that answers synchronously and the
 * same way every time within a run (the local table): then looking an address up early, and
 * replaying the outcomes in validation order, gives exactly what looking it up during validation
 * would, errors included. Addresses not reached in time, and every address of other sources (an
 * online service), are looked up during validation as before.
 */
export class DarLookahead {
	// Queries, not the records' address objects: keeping those alive would keep V8 from freeing
	// the records young.
	private queue: { sorId: string; query: AccessAddressQuery }[] = [];
	private next = 0;
	private readonly outcomes = new Map<
		string,
		{ query: AccessAddressQuery; outcome: LookupOutcome }
	>();

	private constructor(private readonly dar: SynchronousDarSource) {}

	/** A lookahead for `dar`, or null when it cannot answer synchronously. */
	static for(dar: DarSource): DarLookahead | null {
		return isSynchronous(dar) ? new DarLookahead(dar) : null;
	}

	/** Queues the visiting address of a unit that will be validated (when it has one). */
	add(sorId: string, address: SorAddress | null): void {
		if (address !== null && accessAddressKey(address) !== null) {
			this.queue.push({ sorId, query: queryOf(address) });
		}
	}

	/** Looks queued addresses up for about `budgetMs`; true while some are left. */
	work(budgetMs: number): boolean {
		const { queue } = this;
		const until = performance.now() + budgetMs;
		while (this.next < queue.length) {
			const { sorId, query } = queue[this.next++]!;
			let outcome: LookupOutcome;
			try {
				outcome = { found: answerOf(this.dar.lookupSync(query)) };
			} catch (error) {
				outcome = { error };
			}
			this.outcomes.set(sorId, { query, outcome });
			if ((this.next & 15) === 0 && performance.now() >= until) break;
		}
		return this.next < queue.length;
	}

	/** The outcome looked up for this unit and query, once; undefined when there is none. */
	take(sorId: string, query: AccessAddressQuery): LookupOutcome | undefined {
		// Validation has begun: what was not looked up by now is looked up there.
		if (this.queue.length > 0) this.queue = [];
		const entry = this.outcomes.get(sorId);
		if (entry === undefined) return undefined;
		this.outcomes.delete(sorId);
		return sameQuery(entry.query, query) ? entry.outcome : undefined;
	}
}

/**
 * Validates visiting addresses against DAR one active locality at a time and decides publication,
 * keeping the pass's counts. When DAR fails, localities whose address is unchanged keep their last
 * validation and new or changed addresses wait ('pending'): an outage never turns valid addresses
 * invalid, and after the first failure DAR is not asked again in this pass.
 */
export class AddressValidator {
	readonly summary: AddressValidationSummary = {
		checked: 0,
		valid: 0,
		missing: 0,
		notFound: 0,
		retired: 0,
		pending: 0,
		outage: null,
	};

	constructor(
		private readonly dar: DarSource,
		private readonly validatedAt: string,
		private readonly lookahead: DarLookahead | null = null,
	) {}

	/**
	 * The validation of the active locality `sorId` whose stored state is `row`. Synchronous when
	 * the answer was looked up ahead or the source answers synchronously; a promise otherwise.
	 */
	validate(
		sorId: string,
		row: LocalityValidation,
		address: SorAddress | null,
	): LocalityValidation | Promise<LocalityValidation> {
		const { summary, validatedAt } = this;
		summary.checked++;
		const key = accessAddressKey(address);
		if (key === null || !address) return this.count(unvalidated('missing', key, validatedAt));
		if (summary.outage !== null) return this.count(keepOrHold(row, key));
		const query = queryOf(address);
		const ahead = this.lookahead?.take(sorId, query);
		if (ahead !== undefined) return this.conclude(row, key, ahead);
		const dar = this.dar;
		if (isSynchronous(dar)) {
			let outcome: LookupOutcome;
			try {
				outcome = { found: answerOf(dar.lookupSync(query)) };
			} catch (error) {
				outcome = { error };
			}
			return this.conclude(row, key, outcome);
		}
		return dar.lookup(query).then(
			(found) => this.conclude(row, key, { found: answerOf(found) }),
			(error: unknown) => this.conclude(row, key, { error }),
		);
	}

	private conclude(
		row: LocalityValidation,
		key: string,
		outcome: LookupOutcome,
	): LocalityValidation {
		const { validatedAt } = this;
		if ('error' in outcome) {
			const error = outcome.error;
			if (!(error instanceof DarUnavailableError)) throw error;
			this.summary.outage = `${this.dar.name}: ${error.message}`;
			return this.count(keepOrHold(row, key));
		}
		const found = outcome.found;
		if (!found) return this.count(unvalidated('not_found', key, validatedAt));
		if (!isValidDarStatus(found.status)) {
			return this.count({ ...unvalidated('retired', key, validatedAt), darAddressId: found.id });
		}
		return this.count({
			addressStatus: 'valid',
			validatedAddressKey: key,
			addressValidatedAt: validatedAt,
			darAddressId: found.id,
			lat: found.lat,
			lon: found.lon,
			locationMunicipalityCode: found.municipalityCode,
			published: true,
		});
	}

	private count(validation: LocalityValidation): LocalityValidation {
		this.summary[COUNTER[validation.addressStatus]]++;
		return validation;
	}
}

/**
 * Validates the visiting address of every active locality against DAR and decides publication (the
 * import does the same inside its locality pass, with {@link AddressValidator}).
 */
export async function validateLocalityAddresses(input: {
	register: RegisterRepository;
	dar: DarSource;
	validatedAt: string;
}): Promise<AddressValidationSummary> {
	const validator = new AddressValidator(input.dar, input.validatedAt);
	for (const { row, visitingAddress } of input.register.activeLocalitiesWithVisitingAddress()) {
		const validation = await validator.validate(row.sorId, row, visitingAddress);
		if (validationChanged(row, validation)) input.register.saveValidation(row.sorId, validation);
	}
	return validator.summary;
}

/** True when storing `next` would change the row (the validation time alone does not count). */
export function validationChanged(
	row: Pick<LocalityRow, keyof LocalityValidation>,
	next: LocalityValidation,
): boolean {
	return (
		row.addressStatus !== next.addressStatus ||
		row.validatedAddressKey !== next.validatedAddressKey ||
		row.darAddressId !== next.darAddressId ||
		row.lat !== next.lat ||
		row.lon !== next.lon ||
		row.locationMunicipalityCode !== next.locationMunicipalityCode ||
		row.published !== next.published
	);
}

const COUNTER = {
	valid: 'valid',
	missing: 'missing',
	not_found: 'notFound',
	retired: 'retired',
	pending: 'pending',
} as const;

function unvalidated(
	status: 'missing' | 'not_found' | 'retired',
	key: string | null,
	validatedAt: string,
): LocalityValidation {
	return {
		addressStatus: status,
		validatedAddressKey: key,
		addressValidatedAt: validatedAt,
		darAddressId: null,
		lat: null,
		lon: null,
		locationMunicipalityCode: null,
		published: false,
	};
}

/** During an outage: an unchanged address keeps its last result; anything else waits. */
function keepOrHold(row: LocalityValidation, key: string): LocalityValidation {
	if (row.validatedAddressKey === key && row.addressStatus !== 'pending') {
		return {
			addressStatus: row.addressStatus,
			validatedAddressKey: row.validatedAddressKey,
			addressValidatedAt: row.addressValidatedAt,
			darAddressId: row.darAddressId,
			lat: row.lat,
			lon: row.lon,
			locationMunicipalityCode: row.locationMunicipalityCode,
			published: row.addressStatus === 'valid',
		};
	}
	return {
		addressStatus: 'pending',
		validatedAddressKey: row.validatedAddressKey,
		addressValidatedAt: row.addressValidatedAt,
		darAddressId: null,
		lat: null,
		lon: null,
		locationMunicipalityCode: null,
		published: false,
	};
}
