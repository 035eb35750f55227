import { randomUUID } from 'node:crypto';
import { can } from '../../../domain/auth/policy';
import type { Actor } from '../../../domain/auth/roles';
import { fieldChanges } from '../../../domain/reporting/changes';
import { DESCRIPTION_MAX_LENGTH } from '../../../domain/reporting/description';
import { cleanText } from '../../../domain/reporting/form';
import { AuditRepository } from '../../repositories/audit-repository';
import { FileRepository } from '../../repositories/file-repository';
import {
	ReportingProfileRepository,
	type ProfileVersion,
} from '../../repositories/reporting-profile-repository';
import { ReportingScopeRepository } from '../../repositories/reporting-scope-repository';
import { auditActor } from '../accounts/audit-actor';
import { recordContentChange } from './change-log';
import type { ReportingDeps } from './deps';
import { isUniqueViolation, refuse, type Access, type Outcome } from './outcome';
import { storeImage, type Upload } from './uploads';

/** Most photos an aggregate provider may show (issue 5). */
export const MAX_PHOTOS = 4;
/** Longest alt text accepted. */
export const ALT_TEXT_MAX_LENGTH = 250;

/** What the profile editor page shows. */
export interface ProfileEditView {
	provider: { id: string; name: string };
	current: ProfileVersion | null;
	history: ProfileVersion[];
}

type PhotoState = { photoKey: string; fileId: string; altText: string };

/**
 * An aggregate provider's description and photos. Every save appends a whole new profile version
 * (description + photo list), so history shows exactly what was public when.
 */
export class ProfileService {
	private readonly profiles: ReportingProfileRepository;
	private readonly scope: ReportingScopeRepository;
	private readonly audit: AuditRepository;
	private readonly files: FileRepository;

	constructor(private readonly deps: ReportingDeps) {
		this.profiles = new ReportingProfileRepository(deps.db);
		this.scope = new ReportingScopeRepository(deps.db);
		this.audit = new AuditRepository(deps.db);
		this.files = new FileRepository(deps.db);
	}

	/** The editor view of a provider's profile, if the actor may edit it. */
	editView(actor: Actor | null, providerId: string): Access<ProfileEditView> {
		const provider = this.scope.provider(providerId);
		if (!provider) return refuse.notFound;
		if (!can(actor, { action: 'provider.edit', providerId })) return refuse.forbidden;
		return {
			ok: true,
			value: {
				provider,
				current: this.profiles.current(providerId),
				history: this.profiles.history(providerId),
			},
		};
	}

	/** Saves a new description. `baseVersion` is the version the form was opened on (0 for none). */
	saveDescription(
		actor: Actor | null,
		providerId: string,
		input: { baseVersion: number; text: string },
	): Outcome<ProfileVersion> {
		const text = cleanText(input.text);
		if ([...text].length > DESCRIPTION_MAX_LENGTH) {
			return refuse.invalid([
				{
					field: 'description',
					message: `Beskrivelsen må højst være ${DESCRIPTION_MAX_LENGTH} tegn (nu ${[...text].length}).`,
				},
			]);
		}
		return this.commit(
			actor,
			providerId,
			input.baseVersion,
			'profile.description_changed',
			(c) => ({
				description: text,
				photos: c.photos,
			}),
		);
	}

	/** Adds a photo (checked, re-encoded, stored) with its required alt text. */
	async addPhoto(
		actor: Actor | null,
		providerId: string,
		input: { baseVersion: number; upload: Upload | null; altText: string },
	): Promise<Outcome<ProfileVersion>> {
		const pre = this.editView(actor, providerId);
		if (!pre.ok) return pre;
		const altText = cleanText(input.altText).replace(/\s+/g, ' ');
		const errors = [];
		if ((pre.value.current?.photos.length ?? 0) >= MAX_PHOTOS) {
			errors.push({
				field: 'photo',
				message: `Der kan højst være ${MAX_PHOTOS} billeder. Fjern et billede først.`,
			});
		}
		if (!altText) {
			errors.push({
				field: 'alt',
				message: 'Skriv en alternativ tekst, der beskriver billedet for dem, der ikke kan se det.',
			});
		} else if ([...altText].length > ALT_TEXT_MAX_LENGTH) {
			errors.push({
				field: 'alt',
				message: `Den alternative tekst må højst være ${ALT_TEXT_MAX_LENGTH} tegn.`,
			});
		}
		if (errors.length > 0) return refuse.invalid(errors);
		const stored = await storeImage(input.upload ?? { bytes: new Uint8Array() }, {
			files: this.files,
			images: this.deps.images,
			at: this.deps.clock().toISOString(),
			by: actor!.id,
		});
		if (!stored.ok) return refuse.invalid([{ field: 'photo', message: stored.message }]);
		return this.commit(actor, providerId, input.baseVersion, 'profile.photo_added', (c) => ({
			description: c.description,
			photos: [...c.photos, { photoKey: randomUUID(), fileId: stored.fileId, altText }],
		}));
	}

