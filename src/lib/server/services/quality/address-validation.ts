import { accessAddressKey } from '../../../domain/address/address-key';
import { DarUnavailableError, isValidDarStatus, type DarSource } from '../../dar/dar-source';
import type {
	LocalityRow,
	LocalityValidation,
	RegisterRepository,
} from '../../repositories/register-repository';
import type { SorEntityRepository } from '../../repositories/sor-entity-repository';

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

/**
 * Validates the visiting address of every active locality against DAR and decides publication.
 * When DAR fails, localities whose address is unchanged keep their last validation and new or
 * changed addresses wait ('pending'): an outage never turns valid addresses invalid.
 */
export async function validateLocalityAddresses(input: {
	register: RegisterRepository;
	entities: SorEntityRepository;
	dar: DarSource;
	validatedAt: string;
}): Promise<AddressValidationSummary> {
	const { register, entities, dar, validatedAt } = input;
	const summary: AddressValidationSummary = {
		checked: 0,
		valid: 0,
		missing: 0,
		notFound: 0,
		retired: 0,
		pending: 0,
		outage: null,
	};
	for (const row of register.activeLocalityRows()) {
		const entity = entities.get(row.sorId);
		if (!entity) continue;
		summary.checked++;
		const address = entity.visitingAddress;
		const key = accessAddressKey(address);
		let validation: LocalityValidation;
		if (key === null || !address) {
			validation = unvalidated('missing', key, validatedAt);
		} else if (summary.outage !== null) {
			validation = keepOrHold(row, key);
		} else {
			try {
				const found = await dar.lookup({
					municipalityCode: address.municipalityCode,
					streetCode: address.streetCode,
					streetName: address.street,
					houseNumber: address.houseNumber,
					postcode: address.postcode,
				});
				if (!found) validation = unvalidated('not_found', key, validatedAt);
				else if (!isValidDarStatus(found.status)) {
					validation = { ...unvalidated('retired', key, validatedAt), darAddressId: found.id };
				} else {
					validation = {
						addressStatus: 'valid',
						validatedAddressKey: key,
						addressValidatedAt: validatedAt,
						darAddressId: found.id,
						lat: found.lat,
						lon: found.lon,
						locationMunicipalityCode: found.municipalityCode,
						published: true,
					};
				}
			} catch (error) {
				if (!(error instanceof DarUnavailableError)) throw error;
				summary.outage = `${dar.name}: ${error.message}`;
				validation = keepOrHold(row, key);
			}
		}
		summary[COUNTER[validation.addressStatus]]++;
		if (changed(row, validation)) register.saveValidation(row.sorId, validation);
	}
	return summary;
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
function keepOrHold(row: LocalityRow, key: string): LocalityValidation {
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

function changed(row: LocalityRow, next: LocalityValidation): boolean {
	return (Object.keys(next) as (keyof LocalityValidation)[]).some(
		(field) => field !== 'addressValidatedAt' && row[field] !== next[field],
	);
}
