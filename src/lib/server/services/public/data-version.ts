/**
 * Where the stored part of the data version comes from: the latest successful import run and the
 * reported-content revision, so changes made by another process (an import, another server) count.
 */
export interface ImportVersionSource {
	importVersion(): string | number;
}

/**
 * The version of everything the public pages show. It changes when an import succeeds or reported
 * content changes (both read from the database, so other processes count) or when an editor calls
 * `bump()` after changing reported content in this process (seen at once, without the TTL). Page caches and ETags are keyed by it.
 *
 * Reading the import version is a database query; every public request needs the version, so it
 * may be remembered for `ttlMs` (the server uses 100 ms): a nightly import is then seen at most
 * that long after its commit. Edits through `bump()` are seen at once.
 */
export class DataVersion {
	private edits = 0;
	private imports: { value: string | number; readAt: number } | null = null;

	constructor(
		private readonly source: ImportVersionSource,
		private readonly options: { ttlMs?: number; now?: () => number } = {},
	) {}

	/** The current version, e.g. "42-7.0": stored version and this process's edit counter. */
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
