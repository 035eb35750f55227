import type { Actor } from './roles';

/** What a locality contributes to a permission check: who owns it and who inspects it. */
export interface LocalityScope {
	providerId: string;
	/** The authority covering the locality's location kommune; null when it is not known yet. */
	authorityId: string | null;
}

/** Every action the editor area offers, with the object it is performed on. */
export type Permission =
	| { action: 'accounts.manage' }
	| { action: 'audit.read' }
	/** Description and photos of an aggregate provider; its duplicate reviews. */
	| { action: 'provider.edit'; providerId: string }
	/** Staff numbers and satisfaction surveys of a locality. */
	| { action: 'locality.report'; locality: LocalityScope }
	/** Ældretilsynet's feedback for a locality. */
	| { action: 'inspection.report'; locality: LocalityScope };

/**
 * The one authorisation rule of the editor area: a role grants a kind of action, and the account's
 * scope must contain the object. Administrators manage accounts and read the audit log; they do not
 * edit content (least privilege: content is the provider's and the inspectorate's word).
 */
export function can(actor: Actor | null, permission: Permission): boolean {
	if (!actor) return false;
	switch (permission.action) {
		case 'accounts.manage':
		case 'audit.read':
			return actor.role === 'administrator';
		case 'provider.edit':
			return actor.role === 'provider_editor' && actor.providerId === permission.providerId;
		case 'locality.report':
			return (
				actor.role === 'provider_editor' &&
				actor.providerId !== null &&
				actor.providerId === permission.locality.providerId
			);
		case 'inspection.report':
			return (
				actor.role === 'inspection_editor' &&
				actor.authorityId !== null &&
				actor.authorityId === permission.locality.authorityId
			);
	}
}
