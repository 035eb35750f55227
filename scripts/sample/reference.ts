/**
 * Loads the reference data the generator needs from the repository (never from outside it):
 * db/reference/kommuner.csv, db/reference/postnumre.csv and db/reference/kommune-shapes.json.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { makeKommuneShape, type KommuneShape, type Polygon } from './geo.ts';
import { KOMMUNE_POSTCODES } from './names.ts';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const REFERENCE_DIR = new URL('../../db/reference/', import.meta.url);

export interface Postcode {
	code: string;
	name: string;
}

export interface Kommune {
	code: string;
	name: string;
	regionCode: string;
	regionName: string;
	/** Towns in the kommune; the first is where the town hall is. */
	postcodes: Postcode[];
	shape: KommuneShape;
}

export interface Reference {
	kommuner: Kommune[];
	byCode: Map<string, Kommune>;
	regions: Map<string, string>;
}

/** Minimal CSV reader for the simple reference files (no quoted separators in them). */
function readCsv(name: string): Record<string, string>[] {
	const text = readFileSync(new URL(name, REFERENCE_DIR), 'utf8').replace(/^\uFEFF/, '');
	const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '' && !line.startsWith('#'));
	const header = (lines.shift() ?? '').split(',');
	return lines.map((line) => {
		const cells = line.split(',');
		return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
	});
}

let cached: Reference | undefined;

export function loadReference(): Reference {
	if (cached) return cached;
	const postcodeNames = new Map(readCsv('postnumre.csv').map((row) => [row.postnr, row.navn]));
	const shapesFile = JSON.parse(
		readFileSync(new URL('kommune-shapes.json', REFERENCE_DIR), 'utf8'),
	) as {
		kommuner: Record<string, Polygon[]>;
	};
	const kommuner: Kommune[] = readCsv('kommuner.csv').map((row) => {
		const code = row.kommunekode ?? '';
		const polygons = shapesFile.kommuner[code];
		if (!polygons) throw new Error(`no shape for kommune ${code}`);
		const postcodes = (KOMMUNE_POSTCODES[code] ?? []).map((postcode) => {
			const name = postcodeNames.get(postcode);
			if (!name) throw new Error(`postcode ${postcode} (kommune ${code}) is not in postnumre.csv`);
			return { code: postcode, name };
		});
		if (postcodes.length === 0) throw new Error(`no postcodes listed for kommune ${code}`);
		return {
			code,
			name: row.kommunenavn ?? '',
			regionCode: row.regionskode ?? '',
			regionName: row.regionsnavn ?? '',
			postcodes,
			shape: makeKommuneShape(code, polygons),
		};
	});
	if (kommuner.length !== 98) throw new Error(`expected 98 kommuner, got ${kommuner.length}`);
	cached = {
		kommuner,
		byCode: new Map(kommuner.map((k) => [k.code, k])),
		regions: new Map(kommuner.map((k) => [k.regionCode, k.regionName])),
	};
	return cached;
}

/** The kommune shapes keyed by kommunekode (for tests that check generated coordinates). */
export function loadKommuneShapes(): Map<string, KommuneShape> {
	return new Map(loadReference().kommuner.map((k) => [k.code, k.shape]));
}
