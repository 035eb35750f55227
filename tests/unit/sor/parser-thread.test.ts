import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RawSorRecord, SorSnapshotHeader } from '../../../src/lib/domain/sor/record';
import {
	SorFormatError,
	parseSorXml,
	type SorParseHandlers,
	type SorXmlChunk,
} from '../../../src/lib/server/sor/parser';
import {
	SorParserThread,
	type SorParserThreadOptions,
} from '../../../src/lib/server/sor/parser-thread';
import { sorXml, type EntitySpec } from '../../helpers/sor-xml';

const fixture = (name: string): Buffer =>
	readFileSync(new URL(`../../fixtures/sor/${name}`, import.meta.url));

const V2_SAMPLE = fixture('v2-2019-sor-small.xml');
const V1_SAMPLE = fixture('v1-2010-ONE_SYGEHUS.xml');

// The worker decides nothing about the file: forced on even for these small inputs.
const ON_WORKER: SorParserThreadOptions = { minWorkerBytes: 0 };

type Source = Iterable<SorXmlChunk> | AsyncIterable<SorXmlChunk>;

interface Outcome {
	mode: string | null;
	events: string[];
	records: RawSorRecord[];
	header: SorSnapshotHeader | null;
	entitiesRead: number | null;
	error: unknown;
}

/** Runs a parse and records everything the handlers saw, in order, and how it ended. */
async function run(
	source: Source,
	options: SorParserThreadOptions | 'in-thread',
	handlers: SorParseHandlers = {},
): Promise<Outcome> {
	const outcome: Outcome = {
		mode: null,
		events: [],
		records: [],
		header: null,
		entitiesRead: null,
		error: null,
	};
	const recording: SorParseHandlers = {
		onHeader(header) {
			outcome.events.push('header');
			outcome.header = header;
			handlers.onHeader?.(header);
		},
		onRecord(record) {
			outcome.events.push(`record ${record.sorId}`);
			outcome.records.push(record);
			handlers.onRecord?.(record);
		},
	};
	try {
		if (options === 'in-thread') {
			outcome.mode = 'in-thread';
			outcome.entitiesRead = (await parseSorXml(source, recording)).entitiesRead;
		} else {
			const thread = SorParserThread.start(options);
			try {
				outcome.entitiesRead = (await thread.parse(source, recording)).entitiesRead;
			} finally {
				outcome.mode = thread.mode;
			}
		}
	} catch (error) {
		outcome.error = error;
	}
	return outcome;
}

