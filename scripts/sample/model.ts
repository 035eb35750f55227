/**
 * The in-memory model of one generated "country copy": SOR entities (owner → institution → units)
 * and the DAR access addresses they point at. The XML and CSV writers serialise this model.
 */

/** SNOMED CT type codes used by the generator (see docs/sor-format.md §4). */
export const TYPE = {
	kommune: '547211000005108',
	region: '550881000005103',
	privat: '550891000005100',
	stat: '398070004',
	sundhedsforvaltning: '554041000005106',
	hjemmeplejeenhed: '554821000005109',
	/**
	 * helhedsplejeleverandørsted: PROVISIONAL code. The real SNOMED CT concept ID is unpublished;
	 * 1000000000000001 is a placeholder agreed with the project's classifications file
	 * (db/reference/sor-classifications.csv). Replace both when Sundhedsdatastyrelsen publishes it.
	 */
	helhedsplejeleverandoersted: '1000000000000001',
	plejehjem: '42665001',
	hjemmesygepleje: '550621000005101',
	genoptraening: '546811000005109',
	sundhedspleje: '554021000005101',
	forebyggendeHjemmebesoeg: '557901000005102',
	bosted: '554221000005108',
	handicap: '554861000005100',
	misbrug: '56781000005109',
	administrativ: '550811000005108',
	klinisk: '550851000005109',
	hospital: '22232009',
	laegepraksis: '394761003',
	speciallaegepraksis: '550671000005100',
	apotek: '264372000',
	supplerende: '255203001',
} as const;

export type Level = 'IE' | 'SI' | 'OE';

/** DAWA adgangsadresse status: 1 gældende, 3 foreløbig, 2 nedlagt (4 henlagt is not generated). */
export type DarStatus = 1 | 2 | 3;

/** One DAR access address (DAWA "adgangsadresse"), the authority for a physical address. */
export interface DarAddress {
	id: string;
	status: DarStatus;
	created: string;
	changed: string;
	municipalityCode: string;
	municipalityName: string;
	streetCode: string;
	streetName: string;
	houseNumber: string;
	supplementaryTownName: string;
	postcode: string;
	postcodeName: string;
	regionCode: string;
	regionName: string;
	east: number;
	north: number;
	cadastralDistrictCode: string;
	cadastralDistrictName: string;
	cadastralNumber: string;
	propertyNumber: string;
	zone: string;
	/** false for the deliberately invalid addresses that must be left out of the DAR extract. */
	inDar: boolean;
}

/** How a SOR unit writes one address (the DAR address may be spelled differently in SOR). */
export interface SorAddress {
	dar: DarAddress;
	streetName: string;
	/** null = no house number written (a defect). */
	houseNumber: string | null;
	/** Write cpr:MunicipalityCode / cpr:StreetCode (SOR only has them for DAR-validated addresses). */
	withCodes: boolean;
	/** Write kms:RegionCode and osak coordinates. */
	withCoordinates: boolean;
	east: number;
	north: number;
}

export interface Contact {
	phone?: string;
	email?: string;
	website?: string;
}

export interface SorStatus {
	firstFromDate: string;
	fromDate: string;
	updatedAt?: string;
	toDate?: string;
}

export interface EanLocation {
	code: string;
	regionCode: string;
	systemSupplier: string;
	systemType: string;
	communicationSupplier: string;
	ediAdministrator: string;
	status: SorStatus;
}

export interface SorEntity {
	level: Level;
	/** Assigned after the tree is built, in order of creation date. */
	sorId: string;
	name: string;
	typeCode: string | null;
	ean?: EanLocation;
	postal?: SorAddress;
	visiting?: SorAddress;
	contact?: Contact;
	status: SorStatus;
	cvr?: string;
	replaces?: SorEntity[];
	replacedBy?: SorEntity[];
	children: SorEntity[];
	/** Kommune the unit belongs to organisationally (owner's kommune or region), for summaries. */
	kommuneCode: string | null;
}

/** A special case the lead's tests can look up by key. */
export interface SpecialCase {
	key: string;
	description: string;
	entity: SorEntity;
	/** Extra entities involved (the original unit of a duplicate, the replacement, …). */
	related?: SorEntity[];
	/** The locality's visiting address must count as invalid (not in DAR / retired / no house no.). */
	invalidAddress?: boolean;
}

export interface CountryCopy {
	owners: SorEntity[];
	darAddresses: DarAddress[];
	specialCases: SpecialCase[];
	notMigratedKommuner: string[];
}

/** Verhoeff check digit, as used by SNOMED CT identifiers (and so by SOR IDs). */
const VERHOEFF_D = [
	[0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
	[1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
	[2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
	[3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
	[4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
	[5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
	[6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
	[7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
	[8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
	[9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const VERHOEFF_P = [
	[0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
	[1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
	[5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
	[8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
	[9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
	[4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
	[2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
	[7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];
const VERHOEFF_INV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9];

export function verhoeffCheckDigit(digits: string): number {
	let c = 0;
	const reversed = digits.split('').reverse();
	for (let i = 0; i < reversed.length; i++) {
		const p = VERHOEFF_P[(i + 1) % 8] as number[];
		c = (VERHOEFF_D[c] as number[])[p[Number(reversed[i])] as number] as number;
	}
	return VERHOEFF_INV[c] as number;
}

/**
 * A SOR identifier shaped like SOR's own: item number + namespace `1000016` + partition `00` +
 * Verhoeff check digit (e.g. 698471000016005). Five-digit item numbers give 15-digit IDs.
 */
export function sorIdentifier(item: number): string {
	const body = `${item}100001600`;
	return `${body}${verhoeffCheckDigit(body)}`;
}

/** GS1 check digit for a 12-digit GLN/EAN body. */
export function gs1CheckDigit(body: string): number {
	let sum = 0;
	for (let i = 0; i < body.length; i++) {
		const digit = Number(body[body.length - 1 - i]);
		sum += digit * (i % 2 === 0 ? 3 : 1);
	}
	return (10 - (sum % 10)) % 10;
}

/** Completes a 7-digit CVR body with the modulus-11 check digit; null if none exists. */
export function cvrWithCheckDigit(body7: string): string | null {
	const weights = [2, 7, 6, 5, 4, 3, 2];
	const sum = body7.split('').reduce((s, d, i) => s + Number(d) * (weights[i] as number), 0);
	const check = (11 - (sum % 11)) % 11;
	return check === 10 ? null : `${body7}${check}`;
}

/** Visits every entity depth-first, parents before children. */
export function* walk(
	entity: SorEntity,
	parents: SorEntity[] = [],
): Generator<[SorEntity, SorEntity[]]> {
	yield [entity, parents];
	for (const child of entity.children) yield* walk(child, [...parents, entity]);
}
