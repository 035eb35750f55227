import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { deserialize } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { RawSorRecord, SorSnapshotHeader } from '../../domain/sor/record';
import { restoreError } from './format-error';
import type { FromParserWorker, ToParserWorker } from './parse-worker';
import {
	parseSorXml,
	type SorParseHandlers,
	type SorParseResult,
	type SorXmlChunk,
} from './parser';
import { checkSorRecord, type CheckedRecord } from './record-check';

/** Callbacks for {@link SorParserThread.parseChecked}: records arrive already validated. */
export interface SorCheckedParseHandlers {
	onHeader?(header: SorSnapshotHeader): void;
	onChecked?(checked: CheckedRecord): void;
	/**
	 * Called when this thread would otherwise wait for the worker: do a slice of deferrable work
	 * (about a millisecond) and return true while more remains. Never called for in-thread parses.
	 */
	onIdle?(): boolean;
}

/** Where a parse ran: on the worker thread, or in this thread because the worker could not start. */
export type SorParserMode = 'worker' | 'in-thread';

/** Tuning of {@link SorParserThread}; the defaults suit files from a few kB to several hundred MB. */
export interface SorParserThreadOptions {
	/** Chunks sent to the worker whose records have not yet been handled here (memory bound). */
	maxChunksInFlight?: number;
	/** How long the worker may take to start before the parse runs in this thread instead. */
	startTimeoutMs?: number;
	/** Set false to parse in this thread without starting a worker. */
	useWorker?: boolean;
	/**
	 * Files smaller than this are parsed in this thread: below a few MB the worker's start-up costs
	 * more than the overlap saves. The first bytes are read ahead to decide; 0 always uses the worker.
	 */
	minWorkerBytes?: number;
}

const BOOT_FILE = new URL('./parse-worker-boot.cjs', import.meta.url);
const DEFAULT_MAX_CHUNKS_IN_FLIGHT = 4;
const DEFAULT_START_TIMEOUT_MS = 30_000;
const DEFAULT_MIN_WORKER_BYTES = 4 * 1024 * 1024;
// Record batches waiting here from which the worker is asked to validate the next chunk's records.
const CHECK_ON_WORKER_BACKLOG = 2;
// The worker's live data is a chunk and a batch of records; without limits its heap grows lazily to
// V8's defaults and the import's RSS with it. A worker that does run out stops with an error, and the
// import fails and changes nothing.
const WORKER_HEAP_LIMITS = {
	maxOldGenerationSizeMb: 64,
	maxYoungGenerationSizeMb: 16,
};

/**
 * Runs the SOR parser on a worker thread so that parsing the XML (saxes and the tree builder)
 * overlaps with what the handlers do here (validation and database writes) on a second core. This
 * thread reads the byte source and hands chunks to the worker; the worker posts the records back in
 * file order and the handlers run here, so they see exactly what {@link parseSorXml} would give
 * them, and errors (a {@link SorFormatError} with its position, or a handler's own) surface the
 * same way. At most a few chunks are in flight, so memory stays bounded whatever the file size.
 *
 * Start it early ({@link SorParserThread.start}) so the worker's start-up overlaps other work; when
 * the worker cannot start (no TypeScript loader, a bundled build) the parse runs in this thread.
 */
export class SorParserThread {
	/** Where the last parse ran, once it has started. */
	mode: SorParserMode | null = null;
	private readonly worker: Worker | null;
	private readonly ready: Promise<boolean>;
	private readonly maxChunksInFlight: number;
	private readonly minWorkerBytes: number;
	private used = false;

	private constructor(options: SorParserThreadOptions) {
		this.maxChunksInFlight = Math.max(1, options.maxChunksInFlight ?? DEFAULT_MAX_CHUNKS_IN_FLIGHT);
		this.minWorkerBytes = options.minWorkerBytes ?? DEFAULT_MIN_WORKER_BYTES;
		if (options.useWorker === false) {
			this.worker = null;
			this.ready = Promise.resolve(false);
			return;
		}
		const worker = new Worker(BOOT_FILE, {
			stdout: false,
			stderr: false,
			resourceLimits: WORKER_HEAP_LIMITS,
		});
		// Idle until `parse`: a worker that is never used must not keep the process alive.
		worker.unref();
		this.worker = worker;
		this.ready = new Promise<boolean>((resolve) => {
			const timer = setTimeout(
				() => settle(false),
				options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS,
			);
			timer.unref();
			const settle = (ok: boolean): void => {
				clearTimeout(timer);
				worker.off('message', onMessage);
				worker.off('error', onFailure);
				worker.off('exit', onFailure);
				if (!ok) void worker.terminate();
				resolve(ok);
			};
			const onMessage = (message: FromParserWorker): void => {
				if (message.type === 'ready') settle(true);
			};
			const onFailure = (): void => settle(false);
			worker.on('message', onMessage);
			worker.on('error', onFailure);
			worker.on('exit', onFailure);
		});
	}

	/** Starts the worker now; its start-up runs in the background until {@link parse} is called. */
	static start(options: SorParserThreadOptions = {}): SorParserThread {
		return new SorParserThread(options);
	}

