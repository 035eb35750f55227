import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegisterDb } from '../../src/lib/server/db/client';
import type { AccessAddressQuery } from '../../src/lib/server/dar/dar-source';
import { isValidDarStatus } from '../../src/lib/server/dar/dar-source';
import { LocalDarSource } from '../../src/lib/server/dar/local-dar-source';
import { importDarExtract } from '../../src/lib/server/services/dar-import';
import {
	darCsv,
	SAMPLE_CSV_PATH,
	removeTempDirs,
	tempDir,
	uuid,
	writeFile,
} from '../fixtures/dar/dar-csv';
import { createTestDb } from '../helpers/test-db';

afterAll(removeTempDirs);

const query = (overrides: Partial<AccessAddressQuery>): AccessAddressQuery => ({
	municipalityCode: null,
	streetCode: null,
	streetName: null,
	houseNumber: null,
	postcode: null,
	...overrides,
});

const ABEL_3A = '0a3f507a-3669-32b8-e044-0003ba298018';

describe('local DAR lookups', () => {
	let db: RegisterDb;
	let dar: LocalDarSource;

	beforeAll(async () => {
		db = createTestDb();
		const dir = tempDir();
		const lockPath = `${dir}/import.lock`;
		const sample = readFileSync(SAMPLE_CSV_PATH, 'utf8');
		const more = darCsv([
			// æ/ø/å and "aa" spellings
			{
				id: uuid(1),
				vejkode: '0100',
				vejnavn: 'Åbyvej',
				husnr: '12',
				postnr: '8230',
				kommunekode: '0751',
			},
			{
				id: uuid(2),
				vejkode: '0200',
				vejnavn: 'Nørre Allé',
				husnr: '8A',
				postnr: '8000',
				kommunekode: '0751',
			},
			{
				id: uuid(3),
				vejkode: '0200',
				vejnavn: 'Nørre Allé',
				husnr: '8',
				postnr: '8000',
				kommunekode: '0751',
			},
			{
				id: uuid(4),
				vejkode: '0300',
				vejnavn: 'Aabenraavej',
				husnr: '1',
				postnr: '6200',
				kommunekode: '0580',
			},
			{
				id: uuid(5),
				vejkode: '0400',
				vejnavn: 'Sankt Annæ Plads',
				husnr: '10',
				postnr: '1250',
				kommunekode: '0101',
			},
			// a retired address next to its valid successor at the same spot
			{
				id: uuid(10),
				status: 2,
				vejkode: '0500',
				vejnavn: 'Skolevej',
				husnr: '3',
				postnr: '7100',
				kommunekode: '0630',
			},
			{
				id: uuid(11),
				status: 1,
				vejkode: '0500',
				vejnavn: 'Skolevej',
				husnr: '3',
				postnr: '7100',
				kommunekode: '0630',
			},
			// only retired: nedlagt (2) and henlagt (4)
			{
				id: uuid(12),
				status: 2,
				vejkode: '0600',
				vejnavn: 'Gammel Landevej',
				husnr: '7',
				postnr: '7100',
				kommunekode: '0630',
			},
			{
				id: uuid(13),
				status: 4,
				vejkode: '0600',
				vejnavn: 'Gammel Landevej',
				husnr: '9',
				postnr: '7100',
				kommunekode: '0630',
			},
			// foreløbig (3) wins over nedlagt (2)
			{
				id: uuid(14),
				status: 2,
				vejkode: '0700',
				vejnavn: 'Nyvej',
				husnr: '1',
				postnr: '7100',
				kommunekode: '0630',
			},
			{
				id: uuid(15),
				status: 3,
				vejkode: '0700',
				vejnavn: 'Nyvej',
				husnr: '1',
				postnr: '7100',
				kommunekode: '0630',
			},
			// renumbered road: old vejkode only retired, new vejkode valid under the same name
			{
				id: uuid(16),
				status: 2,
				vejkode: '0800',
				vejnavn: 'Havnegade',
				husnr: '2',
				postnr: '5000',
				kommunekode: '0461',
			},
			{
				id: uuid(17),
				status: 1,
				vejkode: '0801',
				vejnavn: 'Havnegade',
				husnr: '2',
				postnr: '5000',
				kommunekode: '0461',
			},
		]);
		// One extract: the real sample's rows plus ours.
		const combined = `${sample.trimEnd()}\n${more.split('\n').slice(1).join('\n')}`;
		await importDarExtract({ db, path: writeFile(dir, 'dar.csv', combined), lockPath });
		dar = new LocalDarSource(db);
	});

	it('finds the real sample by kommunekode, vejkode and husnummer', async () => {
		const found = await dar.lookup(
			query({ municipalityCode: '0101', streetCode: '0004', houseNumber: '3A' }),
		);
		expect(found).toEqual({
			id: ABEL_3A,
			status: 'gældende',
			streetName: 'Abel Cathrines Gade',
			houseNumber: '3A',
			postcode: '1654',
			municipalityCode: '0101',
			lat: 55.6720594006065,
			lon: 12.5582458296225,
			etrsEast: 723743.16,
			etrsNorth: 6175322.16,
			precision: 'A',
		});
	});

	it('accepts unpadded codes and any spelling of the house number', async () => {
		for (const houseNumber of ['3A', '3a', '3 A', '03A']) {
			const found = await dar.lookup(
				query({ municipalityCode: '101', streetCode: '4', houseNumber }),
			);
			expect(found?.id, houseNumber).toBe(ABEL_3A);
		}
	});

	it('finds by street name, house number and postcode without codes', async () => {
		const found = await dar.lookup(
			query({ streetName: 'ABEL CATHRINES GADE', houseNumber: '3 a', postcode: '1654' }),
		);
		expect(found?.id).toBe(ABEL_3A);
	});

	it('falls back to the name when the codes find nothing', async () => {
		const found = await dar.lookup(
			query({
				municipalityCode: '0101',
				streetCode: '9999',
				streetName: 'Abel Cathrines Gade',
				houseNumber: '3A',
				postcode: '1654',
			}),
		);
		expect(found?.id).toBe(ABEL_3A);
	});

	it('matches æ, ø and å whether written as letters or as ae, oe and aa', async () => {
		const cases: [string, string, string, string][] = [
			['Aabyvej', '12', '8230', uuid(1)],
			['ÅBYVEJ', '12', '8230', uuid(1)],
			['Noerre Alle', '8A', '8000', uuid(2)],
			['Nørre Allé', '8 a', '8000', uuid(2)],
			['Åbenråvej', '1', '6200', uuid(4)],
			['Sankt Annae Plads', '10', '1250', uuid(5)],
		];
		for (const [streetName, houseNumber, postcode, id] of cases) {
			const found = await dar.lookup(query({ streetName, houseNumber, postcode }));
			expect(found?.id, streetName).toBe(id);
		}
	});

	it('never lets a house letter match the plain number, or the reverse', async () => {
		expect(
			(await dar.lookup(query({ streetName: 'Nørre Allé', houseNumber: '8', postcode: '8000' })))
				?.id,
		).toBe(uuid(3));
		expect(
			await dar.lookup(query({ streetName: 'Nørre Allé', houseNumber: '8B', postcode: '8000' })),
		).toBeNull();
		expect(
			await dar.lookup(query({ streetName: 'Åbyvej', houseNumber: '12A', postcode: '8230' })),
		).toBeNull();
	});

	it('prefers a valid address to a retired one at the same place', async () => {
		const byCode = await dar.lookup(
			query({ municipalityCode: '0630', streetCode: '0500', houseNumber: '3' }),
		);
		const byName = await dar.lookup(
			query({ streetName: 'Skolevej', houseNumber: '3', postcode: '7100' }),
		);
		expect(byCode).toMatchObject({ id: uuid(11), status: 'gældende' });
		expect(byName).toMatchObject({ id: uuid(11), status: 'gældende' });
		expect(
			await dar.lookup(query({ streetName: 'Nyvej', houseNumber: '1', postcode: '7100' })),
		).toMatchObject({
			id: uuid(15),
			status: 'foreløbig',
		});
	});

	it('returns a retired address only when there is no valid one, so the caller can say so', async () => {
		const nedlagt = await dar.lookup(
			query({ streetName: 'Gammel Landevej', houseNumber: '7', postcode: '7100' }),
		);
		const henlagt = await dar.lookup(
			query({ municipalityCode: '0630', streetCode: '0600', houseNumber: '9' }),
		);
		expect(nedlagt).toMatchObject({ id: uuid(12), status: 'nedlagt' });
		expect(henlagt).toMatchObject({ id: uuid(13), status: 'henlagt' });
		expect(isValidDarStatus(nedlagt!.status)).toBe(false);
		expect(isValidDarStatus(henlagt!.status)).toBe(false);
	});

	it('looks past a retired match by code to a valid one by name', async () => {
		const found = await dar.lookup(
			query({
				municipalityCode: '0461',
				streetCode: '0800',
				streetName: 'Havnegade',
				houseNumber: '2',
				postcode: '5000',
			}),
		);
		expect(found).toMatchObject({ id: uuid(17), status: 'gældende' });
	});

	it('returns null when there is no such address or too little to look for', async () => {
		expect(
			await dar.lookup(query({ streetName: 'Åbyvej', houseNumber: '13', postcode: '8230' })),
		).toBeNull();
		expect(
			await dar.lookup(query({ streetName: 'Åbyvej', houseNumber: '12', postcode: '8000' })),
		).toBeNull();
		expect(
			await dar.lookup(query({ streetName: 'Åbyvej', houseNumber: null, postcode: '8230' })),
		).toBeNull();
		expect(
			await dar.lookup(query({ streetName: 'Åbyvej', houseNumber: '12', postcode: null })),
		).toBeNull();
		expect(await dar.lookup(query({ municipalityCode: '0751', houseNumber: '12' }))).toBeNull();
	});

	it('answers the same synchronously', async () => {
		const q = query({ streetName: 'Aabyvej', houseNumber: '12', postcode: '8230' });
		expect(dar.lookupSync(q)).toEqual(await dar.lookup(q));
	});
});
