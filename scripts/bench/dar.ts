/**
 * `npm run bench:dar [-- --rows N] [--lookups N] [--keep] [--csv FILE] [--db FILE]`: the DAR import
 * and lookup benchmark. `--csv` reuses a file an earlier `--keep` run wrote with the same `--rows`;
 * `--db` measures only the lookups, against the database such a run kept.
 *
 * Writes a synthetic national-size DAWA access-address CSV (deterministic, streamed), times a bare
 * stream-parse of it as the baseline, imports it through the real service into a fresh WAL
 * database in a child process (so the peak RSS measured is the import's alone), and then times
 * lookups through the local DAR source. Every value is a pure function of the row number, so the
 * lookups can ask for addresses that exist without reading them back.
 */
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openDatabase, openMigratedDatabase } from '../../src/lib/server/db/client';
import { readCsvRows, readTextFile } from '../../src/lib/server/csv/read-csv';
import { LocalDarSource } from '../../src/lib/server/dar/local-dar-source';
import type { AccessAddressQuery } from '../../src/lib/server/dar/dar-source';
import { importDarExtract, type DarImportSummary } from '../../src/lib/server/services/dar-import';

const HEADER =
	'id,status,oprettet,ændret,vejkode,vejnavn,husnr,supplerendebynavn,postnr,postnrnavn,kommunekode,kommunenavn,ejerlavkode,ejerlavnavn,matrikelnr,esrejendomsnr,etrs89koordinat_øst,etrs89koordinat_nord,wgs84koordinat_bredde,wgs84koordinat_længde,nøjagtighed,kilde,tekniskstandard,tekstretning,adressepunktændringsdato,ddkn_m100,ddkn_km1,ddkn_km10,kvh,regionskode,regionsnavn,sognekode,sognenavn,politikredskode,politikredsnavn,retskredskode,retskredsnavn,opstillingskredskode,opstillingskredsnavn,zone';
const KOMMUNER =
	'0101 0147 0151 0153 0155 0157 0159 0161 0163 0165 0167 0169 0173 0175 0183 0185 0187 0190 0201 0210 0217 0219 0223 0230 0240 0250 0253 0259 0260 0265 0269 0270 0306 0316 0320 0326 0329 0330 0336 0340 0350 0360 0370 0376 0390 0400 0410 0420 0430 0440 0450 0461 0479 0480 0482 0492 0510 0530 0540 0550 0561 0563 0573 0575 0580 0607 0615 0621 0630 0657 0661 0665 0671 0706 0707 0710 0727 0730 0740 0741 0746 0751 0756 0760 0766 0773 0779 0787 0791 0810 0813 0820 0825 0840 0846 0849 0851 0860'.split(
		' ',
	);
const PREFIXES = ['', 'Store ', 'Lille ', 'Nørre ', 'Søndre ', 'Øster ', 'Vester ', 'Gl. ', 'Ny '];
const STEMS =
	'Abel Cathrines,Ålholm,Æble,Birke,Bøge,Ege,Kirke,Skole,Mølle,Skov,Strand,Enghave,Højager,Kløver,Rosen,Lærke,Vibe,Drossel,Syren,Hassel,Pile,Ahorn,Lind,Kastanje,Hvidtjørn,Slåen,Hyld,Bakke,Dal,Å,Sø,Mose,Kær,Fælled,Toft,Vænge,Gårds,Præste,Degne,Smede,Bager,Møller,Fiskers,Rådhus,Stations,Bane,Post,Torve,H.C. Andersens,Kong Christian X’s,Sankt Annæ,Sct. Jørgens,Frederiks,Christians,Dronning Louises,Prins Jørgens,Jens Baggesens,Aaboulevard,Københavner,Aarhus'.split(
		',',
	);
const SUFFIXES = [
	'vej',
	'gade',
	' Allé',
	' Boulevard',
	' Plads',
	'stræde',
	'toften',
	'parken',
	'engen',
	'vænget',
	'haven',
	'stien',
];
const HOUSES_PER_STREET = 25;

/** A 32-bit integer hash (lowbias32): cheap, well mixed, no state. */
function mix(value: number): number {
	let x = value >>> 0;
	x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
	x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
	return (x ^ (x >>> 16)) >>> 0;
}

const hex8 = (value: number): string => value.toString(16).padStart(8, '0');

/** The synthetic address of row `k`. */
function addressAt(k: number) {
	const street = Math.floor(k / HOUSES_PER_STREET);
	const kommuneIndex = street % KOMMUNER.length;
	const inKommune = Math.floor(street / KOMMUNER.length);
	const name =
		PREFIXES[inKommune % PREFIXES.length]! +
		STEMS[Math.floor(inKommune / PREFIXES.length) % STEMS.length]! +
		SUFFIXES[Math.floor(inKommune / (PREFIXES.length * STEMS.length)) % SUFFIXES.length]!;
	const h = mix(k + 1);
	const number = (k % HOUSES_PER_STREET) + 1;
	const letter = h % 10 === 0 ? String.fromCharCode(65 + (h % 7)) : '';
	const roll = h % 100;
	return {
		id: `${hex8(h)}-${hex8(mix(h)).slice(0, 4)}-3${hex8(mix(h + 1)).slice(0, 3)}-${hex8(mix(h + 2)).slice(0, 4)}-${hex8(mix(h + 3))}${hex8(mix(k)).slice(0, 4)}`,
		status: roll < 93 ? 1 : roll < 95 ? 3 : roll < 99 ? 2 : 4,
		streetCode: String((inKommune % 9998) + 1).padStart(4, '0'),
		streetName: name,
		houseNumber: `${number}${letter}`,
		postcode: String(1000 + ((kommuneIndex * 89 + (inKommune % 3)) % 8990)),
		municipalityCode: KOMMUNER[kommuneIndex]!,
		hash: h,
	};
}

