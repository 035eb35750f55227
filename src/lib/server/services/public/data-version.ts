/** Where the import part of the data version comes from (the latest successful import run). */
export interface ImportVersionSource {
	importVersion(): number;
}

/**
 * The version of everything the public pages show. It changes when an import succeeds (read from
 * the database, so imports run by another process count) or when an editor calls `bump()` after
 * changing reported content in this process. Page caches and ETags are keyed by it.
 *
 * Reading the import version is a database query; every public request needs the version, so it
 * may be remembered for `ttlMs` (the server uses 100 ms): a nightly import is then seen at most
 * that long after its commit. Edits through `bump()` are seen at once.
 */
export class DataVersion {
	private edits = 0;
	private imports: { value: number; readAt: number } | null = null;

	constructor(
		private readonly source: ImportVersionSource,
		private readonly options: { ttlMs?: number; now?: () => number } = {},
	) {}

	/** The current version, e.g. "42.0": latest successful import run id and edit counter. */
	current(): string {
		const now = (this.options.now ?? Date.now)();
		const ttl = this.options.ttlMs ?? 0;
		if (this.imports === null || now - this.imports.readAt >= ttl) {
			this.imports = { value: this.source.importVersion(), readAt: now };
		}
		return `${this.imports.value}.${this.edits}`;
	}

	/** Marks the public data as changed (called by editing services after they commit). */
	bump(): void {
		this.edits++;
	}
}