	/** Changes a photo's alt text, moves it, or removes it. */
	changePhoto(
		actor: Actor | null,
		providerId: string,
		input: {
			baseVersion: number;
			photoKey: string;
			action: 'save' | 'remove' | 'up' | 'down';
			altText: string;
		},
	): Outcome<ProfileVersion> {
		const altText = cleanText(input.altText).replace(/\s+/g, ' ');
		if (input.action === 'save' && (!altText || [...altText].length > ALT_TEXT_MAX_LENGTH)) {
			return refuse.invalid([
				{
					field: `alt_${input.photoKey}`,
					message: altText
						? `Den alternative tekst må højst være ${ALT_TEXT_MAX_LENGTH} tegn.`
						: 'Skriv en alternativ tekst, der beskriver billedet.',
				},
			]);
		}
		const action = {
			save: 'profile.photo_alt_changed',
			remove: 'profile.photo_removed',
			up: 'profile.photo_moved',
			down: 'profile.photo_moved',
		}[input.action];
		let missing = false;
		const result = this.commit(actor, providerId, input.baseVersion, action, (c) => {
			const photos = [...c.photos];
			const index = photos.findIndex((p) => p.photoKey === input.photoKey);
			if (index < 0) {
				missing = true;
				return c;
			}
			if (input.action === 'save') photos[index] = { ...photos[index]!, altText };
			if (input.action === 'remove') photos.splice(index, 1);
			const swap = input.action === 'up' ? index - 1 : input.action === 'down' ? index + 1 : -1;
			if (swap >= 0 && swap < photos.length) {
				[photos[index], photos[swap]] = [photos[swap]!, photos[index]!];
			}
			return { description: c.description, photos };
		});
		return missing ? refuse.notFound : result;
	}

	private commit(
		actor: Actor | null,
		providerId: string,
		baseVersion: number,
		action: string,
		change: (current: { description: string; photos: PhotoState[] }) => {
			description: string;
			photos: PhotoState[];
		},
	): Outcome<ProfileVersion> {
		if (!this.scope.provider(providerId)) return refuse.notFound;
		if (!actor || !can(actor, { action: 'provider.edit', providerId })) return refuse.forbidden;
		const at = this.deps.clock().toISOString();
		try {
			return this.deps.db.transaction(
				() => {
					const current = this.profiles.current(providerId);
					if ((current?.version ?? 0) !== baseVersion) return refuse.conflict;
					const before = {
						description: current?.description ?? '',
						photos: (current?.photos ?? []).map(({ photoKey, fileId, altText }) => ({
							photoKey,
							fileId,
							altText,
						})),
					};
					const after = change(before);
					const changes = fieldChanges(before, after);
					if (Object.keys(changes).length === 0 && current) return { ok: true, value: current };
					this.profiles.insert({
						providerId,
						version: baseVersion + 1,
						description: after.description,
						createdAt: at,
						createdBy: actor.id,
						photos: after.photos,
					});
					recordContentChange(this.audit, {
						by: auditActor(actor),
						at,
						action,
						entityType: 'provider_profile',
						entityId: providerId,
						changes,
					});
					return { ok: true, value: this.profiles.current(providerId)! };
				},
				{ behavior: 'immediate' },
			);
		} catch (error) {
			if (isUniqueViolation(error)) return refuse.conflict;
			throw error;
		}
	}
}
