/**
 * Deterministic generator of fictitious sample data in the real formats: a SOR v2 XML export and
 * a matching DAR access-address extract (DAWA CSV layout).
 *
 *   npm run sample:generate -- [--scale N] [--out-dir DIR] [--seed S] [--plain] [--manifest FILE]
 *
 * Defaults: scale 1, seed "plejeoverblik", out-dir db/sample/, gzip-compressed output named
 * sor-sample.xml.gz / dar-sample.csv.gz (sor-sample-xN.xml.gz / dar-sample-xN.csv.gz for N > 1,
 * so the committed scale-1 files are never overwritten by a benchmark run). Output is streamed
 * copy by copy, so `--scale 100` never holds the whole file in memory. The same seed and scale give
 * byte-identical files: there is no wall clock and no Math.random() anywhere.
 */
import { once } from 'node:events';
import { createWriteStream, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { finished } from 'node:stream/promises';
import { pathToFileURL } from 'node:url';
import { createGzip, constants as zlibConstants } from 'node:zlib';
import type { Writable } from 'node:stream';
import {
	buildCountryCopy,
	createGlobalState,
	CREATED_AT_TIME,
	effectiveVisitingAddress,
	SNAPSHOT_DATE,
} from './country.ts';
import { DAR_CSV_HEADER, darCsvRow } from './dar-csv.ts';
import { TYPE, walk, type CountryCopy, type SorEntity } from './model.ts';
import { loadReference, REPO_ROOT } from './reference.ts';
import { renderOwner, xmlFooter, xmlHeader } from './sor-xml.ts';

export const DEFAULT_SEED = 'plejeoverblik';

export interface GenerateOptions {
	scale?: number;
	seed?: string;
	outDir?: string;
	plain?: boolean;
	/** Also write the special cases of copy 0 as JSON to this path. */
	manifest?: string;
}

export interface SpecialCaseSummary {
	key: string;
	description: string;
	sorId: string;
	name: string;
	level: string;
	ownerSorId: string;
	ownerName: string;
	/** Kommune of the owner (for kommune owners) or of its head office. */
	ownerKommune: string | null;
	/** Kommune of the effective visiting address (beliggenhedskommune), from DAR. */
	locationKommune: string | null;
	invalidAddress: boolean;
	related: { sorId: string; name: string }[];
}

export interface GenerateResult {
	sorPath: string;
	darPath: string;
	scale: number;
	seed: string;
	entities: number;
	owners: number;
	institutions: number;
	units: number;
	localities: number;
	darRows: number;
	sorBytes: number;
	darBytes: number;
	milliseconds: number;
	specialCases: SpecialCaseSummary[];
	notMigratedKommuner: { code: string; name: string }[];
}

/** Buffers text and writes it through an optional gzip stream, honouring back-pressure. */
class Sink {
	private buffer: string[] = [];
	private size = 0;
	private readonly head: Writable;
	private readonly file: Writable;

	constructor(path: string, gzip: boolean, level: number) {
		this.file = createWriteStream(path);
		if (gzip) {
			const zip = createGzip({ level, memLevel: 9, strategy: zlibConstants.Z_DEFAULT_STRATEGY });
			zip.pipe(this.file);
			this.head = zip;
		} else {
			this.head = this.file;
		}
	}

	async write(text: string): Promise<void> {
		this.buffer.push(text);
		this.size += text.length;
		if (this.size >= 1 << 16) await this.flush();
	}

	private async flush(): Promise<void> {
		if (this.size === 0) return;
		const chunk = this.buffer.join('');
		this.buffer = [];
		this.size = 0;
		if (!this.head.write(chunk, 'utf8')) await once(this.head, 'drain');
	}

	async end(): Promise<void> {
		await this.flush();
		this.head.end();
		await finished(this.file);
	}
}

function summarise(
	copy: CountryCopy,
	kommuneName: (code: string | null) => string,
): SpecialCaseSummary[] {
	const parentsOf = new Map<SorEntity, SorEntity[]>();
	for (const owner of copy.owners)
		for (const [entity, parents] of walk(owner)) parentsOf.set(entity, parents);
	return copy.specialCases.map((s) => {
		const parents = parentsOf.get(s.entity) ?? [];
		const owner = parents[0] ?? s.entity;
		const visiting =
			s.entity.level === 'IE' ? undefined : effectiveVisitingAddress(s.entity, parents);
		return {
			key: s.key,
			description: s.description,
			sorId: s.entity.sorId,
			name: s.entity.name,
			level: s.entity.level,
			ownerSorId: owner.sorId,
			ownerName: owner.name,
			ownerKommune: owner.kommuneCode
				? `${owner.kommuneCode} ${kommuneName(owner.kommuneCode)}`
				: null,
			locationKommune: visiting
				? `${visiting.dar.municipalityCode} ${visiting.dar.municipalityName}`
				: null,
			invalidAddress: s.invalidAddress ?? false,
			related: (s.related ?? []).map((r) => ({ sorId: r.sorId, name: r.name })),
		};
	});
}

/** Generates the sample files and returns counts, paths and the special cases of copy 0. */
export async function generateSample(options: GenerateOptions = {}): Promise<GenerateResult> {
	const started = performance.now();
	const scale = options.scale ?? 1;
	if (!Number.isInteger(scale) || scale < 1)
		throw new Error(`--scale must be a positive integer, got ${scale}`);
	const seed = options.seed ?? DEFAULT_SEED;
	const outDir = resolve(options.outDir ?? join(REPO_ROOT, 'db/sample'));
	const plain = options.plain ?? false;
	const suffix = scale === 1 ? '' : `-x${scale}`;
	const sorPath = join(outDir, `sor-sample${suffix}.xml${plain ? '' : '.gz'}`);
	const darPath = join(outDir, `dar-sample${suffix}.csv${plain ? '' : '.gz'}`);
	mkdirSync(outDir, { recursive: true });

	const ref = loadReference();
	const state = createGlobalState();
	// Maximum compression for the small committed files; faster for benchmark-sized output.
	const level = scale <= 2 ? 9 : 6;
	const sor = new Sink(sorPath, !plain, level);
	const dar = new Sink(darPath, !plain, level);
	await sor.write(xmlHeader(CREATED_AT_TIME, SNAPSHOT_DATE));
	await dar.write(`${DAR_CSV_HEADER}\n`);

	const counts = { IE: 0, SI: 0, OE: 0, localities: 0, darRows: 0 };
	let first: CountryCopy | undefined;
	for (let copyIndex = 0; copyIndex < scale; copyIndex++) {
		const copy = buildCountryCopy(ref, state, seed, copyIndex);
		if (copyIndex === 0) first = copy;
		for (const owner of copy.owners) {
			for (const [entity] of walk(owner)) {
				counts[entity.level]++;
				if (entity.typeCode === TYPE.helhedsplejeleverandoersted) counts.localities++;
			}
			await sor.write(renderOwner(owner));
		}
		for (const address of copy.darAddresses) await dar.write(darCsvRow(address));
		counts.darRows += copy.darAddresses.length;
	}
	await sor.write(xmlFooter());
	await Promise.all([sor.end(), dar.end()]);

	if (!first) throw new Error('no copy generated');
	const kommuneName = (code: string | null) => (code ? (ref.byCode.get(code)?.name ?? code) : '');
	const specialCases = summarise(first, kommuneName);
	if (options.manifest) {
		writeFileSync(
			options.manifest,
			`${JSON.stringify({ seed, snapshotDate: SNAPSHOT_DATE, specialCases, notMigratedKommuner: first.notMigratedKommuner }, null, '\t')}\n`,
		);
	}
	return {
		sorPath,
		darPath,
		scale,
		seed,
		entities: counts.IE + counts.SI + counts.OE,
		owners: counts.IE,
		institutions: counts.SI,
		units: counts.OE,
		localities: counts.localities,
		darRows: counts.darRows,
		sorBytes: statSync(sorPath).size,
		darBytes: statSync(darPath).size,
		milliseconds: Math.round(performance.now() - started),
		specialCases,
		notMigratedKommuner: first.notMigratedKommuner.map((code) => ({
			code,
			name: kommuneName(code),
		})),
	};
}

const USAGE = `usage: npm run sample:generate -- [--scale N] [--out-dir DIR] [--seed S] [--plain] [--manifest FILE]

  --scale N       N copies of the whole country with distinct SOR-IDs and DAR rows (default 1)
  --out-dir DIR   output directory (default db/sample/)
  --seed S        PRNG seed (default "${DEFAULT_SEED}")
  --plain         write uncompressed .xml/.csv instead of .gz
  --manifest FILE also write the special cases of copy 0 as JSON`;

export function parseArgs(argv: string[]): GenerateOptions & { help?: boolean } {
	const options: GenerateOptions & { help?: boolean } = {};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		const value = () => {
			const v = argv[++i];
			if (v === undefined) throw new Error(`${arg} needs a value`);
			return v;
		};
		if (arg === '--scale') options.scale = Number(value());
		else if (arg === '--out-dir') options.outDir = value();
		else if (arg === '--seed') options.seed = value();
		else if (arg === '--manifest') options.manifest = value();
		else if (arg === '--plain') options.plain = true;
		else if (arg === '--help' || arg === '-h') options.help = true;
		else throw new Error(`unknown argument ${arg}`);
	}
	return options;
}