	/** Parses one file (once per instance), with the contract of {@link parseSorXml}. */
	parse(
		source: AsyncIterable<SorXmlChunk> | Iterable<SorXmlChunk>,
		handlers: SorParseHandlers = {},
	): Promise<SorParseResult> {
		const onRecord = handlers.onRecord?.bind(handlers);
		return this.run(source, {
			check: false,
			onHeader: handlers.onHeader?.bind(handlers),
			onItem: onRecord && ((item) => onRecord(item as RawSorRecord)),
		});
	}

	/**
	 * Parses one file (once per instance) and validates every record with {@link checkSorRecord}:
	 * on the worker, next to the parse, when it runs there. Otherwise as {@link parse}.
	 */
	parseChecked(
		source: AsyncIterable<SorXmlChunk> | Iterable<SorXmlChunk>,
		handlers: SorCheckedParseHandlers = {},
	): Promise<SorParseResult> {
		const onChecked = handlers.onChecked?.bind(handlers);
		return this.run(source, {
			check: true,
			onHeader: handlers.onHeader?.bind(handlers),
			onItem: onChecked && ((item) => onChecked(item as CheckedRecord)),
			onIdle: handlers.onIdle?.bind(handlers),
		});
	}

	private async run(
		source: AsyncIterable<SorXmlChunk> | Iterable<SorXmlChunk>,
		job: Job,
	): Promise<SorParseResult> {
		if (this.used) throw new Error('SorParserThread parses one file; start a new one');
		this.used = true;
		const worker = this.worker;
		// Referenced from here on: waiting for it to start must keep the process alive.
		worker?.ref();
		try {
			const input = await readAhead(source, worker === null ? 0 : this.minWorkerBytes);
			if (worker === null || !input.large || !(await this.ready)) {
				this.mode = 'in-thread';
				void this.close();
				const onItem = job.onItem;
				return await parseSorXml(input.chunks, {
					onHeader: job.onHeader,
					onRecord: onItem && (job.check ? (raw) => onItem(checkSorRecord(raw)) : onItem),
				});
			}
			this.mode = 'worker';
			return await drive(worker, input.chunks, job, this.maxChunksInFlight);
		} finally {
			await this.close();
		}
	}

	/** Stops the worker (safe to call more than once, and when the worker never started). */
	async close(): Promise<void> {
		if (this.worker !== null) await this.worker.terminate();
	}
}

/** Parses in a worker thread when one can start, else in this thread; see {@link SorParserThread}. */
export function parseSorXmlThreaded(
	source: AsyncIterable<SorXmlChunk> | Iterable<SorXmlChunk>,
	handlers: SorParseHandlers = {},
	options: SorParserThreadOptions = {},
): Promise<SorParseResult> {
	return SorParserThread.start(options).parse(source, handlers);
}

/** One parse as the driver sees it: raw or checked records, and optional idle work. */
interface Job {
	check: boolean;
	onHeader?: (header: SorSnapshotHeader) => void;
	onItem?: (item: RawSorRecord | CheckedRecord) => void;
	onIdle?: () => boolean;
}

/** Source chunks as one async stream: the ones read ahead, then the rest of the source. */
interface ReadAhead {
	chunks: AsyncIterable<SorXmlChunk>;
	/** The source holds at least the threshold's worth of bytes. */
	large: boolean;
}

/** Reads up to `threshold` bytes (characters for text) of the source to learn whether it is large. */
async function readAhead(
	source: AsyncIterable<SorXmlChunk> | Iterable<SorXmlChunk>,
	threshold: number,
): Promise<ReadAhead> {
	const iterator = iteratorOf(source);
	const head: SorXmlChunk[] = [];
	let size = 0;
	let ended = false;
	let failure: { error: unknown } | null = null;
	while (size < threshold) {
		try {
			const step = await iterator.next();
			if (step.done) {
				ended = true;
				break;
			}
			head.push(step.value);
			size += step.value.length;
		} catch (error) {
			// Raised after the chunks before it are parsed, as a single-threaded read would.
			failure = { error };
			break;
		}
	}
	async function* chunks(): AsyncGenerator<SorXmlChunk> {
		let open = !ended && failure === null;
		try {
			yield* head;
			head.length = 0;
			if (failure !== null) throw failure.error;
			while (open) {
				const step = await iterator.next();
				if (step.done) open = false;
				else yield step.value;
			}
		} finally {
			// Closes the file (or download) when the parse stops early, as `for await` would.
			if (open) await iterator.return?.();
		}
	}
	return { chunks: chunks(), large: !ended && failure === null };
}

function iteratorOf(
	source: AsyncIterable<SorXmlChunk> | Iterable<SorXmlChunk>,
): AsyncIterator<SorXmlChunk> | Iterator<SorXmlChunk> {
	return Symbol.asyncIterator in source
		? source[Symbol.asyncIterator]()
		: (source as Iterable<SorXmlChunk>)[Symbol.iterator]();
}

