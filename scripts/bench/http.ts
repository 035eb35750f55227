/**
 * `npm run bench:http` (a benchmark, not a test): the built server under load on a locality page,
 * a kommune page and a search, with the bundled sample scaled ×10, next to a bare node:http server
 * that returns the same HTML from memory, in the same run. Also measures the JavaScript each page
 * template ships. Prints a Markdown report (and writes it to tmp/bench-http.md).
 *
 *   npm run bench:http -- [--scale 10] [--duration 5] [--rounds 5] [--connections 32]
 *
 * Each page is measured in alternating rounds (Astro then bare, bare then Astro, …) and the medians
 * are compared, so load from other processes on the machine hits both servers alike. The servers'
 * own CPU time per request (from /proc) is reported too: it is the steadier figure on a busy machine.
 *
 * Targets (issue 4): ≥ 40 % of the bare server's requests per second, p99 < 50 ms at 32
 * connections, zero errors; 0 bytes of JavaScript on pages without a map, ≤ 60 KB gzip with one.
 * The open-data API's locality list and CSV download (issue 6) are held to the same ratio and
 * error targets; their p99 is reported next to the bare server's.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { buildIfNeeded, startServer, freePort } from '../../tests/e2e/support/server';
import { populateRegister } from '../e2e/populate';
import { API_BENCH_TARGETS } from './api-targets';

interface AutocannonResult {
	requests: { average: number; total: number };
	latency: { p50: number; p99: number; average: number; max: number };
	errors: number;
	timeouts: number;
	non2xx: number;
}
type Autocannon = (options: {
	url: string;
	connections: number;
	duration: number;
	pipelining?: number;
}) => Promise<AutocannonResult>;
// autocannon ships no types; this is the part of its API the benchmark uses.
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const { values } = parseArgs({
	options: {
		scale: { type: 'string', default: '10' },
		duration: { type: 'string', default: '5' },
		rounds: { type: 'string', default: '5' },
		connections: { type: 'string', default: '32' },
	},
});
const scale = Number(values.scale);
const duration = Number(values.duration);
const rounds = Number(values.rounds);
const connections = Number(values.connections);
const log = (line: string) => process.stderr.write(`${line}\n`);

/** Sample files at the requested scale, generated once into tmp/bench-sample. */
function sampleFiles(): { sor: string; dar: string } {
	const dir = resolve('tmp/bench-sample');
	const suffix = scale > 1 ? `-x${scale}` : '';
	const sor = join(dir, `sor-sample${suffix}.xml.gz`);
	const dar = join(dir, `dar-sample${suffix}.csv.gz`);
	if (!existsSync(sor) || !existsSync(dar)) {
		log(`Genererer eksempeldata ×${scale}…`);
		const result = spawnSync(
			'npx',
			['tsx', 'scripts/sample/generate.ts', '--scale', String(scale), '--out-dir', dir],
			{ stdio: ['ignore', 'ignore', 'inherit'] },
		);
		if (result.status !== 0) throw new Error('sample:generate fejlede');
	}
	return { sor, dar };
}

/** A bare node:http server in its own process, answering each path with fixed bytes. */
async function startBareServer(
	pages: Record<string, string>,
): Promise<{ baseUrl: string; pid: number; stop: () => void }> {
	const dir = mkdtempSync(join(tmpdir(), 'bench-bare-'));
	const pagesPath = join(dir, 'pages.json');
	writeFileSync(pagesPath, JSON.stringify(pages));
	const port = await freePort();
	const code = `
		const http = require('node:http');
		const pages = new Map(Object.entries(require(${JSON.stringify(pagesPath)})).map(([p, html]) => [p, Buffer.from(html)]));
		http.createServer((req, res) => {
			const body = pages.get(req.url);
			if (!body) { res.writeHead(404); return res.end(); }
			res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length });
			res.end(body);
		}).listen(${port}, '127.0.0.1', () => process.stdout.write('ready\\n'));`;
	const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
	await new Promise<void>((ready) => child.stdout.once('data', () => ready()));
	return { baseUrl: `http://127.0.0.1:${port}`, pid: child.pid!, stop: () => child.kill() };
}

