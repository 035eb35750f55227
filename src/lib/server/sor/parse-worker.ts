/**
 * The SOR parser on a worker thread (started by {@link SorParserThread}): receives the file's chunks,
 * parses them with the same {@link SorXmlStreamParser} as the in-thread parse and posts the records
 * back in batches, one `records` message with `consumed: true` per chunk so the importer can meter
 * how far ahead it reads. For a chunk sent with `check`, each record is validated here
 * ({@link checkSorRecord}) and posted as a {@link CheckedRecord}.
 */
import { serialize } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import type { RawSorRecord, SorSnapshotHeader } from '../../domain/sor/record';
import { transferError, type TransferredError } from './format-error';
import { SorXmlStreamParser, type SorParseResult, type SorXmlChunk } from './parser';
import { checkSorRecord, type CheckedRecord } from './record-check';

/**
 * Messages from the importer to the worker; `start` comes first. `check` on a chunk asks for its
 * records to be validated here (see `drive` in parser-thread.ts for when).
 */
export type ToParserWorker =
	{ type: 'start' } | { type: 'chunk'; data: SorXmlChunk; check: boolean } | { type: 'end' };

/** Messages from the worker to the importer, in file order. */
export type FromParserWorker =
	| { type: 'ready' }
	| { type: 'header'; header: SorSnapshotHeader }
	| {
			type: 'records';
			/**
			 * The batch, `v8.serialize`d: CheckedRecord[] when `checked`, RawSorRecord[] otherwise.
			 * Batches waiting at the importer then sit in compact buffers outside its JS heap instead
			 * of as thousands of objects that outlive young-generation collections.
			 */
			payload: Uint8Array;
			checked: boolean;
			consumed: boolean;
	  }
	| { type: 'done'; result: SorParseResult }
	| { type: 'error'; error: TransferredError };

// A chunk normally yields ~150 records; a whole file passed as one chunk is still sent in pieces.
const MAX_BATCH = 512;

const port = parentPort;
if (port === null) throw new Error('parse-worker.ts must run as a worker thread');
const post = (message: FromParserWorker): void => port.postMessage(message);

let batch: (RawSorRecord | CheckedRecord)[] = [];
// Whether the chunk being parsed is to be validated here; a batch never mixes the two.
let checking = false;
const flush = (consumed: boolean): void => {
	if (batch.length === 0 && !consumed) return;
	const payload = serialize(batch);
	// Transferred, not copied, when the buffer is the serializer's own (it normally is).
	const own = payload.byteOffset === 0 && payload.byteLength === payload.buffer.byteLength;
	port.postMessage(
		{ type: 'records', payload, checked: checking, consumed } satisfies FromParserWorker,
		own ? [payload.buffer] : [],
	);
	batch = [];
};
let parser: SorXmlStreamParser | null = null;
let failed = false;

function start(): SorXmlStreamParser {
	return new SorXmlStreamParser({
		onHeader(header) {
			flush(false);
			post({ type: 'header', header });
		},
		onRecord(record) {
			batch.push(checking ? checkSorRecord(record) : record);
			if (batch.length >= MAX_BATCH) flush(false);
		},
	});
}

port.on('message', (message: ToParserWorker) => {
	if (failed) return;
	try {
		if (message.type === 'start') {
			parser = start();
		} else if (parser === null) {
			throw new Error('the parser worker got data before its start message');
		} else if (message.type === 'chunk') {
			flush(false);
			checking = message.check;
			parser.write(message.data);
			flush(true);
		} else {
			const result = parser.end();
			flush(false);
			post({ type: 'done', result });
		}
	} catch (error) {
		// Records before the error go first: in-thread they would have been handled before it.
		failed = true;
		flush(false);
		post({ type: 'error', error: transferError(error) });
	}
});
post({ type: 'ready' });
