import { sql } from 'drizzle-orm';
import type { RegisterDb } from '../db/client';
import { providerProfilePhotos, providerProfileVersions } from '../db/schema';
import { childRows } from './reporting-rows';

/** A photo of a profile version, with the stored image's size. */
export interface ProfilePhoto {
	position: number;
	photoKey: string;
	fileId: string;
	altText: string;
	width: number | null;
	height: number | null;
}

/** One version of a provider's profile. */
export interface ProfileVersion {
	id: number;
	providerId: string;
	version: number;
	description: string;
	createdAt: string;
	createdBy: number;
	createdByName: string;
	photos: ProfilePhoto[];
}

const SELECT = sql`
	SELECT v.id, v.provider_id AS providerId, v.version, v.description, v.created_at AS createdAt,
		v.created_by AS createdBy, a.name AS createdByName
	FROM provider_profile_versions v JOIN accounts a ON a.id = v.created_by`;

/** All SQL on provider profile versions and their photos. */
export class ReportingProfileRepository {
	constructor(private readonly db: RegisterDb) {}

	/** The newest version of a provider's profile, or null if none was ever saved. */
	current(providerId: string): ProfileVersion | null {
		return (
			this.withPhotos(
				this.db.all(
					sql`${SELECT} WHERE v.provider_id = ${providerId} ORDER BY v.version DESC LIMIT 1`,
				),
			)[0] ?? null
		);
	}

	/** Every version, newest first. */
	history(providerId: string): ProfileVersion[] {
		return this.withPhotos(
			this.db.all(sql`${SELECT} WHERE v.provider_id = ${providerId} ORDER BY v.version DESC`),
		);
	}

	/** Appends a version with its photos; fails on a duplicate (provider, version). */
	insert(row: {
		providerId: string;
		version: number;
		description: string;
		createdAt: string;
		createdBy: number;
		photos: { photoKey: string; fileId: string; altText: string }[];
	}): number {
		const { id } = this.db
			.insert(providerProfileVersions)
			.values({
				providerId: row.providerId,
				version: row.version,
				description: row.description,
				createdAt: row.createdAt,
				createdBy: row.createdBy,
			})
			.returning({ id: providerProfileVersions.id })
			.get();
		row.photos.forEach((photo, position) => {
			this.db
				.insert(providerProfilePhotos)
				.values({ profileVersionId: id, position, ...photo })
				.run();
		});
		return id;
	}

	private withPhotos(rows: Omit<ProfileVersion, 'photos'>[]): ProfileVersion[] {
		const photos = childRows<ProfilePhoto & { versionId: number }>(
			this.db,
			sql`SELECT p.profile_version_id AS versionId, p.position, p.photo_key AS photoKey,
				p.file_id AS fileId, p.alt_text AS altText, f.width, f.height
				FROM provider_profile_photos p JOIN stored_files f ON f.id = p.file_id`,
			sql`p.profile_version_id`,
			rows.map((r) => r.id),
			sql`p.position`,
		);
		return rows.map((row) => ({
			...row,
			photos: (photos.get(row.id) ?? []).map(({ versionId: _v, ...photo }) => photo),
		}));
	}
}
