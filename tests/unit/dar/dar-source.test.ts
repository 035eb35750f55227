import { describe, expect, it } from 'vitest';
import {
	darStatusFromCode,
	DarUnavailableError,
	isValidDarStatus,
	statusRank,
} from '../../../src/lib/server/dar/dar-source';

describe('DAR statuses', () => {
	it('maps DAWA status codes 1-4', () => {
		expect([1, 2, 3, 4].map(darStatusFromCode)).toEqual([
			'gældende',
			'nedlagt',
			'foreløbig',
			'henlagt',
		]);
		expect(darStatusFromCode(5)).toBeNull();
	});

	it('counts gældende and foreløbig as valid, nedlagt and henlagt not', () => {
		expect(isValidDarStatus('gældende')).toBe(true);
		expect(isValidDarStatus('foreløbig')).toBe(true);
		expect(isValidDarStatus('nedlagt')).toBe(false);
		expect(isValidDarStatus('henlagt')).toBe(false);
		expect(isValidDarStatus(null)).toBe(false);
	});

	it('ranks valid before retired', () => {
		const ranked = (['henlagt', 'nedlagt', 'foreløbig', 'gældende'] as const)
			.slice()
			.sort((a, b) => statusRank(a) - statusRank(b));
		expect(ranked).toEqual(['gældende', 'foreløbig', 'nedlagt', 'henlagt']);
	});

	it('names its error so callers can tell an outage from "no such address"', () => {
		const error = new DarUnavailableError('nede');
		expect(error).toBeInstanceOf(Error);
		expect(error.name).toBe('DarUnavailableError');
	});
});
