import { resolve } from 'node:path';
import { openMigratedDatabase, type RegisterDb } from '../../src/lib/server/db/client';
import { ImportLockedError } from '../../src/lib/server/services/import-lock';
import { ImportRefusedError } from '../../src/lib/server/services/sor-import/errors';

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

/**
 * Reports a failed import (`what`: "SOR-importen" or "DAR-importen") on stderr, and as one JSON
 * object on stdout with `--json`, and returns the exit code: refused, locked or failed.
 */
export function reportImportFailure(what: string, error: unknown, json: boolean): number {
	const message = error instanceof Error ? error.message : String(error);
	const code =
		error instanceof ImportRefusedError
			? EXIT.refused
			: error instanceof ImportLockedError
				? EXIT.locked
				: EXIT.failed;
	const status = code === EXIT.refused ? 'refused' : code === EXIT.locked ? 'locked' : 'failed';
	if (json) process.stdout.write(`${JSON.stringify({ status, error: message })}\n`);
	process.stderr.write(`${what} ${status === 'refused' ? 'blev afvist' : 'fejlede'}: ${message}\n`);
	return code;
}
