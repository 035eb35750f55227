import type { SorAddress } from '../sor/record';
import { houseNumberKey, streetKey } from './normalise';

/**
 * A normalised text key of an access address (floor and door ignored), used to tell whether a
 * visiting address changed since it was validated and to compare addresses without DAR.
 * Null when the address lacks a street or house number.
 */
export function accessAddressKey(address: SorAddress | null): string | null {
	if (!address?.street || !address.houseNumber) return null;
	const house = houseNumberKey(address.houseNumber);
	if (!house) return null;
	return [
		address.municipalityCode ?? '',
		address.streetCode ?? '',
		streetKey(address.street),
		house,
		address.postcode ?? '',
	].join('|');
}