function csvLine(k: number): string {
	const a = addressAt(k);
	const h = a.hash;
	const east = 440000 + (h % 450000) + (h % 100) / 100;
	const north = 6050000 + (mix(h) % 350000) + (h % 37) / 100;
	const lat = 54.56 + (north - 6050000) / 111000;
	const lon = 8.07 + (east - 440000) / 63000;
	const ddkn = `100m_${Math.floor(north / 100)}_${Math.floor(east / 100)},1km_${Math.floor(north / 1000)}_${Math.floor(east / 1000)},10km_${Math.floor(north / 10000)}_${Math.floor(east / 10000)}`;
	const kvh = `${a.municipalityCode}${a.streetCode}${a.houseNumber.padStart(4, '_')}`;
	return [
		a.id,
		a.status,
		'2000-02-05T20:17:59.000',
		'2019-11-25T01:07:37.000',
		a.streetCode,
		a.streetName,
		a.houseNumber,
		h % 5 === 0 ? 'Vester Egesborg' : '',
		a.postcode,
		'Synteby',
		a.municipalityCode,
		'Syntekommune',
		2000000 + (h % 10000),
		// Some ejerlav names hold a comma and are quoted, as in the real extracts.
		h % 10 < 3 ? '"Udenbys Vester Kvarter, Syntekommune"' : 'Syntekommune Bygrunde',
		`${h % 900}a`,
		h % 1000000,
		east.toFixed(2),
		north.toFixed(2),
		lat.toFixed(13),
		lon.toFixed(13),
		h % 50 === 0 ? 'B' : 'A',
		5,
		'TD',
		200,
		'2002-04-07T00:00:00.000',
		ddkn,
		kvh,
		1084,
		'Region Hovedstaden',
		9185,
		'Vesterbro',
		1470,
		'Københavns Politi',
		1101,
		'Københavns Byret',
		'0009',
		'Vesterbro',
		'Byzone',
	].join(',');
}

async function writeCsv(path: string, rows: number): Promise<void> {
	const out = createWriteStream(path);
	let buffer = `${HEADER}\n`;
	for (let k = 0; k < rows; k++) {
		buffer += `${csvLine(k)}\n`;
		if (buffer.length > 1 << 20) {
			if (!out.write(buffer)) await once(out, 'drain');
			buffer = '';
		}
	}
	out.end(buffer);
	await once(out, 'finish');
}

/** `count` lookups of random addresses; another `seed` asks for other addresses. */
function lookupQueries(count: number, rows: number, seed: number): AccessAddressQuery[] {
	const queries: AccessAddressQuery[] = [];
	for (let i = 0; i < count; i++) {
		const h = mix(i * 7919 + 13 + seed * 1_000_003);
		const a = addressAt(h % rows);
		const miss = h % 5 === 0; // one in five asks for a house number no street has
		const houseNumber = miss ? '999' : a.houseNumber;
		queries.push(
			i % 2 === 0
				? {
						municipalityCode: a.municipalityCode,
						streetCode: a.streetCode,
						streetName: a.streetName,
						houseNumber,
						postcode: a.postcode,
					}
				: {
						municipalityCode: null,
						streetCode: null,
						streetName: a.streetName.toUpperCase(),
						houseNumber,
						postcode: a.postcode,
					},
		);
	}
	return queries;
}

interface ChildResult {
	summary: DarImportSummary;
	maxRssKb: number;
	cpuMs: number;
}

async function childImport(csv: string, database: string): Promise<void> {
	const db = openMigratedDatabase(database);
	const summary = await importDarExtract({
		db,
		path: csv,
		lockPath: `${database}.import.lock`,
	});
	db.$client.close();
	const usage = process.resourceUsage();
	const result: ChildResult = {
		summary,
		maxRssKb: usage.maxRSS,
		cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
	};
	process.send!(result);
}