/**
 * The importer's side of the protocol: keeps up to `maxInFlight` chunks at the worker, and handles
 * the worker's messages strictly in order. Reading the next chunk is started as soon as a credit is
 * free, so the file is read while records are handled.
 */
async function drive(
	worker: Worker,
	source: AsyncIterable<SorXmlChunk> | Iterable<SorXmlChunk>,
	job: Job,
	maxInFlight: number,
): Promise<SorParseResult> {
	const iterator = iteratorOf(source);
	const inbox: FromParserWorker[] = [];
	let next = 0; // index of the next unhandled inbox message (shift() is O(n))
	let wake: (() => void) | null = null;
	const notify = (): void => {
		const resolve = wake;
		wake = null;
		resolve?.();
	};
	let workerFailure: Error | null = null;
	const onMessage = (message: FromParserWorker): void => {
		inbox.push(message);
		notify();
	};
	const onError = (error: Error): void => {
		workerFailure ??= error;
		notify();
	};
	const onExit = (code: number): void => {
		workerFailure ??= new Error(`SOR-parserens tråd stoppede uventet (kode ${code})`);
		notify();
	};
	worker.on('message', onMessage);
	worker.on('error', onError);
	worker.on('exit', onExit);

	let inFlight = 0;
	let sourceDone = false;
	let reading = false;
	let readFailure: { error: unknown } | null = null;
	const send = (message: ToParserWorker): void => {
		if (message.type === 'chunk' && typeof message.data !== 'string') {
			// A copy of just this view: cloning the view itself would copy its whole backing buffer
			// (a pooled slab, or the whole file for a subarray), and the caller may reuse it.
			const bytes = new Uint8Array(message.data);
			worker.postMessage({ ...message, data: bytes }, [bytes.buffer]);
		} else worker.postMessage(message);
	};
	// Records are validated where there is time for it: by the worker while this thread has a
	// backlog of record batches, here while this thread keeps up (and would otherwise wait).
	const checkOnWorker = (): boolean => job.check && inbox.length - next >= CHECK_ON_WORKER_BACKLOG;
	const pump = (): void => {
		if (reading || sourceDone || readFailure !== null || inFlight >= maxInFlight) return;
		reading = true;
		let step: IteratorResult<SorXmlChunk> | Promise<IteratorResult<SorXmlChunk>>;
		try {
			step = iterator.next();
		} catch (error) {
			reading = false;
			readFailure = { error };
			notify();
			return;
		}
		Promise.resolve(step).then(
			(result) => {
				reading = false;
				if (result.done) {
					sourceDone = true;
					send({ type: 'end' });
				} else {
					inFlight++;
					send({ type: 'chunk', data: result.value, check: checkOnWorker() });
					pump();
				}
				notify();
			},
			(error: unknown) => {
				reading = false;
				readFailure = { error };
				notify();
			},
		);
	};

	let finished = false;
	try {
		send({ type: 'start' });
		pump();
		for (;;) {
			if (next === inbox.length) {
				inbox.length = 0;
				next = 0;
				// A read error counts once every chunk before it has been parsed and handled, as when
				// the same loop runs in one thread.
				// (Both are set by callbacks, which TypeScript's narrowing cannot see.)
				const failedRead = readFailure as { error: unknown } | null;
				if (failedRead !== null && inFlight === 0) throw failedRead.error;
				if (workerFailure !== null) throw workerFailure as Error;
				// Deferrable work instead of waiting; yielding after each slice lets the worker's
				// messages in, and they are handled first.
				if (job.onIdle?.()) {
					await yieldToEventLoop();
					continue;
				}
				await new Promise<void>((resolve) => (wake = resolve));
				continue;
			}
			const message = inbox[next++]!;
			switch (message.type) {
				case 'header':
					job.onHeader?.(message.header);
					break;
				case 'records': {
					// Credit returned before the records are handled, so the next chunk is on its way
					// to the worker meanwhile.
					if (message.consumed) {
						inFlight--;
						pump();
					}
					const onItem = job.onItem;
					if (onItem !== undefined) {
						const records = deserialize(message.payload) as (RawSorRecord | CheckedRecord)[];
						// Each record let go once handled, so that it can die young.
						if (job.check && !message.checked) {
							for (let i = 0; i < records.length; i++) {
								const raw = records[i] as RawSorRecord;
								records[i] = undefined!;
								onItem(checkSorRecord(raw));
							}
						} else {
							for (let i = 0; i < records.length; i++) {
								const item = records[i]!;
								records[i] = undefined!;
								onItem(item);
							}
						}
					}
					// A read completes only when this thread yields; without this, a backlog here would
					// starve the worker of input until the backlog is gone.
					if (reading) await yieldToEventLoop();
					break;
				}
				case 'done':
					finished = true;
					return message.result;
				case 'error':
					throw restoreError(message.error);
				default:
					break;
			}
		}
	} finally {
		worker.off('message', onMessage);
		worker.off('error', onError);
		worker.off('exit', onExit);
		// Closes the file (or download) when the parse stopped early, as `for await` would.
		if (!finished || !sourceDone) {
			Promise.resolve(iterator.return?.()).catch(() => undefined);
		}
	}
}
