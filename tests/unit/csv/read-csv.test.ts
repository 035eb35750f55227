import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import {
	CsvFormatError,
	detectDelimiter,
	readCsvRecords,
	readCsvRowBatches,
	readCsvRows,
	readTextFile,
	TextFileError,
	type CsvReadOptions,
} from '../../../src/lib/server/csv/read-csv';

/** The text as chunks of `size` characters (all of it in one chunk by default). */
async function* chunksOf(text: string, size = text.length || 1): AsyncGenerator<string> {
	for (let offset = 0; offset < text.length; offset += size)
		yield text.slice(offset, offset + size);
}

async function rows(text: string, size?: number, options?: CsvReadOptions): Promise<string[][]> {
	const result: string[][] = [];
	for await (const row of readCsvRows(chunksOf(text, size), options)) result.push(row);
	return result;
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
	const result: T[] = [];
	for await (const item of items) result.push(item);
	return result;
}

const TRICKY =
	'\uFEFFid;navn;note\r\n' +
	'1;"Abel Cathrines Gade";"sagde ""hej"""\r\n' +
	'2;"Udenbys Vester Kvarter; København";"to\r\nlinjer"\r\n' +
	'\r\n' +
	'3;Åbyvej;\r\n' +
	'4;"";"slutter med CR\r"\n' +
	'5;Øster Allé;sidste';
const TRICKY_ROWS = [
	['id', 'navn', 'note'],
	['1', 'Abel Cathrines Gade', 'sagde "hej"'],
	['2', 'Udenbys Vester Kvarter; København', 'to\r\nlinjer'],
	['3', 'Åbyvej', ''],
	['4', '', 'slutter med CR\r'],
	['5', 'Øster Allé', 'sidste'],
];

describe('readCsvRows', () => {
	it('reads quoting, escaped quotes, embedded newlines, CRLF, a BOM and a last line without newline', async () => {
		expect(await rows(TRICKY)).toEqual(TRICKY_ROWS);
	});

	it('gives the same rows however the text is cut into chunks', async () => {
		for (const size of [1, 2, 3, 5, 7, 13, 64]) {
			expect(await rows(TRICKY, size), `chunks of ${size}`).toEqual(TRICKY_ROWS);
		}
	});

	it('keeps a CR that ends a chunk when no LF follows', async () => {
		expect(await rows('a,b\nx\ry,z\n', 6)).toEqual([
			['a', 'b'],
			['x\ry', 'z'],
		]);
	});

	it('detects the delimiter from the header line', async () => {
		expect(detectDelimiter('id;navn;note')).toBe(';');
		expect(detectDelimiter('id,navn,"a;b"')).toBe(',');
		expect(await rows('a,b\n"1;2",3\n')).toEqual([
			['a', 'b'],
			['1;2', '3'],
		]);
	});

	it('reads a file of one line without a newline', async () => {
		expect(await rows('a;b;c')).toEqual([['a', 'b', 'c']]);
		expect(await rows('')).toEqual([]);
	});

	it('skips blank lines', async () => {
		expect(await rows('a\n\n\r\nb\n\n')).toEqual([['a'], ['b']]);
	});

	it('reports an unterminated quote with the line where the field began', async () => {
		const text = 'id,navn\n1,ok\n2,"aldrig slut\n3,x\n4,y\n';
		for (const size of [3, 1000]) {
			const error = await rows(text, size).catch((caught: unknown) => caught);
			expect(error).toBeInstanceOf(CsvFormatError);
			expect((error as Error).message).toContain('linje 3');
		}
	});

	it('keeps characters after a closing quote, as the old reader did', async () => {
		expect(await rows('a,b\n"x"y,z\n')).toEqual([
			['a', 'b'],
			['xy', 'z'],
		]);
	});
});

