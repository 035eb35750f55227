import { eq, sql } from 'drizzle-orm';
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

	/**
	 * True when the file is part of what the public pages show: the PDF of an inspection's current
	 * feedback at a shown or closed locality (not a held-back one), or a photo of a provider's
	 * current presentation. Superseded and never-used uploads stay visible to editors only.
	 */
	isPublished(id: string): boolean {
		const row = this.db.get<{ found: number } | undefined>(sql`
			SELECT 1 AS found FROM inspection_versions v
			JOIN inspections i ON i.id = v.inspection_id
			JOIN localities l ON l.sor_id = i.sor_id
			WHERE v.pdf_file_id = ${id} AND (l.published = 1 OR l.status = 'closed') AND v.version =
				(SELECT max(version) FROM inspection_versions WHERE inspection_id = v.inspection_id)
			UNION ALL
			SELECT 1 FROM provider_profile_photos ph
			JOIN provider_profile_versions pv ON pv.id = ph.profile_version_id
			WHERE ph.file_id = ${id} AND pv.version =
				(SELECT max(version) FROM provider_profile_versions WHERE provider_id = pv.provider_id)
			LIMIT 1`);
		return row !== undefined;
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
