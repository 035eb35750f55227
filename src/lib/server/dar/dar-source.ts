/**
 * The contract every DAR address source (the local table, an HTTP service) fulfils.
 *
 * Matching rules, the same for every source: exact on (kommunekode, vejkode, husnummer) when the
 * query has both codes; otherwise, or when that finds nothing, on (vejnavn, husnummer, postnummer)
 * compared by their normalised keys. Floor and door never matter. Among several matches a valid
 * (gældende/foreløbig) address wins; a retired one is returned only when no valid one exists, so
 * the caller can say "address retired" instead of "address unknown".
 */

/** What a caller knows about a visiting address. Any part may be missing. */
export interface AccessAddressQuery {
	municipalityCode: string | null;
	streetCode: string | null;
	streetName: string | null;
	houseNumber: string | null;
	postcode: string | null;
}

/** DAR's lifecycle states of an access address, named as in DAWA. */
export type DarStatus = 'gældende' | 'foreløbig' | 'nedlagt' | 'henlagt';

/** One DAR access address (husnummer / adgangsadresse). */
export interface DarAccessAddress {
	id: string;
	status: DarStatus;
	streetName: string;
	houseNumber: string;
	postcode: string;
	municipalityCode: string;
	lat: number | null;
	lon: number | null;
	etrsEast: number | null;
	etrsNorth: number | null;
	precision: string | null;
}

/** Looks up access addresses. Resolves to null when DAR has no such address. */
export interface DarSource {
	readonly name: string;
	lookup(query: AccessAddressQuery): Promise<DarAccessAddress | null>;
}

/**
 * The source could not answer (network, server error, timeout, malformed response). Distinct from
 * "no such address", which is a null result.
 */
export class DarUnavailableError extends Error {
	override name = 'DarUnavailableError';
}

/** DAWA's numeric status codes: 1 gældende, 3 foreløbig, 2 nedlagt, 4 henlagt. */
export const DAWA_STATUS_CODES: Readonly<Record<number, DarStatus>> = {
	1: 'gældende',
	2: 'nedlagt',
	3: 'foreløbig',
	4: 'henlagt',
};

/** The status named by a DAWA status code, or null for an unknown code. */
export function darStatusFromCode(code: number): DarStatus | null {
	return DAWA_STATUS_CODES[code] ?? null;
}

/** True for the states a visiting address may have: gældende or foreløbig. */
export function isValidDarStatus(status: DarStatus | string | null | undefined): boolean {
	return status === 'gældende' || status === 'foreløbig';
}

/**
 * Preference order among several matches: gældende, foreløbig, nedlagt, henlagt (lower wins). The
 * same order is encoded in the local repository's SQL.
 */
export function statusRank(status: DarStatus): number {
	return status === 'gældende' ? 0 : status === 'foreløbig' ? 1 : status === 'nedlagt' ? 2 : 3;
}
