/** The three editor roles (issue 5): what an account may do is its role plus its scope. */
export type Role = 'administrator' | 'provider_editor' | 'inspection_editor';

/** All roles, for validation of CLI and form input. */
export const ROLES: readonly Role[] = ['administrator', 'provider_editor', 'inspection_editor'];

/** Danish names of the roles for the editor pages. */
export const ROLE_LABELS: Record<Role, string> = {
	administrator: 'Administrator',
	provider_editor: 'Redaktør for leverandør',
	inspection_editor: 'Redaktør for Ældretilsynet',
};

/** The logged-in person as every permission check sees them. */
export interface Actor {
	id: number;
	email: string;
	name: string;
	role: Role;
	/** Set for provider editors only: the aggregate provider (`kommune-0751`, `cvr-…`). */
	providerId: string | null;
	/** Set for inspection editors only: the Ældretilsyn authority. */
	authorityId: string | null;
}
