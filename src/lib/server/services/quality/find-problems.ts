import { accessAddressKey } from '../../../domain/address/address-key';
import { checkContact } from '../../../domain/quality/contact-checks';
import {
	findProbableDuplicates,
	type DuplicateCandidate,
	type LocalityNeighbourhood,
} from '../../../domain/quality/duplicates';
import { problem, type Problem } from '../../../domain/quality/problem';
import type { Classifications } from '../../../domain/sor/classification';
import type { OwnedProblem } from '../../repositories/data-problem-repository';
import type { NeighbourUnit, RegisterRepository } from '../../repositories/register-repository';
import type { SorEntityRepository } from '../../repositories/sor-entity-repository';
import { resolveOwner } from '../sor-import/owner-identity';

const ADDRESS_PROBLEMS = {
	missing: 'visiting-address-missing',
	not_found: 'visiting-address-not-in-dar',
	retired: 'visiting-address-retired',
	pending: 'visiting-address-awaiting-validation',
} as const;

function label(entity: NeighbourUnit): string {
	return `«${entity.name}» (SOR-ID ${entity.sorId})`;
}

function addressText(entity: NeighbourUnit): string {
	const a = entity.visitingAddress;
	if (!a) return 'ingen';
	return [
		[a.street, a.houseNumber].filter(Boolean).join(' '),
		[a.postcode, a.district].filter(Boolean).join(' '),
	]
		.filter(Boolean)
		.join(', ');
}

/**
 * Every open transfer problem in the register after a run: address and contact checks per active
 * locality, probable duplicate units, kommuner not yet migrated, and records SOR rejected.
 */
export function findProblems(input: {
	register: RegisterRepository;
	entities: SorEntityRepository;
	classifications: Classifications;
	municipalityCodeByName: ReadonlyMap<string, string>;
	rejections: { sorId: string | null; ownerSorId: string | null; reason: string }[];
}): OwnedProblem[] {
	const { register, entities, classifications } = input;
	const found: OwnedProblem[] = [];
	const owned = (ownerKey: string, problems: Problem[]) =>
		problems.forEach((p) => found.push({ ...p, ownerKey }));

	const neighbourhoods: LocalityNeighbourhood[] = [];
	const ownerKeyByLocality = new Map<string, string>();
	const ownersWithLocalities = new Set<string>();
	// Two set queries instead of three lookups per locality.
	const homeCareChildren = register.activeChildrenOfActiveLocalities(
		classifications.homeCareTypeCodes(),
	);
	const candidate = (unit: NeighbourUnit): DuplicateCandidate => ({
		sorId: unit.sorId,
		name: unit.name,
		addressKey: accessAddressKey(unit.visitingAddress),
		firstFromDate: unit.firstFromDate,
	});
	for (const entity of register.activeLocalityProfiles()) {
		ownersWithLocalities.add(entity.ownerSorId);
		if (entity.addressStatus !== 'valid') {
			const code = ADDRESS_PROBLEMS[entity.addressStatus];
			const detail =
				entity.addressStatus === 'missing'
					? `${label(entity)} har ingen fuldstændig besøgsadresse (vejnavn og husnummer) i SOR (fundet: ${addressText(entity)}).`
					: entity.addressStatus === 'pending'
						? `Besøgsadressen for ${label(entity)}, ${addressText(entity)}, er ny eller ændret og afventer adressevalidering.`
						: `Besøgsadressen for ${label(entity)}, ${addressText(entity)}, ${entity.addressStatus === 'retired' ? 'er nedlagt' : 'findes ikke'} i Danmarks Adresseregister.`;
			owned(entity.providerId, [problem(code, entity.sorId, detail)]);
		}
		owned(
			entity.providerId,
			checkContact({
				sorId: entity.sorId,
				name: entity.name,
				phone: entity.phone,
				email: entity.email,
				website: entity.website,
				hasPostalAddress: entity.hasPostalAddress,
			}),
		);
		const parent = entity.parent;
		ownerKeyByLocality.set(entity.sorId, entity.providerId);
		neighbourhoods.push({
			locality: candidate(entity),
			ownerKey: entity.providerId,
			parentHomeCare:
				parent &&
				parent.status === 'active' &&
				classifications.isHomeCareType(parent.entityTypeCode)
					? candidate(parent)
					: null,
			childHomeCare: (homeCareChildren.get(entity.sorId) ?? []).map(candidate),
		});
	}
	for (const p of findProbableDuplicates(neighbourhoods)) {
		// The first locality with this SOR-ID, as a search of `neighbourhoods` would find.
		const owner = p.sorId === null ? undefined : ownerKeyByLocality.get(p.sorId);
		if (owner) found.push({ ...p, ownerKey: owner });
	}

	for (const ownerSorId of entities.ownersWithActiveType(classifications.homeCareTypeCodes())) {
		if (ownersWithLocalities.has(ownerSorId)) continue;
		const owner = entities.owner(ownerSorId);
		if (!owner || classifications.ownerKind(owner.entityTypeCode) !== 'kommune') continue;
		const resolved = resolveOwner(owner, classifications, input.municipalityCodeByName);
		found.push({
			...problem(
				'owner-without-localities',
				owner.sorId,
				`${owner.name} har hjemmeplejeenheder i SOR, men endnu ingen enhed af typen helhedsplejeleverandørsted. Kommunens helhedspleje vises derfor ikke i Plejeoverblik.`,
			),
			ownerKey: resolved.key,
		});
	}

	for (const rejection of input.rejections) {
		if (!rejection.ownerSorId) continue;
		const owner = entities.owner(rejection.ownerSorId);
		if (!owner) continue;
		// Only owners the register reports to: kommuner, and private owners with localities.
		const ownerKind = classifications.ownerKind(owner.entityTypeCode);
		if (ownerKind !== 'kommune' && !ownersWithLocalities.has(owner.sorId)) continue;
		found.push({
			...problem(
				'sor-record-rejected',
				rejection.sorId,
				`Registret kunne ikke læse SOR-enheden ${rejection.sorId ?? '(uden SOR-ID)'}: ${rejection.reason}.`,
			),
			ownerKey: resolveOwner(owner, classifications, input.municipalityCodeByName).key,
		});
	}
	return found;
}
