import {
	houseNumberKey,
	municipalityCodeKey,
	postcodeKey,
	streetCodeKey,
	streetKey,
} from '../../domain/address/normalise';
import type { RegisterDb } from '../db/client';
import {
	DarAddressRepository,
	type DarAddressRecord,
} from '../repositories/dar-address-repository';
import {
	darStatusFromCode,
	DarUnavailableError,
	type AccessAddressQuery,
	type DarAccessAddress,
	type DarSource,
} from './dar-source';

function toAccessAddress(record: DarAddressRecord): DarAccessAddress {
	const status = darStatusFromCode(record.status);
	if (status === null) {
		throw new DarUnavailableError(
			`DAR-tabellen har en adresse med ukendt status ${record.status} (id ${record.id}); kør DAR-importen igen.`,
		);
	}
	return {
		id: record.id,
		status,
		streetName: record.streetName,
		houseNumber: record.houseNumber,
		postcode: record.postcode,
		municipalityCode: record.municipalityCode,
		lat: record.lat,
		lon: record.lon,
		etrsEast: record.etrsEast,
		etrsNorth: record.etrsNorth,
		precision: record.precision,
	};
}

/** Finds the preferred local record for a query by the shared matching rules, synchronously. */
export function findLocalAddress(
	repository: DarAddressRepository,
	query: AccessAddressQuery,
): DarAddressRecord | null {
	const houseKey = houseNumberKey(query.houseNumber);
	if (houseKey === null) return null;
	const municipalityCode = municipalityCodeKey(query.municipalityCode);
	const streetCode = streetCodeKey(query.streetCode);
	if (municipalityCode !== null && streetCode !== null) {
		const byCode = repository.findByCode(municipalityCode, streetCode, houseKey);
		// A retired match by code may still have a valid twin by name (e.g. after a road renumbering).
		if (byCode && (byCode.status === 1 || byCode.status === 3)) return byCode;
		const byName = findByName(repository, query, houseKey);
		if (!byName) return byCode;
		if (!byCode) return byName;
		return byName.status === 1 || byName.status === 3 ? byName : byCode;
	}
	return findByName(repository, query, houseKey);
}

function findByName(
	repository: DarAddressRepository,
	query: AccessAddressQuery,
	houseKey: string,
): DarAddressRecord | null {
	const postcode = postcodeKey(query.postcode);
	if (query.streetName === null || postcode === null) return null;
	const key = streetKey(query.streetName);
	return key === '' ? null : repository.findByName(key, houseKey, postcode);
}

/** DAR lookups against the local `dar_addresses` table filled by `npm run import:dar`. */
export class LocalDarSource implements DarSource {
	readonly name = 'lokal DAR-tabel';
	private readonly repository: DarAddressRepository;

	constructor(db: RegisterDb) {
		this.repository = new DarAddressRepository(db);
	}

	/** Looks an address up by the shared matching rules; null when the table has no such address. */
	async lookup(query: AccessAddressQuery): Promise<DarAccessAddress | null> {
		const record = findLocalAddress(this.repository, query);
		return record === null ? null : toAccessAddress(record);
	}

	/** The synchronous form of `lookup`, for batch validation inside a transaction. */
	lookupSync(query: AccessAddressQuery): DarAccessAddress | null {
		const record = findLocalAddress(this.repository, query);
		return record === null ? null : toAccessAddress(record);
	}
}