function formatBytes(bytes: number): string {
	return bytes >= 1 << 20
		? `${(bytes / (1 << 20)).toFixed(1)} MiB`
		: `${(bytes / 1024).toFixed(1)} KiB`;
}

async function main(): Promise<void> {
	let options: ReturnType<typeof parseArgs>;
	try {
		options = parseArgs(process.argv.slice(2));
	} catch (error) {
		console.error(`${(error as Error).message}\n\n${USAGE}`);
		process.exit(2);
	}
	if (options.help) {
		console.info(USAGE);
		return;
	}
	const r = await generateSample(options);
	const lines = [
		`Sample data (fictitious, SOR v2 structure), seed "${r.seed}", scale ${r.scale}, snapshot ${SNAPSHOT_DATE}`,
		`  entities:   ${r.entities} (owners ${r.owners}, institutions ${r.institutions}, units ${r.units})`,
		`  localities: ${r.localities} (helhedsplejeleverandørsted, provisional type code ${TYPE.helhedsplejeleverandoersted})`,
		`  DAR rows:   ${r.darRows}`,
		`  SOR file:   ${r.sorPath} (${formatBytes(r.sorBytes)})`,
		`  DAR file:   ${r.darPath} (${formatBytes(r.darBytes)})`,
		`  time:       ${(r.milliseconds / 1000).toFixed(1)} s`,
		`  not migrated (no locality): ${r.notMigratedKommuner.map((k) => `${k.code} ${k.name}`).join(', ')}`,
		'  special cases (copy 0):',
		...r.specialCases.map(
			(s) =>
				`    ${s.key.padEnd(20)} ${s.sorId}  ${s.name} [${s.locationKommune ?? s.ownerKommune ?? ''}]` +
				(s.related.length
					? `  related: ${s.related.map((x) => `${x.sorId} ${x.name}`).join('; ')}`
					: ''),
		),
	];
	console.info(lines.join('\n'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
	main().catch((error: unknown) => {
		console.error(error);
		process.exit(1);
	});
}
