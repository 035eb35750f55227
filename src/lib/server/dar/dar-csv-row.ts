/**
 * The columns of a DAWA access-address CSV extract (`adgangsadresser?format=csv`) that the register
 * keeps, the zod schemas every row must pass, and the conversion to stored values.
 *
 * The schemas use zod 4 (`zod/v4`, shipped in the same package as the zod 3 API the rest of the
 * code uses) and only check shapes, leaving conversion to `toStoredValues`: a national file has
 * 2.5 million rows, and zod 3 objects with transforms cost about twenty times as much per row.
 */
import { z } from 'zod/v4';
import type { DarAddressValues } from '../repositories/dar-address-repository';

/** Header names of the columns read. */
export const DAR_CSV_COLUMNS = [
	'id',
	'status',
	'vejkode',
	'vejnavn',
	'husnr',
	'postnr',
	'postnrnavn',
	'kommunekode',
	'etrs89koordinat_øst',
	'etrs89koordinat_nord',
	'wgs84koordinat_bredde',
	'wgs84koordinat_længde',
	'nøjagtighed',
] as const;

/** One of the columns read. */
export type DarCsvColumn = (typeof DAR_CSV_COLUMNS)[number];

/** Columns that only unit-address files (adresser, with floor and door) have. */
export const UNIT_ADDRESS_COLUMNS = ['adgangsadresseid', 'etage', 'dør'] as const;

/** The file is not a valid DAWA access-address CSV; the table is unchanged. */
export class DarImportFormatError extends Error {
	override name = 'DarImportFormatError';
}

/**
 * Where each of `DAR_CSV_COLUMNS` is in the header (names compared trimmed, lower-case, NFC).
 * Refuses a header without them, and a unit-address file, whose ids are not access addresses.
 */
export function darColumnIndexes(header: string[], path: string): number[] {
	const names = header.map((name) => name.normalize('NFC').trim().toLowerCase());
	const unitColumns = UNIT_ADDRESS_COLUMNS.filter((column) => names.includes(column));
	if (unitColumns.length > 0) {
		throw new DarImportFormatError(
			`${path} ligner en fil med enhedsadresser (kolonnerne ${unitColumns.join(', ')}); importen skal have adgangsadresser.`,
		);
	}
	const missing = DAR_CSV_COLUMNS.filter((column) => !names.includes(column));
	if (missing.length > 0) {
		throw new DarImportFormatError(
			`${path} mangler kolonnerne ${missing.join(', ')} i overskriften (linje 1). Forventet et DAWA-udtræk af adgangsadresser i CSV.`,
		);
	}
	return DAR_CSV_COLUMNS.map((column) => names.indexOf(column));
}

function describeRowIssue(
	line: number,
	row: Record<string, string>,
	issue: { path: PropertyKey[]; message: string },
): string {
	const column = String(issue.path[0] ?? '?');
	const raw = row[column] ?? '';
	const shown = raw.length > 60 ? `${raw.slice(0, 60)}…` : raw;
	return `Linje ${line}, kolonne ${column}: værdien «${shown}» ${issue.message}. Intet er ændret.`;
}

// What each column must look like, as regex sources without anchors and without the unit separator
// (U+001F), so they can be checked one by one or all at once on the row joined by that separator.
const NUMBER = (digits: number, sign: string) =>
	`\\s*(?:${sign}\\d{1,${digits}}(?:[.,]\\d+)?)?\\s*`;
const TEXT = (max: number) => `[^\\x1f]{0,${max}}`;
const RULES: Record<DarCsvColumn, { pattern: string; error: string }> = {
	id: {
		pattern: '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}',
		error: 'skal være et UUID',
	},
	status: {
		pattern: '\\s*[1-4]\\s*',
		error: 'skal være 1 (gældende), 2 (nedlagt), 3 (foreløbig) eller 4 (henlagt)',
	},
	vejkode: { pattern: '\\s*(?:\\d{1,4})?\\s*', error: 'skal være tom eller 1-4 cifre' },
	vejnavn: {
		pattern: '(?=[^\\x1f]*[^\\s\\x1f])[^\\x1f]{1,100}',
		error: 'skal være et vejnavn på højst 100 tegn',
	},
	husnr: {
		pattern: '\\s*0*[1-9]\\d{0,2}\\s*[A-Za-z]?\\s*',
		error: 'skal være et tal fra 1 til 999 og evt. et bogstav',
	},
	postnr: { pattern: '\\s*\\d{4}\\s*', error: 'skal være fire cifre' },
	postnrnavn: { pattern: TEXT(100), error: 'er længere end 100 tegn' },
	kommunekode: { pattern: '\\s*\\d{1,4}\\s*', error: 'skal være 1-4 cifre' },
	// Empty, or a decimal number; a Danish spreadsheet may have re-saved it with a decimal comma.
	etrs89koordinat_øst: { pattern: NUMBER(7, ''), error: 'skal være et tal i meter' },
	etrs89koordinat_nord: { pattern: NUMBER(7, ''), error: 'skal være et tal i meter' },
	wgs84koordinat_bredde: { pattern: NUMBER(2, '-?'), error: 'skal være et tal i grader' },
	wgs84koordinat_længde: { pattern: NUMBER(3, '-?'), error: 'skal være et tal i grader' },
	nøjagtighed: { pattern: TEXT(10), error: 'er længere end 10 tegn' },
};

