/** Owner kinds the register distinguishes; everything else SOR has is 'andet'. */
export type OwnerKind = 'kommune' | 'privat' | 'region' | 'stat' | 'andet';

/** Names (as in SOR's classification list) that carry meaning for the register. */
export const LOCALITY_TYPE_NAME = 'helhedsplejeleverandørsted';
export const HOME_CARE_TYPE_NAME = 'hjemmeplejeenhed';
const OWNER_KIND_NAMES: Record<string, OwnerKind> = {
	kommune: 'kommune',
	privat: 'privat',
	region: 'region',
	stat: 'stat',
};

function normaliseName(name: string): string {
	return name.trim().toLocaleLowerCase('da-DK');
}

/**
 * Resolves SNOMED CT type codes through the classification list by name, so no business rule
 * compares against a literal code (the locality type's code is not yet published).
 */
export class Classifications {
	private readonly namesByCode: ReadonlyMap<string, string>;
	private readonly localityCodes: ReadonlySet<string>;
	private readonly homeCareCodes: ReadonlySet<string>;

	constructor(entries: Iterable<{ code: string; name: string }>) {
		const names = new Map<string, string>();
		for (const { code, name } of entries) names.set(code.trim(), name.trim());
		this.namesByCode = names;
		this.localityCodes = this.codesNamed(LOCALITY_TYPE_NAME);
		this.homeCareCodes = this.codesNamed(HOME_CARE_TYPE_NAME);
		if (this.localityCodes.size === 0) {
			throw new Error(
				`Klassifikationslisten mangler enhedstypen '${LOCALITY_TYPE_NAME}'; uden den kan registret ikke finde nogen helhedsplejeleverandørsteder.`,
			);
		}
	}

	/** The Danish name of a type code, or null when the list does not know it. */
	nameOf(code: string | null): string | null {
		return code === null ? null : (this.namesByCode.get(code) ?? null);
	}

	/** True when the code is the unit type helhedsplejeleverandørsted. */
	isLocalityType(code: string | null): boolean {
		return code !== null && this.localityCodes.has(code);
	}

	/** True when the code is the unit type hjemmeplejeenhed. */
	isHomeCareType(code: string | null): boolean {
		return code !== null && this.homeCareCodes.has(code);
	}

	/** The owner kind for an institution owner's type code. */
	ownerKind(code: string | null): OwnerKind {
		const name = this.nameOf(code);
		return (name && OWNER_KIND_NAMES[normaliseName(name)]) || 'andet';
	}

	/** All codes of the locality type (normally exactly one). */
	localityTypeCodes(): string[] {
		return [...this.localityCodes];
	}

	/** All codes of the home-care unit type. */
	homeCareTypeCodes(): string[] {
		return [...this.homeCareCodes];
	}

	private codesNamed(name: string): Set<string> {
		const wanted = normaliseName(name);
		const codes = new Set<string>();
		for (const [code, codeName] of this.namesByCode) {
			if (normaliseName(codeName) === wanted) codes.add(code);
		}
		return codes;
	}
}
