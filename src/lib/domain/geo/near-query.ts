/**
 * Reads what a citizen typed into "find near an address": a postcode ("8200", "8200 Aarhus N") or
 * a street address with house number and postcode ("Nørrevænget 8A, 8200 Aarhus N"). Floor, door
 * and town name are ignored; DAR decides whether the address exists.
 */

/** The parsed input, or why it cannot be looked up. */
export type NearQuery =
	| { kind: 'postcode'; postcode: string }
	| { kind: 'address'; streetName: string; houseNumber: string; postcode: string }
	| { kind: 'invalid'; reason: 'empty' | 'missing_postcode' | 'missing_house_number' | 'too_long' };

/** Longest input accepted; an address is never longer. */
export const MAX_NEAR_QUERY_LENGTH = 200;

// A postcode is a free-standing group of exactly four digits.
const POSTCODE = /(?<![\p{L}\p{N}])(\d{4})(?![\p{L}\p{N}])/gu;
// "Street name 12", "Street name 12 B", "Street name 12B": the first number after a name.
const STREET_AND_NUMBER = /^(\p{L}[\p{L}\p{N}.'’\- ]*?)\s+(\d{1,3})\s?(\p{L})?(?=$|[\s,.])/u;

/** Parses near-address input; never throws. */
export function parseNearQuery(input: string | null | undefined): NearQuery {
	const text = (input ?? '').replace(/\s+/g, ' ').trim();
	if (text === '') return { kind: 'invalid', reason: 'empty' };
	if (text.length > MAX_NEAR_QUERY_LENGTH) return { kind: 'invalid', reason: 'too_long' };
	const postcodes = [...text.matchAll(POSTCODE)];
	const last = postcodes.at(-1);
	const before = last ? text.slice(0, last.index).replace(/[\s,]+$/, '') : text;
	if (last && before === '') return { kind: 'postcode', postcode: last[1]! };
	const street = STREET_AND_NUMBER.exec(before.split(',')[0]!.trim());
	if (!street) return { kind: 'invalid', reason: 'missing_house_number' };
	if (!last) return { kind: 'invalid', reason: 'missing_postcode' };
	return {
		kind: 'address',
		streetName: street[1]!.trim(),
		houseNumber: `${street[2]}${street[3] ?? ''}`.toUpperCase(),
		postcode: last[1]!,
	};
}