interface Measured {
	rps: number;
	p50: number;
	p99: number;
	errors: number;
	/** Server CPU time per request in µs (user + system), or null where /proc is missing. */
	cpuMicros: number | null;
}

/** CPU time (user + system) of a process in µs, from /proc; null elsewhere. */
function cpuTime(pid: number): number | null {
	try {
		const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
		// Fields 14 and 15 (utime, stime) in clock ticks, counted from the state field (3).
		return ((Number(fields[11]) + Number(fields[12])) * 1e6) / 100;
	} catch {
		return null;
	}
}

const median = (numbers: number[]) =>
	[...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)]!;

/** Alternating rounds against two servers; medians of req/s, latency and CPU, errors summed. */
async function compare(
	targets: [{ url: string; pid: number }, { url: string; pid: number }],
): Promise<[Measured, Measured]> {
	// Warm-up so JIT, GC and the page cache are in their steady state.
	for (const { url } of targets) await autocannon({ url, connections, duration: 4 });
	const results: { run: AutocannonResult; cpu: number | null }[][] = [[], []];
	for (let round = 0; round < rounds; round++) {
		const order = round % 2 === 0 ? [0, 1] : [1, 0];
		for (const index of order) {
			const { url, pid } = targets[index]!;
			const before = cpuTime(pid);
			const run = await autocannon({ url, connections, duration });
			const after = cpuTime(pid);
			const cpu =
				before === null || after === null || run.requests.total === 0
					? null
					: (after - before) / run.requests.total;
			results[index]!.push({ run, cpu });
		}
	}
	return results.map((runs) => {
		const cpu = runs.map((r) => r.cpu).filter((value): value is number => value !== null);
		return {
			rps: median(runs.map(({ run }) => run.requests.average)),
			p50: median(runs.map(({ run }) => run.latency.p50)),
			p99: median(runs.map(({ run }) => run.latency.p99)),
			errors: runs.reduce((sum, { run }) => sum + run.errors + run.timeouts + run.non2xx, 0),
			cpuMicros: cpu.length > 0 ? median(cpu) : null,
		};
	}) as [Measured, Measured];
}