function runImportInChild(csv: string, database: string): Promise<ChildResult> {
	const child = fork(fileURLToPath(import.meta.url), ['--child-import', csv, database], {
		execArgv: process.execArgv,
	});
	return new Promise((resolve, reject) => {
		let result: ChildResult | null = null;
		child.on('message', (message) => (result = message as ChildResult));
		child.on('error', reject);
		child.on('exit', (code) =>
			result ? resolve(result) : reject(new Error(`Importprocessen sluttede med kode ${code}`)),
		);
	});
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const rate = (count: number, ms: number): string =>
	`${Math.round((count * 1000) / ms).toLocaleString('da-DK')}/s`;

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			rows: { type: 'string', default: '2500000' },
			lookups: { type: 'string', default: '200000' },
			keep: { type: 'boolean', default: false },
			csv: { type: 'string' },
			db: { type: 'string' },
			'child-import': { type: 'boolean', default: false },
		},
		allowPositionals: true,
		strict: false,
	});
	const rows = Number(values.rows);
	const lookupCount = Number(values.lookups);
	const dir = mkdtempSync(join(tmpdir(), 'plejeoverblik-bench-dar-'));
	const csv = typeof values.csv === 'string' ? values.csv : join(dir, 'adgangsadresser.csv');
	// --db: only the lookups, against a database an earlier --keep run left (same --rows).
	const reused = typeof values.db === 'string' ? values.db : null;
	const database = reused ?? join(dir, 'register.sqlite');
	const log = (text: string) => process.stdout.write(`${text}\n`);
	try {
		let started = Date.now();
		if (reused === null) {
			if (typeof values.csv !== 'string') await writeCsv(csv, rows);
			const size = statSync(csv).size;
			log(
				`CSV ${typeof values.csv === 'string' ? 'genbrugt' : 'skrevet'}: ${rows.toLocaleString('da-DK')} rækker, ${(size / 1e6).toFixed(0)} MB, ${seconds(Date.now() - started)}`,
			);

			started = Date.now();
			const parseCpu = process.cpuUsage();
			let parsed = 0;
			for await (const row of readCsvRows(readTextFile(csv))) if (row.length > 0) parsed++;
			const parseMs = Date.now() - started;
			const { user, system } = process.cpuUsage(parseCpu);
			log(
				`Grundlinje, kun CSV-parsning (alle kolonner, intet gemt): ${seconds(parseMs)} (${rate(parsed - 1, parseMs)}); CPU-tid ${seconds((user + system) / 1000)}`,
			);

			openMigratedDatabase(database).$client.close();
			started = Date.now();
			const { summary, maxRssKb, cpuMs } = await runImportInChild(csv, database);
			const wallMs = Date.now() - started;
			log(
				`Import: ${summary.rowsRead.toLocaleString('da-DK')} rækker på ${seconds(summary.durationMs)} (${rate(summary.rowsRead, summary.durationMs)}); væg-tid inkl. processtart ${seconds(wallMs)}; ${(summary.durationMs / parseMs).toFixed(2)} × parsetiden`,
			);
			const { read, replace, commit } = summary.phaseMs;
			log(
				`Import, faser: læsning+validering+mellemlager ${seconds(read)}, sorteret kopi+indeks ${seconds(replace)}, commit+checkpoint ${seconds(commit)}; CPU-tid ${seconds(cpuMs)}`,
			);
			log(`Import, største RSS: ${Math.round(maxRssKb / 1024)} MB`);
			log(`Status: ${JSON.stringify(summary.rowsByStatus)}`);
			log(`Databasefil: ${(statSync(database).size / 1e6).toFixed(0)} MB`);
		}

		// Through the register's own connection settings (mmap) and the synchronous lookup the SOR
		// import validates with. The first pass starts cold (every page is faulted into this
		// process's mapping); then five passes ask for other addresses on the warm connection, which
		// is the state of a server or an import that has run for a moment. The machine is shared, so
		// the median of the five is the figure held to the target.
		const db = openDatabase(database, { readonly: true });
		const source = new LocalDarSource(db);
		const warmRates: number[] = [];
		for (let pass = 0; pass <= 5; pass++) {
			const queries = lookupQueries(lookupCount, rows, pass);
			let hits = 0;
			started = performance.now();
			// Inside one read transaction, as the SOR import validates inside its own transaction:
			// otherwise every lookup takes and releases a WAL read lock of its own.
			db.$client.exec('BEGIN');
			for (const query of queries) if (source.lookupSync(query)) hits++;
			db.$client.exec('COMMIT');
			const lookupMs = performance.now() - started;
			if (pass > 0) warmRates.push((lookupCount * 1000) / lookupMs);
			log(
				`Opslag, ${pass === 0 ? 'kold forbindelse' : `varm, gennemløb ${pass}`}: ${lookupCount.toLocaleString('da-DK')} (halvt kode, halvt navn; ${hits.toLocaleString('da-DK')} fundet) på ${(lookupMs / 1000).toFixed(2)} s = ${rate(lookupCount, lookupMs)}`,
			);
		}
		warmRates.sort((a, b) => a - b);
		log(
			`Opslag, varm forbindelse: median ${Math.round(warmRates[2]!).toLocaleString('da-DK')}/s (spænd ${Math.round(warmRates[0]!).toLocaleString('da-DK')}–${Math.round(warmRates[4]!).toLocaleString('da-DK')}/s); mål ≥ 50.000/s`,
		);
		db.$client.close();
	} finally {
		if (values.keep) log(`Filerne er bevaret i ${dir}`);
		else rmSync(dir, { recursive: true, force: true });
	}
}

const argv = process.argv.slice(2);
if (argv[0] === '--child-import') await childImport(argv[1]!, argv[2]!);
else await main();
