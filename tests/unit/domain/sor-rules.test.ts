import { describe, expect, it } from 'vitest';
import { checkMassClose } from '../../../src/lib/domain/register/mass-close-guard';
import { providerIdFor } from '../../../src/lib/domain/register/provider-identity';
import { Classifications } from '../../../src/lib/domain/sor/classification';
import { diffEntity } from '../../../src/lib/domain/sor/entity-diff';
import { entityStatus } from '../../../src/lib/domain/sor/status';

describe('entityStatus', () => {
	it('is active from FirstFromDate through ToDate inclusive', () => {
		expect(entityStatus({ firstFromDate: '2025-01-01', toDate: null }, '2025-01-01')).toBe(
			'active',
		);
		expect(entityStatus({ firstFromDate: '2025-01-02', toDate: null }, '2025-01-01')).toBe(
			'future',
		);
		expect(entityStatus({ firstFromDate: '2020-01-01', toDate: '2025-01-01' }, '2025-01-01')).toBe(
			'active',
		);
		expect(entityStatus({ firstFromDate: '2020-01-01', toDate: '2024-12-31' }, '2025-01-01')).toBe(
			'closed',
		);
	});
});

describe('Classifications', () => {
	const list = new Classifications([
		{ code: '1', name: 'Helhedsplejeleverandørsted' },
		{ code: '2', name: 'hjemmeplejeenhed' },
		{ code: '3', name: 'kommune' },
		{ code: '4', name: 'privat' },
	]);

	it('finds the register types by name, not by code', () => {
		expect(list.isLocalityType('1')).toBe(true);
		expect(list.isHomeCareType('2')).toBe(true);
		expect(list.ownerKind('3')).toBe('kommune');
		expect(list.ownerKind('4')).toBe('privat');
		expect(list.ownerKind('99')).toBe('andet');
	});

	it('refuses a list without the locality type', () => {
		expect(() => new Classifications([{ code: '2', name: 'hjemmeplejeenhed' }])).toThrow(
			/helhedsplejeleverandørsted/,
		);
	});
});

describe('diffEntity', () => {
	const base = {
		name: 'A',
		entityTypeCode: '1',
		cvr: null,
		postalAddress: null,
		visitingAddress: null,
		phone: '1',
		email: null,
		website: null,
		eanLocationCode: null,
		firstFromDate: '2020-01-01',
		fromDate: null,
		toDate: null,
		updatedAt: null,
		replaces: [],
		replacedBy: [],
		parentSorId: 'P',
	};

	it('lists changed fields old → new and moves separately', () => {
		expect(diffEntity(base, { ...base, phone: '2', parentSorId: 'Q' })).toEqual({
			changes: { phone: ['1', '2'] },
			move: ['P', 'Q'],
		});
	});
});

describe('providerIdFor', () => {
	it('keys kommuner by kommunekode and private owners by CVR', () => {
		expect(
			providerIdFor({ sorId: 's', kind: 'kommune', municipalityCode: '0751', cvr: '29189404' }),
		).toBe('kommune-0751');
		expect(
			providerIdFor({ sorId: 's', kind: 'privat', municipalityCode: null, cvr: '12345678' }),
		).toBe('cvr-12345678');
		expect(providerIdFor({ sorId: 's', kind: 'privat', municipalityCode: null, cvr: null })).toBe(
			'sor-s',
		);
	});
});

describe('checkMassClose', () => {
	it('refuses more than the threshold unless allowed', () => {
		expect(
			checkMassClose({ activeBefore: 100, closing: 10, threshold: 0.1, allowMassClose: false })
				.allowed,
		).toBe(true);
		const refused = checkMassClose({
			activeBefore: 100,
			closing: 11,
			threshold: 0.1,
			allowMassClose: false,
		});
		expect(refused.allowed).toBe(false);
		expect(
			checkMassClose({ activeBefore: 100, closing: 50, threshold: 0.1, allowMassClose: true })
				.allowed,
		).toBe(true);
	});
});
