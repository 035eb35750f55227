import type { OwnerKind } from '../sor/classification';

/** What the register knows about an owner when it names the owner's aggregate provider. */
export interface OwnerIdentity {
	sorId: string;
	kind: OwnerKind;
	municipalityCode: string | null;
	cvr: string | null;
}

/**
 * The stable id of an owner's aggregate provider: a kommune by its kommunekode, a private owner by
 * its CVR, so the provider survives a new SOR-ID for the same owner.
 */
export function providerIdFor(owner: OwnerIdentity): string {
	if (owner.kind === 'kommune' && owner.municipalityCode)
		return `kommune-${owner.municipalityCode}`;
	if (owner.cvr) return `cvr-${owner.cvr}`;
	return `sor-${owner.sorId}`;
}

/** The provider kind shown to users: kommunal, privat, or another public owner. */
export function providerKindFor(kind: OwnerKind): 'kommune' | 'privat' | 'andet' {
	return kind === 'kommune' || kind === 'privat' ? kind : 'andet';
}
