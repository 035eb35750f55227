import { problem, type Problem } from './problem';

// Words that say what kind of unit it is, not which one: "Hjemmeplejen Vest" and
// "Helhedspleje Vest - leverandørsted" name the same place.
const GENERIC_WORDS = new Set([
	'helhedspleje',
	'helhedsplejen',
	'hjemmepleje',
	'hjemmeplejen',
	'helhedsplejeleverandørsted',
	'helhedsplejeleverandør',
	'leverandørsted',
	'leverandør',
	'enhed',
	'enheden',
	'dublet',
	'dubletenhed',
	'ny',
	'sted',
]);

/** A name reduced to the words that identify the place (case, punctuation and generic words removed). */
export function distinctiveName(name: string): string {
	return name
		.toLocaleLowerCase('da-DK')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.split(' ')
		.filter((word) => word !== '' && !GENERIC_WORDS.has(word))
		.join(' ');
}

/** A unit as the duplicate check sees it. */
export interface DuplicateCandidate {
	sorId: string;
	name: string;
	/** DAR id of the visiting address, or a normalised address text when DAR could not tell. */
	addressKey: string | null;
	firstFromDate: string;
}

/** A locality with its direct SOR neighbours of the home-care type. */
export interface LocalityNeighbourhood {
	locality: DuplicateCandidate;
	ownerKey: string;
	parentHomeCare: DuplicateCandidate | null;
	childHomeCare: DuplicateCandidate[];
}

function sameUnit(a: DuplicateCandidate, b: DuplicateCandidate): boolean {
	return (
		a.addressKey !== null &&
		a.addressKey === b.addressKey &&
		distinctiveName(a.name) === distinctiveName(b.name)
	);
}

function describeNewest(a: DuplicateCandidate, b: DuplicateCandidate): string {
	if (a.firstFromDate === b.firstFromDate) {
		return `Begge er oprettet ${a.firstFromDate}, så registret kan ikke se, hvilken der er nyest.`;
	}
	const [newer, older] = a.firstFromDate > b.firstFromDate ? [a, b] : [b, a];
	return `Senest oprettet er «${newer.name}» (SOR-ID ${newer.sorId}, ${newer.firstFromDate}); «${older.name}» (SOR-ID ${older.sorId}) er fra ${older.firstFromDate}.`;
}

/**
 * Finds probable duplicate units (the guidance's side road b): a locality with a home-care unit
 * directly above or beneath it at the same address and with essentially the same name, and two
 * localities of one owner that are the same. Teams and groups beneath a locality have names of
 * their own and are not flagged.
 */
export function findProbableDuplicates(neighbourhoods: LocalityNeighbourhood[]): Problem[] {
	const found: Problem[] = [];
	for (const { locality, parentHomeCare, childHomeCare } of neighbourhoods) {
		const pairs: [DuplicateCandidate, string][] = [];
		if (parentHomeCare && sameUnit(locality, parentHomeCare)) pairs.push([parentHomeCare, 'over']);
		for (const child of childHomeCare) if (sameUnit(locality, child)) pairs.push([child, 'under']);
		for (const [other, position] of pairs) {
			found.push(
				problem(
					'probable-duplicate',
					locality.sorId,
					`Helhedsplejeleverandørstedet «${locality.name}» (SOR-ID ${locality.sorId}) ligner en dublet af hjemmeplejeenheden «${other.name}» (SOR-ID ${other.sorId}) direkte ${position === 'over' ? 'over' : 'under'} det, med samme besøgsadresse. ${describeNewest(locality, other)}`,
					other.sorId,
				),
			);
		}
	}
	// Group by owner + address + distinctive name, so only real matches are compared.
	const groups = new Map<string, DuplicateCandidate[]>();
	for (const { ownerKey, locality } of neighbourhoods) {
		if (locality.addressKey === null) continue;
		const key = [ownerKey, locality.addressKey, distinctiveName(locality.name)].join('|');
		groups.set(key, [...(groups.get(key) ?? []), locality]);
	}
	for (const group of groups.values()) {
		const sorted = [...group].sort((a, b) => a.sorId.localeCompare(b.sorId));
		for (let i = 0; i < sorted.length; i++) {
			for (let j = i + 1; j < sorted.length; j++) {
				const [a, b] = [sorted[i]!, sorted[j]!];
				found.push(
					problem(
						'probable-duplicate',
						a.sorId,
						`De to helhedsplejeleverandørsteder «${a.name}» (SOR-ID ${a.sorId}) og «${b.name}» (SOR-ID ${b.sorId}) har samme besøgsadresse og reelt samme navn. ${describeNewest(a, b)}`,
						b.sorId,
					),
				);
			}
		}
	}
	return found;
}
