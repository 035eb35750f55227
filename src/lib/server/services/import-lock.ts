import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';

/** Thrown when another import holds the lock. */
export class ImportLockedError extends Error {
	override name = 'ImportLockedError';
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * Takes an exclusive lock file holding this process's pid, so two imports never interleave. A lock
 * left by a process that no longer exists is taken over.
 */
export function acquireImportLock(path: string): () => void {
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			const fd = openSync(path, 'wx');
			writeSync(fd, `${process.pid}\n${new Date().toISOString()}\n`);
			closeSync(fd);
			return () => {
				try {
					unlinkSync(path);
				} catch {
					// Already gone: nothing to release.
				}
			};
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const [pidText, since] = readFileSync(path, 'utf8').split('\n');
			const pid = Number(pidText);
			if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
				throw new ImportLockedError(
					`En anden import kører allerede (proces ${pid}, startet ${since ?? 'ukendt'}). Vent til den er færdig; låsefil: ${path}`,
				);
			}
			unlinkSync(path);
		}
	}
	throw new ImportLockedError(`Kunne ikke tage importlåsen ${path}.`);
}
