import { resolve } from 'node:path';
import { z } from 'zod';
import { readCsvRecords, readTextFile } from '../csv/read-csv';

/** Default locations of the bundled reference files, relative to the project root. */
export const REFERENCE_FILES = {
	classifications: resolve('db/reference/sor-classifications.csv'),
	municipalities: resolve('db/reference/kommuner.csv'),
	authorities: resolve('db/reference/aeldretilsyn.csv'),
} as const;

/** Drops `#` comment lines so reference files can say where they come from. */
async function* withoutComments(chunks: AsyncIterable<string>): AsyncGenerator<string> {
	let carry = '';
	for await (const chunk of chunks) {
		const text = carry + chunk;
		const lastNewline = text.lastIndexOf('\n');
		carry = text.slice(lastNewline + 1);
		const complete = text.slice(0, lastNewline + 1);
		yield complete
			.split('\n')
			.filter((line) => !line.trimStart().startsWith('#'))
			.join('\n');
	}
	if (carry && !carry.trimStart().startsWith('#')) yield carry;
}

const classificationRow = z.object({
	code: z.string().trim().regex(/^\d+$/, 'koden skal være et tal'),
	name: z.string().trim().min(1, 'navnet mangler'),
});

/**
 * Reads a classification list (CSV with at least a code and a name column, `;` or `,`). Column
 * names are matched loosely so SOR's own SORClassifications.csv can be used as it is.
 */
export async function readClassifications(path: string): Promise<{ code: string; name: string }[]> {
	const entries: { code: string; name: string }[] = [];
	for await (const { line, values } of readCsvRecords(withoutComments(readTextFile(path)))) {
		const key = (wanted: RegExp) => Object.keys(values).find((column) => wanted.test(column));
		const codeColumn = key(/^(code|kode|.*code|.*kode|.*id)$/i);
		const nameColumn = key(/^(name|navn|.*name|.*navn|display.*|term)$/i);
		if (!codeColumn || !nameColumn) {
			throw new Error(
				`Klassifikationsfilen ${path} skal have en kolonne med kode og en med navn; fandt: ${Object.keys(values).join(', ')}`,
			);
		}
		const parsed = classificationRow.safeParse({
			code: values[codeColumn],
			name: values[nameColumn],
		});
		if (!parsed.success) {
			throw new Error(
				`Klassifikationsfilen ${path}, linje ${line}: ${parsed.error.issues[0]?.message}`,
			);
		}
		entries.push(parsed.data);
	}
	if (entries.length === 0) throw new Error(`Klassifikationsfilen ${path} er tom.`);
	return entries;
}

const municipalityRow = z.object({
	kommunekode: z.string().regex(/^\d{4}$/),
	kommunenavn: z.string().min(1),
	regionskode: z.string().regex(/^\d{4}$/),
	regionsnavn: z.string().min(1),
});

/** Reads the kommune reference list (kommunekode, kommunenavn, regionskode, regionsnavn). */
export async function readMunicipalities(
	path: string,
): Promise<{ code: string; name: string; regionCode: string; regionName: string }[]> {
	const rows = [];
	for await (const { line, values } of readCsvRecords(withoutComments(readTextFile(path)))) {
		const parsed = municipalityRow.safeParse(values);
		if (!parsed.success) throw new Error(`Kommunelisten ${path}, linje ${line} er ugyldig.`);
		rows.push({
			code: parsed.data.kommunekode,
			name: parsed.data.kommunenavn,
			regionCode: parsed.data.regionskode,
			regionName: parsed.data.regionsnavn,
		});
	}
	return rows;
}

const authorityRow = z.object({
	kommunekode: z.string().regex(/^\d{4}$/, 'kommunekode skal være 4 cifre'),
	myndighed_id: z.string().regex(/^[a-z0-9-]+$/, 'myndighed_id må kun have a-z, 0-9 og -'),
	myndighed_navn: z.string().trim().min(1, 'myndighed_navn mangler'),
	foreloebig: z.enum(['ja', 'nej']),
});

/** One authority and the kommuner it covers. */
export interface AuthorityArea {
	id: string;
	name: string;
	provisional: boolean;
	municipalityCodes: string[];
}

/** Reads the kommune → Ældretilsyn authority table (kommunekode;myndighed_id;myndighed_navn;foreloebig). */
export async function readAuthorityAreas(path: string): Promise<AuthorityArea[]> {
	const byId = new Map<string, AuthorityArea>();
	const seen = new Set<string>();
	for await (const { line, values } of readCsvRecords(withoutComments(readTextFile(path)))) {
		const parsed = authorityRow.safeParse(values);
		if (!parsed.success) {
			const issue = parsed.error.issues[0];
			throw new Error(
				`Tilsynsfilen ${path}, linje ${line}: ${issue?.path.join('.')}: ${issue?.message}`,
			);
		}
		const row = parsed.data;
		if (seen.has(row.kommunekode)) {
			throw new Error(
				`Tilsynsfilen ${path}, linje ${line}: kommune ${row.kommunekode} står to gange.`,
			);
		}
		seen.add(row.kommunekode);
		const area = byId.get(row.myndighed_id) ?? {
			id: row.myndighed_id,
			name: row.myndighed_navn,
			provisional: row.foreloebig === 'ja',
			municipalityCodes: [],
		};
		area.municipalityCodes.push(row.kommunekode);
		byId.set(row.myndighed_id, area);
	}
	return [...byId.values()];
}