/** A CSV row keyed by header name: the rule for every column, checked one by one. */
export const darCsvRowSchema = z.object(
	Object.fromEntries(
		DAR_CSV_COLUMNS.map((column) => [
			column,
			z
				.string()
				.regex(new RegExp(`^(?:${RULES[column].pattern})$`), { error: RULES[column].error }),
		]),
	) as Record<DarCsvColumn, z.ZodString>,
);

const SEPARATOR = '\x1f';

/**
 * The same rules on a whole row, its `DAR_CSV_COLUMNS` joined by U+001F: one regex instead of
 * thirteen parsed fields, three times cheaper on 2.5 million rows. Since no rule admits U+001F, a
 * row passes this exactly when it passes `darCsvRowSchema`.
 */
export const darCsvLineSchema = z
	.string()
	.regex(new RegExp(`^${DAR_CSV_COLUMNS.map((column) => RULES[column].pattern).join('\\x1f')}$`));

/**
 * Checks one row of `DAR_CSV_COLUMNS` values; throws a `DarImportFormatError` naming the line,
 * the column and the value when a rule fails.
 */
export function validateDarRow(row: string[], line: number): void {
	if (darCsvLineSchema.safeParse(row.join(SEPARATOR)).success) return;
	// The row is bad: check it column by column to say where.
	const values: Record<string, string> = {};
	for (let c = 0; c < DAR_CSV_COLUMNS.length; c++) values[DAR_CSV_COLUMNS[c]!] = row[c] ?? '';
	const parsed = darCsvRowSchema.safeParse(values);
	if (!parsed.success) {
		throw new DarImportFormatError(describeRowIssue(line, values, parsed.error.issues[0]!));
	}
}

function optional(text: string): string | null {
	const trimmed = text.trim();
	return trimmed === '' ? null : trimmed;
}

function number(text: string): number | null {
	if (text === '') return null;
	let value = Number(text);
	if (Number.isNaN(value)) value = Number(text.replace(',', '.'));
	else if (value === 0 && text.trim() === '') return null;
	return value;
}

function code(text: string): string {
	// Already four digits in every DAWA file; the schema has checked it is 1-4 digits.
	return text.length === 4 ? text : text.trim().padStart(4, '0');
}

const CANONICAL_HOUSE_NUMBER = /^[1-9]\d{0,2}[A-Z]?$/;

/**
 * Writes a validated row's stored values into `into` (reused across rows to spare the garbage
 * collector). `row` holds the `DAR_CSV_COLUMNS` in order; `streetKeyOf` supplies the street key,
 * so the caller can cache it. The checks are cheap fast paths: this runs 2.5 million times per
 * national import.
 */
export function toStoredValues(
	row: string[],
	streetKeyOf: (streetName: string) => string,
	into: DarAddressValues,
): DarAddressValues {
	const [id, status, vejkode, vejnavn, husnr, postnr, postnrnavn, kommunekode] = row as [
		string,
		string,
		string,
		string,
		string,
		string,
		string,
		string,
	];
	const streetName = vejnavn.trim();
	let houseNumber = husnr;
	if (!CANONICAL_HOUSE_NUMBER.test(houseNumber)) {
		houseNumber = houseNumber.replace(/\s+/g, '').replace(/^0+/, '').toUpperCase();
	}
	const streetCode = vejkode.trim();
	into[0] = id.toLowerCase();
	into[1] = Number(status);
	into[2] = streetCode === '' ? null : code(streetCode);
	into[3] = streetName;
	into[4] = streetKeyOf(streetName);
	into[5] = houseNumber;
	into[6] = houseNumber.toLowerCase();
	into[7] = postnr.length === 4 ? postnr : postnr.trim();
	into[8] = optional(postnrnavn);
	into[9] = code(kommunekode);
	into[10] = number(row[8]!);
	into[11] = number(row[9]!);
	into[12] = number(row[10]!);
	into[13] = number(row[11]!);
	into[14] = optional(row[12]!);
	return into;
}
