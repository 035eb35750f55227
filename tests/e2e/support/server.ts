import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

const SERVER_ENTRY = resolve('dist/server/entry.mjs');
const BUILD_INPUTS = ['src', 'public', 'astro.config.mjs', 'package-lock.json', 'db/migrations'];

function newestMtime(path: string): number {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), 0);
}

/** Runs `astro build` when a source is newer than the built server (or there is none). */
export function buildIfNeeded(log: (line: string) => void): void {
	const built = existsSync(SERVER_ENTRY) ? statSync(SERVER_ENTRY).mtimeMs : 0;
	const sources = Math.max(...BUILD_INPUTS.map((path) => newestMtime(resolve(path))));
	if (built >= sources) return;
	log('Bygger sitet (astro build)…');
	const result = spawnSync('npx', ['astro', 'build'], { stdio: 'inherit' });
	if (result.status !== 0) throw new Error('astro build fejlede; se output ovenfor.');
}

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
	return new Promise((resolvePort, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() =>
				typeof address === 'object' && address
					? resolvePort(address.port)
					: reject(new Error('no port')),
			);
		});
	});
}

/** A running built server. */
export interface RunningServer {
	baseUrl: string;
	/** Process id, e.g. for reading its CPU time in a benchmark. */
	pid: number;
	stop(): Promise<void>;
}

/** Starts `node dist/server/entry.mjs` on 127.0.0.1 and waits until it answers. */
export async function startServer(env: Record<string, string>): Promise<RunningServer> {
	const port = await freePort();
	const child: ChildProcess = spawn(process.execPath, [SERVER_ENTRY], {
		env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), ...env },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	child.stdout?.on('data', (chunk) => (output += chunk));
	child.stderr?.on('data', (chunk) => (output += chunk));
	const baseUrl = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + 20_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`Serveren stoppede:\n${output}`);
		try {
			const response = await fetch(`${baseUrl}/om`);
			if (response.ok) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			child.kill();
			throw new Error(`Serveren svarede ikke inden for 20 s:\n${output}`);
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	return {
		baseUrl,
		pid: child.pid!,
		stop: () =>
			new Promise((resolveStop) => {
				if (child.exitCode !== null) return resolveStop();
				child.once('exit', () => resolveStop());
				child.kill('SIGTERM');
			}),
	};
}