async function scriptBytes(baseUrl: string, path: string): Promise<{ raw: number; gzip: number }> {
	const html = await (await fetch(`${baseUrl}${path}`)).text();
	let raw = 0;
	let gzip = 0;
	for (const match of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) {
		const body = Buffer.from(await (await fetch(`${baseUrl}${match[1]}`)).arrayBuffer());
		raw += body.byteLength;
		gzip += gzipSync(body).byteLength;
	}
	return { raw, gzip };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const micros = (value: number | null) => (value === null ? '–' : `${Math.round(value)} µs`);

async function main(): Promise<void> {
	buildIfNeeded(log);
	const { sor, dar } = sampleFiles();
	const dir = mkdtempSync(join(tmpdir(), 'bench-http-'));
	const databasePath = join(dir, 'register.sqlite');
	log(`Indlæser ${sor} og ${dar} med de rigtige importer…`);
	const started = Date.now();
	const counts = await populateRegister({
		databasePath,
		darPath: dar,
		sorPaths: [sor],
		isSampleData: true,
	});
	log(`  ${counts.localities} steder, ${counts.published} vises (${Date.now() - started} ms)`);

	const server = await startServer({ DATABASE_PATH: databasePath, MAP_TILE_URL: '' });
	try {
		const geo = (await (await fetch(`${server.baseUrl}/kort/steder.geojson`)).json()) as {
			features: { properties: { sorId: string } }[];
		};
		const sorId = geo.features[Math.floor(geo.features.length / 2)]!.properties.sorId;
		const targets = [`/sted/${sorId}`, '/kommune/0751', '/soeg?q=aarhus', ...API_BENCH_TARGETS];
		const pages: Record<string, string> = {};
		for (const path of targets) {
			const response = await fetch(`${server.baseUrl}${path}`);
			if (response.status !== 200) throw new Error(`${path} svarede ${response.status}`);
			pages[path] = await response.text();
		}
		const bare = await startBareServer(pages);
		const rows: string[] = [];
		let allMet = true;
		try {
			for (const path of targets) {
				log(`Belaster ${path} (${connections} forbindelser, ${rounds} × ${duration} s hver)…`);
				const [astro, plain] = await compare([
					{ url: `${server.baseUrl}${path}`, pid: server.pid },
					{ url: `${bare.baseUrl}${path}`, pid: bare.pid },
				]);
				const ratio = astro.rps / plain.rps;
				// Issue 6 holds the API to the pages' throughput ratio only: at 32 connections a 1.5 MB
				// CSV cannot be sent within 50 ms even by the bare server (its p99 is in the table).
				const isApi = API_BENCH_TARGETS.includes(path);
				const met = ratio >= 0.4 && (isApi || astro.p99 < 50) && astro.errors === 0;
				allMet &&= met;
				rows.push(
					`| \`${path.replace(sorId, '[sorId]')}\` | ${Math.round(astro.rps)} | ${Math.round(plain.rps)} | ${(ratio * 100).toFixed(0)} % | ${astro.p50} / ${astro.p99} ms | ${plain.p99} ms | ${micros(astro.cpuMicros)} / ${micros(plain.cpuMicros)} | ${astro.errors} | ${kb(Buffer.byteLength(pages[path]!))} | ${met ? 'ja' : 'NEJ'} |`,
				);
			}
		} finally {
			bare.stop();
		}

		const jsRows: string[] = [];
		for (const [label, path, hasMap] of [
			['Forside (kort)', '/', true],
			['Kommune (kort)', '/kommune/0751', true],
			['Leverandør (kort)', '/leverandoer/kommune-0751', true],
			['Sted (kort)', `/sted/${sorId}`, true],
			['Kommuner', '/kommuner', false],
			['Søg', '/soeg?q=aarhus', false],
			['Nær en adresse', '/naer?adresse=8000', false],
			['Om', '/om', false],
		] as const) {
			const bytes = await scriptBytes(server.baseUrl, path);
			const met = hasMap ? bytes.gzip <= 60 * 1024 : bytes.raw === 0;
			allMet &&= met;
			jsRows.push(
				`| ${label} | ${kb(bytes.raw)} | ${kb(bytes.gzip)} | ${hasMap ? '≤ 60 KB gzip' : '0 bytes'} | ${met ? 'ja' : 'NEJ'} |`,
			);
		}

		const cpu = cpus()[0]?.model ?? 'ukendt CPU';
		const report = [
			`### bench:http – ${new Date().toISOString().slice(0, 10)}`,
			'',
			`Eksempeldata ×${scale}: ${counts.localities} steder (${counts.published} vises). ${connections} forbindelser; pr. side ${rounds} skiftevise runder á ${duration} s mod hver server efter 4 s opvarmning, medianer vist. autocannon kører i benchmark-processen på samme maskine: ${cpus().length} × ${cpu}, Node ${process.version}, belastning ved start ${loadavg()[0]!.toFixed(1)}.`,
			'',
			'| side | Astro req/s | bar node:http req/s | forhold | Astro p50 / p99 | bar p99 | CPU pr. req. Astro / bar | fejl | HTML | mål nået |',
			'| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
			...rows,
			'',
			'| sidetype | JavaScript | gzip | mål | nået |',
			'| --- | ---: | ---: | --- | --- |',
			...jsRows,
			'',
		].join('\n');
		mkdirSync('tmp', { recursive: true });
		writeFileSync('tmp/bench-http.md', report);
		process.stdout.write(`${report}\n`);
		process.stdout.write(allMet ? 'Alle mål nået.\n' : 'Et eller flere mål er IKKE nået.\n');
	} finally {
		await server.stop();
		rmSync(dir, { recursive: true, force: true });
	}
}

await main();
