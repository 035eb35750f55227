import { resolve } from 'node:path';
import { openMigratedDatabase, type RegisterDb } from '../../src/lib/server/db/client';

/** Exit codes shared by the operator commands, documented in the README. */
export const EXIT = { ok: 0, failed: 1, usage: 2, refused: 3, locked: 4 } as const;

/** Writes a message to stderr and exits with a usage error. */
export function usageError(message: string, usage: string): never {
	process.stderr.write(`Fejl: ${message}\n\n${usage}\n`);
	process.exit(EXIT.usage);
}

/** The lock file that keeps imports from interleaving, beside the database. */
export function lockPathFor(databasePath: string): string {
	return `${resolve(databasePath)}.import.lock`;
}

/** Formats a rate for progress lines, e.g. "12 345/s". */
export function perSecond(count: number, elapsedMs: number): string {
	const rate = elapsedMs > 0 ? Math.round((count * 1000) / elapsedMs) : 0;
	return `${rate.toLocaleString('da-DK')}/s`;
}

/** A progress reporter: one rewritten line on a terminal, occasional lines otherwise. */
export function progressLine(label: string): {
	update(count: number, elapsedMs: number): void;
	done(): void;
} {
	const tty = process.stderr.isTTY;
	let lastPrinted = 0;
	return {
		update(count, elapsedMs) {
			const text = `${label}: ${count.toLocaleString('da-DK')} (${perSecond(count, elapsedMs)})`;
			if (tty) process.stderr.write(`\r${text}`);
			else if (elapsedMs - lastPrinted >= 5000) {
				process.stderr.write(`${text}\n`);
				lastPrinted = elapsedMs;
			}
		},
		done() {
			if (tty) process.stderr.write('\n');
		},
	};
}

/** Opens and migrates the register database, or exits with a clear message instead of a stack trace. */
export function openDatabaseOrExit(path: string): RegisterDb {
	try {
		return openMigratedDatabase(path);
	} catch (error) {
		const cause = (error as { cause?: unknown }).cause;
		const detail = cause instanceof Error ? cause.message : (error as Error).message;
		process.stderr.write(`Kan ikke åbne eller migrere databasen ${path}: ${detail}\n`);
		process.exit(EXIT.failed);
	}
}
