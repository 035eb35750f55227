import type { Classifications } from '../../../domain/sor/classification';
import {
	providerIdFor,
	providerKindFor,
	type OwnerIdentity,
} from '../../../domain/register/provider-identity';
import type { OwnerFacts } from '../../repositories/sor-entity-repository';

/** Lower-cased kommune name without "kommune" and genitive s, for matching owner names. */
export function municipalityNameKey(name: string): string {
	return name
		.toLocaleLowerCase('da-DK')
		.replace(/\bkommune\b/g, '')
		.replace(/s\s*$/u, '')
		.replace(/\s+/g, ' ')
		.trim();
}

/** An owner as the register names it: identity, provider key and user-facing kind. */
export interface ResolvedOwner extends OwnerIdentity {
	key: string;
	providerKind: 'kommune' | 'privat' | 'andet';
	name: string;
}

/**
 * Resolves an institution owner: a kommune by the kommunekode on its postal address (or, failing
 * that, by its name), a private owner by CVR.
 */
export function resolveOwner(
	owner: OwnerFacts,
	classifications: Classifications,
	municipalityCodeByName: ReadonlyMap<string, string>,
): ResolvedOwner {
	const kind = classifications.ownerKind(owner.entityTypeCode);
	const municipalityCode =
		kind === 'kommune'
			? (owner.postalAddress?.municipalityCode ??
				municipalityCodeByName.get(municipalityNameKey(owner.name)) ??
				null)
			: null;
	const identity = { sorId: owner.sorId, kind, municipalityCode, cvr: owner.cvr };
	return {
		...identity,
		key: providerIdFor(identity),
		providerKind: providerKindFor(kind),
		name: owner.name,
	};
}
