import { describe, expect, it } from 'vitest';
import {
	DAR_CSV_COLUMNS,
	darColumnIndexes,
	darCsvLineSchema,
	darCsvRowSchema,
	DarImportFormatError,
	toStoredValues,
	validateDarRow,
} from '../../../src/lib/server/dar/dar-csv-row';
import type { DarAddressValues } from '../../../src/lib/server/repositories/dar-address-repository';

const GOOD = [
	'0a3f507a-3669-32b8-e044-0003ba298018',
	'1',
	'0004',
	'Abel Cathrines Gade',
	'3A',
	'1654',
	'København V',
	'0101',
	'723743.16',
	'6175322.16',
	'55.6720594006065',
	'12.5582458296225',
	'A',
];

const stored = (row: string[]) =>
	toStoredValues(row, (name) => `key:${name}`, new Array(15).fill(null) as DarAddressValues);

describe('DAR row rules', () => {
	it('accept a real row', () => {
		expect(() => validateDarRow(GOOD, 2)).not.toThrow();
	});

	it('name the line, the column and the value of a bad row', () => {
		const bad = [...GOOD];
		bad[1] = '7';
		expect(() => validateDarRow(bad, 41)).toThrow(DarImportFormatError);
		expect(() => validateDarRow(bad, 41)).toThrow(
			'Linje 41, kolonne status: værdien «7» skal være 1 (gældende), 2 (nedlagt), 3 (foreløbig) eller 4 (henlagt). Intet er ændret.',
		);
	});

	it('judge a whole row exactly as they judge its columns one by one', () => {
		const candidates: Record<number, string[]> = {
			0: [
				'',
				'x',
				'0A3F507A-3669-32B8-E044-0003BA298018',
				'0a3f507a-3669-32b8-e044-0003ba29801',
				' 0a3f507a-3669-32b8-e044-0003ba298018',
			],
			1: ['', '0', '2', ' 3 ', '4', '5', '1\u001f'],
			2: ['', '4', '12345', ' 0004 ', 'a'],
			3: ['', '   ', 'Åbyvej', 'a\u001fb', 'x'.repeat(100), 'x'.repeat(101), '\n'],
			4: ['', '0', '8', '08 a', '999Z', '1000', 'A8', '12-14'],
			5: ['', '800', '8000', ' 8000', '80000'],
			6: ['', 'Aarhus C', 'y'.repeat(101)],
			7: ['', '101', '0101', '01011'],
			8: ['', '723743.16', '723743,16', '-1', '1e5', '12345678'],
			10: ['', '55.67', '-55,67', '555.1', 'nord'],
			11: ['', '12.55', '-120.5', '1200.5'],
			12: ['', 'A', 'ABCDEFGHIJK'],
		};
		for (const [index, values] of Object.entries(candidates)) {
			for (const value of values) {
				const row = [...GOOD];
				row[Number(index)] = value;
				const object = Object.fromEntries(DAR_CSV_COLUMNS.map((column, c) => [column, row[c]]));
				expect(
					darCsvLineSchema.safeParse(row.join('\u001f')).success,
					`${DAR_CSV_COLUMNS[Number(index)]} = ${JSON.stringify(value)}`,
				).toBe(darCsvRowSchema.safeParse(object).success);
			}
		}
	});

	it('agree with the column rules on random values too', () => {
		let seed = 2024;
		const random = () => {
			seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
			return seed / 2 ** 32;
		};
		const alphabet = ['0', '1', '4', '9', 'a', 'F', 'Å', ' ', '-', '.', ',', '\u001f', '\t', 'x'];
		for (let i = 0; i < 3000; i++) {
			const row = [...GOOD];
			const column = Math.floor(random() * DAR_CSV_COLUMNS.length);
			let value = '';
			const length = Math.floor(random() * 8);
			for (let k = 0; k < length; k++) value += alphabet[Math.floor(random() * alphabet.length)];
			row[column] = random() < 0.5 ? value : GOOD[column]!.slice(0, 3) + value;
			const object = Object.fromEntries(DAR_CSV_COLUMNS.map((name, c) => [name, row[c]]));
			expect(
				darCsvLineSchema.safeParse(row.join('\u001f')).success,
				`${DAR_CSV_COLUMNS[column]} = ${JSON.stringify(row[column])}`,
			).toBe(darCsvRowSchema.safeParse(object).success);
		}
	});
});

describe('toStoredValues', () => {
	it('stores a real row as DAR writes it', () => {
		expect(stored(GOOD)).toEqual([
			'0a3f507a-3669-32b8-e044-0003ba298018',
			1,
			'0004',
			'Abel Cathrines Gade',
			'key:Abel Cathrines Gade',
			'3A',
			'3a',
			'1654',
			'København V',
			'0101',
			723743.16,
			6175322.16,
			55.6720594006065,
			12.5582458296225,
			'A',
		]);
	});

	it('pads codes, tidies house numbers, reads decimal commas and turns blanks into null', () => {
		const row = [...GOOD];
		row[0] = '0A3F507A-3669-32B8-E044-0003BA298018';
		row[2] = '';
		row[3] = ' Åbyvej ';
		row[4] = '08 b';
		row[6] = ' ';
		row[7] = '751';
		row[8] = '';
		row[9] = ' ';
		row[10] = '56,15';
		row[11] = ' 10.2 ';
		row[12] = '';
		expect(stored(row)).toEqual([
			'0a3f507a-3669-32b8-e044-0003ba298018',
			1,
			null,
			'Åbyvej',
			'key:Åbyvej',
			'8B',
			'8b',
			'1654',
			null,
			'0751',
			null,
			null,
			56.15,
			10.2,
			null,
		]);
	});
});

describe('darColumnIndexes', () => {
	it('finds the columns by name in any order, among others', () => {
		const header = [
			'ekstra',
			...[...DAR_CSV_COLUMNS].reverse().map((name) => ` ${name.toUpperCase()} `),
		];
		expect(darColumnIndexes(header, 'fil.csv')).toEqual(
			DAR_CSV_COLUMNS.map((_, i) => DAR_CSV_COLUMNS.length - i),
		);
	});

	it('names the missing columns and refuses unit-address files', () => {
		expect(() => darColumnIndexes(['id', 'status'], 'fil.csv')).toThrow(
			/mangler kolonnerne vejkode, vejnavn/,
		);
		expect(() => darColumnIndexes([...DAR_CSV_COLUMNS, 'etage', 'dør'], 'fil.csv')).toThrow(
			/enhedsadresser \(kolonnerne etage, dør\)/,
		);
	});
});
