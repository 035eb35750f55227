import { describe, expect, it } from 'vitest';
import { can, type LocalityScope, type Permission } from '../../../src/lib/domain/auth/policy';
import type { Actor } from '../../../src/lib/domain/auth/roles';

const actor = (role: Actor['role'], scope: Partial<Actor> = {}): Actor => ({
	id: 1,
	email: 'x@example.dk',
	name: 'X',
	role,
	providerId: null,
	authorityId: null,
	...scope,
});

const admin = actor('administrator');
const editor = actor('provider_editor', { providerId: 'kommune-0751' });
const inspector = actor('inspection_editor', { authorityId: 'tilsyn-midt' });
const own: LocalityScope = { providerId: 'kommune-0751', authorityId: 'tilsyn-midt' };
const other: LocalityScope = { providerId: 'kommune-0727', authorityId: 'tilsyn-syd' };

// Every role × action × own scope / other scope / anonymous.
const matrix: [string, Permission, Permission, Record<string, [boolean, boolean]>][] = [
	[
		'accounts.manage',
		{ action: 'accounts.manage' },
		{ action: 'accounts.manage' },
		{ admin: [true, true], editor: [false, false], inspector: [false, false] },
	],
	[
		'audit.read',
		{ action: 'audit.read' },
		{ action: 'audit.read' },
		{ admin: [true, true], editor: [false, false], inspector: [false, false] },
	],
	[
		'provider.edit',
		{ action: 'provider.edit', providerId: 'kommune-0751' },
		{ action: 'provider.edit', providerId: 'kommune-0727' },
		{ admin: [false, false], editor: [true, false], inspector: [false, false] },
	],
	[
		'locality.report',
		{ action: 'locality.report', locality: own },
		{ action: 'locality.report', locality: other },
		{ admin: [false, false], editor: [true, false], inspector: [false, false] },
	],
	[
		'inspection.report',
		{ action: 'inspection.report', locality: own },
		{ action: 'inspection.report', locality: other },
		{ admin: [false, false], editor: [false, false], inspector: [true, false] },
	],
];

describe('authorisation policy', () => {
	const actors = { admin, editor, inspector };
	for (const [name, ownPermission, otherPermission, expected] of matrix) {
		for (const [who, [inOwn, inOther]] of Object.entries(expected)) {
			it(`${who} × ${name}: own scope ${inOwn ? 'allowed' : 'refused'}, other scope ${inOther ? 'allowed' : 'refused'}`, () => {
				const a = actors[who as keyof typeof actors];
				expect(can(a, ownPermission)).toBe(inOwn);
				expect(can(a, otherPermission)).toBe(inOther);
			});
		}
		it(`anonymous × ${name}: refused`, () => {
			expect(can(null, ownPermission)).toBe(false);
			expect(can(null, otherPermission)).toBe(false);
		});
	}

	it('refuses an inspection editor for a locality whose authority is unknown', () => {
		expect(
			can(inspector, {
				action: 'inspection.report',
				locality: { providerId: 'x', authorityId: null },
			}),
		).toBe(false);
	});

	it('refuses editors without a scope', () => {
		const unscoped = actor('provider_editor');
		expect(can(unscoped, { action: 'provider.edit', providerId: '' })).toBe(false);
		expect(
			can(actor('inspection_editor'), {
				action: 'inspection.report',
				locality: { providerId: 'x', authorityId: null },
			}),
		).toBe(false);
	});
});
