// zod 4 (shipped inside zod 3.25) validates several times faster, which matters at 150 000+
// records a night.
import { z } from 'zod/v4';

/** The three levels of the SOR hierarchy: institution owner, health institution, organisational unit. */
export type SorLevel = 'IE' | 'SI' | 'OE';

const optionalText = z
	.string()
	.transform((value) => value.trim())
	.transform((value) => (value === '' ? null : value))
	.nullable();

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True for a real calendar date written ÅÅÅÅ-MM-DD (so 2025-13-45 is refused). */
function isIsoDate(text: string): boolean {
	if (text.length !== 10 || text[4] !== '-' || text[7] !== '-') return false;
	const year = Number(text.slice(0, 4));
	const month = Number(text.slice(5, 7));
	const day = Number(text.slice(8, 10));
	if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
	if (month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]!) return false;
	const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
	return month !== 2 || day <= 28 || leap;
}

const isoDate = z.string().refine(isIsoDate, 'skal være en gyldig dato på formen ÅÅÅÅ-MM-DD');

/** A postal or visiting address as SOR writes it (all codes kept as strings to preserve leading zeros). */
export const sorAddressSchema = z.object({
	street: optionalText,
	houseNumber: optionalText,
	floor: optionalText,
	door: optionalText,
	postcode: optionalText,
	district: optionalText,
	municipalityCode: z
		.string()
		.regex(/^\d{3,4}$/, 'kommunekode skal være 3-4 cifre')
		.transform((code) => code.padStart(4, '0'))
		.nullable(),
	streetCode: optionalText,
	etrsNorth: z.number().nullable(),
	etrsEast: z.number().nullable(),
});
export type SorAddress = z.infer<typeof sorAddressSchema>;

/**
 * One SOR entity after inheritance has been applied, as the streaming parser hands it to the importer.
 * `parentSorId` comes from the XML nesting; `ownerSorId` is the enclosing institution owner.
 */
export const sorRecordSchema = z.object({
	sorId: z.string().regex(/^\d{1,18}$/, 'SOR-ID skal være 1-18 cifre'),
	level: z.enum(['IE', 'SI', 'OE']),
	parentSorId: z.string().nullable(),
	ownerSorId: z.string(),
	depth: z.number().int().nonnegative(),
	name: z.string().trim().min(1, 'enhedsnavn mangler'),
	entityTypeCode: z.string().regex(/^\d+$/, 'enhedstype skal være en SNOMED CT-kode').nullable(),
	cvr: z
		.string()
		.regex(/^\d{8}$/, 'CVR-nummer skal være 8 cifre')
		.nullable(),
	postalAddress: sorAddressSchema.nullable(),
	postalAddressInherited: z.boolean(),
	visitingAddress: sorAddressSchema.nullable(),
	/** 'own' = the unit's own VisitingAddressInformation; 'postal' = fell back to its postal address. */
	visitingAddressSource: z.enum(['own', 'postal']).nullable(),
	phone: optionalText,
	email: optionalText,
	website: optionalText,
	contactInherited: z.boolean(),
	eanLocationCode: optionalText,
	firstFromDate: isoDate,
	fromDate: isoDate.nullable(),
	toDate: isoDate.nullable(),
	updatedAt: isoDate.nullable(),
	replaces: z.array(z.string()),
	replacedBy: z.array(z.string()),
});
export type SorRecord = z.infer<typeof sorRecordSchema>;

/** The input shape of {@link sorRecordSchema}: what the parser produces before validation. */
export type RawSorRecord = z.input<typeof sorRecordSchema>;

/** Header facts of one SOR snapshot file. */
export interface SorSnapshotHeader {
	/** `SnapshotDate`: the date the data represents (ISO date). */
	snapshotDate: string;
	/** `CreatedAtTime`, when present. */
	createdAt: string | null;
	formatVersion: 'v2' | 'v1';
}
