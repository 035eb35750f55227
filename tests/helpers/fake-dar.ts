import { houseNumberKey, streetKey } from '../../src/lib/domain/address/normalise';
import type {
	AccessAddressQuery,
	DarAccessAddress,
	DarSource,
} from '../../src/lib/server/dar/dar-source';
import { DarUnavailableError, statusRank } from '../../src/lib/server/dar/dar-source';

/**
 * An in-memory DAR with the contract's matching rules, for tests that are about what the register
 * does with answers rather than about the DAR table itself.
 */
export class InMemoryDarSource implements DarSource {
	readonly name = 'test-DAR';
	lookups = 0;
	/** When set, every lookup fails as if the service were down. */
	down = false;

	constructor(private readonly addresses: DarAccessAddress[]) {}

	async lookup(query: AccessAddressQuery): Promise<DarAccessAddress | null> {
		this.lookups++;
		if (this.down) throw new DarUnavailableError('testtjenesten svarer ikke');
		const house = houseNumberKey(query.houseNumber);
		const byName = this.addresses.filter(
			(a) =>
				query.streetName !== null &&
				streetKey(a.streetName) === streetKey(query.streetName) &&
				houseNumberKey(a.houseNumber) === house &&
				a.postcode === query.postcode,
		);
		return byName.sort((a, b) => statusRank(a.status) - statusRank(b.status))[0] ?? null;
	}
}

/** A DAR address for tests, valid by default. */
export function darAddress(
	streetName: string,
	houseNumber: string,
	postcode: string,
	municipalityCode: string,
	overrides: Partial<DarAccessAddress> = {},
): DarAccessAddress {
	return {
		id: `dar-${municipalityCode}-${streetName}-${houseNumber}`,
		status: 'gældende',
		streetName,
		houseNumber,
		postcode,
		municipalityCode,
		lat: 56.15,
		lon: 10.2,
		etrsEast: 575000,
		etrsNorth: 6224000,
		precision: 'A',
		...overrides,
	};
}
