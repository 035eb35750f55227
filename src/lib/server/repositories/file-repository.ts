import { eq } from 'drizzle-orm';
import type { RegisterDb } from '../db/client';
import { storedFiles } from '../db/schema';

/** A stored file with its bytes. */
export type StoredFileRow = typeof storedFiles.$inferSelect;

/** All SQL on `stored_files` (content-addressed uploads). */
export class FileRepository {
	constructor(private readonly db: RegisterDb) {}

	/** Stores a file unless the same content is already stored (the id is its SHA-256). */
	put(row: StoredFileRow): void {
		this.db.insert(storedFiles).values(row).onConflictDoNothing().run();
	}

	/** A file with its bytes, or null. */
	get(id: string): StoredFileRow | null {
		return this.db.select().from(storedFiles).where(eq(storedFiles.id, id)).get() ?? null;
	}

	/** A file's metadata without the bytes, or null. */
	meta(id: string): Omit<StoredFileRow, 'content'> | null {
		return (
			this.db
				.select({
					id: storedFiles.id,
					mediaType: storedFiles.mediaType,
					byteSize: storedFiles.byteSize,
					width: storedFiles.width,
					height: storedFiles.height,
					createdAt: storedFiles.createdAt,
					createdBy: storedFiles.createdBy,
				})
				.from(storedFiles)
				.where(eq(storedFiles.id, id))
				.get() ?? null
		);
	}
}