describe('readCsvRows with a projection', () => {
	const text = 'a,b,c,d\n1,2,3,4\n"5,5",6,"7\n7",8\n9,10,11,12';
	const pick: CsvReadOptions = { project: () => [3, 0, 2] };

	it('hands on the header whole and later rows with just the picked columns, in that order', async () => {
		for (const size of [1, 4, 1000]) {
			expect(await rows(text, size, pick)).toEqual([
				['a', 'b', 'c', 'd'],
				['4', '1', '3'],
				['8', '5,5', '7\n7'],
				['12', '9', '11'],
			]);
		}
	});

	it('passes the header to the callback, which may refuse it', async () => {
		const headers: string[][] = [];
		await rows(text, 1000, { project: (header) => (headers.push(header), [0]) });
		expect(headers).toEqual([['a', 'b', 'c', 'd']]);
		await expect(
			rows(text, 1000, {
				project: () => {
					throw new Error('mangler kolonne');
				},
			}),
		).rejects.toThrow('mangler kolonne');
	});

	it('refuses a row whose width differs from the header, naming its line', async () => {
		for (const size of [3, 1000]) {
			await expect(rows('a,b,c\n1,2,3\n4,5\n', size, pick)).rejects.toThrow(
				/Linje 3 har 2 felter, men overskriften har 3/,
			);
			await expect(rows('a,b,c\n1,2,3\n"4",5,6,7\n', size, pick)).rejects.toThrow(CsvFormatError);
		}
	});

	it('refuses a cut-off last line', async () => {
		await expect(rows('a,b,c\n1,2,3\n4,5', 1000, pick)).rejects.toThrow(/Linje 3 har 2 felter/);
	});
});

describe('readCsvRowBatches', () => {
	it('splits a big chunk into several batches and loses no row', async () => {
		const lines = Array.from({ length: 20_000 }, (_, i) => `${i},vej ${i},${i % 7}`);
		const text = `id,vej,nr\n${lines.join('\n')}\n`;
		const batches = await collect(readCsvRowBatches(chunksOf(text)));
		expect(batches.length).toBeGreaterThan(2);
		const all = batches.flat();
		expect(all).toHaveLength(20_001);
		expect(all[20_000]).toEqual(['19999', 'vej 19999', String(19999 % 7)]);
	});
});

describe('readCsvRecords', () => {
	it('keys values by trimmed header names and numbers the lines', async () => {
		const records = await collect(readCsvRecords(chunksOf(' kode ; navn \n1;Aarhus\n2\n')));
		expect(records).toEqual([
			{ line: 2, values: { kode: '1', navn: 'Aarhus' } },
			{ line: 3, values: { kode: '2', navn: '' } },
		]);
	});
});

describe('readTextFile', () => {
	const dir = mkdtempSync(join(tmpdir(), 'read-csv-test-'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));
	const text = 'vejnavn\nÅbyvej\nNørregade\n'.repeat(2000);

	it('reads plain and gzip-compressed files alike', async () => {
		writeFileSync(join(dir, 'plain.csv'), text);
		writeFileSync(join(dir, 'packed.csv.gz'), gzipSync(text));
		expect((await collect(readTextFile(join(dir, 'plain.csv')))).join('')).toBe(text);
		expect((await collect(readTextFile(join(dir, 'packed.csv.gz')))).join('')).toBe(text);
	});

	it('says in Danish that a file is missing', async () => {
		await expect(collect(readTextFile(join(dir, 'findes-ikke.csv')))).rejects.toThrow(
			/Filen findes ikke/,
		);
	});

	it('refuses a cut-off gzip file', async () => {
		const packed = gzipSync(text);
		writeFileSync(join(dir, 'cut.csv.gz'), packed.subarray(0, packed.length - 20));
		const error = await collect(readTextFile(join(dir, 'cut.csv.gz'))).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(TextFileError);
		expect((error as Error).message).toContain('beskadiget eller afkortet gzip-fil');
	});

	it('with strictUtf8, refuses text that is not UTF-8 instead of garbling it', async () => {
		writeFileSync(join(dir, 'latin1.csv'), Buffer.from('vejnavn\nNørregade\n', 'latin1'));
		const error = await collect(readTextFile(join(dir, 'latin1.csv'), { strictUtf8: true })).catch(
			(e: unknown) => e,
		);
		expect(error).toBeInstanceOf(TextFileError);
		expect((error as Error).message).toContain('ikke gyldig UTF-8');
		// Without it the old behaviour stays: replacement characters.
		expect((await collect(readTextFile(join(dir, 'latin1.csv')))).join('')).toContain(
			'N\uFFFDrregade',
		);
	});
});
