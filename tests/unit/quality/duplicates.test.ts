import { describe, expect, it } from 'vitest';
import {
	distinctiveName,
	findProbableDuplicates,
	type DuplicateCandidate,
	type LocalityNeighbourhood,
} from '../../../src/lib/domain/quality/duplicates';

const unit = (
	sorId: string,
	name: string,
	firstFromDate = '2025-08-01',
	addressKey: string | null = 'vestvej|3|8200',
): DuplicateCandidate => ({ sorId, name, addressKey, firstFromDate });

const around = (
	locality: DuplicateCandidate,
	parentHomeCare: DuplicateCandidate | null,
	childHomeCare: DuplicateCandidate[] = [],
	ownerKey = 'kommune-0751',
): LocalityNeighbourhood => ({ locality, parentHomeCare, childHomeCare, ownerKey });

describe('distinctiveName', () => {
	it('sets aside generic words, punctuation and case', () => {
		expect(distinctiveName('Hjemmeplejen Vest - helhedsplejeleverandørsted')).toBe('vest');
		expect(distinctiveName('HELHEDSPLEJE VEST (dublet)')).toBe('vest');
		expect(distinctiveName('Team Vest 2')).toBe('team vest 2');
	});
});

describe('findProbableDuplicates', () => {
	it('flags a duplicate locality above the original home-care unit, naming the newest', () => {
		const [p, ...rest] = findProbableDuplicates([
			around(unit('L', 'Helhedspleje Vest'), null, [unit('H', 'Hjemmeplejen Vest', '2009-01-01')]),
		]);
		expect(rest).toEqual([]);
		expect(p).toMatchObject({ code: 'probable-duplicate', sorId: 'L', relatedSorId: 'H' });
		expect(p?.message).toContain('direkte under det');
		expect(p?.message).toMatch(/Senest oprettet er «Helhedspleje Vest» \(SOR-ID L, 2025-08-01\)/);
		expect(p?.action).toMatch(/FMK, DPSD og BSR/);
	});

	it('flags a duplicate locality beneath the original', () => {
		const found = findProbableDuplicates([
			around(
				unit('L', 'Hjemmeplejen Syd (helhedspleje)'),
				unit('H', 'Hjemmeplejen Syd', '2010-01-01'),
			),
		]);
		expect(found.map((p) => [p.sorId, p.relatedSorId])).toEqual([['L', 'H']]);
		expect(found[0]?.message).toContain('direkte over det');
	});

	it('does not flag teams and groups beneath a locality, nor a neighbour at another address', () => {
		expect(
			findProbableDuplicates([
				around(unit('L', 'Helhedspleje Nord'), null, [
					unit('T1', 'Team Nord 1'),
					unit('T2', 'Natgruppen Nord'),
				]),
				around(
					unit('M', 'Helhedspleje Vest'),
					unit('H', 'Hjemmeplejen Vest', '2009-01-01', 'other|1|8200'),
				),
			]),
		).toEqual([]);
	});

	it('flags two localities of the same owner that are the same place, but not across owners', () => {
		const found = findProbableDuplicates([
			around(unit('A', 'Helhedspleje Øst'), null),
			around(unit('B', 'Hjemmeplejen Øst'), null),
			around(unit('C', 'Helhedspleje Øst'), null, [], 'cvr-12345678'),
		]);
		expect(found.map((p) => [p.sorId, p.relatedSorId])).toEqual([['A', 'B']]);
		expect(found[0]?.message).toContain('kan ikke se, hvilken der er nyest');
	});
});