function* inChunksOf(bytes: Buffer, size: number): Generator<Buffer> {
	for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

/** A national-looking tree: kommuner with units nested a few levels deep. */
function bigTree(owners: number, unitsPerOwner: number): string {
	const specs: EntitySpec[] = [];
	for (let o = 1; o <= owners; o++) {
		const units: EntitySpec[] = [];
		for (let u = 1; u <= unitsPerOwner; u++) {
			units.push({
				id: `${o}${String(u).padStart(4, '0')}`,
				name: `Enhed ${o}-${u} Ærø Å`,
				type: '554821000005109',
				visiting: { street: 'Østergade', number: String(u), postcode: '8000', district: 'Aarhus' },
				phone: '12345678',
				children: u % 3 === 0 ? [{ id: `${o}${u}99`, name: 'Team', type: '42665001' }] : [],
			});
		}
		specs.push({
			id: String(o),
			name: `Kommune ${o}`,
			type: '547211000005108',
			postal: { street: 'Rådhuspladsen', number: '1', postcode: '8000', district: 'Aarhus' },
			children: [
				{ id: `${o}000`, name: `Forvaltning ${o}`, type: '554041000005106', children: units },
			],
		});
	}
	return sorXml('2025-11-24', specs);
}

describe('SorParserThread gives exactly what the in-thread parse gives', () => {
	it('runs on the worker thread under the test runner too', async () => {
		const outcome = await run([V2_SAMPLE], ON_WORKER);
		expect(outcome.error).toBeNull();
		expect(outcome.mode).toBe('worker');
	});

	it('emits the same header and records in the same order (v2, v1, chunked, text)', async () => {
		const big = bigTree(6, 40);
		const inputs: [string, () => Source][] = [
			['v2 sample', () => [V2_SAMPLE]],
			['v1 sample', () => [V1_SAMPLE]],
			// 7-byte chunks split multi-byte characters and tags everywhere.
			['v2 in 7-byte chunks', () => inChunksOf(V2_SAMPLE, 7)],
			['generated tree as text', () => [big]],
			['generated tree in 1 kB buffers', () => inChunksOf(Buffer.from(big), 1024)],
		];
		for (const [label, source] of inputs) {
			const expected = await run(source(), 'in-thread');
			const actual = await run(source(), ON_WORKER);
			expect(expected.error, label).toBeNull();
			expect(actual.mode, label).toBe('worker');
			expect(actual.events, label).toEqual(expected.events);
			expect(actual.records, label).toEqual(expected.records);
			expect(actual.header, label).toEqual(expected.header);
			expect(actual.entitiesRead, label).toBe(expected.entitiesRead);
		}
	});

	it('reads from an async source and closes it when the parse stops early', async () => {
		let closed = false;
		async function* source(): AsyncGenerator<Buffer> {
			try {
				yield* inChunksOf(Buffer.from(bigTree(4, 30)), 512);
			} finally {
				closed = true;
			}
		}
		const stop = new Error('stop');
		let seen = 0;
		const outcome = await run(source(), ON_WORKER, {
			onRecord() {
				if (++seen === 20) throw stop;
			},
		});
		expect(outcome.error).toBe(stop);
		expect(outcome.records).toHaveLength(20);
		expect(closed).toBe(true);
	});

	it('keeps only a few chunks in flight, so memory does not follow the file size', async () => {
		const chunks = [...inChunksOf(Buffer.from(bigTree(10, 60)), 256)];
		const total = (await run(chunks, 'in-thread')).records.length;
		let pulled = 0;
		function* source(): Generator<Buffer> {
			for (const chunk of chunks) {
				pulled++;
				yield chunk;
			}
		}
		let maxAhead = 0;
		let handledBytes = 0;
		const recordSize = chunks.reduce((sum, c) => sum + c.length, 0) / total;
		const outcome = await run(
			source(),
			{ ...ON_WORKER, maxChunksInFlight: 3 },
			{
				onRecord() {
					handledBytes += recordSize;
					maxAhead = Math.max(maxAhead, pulled - handledBytes / 256);
				},
			},
		);
		expect(outcome.error).toBeNull();
		expect(outcome.entitiesRead).toBe(total);
		// 3 in flight, one being read, plus slack for records that straddle chunks.
		expect(maxAhead).toBeLessThan(12);
		expect(pulled).toBe(chunks.length);
	});
});

describe('SorParserThread reports errors as the in-thread parse does', () => {
	const text = V2_SAMPLE.toString('utf8');

	async function sameError(source: () => Source): Promise<SorFormatError> {
		const expected = await run(source(), 'in-thread');
		const actual = await run(source(), ON_WORKER);
		expect(actual.mode).toBe('worker');
		expect(expected.error).toBeInstanceOf(SorFormatError);
		expect(actual.error).toBeInstanceOf(SorFormatError);
		const [e, a] = [expected.error as SorFormatError, actual.error as SorFormatError];
		expect(a.name).toBe('SorFormatError');
		expect(a.message).toBe(e.message);
		expect([a.line, a.column]).toEqual([e.line, e.column]);
		// Every record before the error reached the handlers, as in one thread.
		expect(actual.events).toEqual(expected.events);
		return a;
	}

	it('truncated files, wherever they are cut', async () => {
		const oSlash = V2_SAMPLE.indexOf(Buffer.from('Østergade'));
		for (const cut of [400, oSlash + 1, Math.floor(V2_SAMPLE.length / 2), V2_SAMPLE.length - 20]) {
			const error = await sameError(() => inChunksOf(V2_SAMPLE.subarray(0, cut), 100));
			expect(error.message).toMatch(/^Filen er afkortet: .* \(linje \d+, kolonne \d+\)$/);
		}
	});

	it('malformed XML with line and column, a wrong root, empty and non-UTF-8 files', async () => {
		const malformed = await sameError(() => [
			text.replace('</HealthInstitution>', '</HealthInstitutionX>'),
		]);
		expect(malformed.line).toBe(95);
		await sameError(() => ['<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>']);
		await sameError(() => [Buffer.alloc(0)]);
		await sameError(() => [Buffer.from(text.replace('\uFEFF', ''), 'latin1')]);
		await sameError(() => [text.replace('encoding="utf-8"', 'encoding="ISO-8859-1"')]);
	});

	it('lets errors from the handlers and from the source through unchanged', async () => {
		const refused = new Error('snapshot too old');
		const fromHeader = await run([V2_SAMPLE], ON_WORKER, {
			onHeader() {
				throw refused;
			},
		});
		expect(fromHeader.error).toBe(refused);
		expect(fromHeader.records).toHaveLength(0);

		const broken = new Error('connection reset');
		const bytes = Buffer.from(bigTree(3, 20));
		async function* failing(): AsyncGenerator<Buffer> {
			yield bytes.subarray(0, 3000);
			yield bytes.subarray(3000, 6000);
			throw broken;
		}
		const expected = await run(failing(), 'in-thread');
		const actual = await run(failing(), ON_WORKER);
		expect(actual.error).toBe(broken);
		expect(actual.events).toEqual(expected.events);
		expect(actual.records.length).toBeGreaterThan(0);
	});
});

describe('SorParserThread chooses where to parse', () => {
	it('parses a small file in this thread and a large one on the worker', async () => {
		expect((await run([V2_SAMPLE], { minWorkerBytes: 1_000_000 })).mode).toBe('in-thread');
		const large = await run(inChunksOf(V2_SAMPLE, 1000), { minWorkerBytes: 5000 });
		expect(large.mode).toBe('worker');
		expect(large.records).toEqual((await run([V2_SAMPLE], 'in-thread')).records);
	});

	it('parses in this thread when told to, or when the worker cannot start in time', async () => {
		expect((await run([V2_SAMPLE], { ...ON_WORKER, useWorker: false })).mode).toBe('in-thread');
		const late = await run([V2_SAMPLE], { ...ON_WORKER, startTimeoutMs: 0 });
		expect(late.mode).toBe('in-thread');
		expect(late.records).toHaveLength(4);
	});
});
