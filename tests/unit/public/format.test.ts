import { describe, expect, it } from 'vitest';
import {
	emailHref,
	formatAddress,
	formatDate,
	formatDistance,
	formatPhone,
	formatWebsite,
	municipalityTitle,
	phoneHref,
	websiteHref,
} from '../../../src/lib/domain/format';
import { describeHistoryEvent } from '../../../src/lib/domain/public/history';
import { pageCount, pageWindow } from '../../../src/lib/domain/public/paging';

describe('Danish formatting', () => {
	it('formats dates, distances and addresses', () => {
		expect(formatDate('2026-11-24')).toBe('24. november 2026');
		expect(formatDistance(312)).toBe('310 m');
		expect(formatDistance(4)).toBe('10 m');
		expect(formatDistance(4_249)).toBe('4,2 km');
		expect(formatDistance(42_400)).toBe('42 km');
		expect(
			formatAddress({
				street: 'Nørregade',
				houseNumber: '12',
				floor: '2',
				door: 'th',
				postcode: '8000',
				district: 'Aarhus C',
			}),
		).toBe('Nørregade 12, 2. th, 8000 Aarhus C');
		expect(formatAddress({ street: null, houseNumber: null, postcode: null, district: null })).toBe(
			'Ingen adresse',
		);
	});

	it('links phone numbers, e-mail and websites only when they are what they claim', () => {
		expect(formatPhone('87131000')).toBe('87 13 10 00');
		expect(phoneHref('+45 87 13 10 00')).toBe('tel:+4587131000');
		expect(phoneHref('Besøg hjemmeside')).toBeNull();
		expect(emailHref('pleje@aarhus.dk')).toBe('mailto:pleje@aarhus.dk');
		expect(emailHref('Besøg hjemmeside')).toBeNull();
		expect(websiteHref('www.aarhus.dk')).toBe('https://www.aarhus.dk/');
		expect(websiteHref('javascript:alert(1)')).toBeNull();
		expect(websiteHref('ikke en adresse')).toBeNull();
		expect(formatWebsite('https://www.aarhus.dk/')).toBe('www.aarhus.dk');
	});

	it('names kommuner officially', () => {
		expect(municipalityTitle('0751', 'Aarhus')).toBe('Aarhus Kommune');
		expect(municipalityTitle('0101', 'København')).toBe('Københavns Kommune');
		expect(municipalityTitle('0400', 'Bornholm')).toBe('Bornholms Regionskommune');
	});
});

describe('SOR history in Danish', () => {
	const names = { unit: (id: string) => (id === '1' ? 'Område Nord' : null), type: () => null };

	it('describes changes old → new, moves, closing and reopening', () => {
		expect(
			describeHistoryEvent(
				{
					snapshotDate: '2026-11-24',
					kind: 'changed',
					details: {
						phone: ['87131000', '87131111'],
						visitingAddress: [
							null,
							{ street: 'Vej', houseNumber: '1', postcode: '8000', district: 'Aarhus C' },
						],
					},
				},
				names,
			),
		).toEqual({
			date: '24. november 2026',
			title: 'Ændret i SOR',
			changes: [
				{ field: 'Telefon', from: '87131000', to: '87131111' },
				{ field: 'Besøgsadresse', from: '(tom)', to: 'Vej 1, 8000 Aarhus C' },
			],
		});
		expect(
			describeHistoryEvent(
				{ snapshotDate: '2026-11-24', kind: 'moved', details: { parentSorId: ['1', '2'] } },
				names,
			).changes,
		).toEqual([{ field: 'Overordnet enhed', from: 'Område Nord', to: 'SOR-ID 2' }]);
		expect(
			describeHistoryEvent(
				{ snapshotDate: '2026-11-24', kind: 'closed', details: { reason: 'missing' } },
				names,
			).title,
		).toBe('Lukket: ikke længere med i SOR-udtrækket');
		expect(
			describeHistoryEvent({ snapshotDate: '2026-11-24', kind: 'reopened', details: {} }, names)
				.title,
		).toBe('Genåbnet i SOR');
	});
});

describe('paging', () => {
	it('reads a page number defensively', () => {
		expect(pageWindow('3', 20)).toEqual({ page: 3, pageSize: 20, offset: 40 });
		expect(pageWindow('-1').page).toBe(1);
		expect(pageWindow('abc').page).toBe(1);
		expect(pageWindow(null).page).toBe(1);
		expect(pageCount(0)).toBe(1);
		expect(pageCount(41, 20)).toBe(3);
	});
});
