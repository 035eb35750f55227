import { describe, expect, it } from 'vitest';
import {
	localitiesCsv,
	localitiesGeoJson,
	providersCsv,
} from '../../../src/lib/domain/open-data/downloads';
import type { LocalityItem, ProviderItem } from '../../../src/lib/domain/open-data/schemas';
import { readCsv } from './helpers';

const NAMES = [
	'Helhedspleje Nord',
	'Plejen "Æblehaven", Øster Allé',
	'Hjemmeplejen\nÅbyhøj, afd. "B"',
	'Komma, semikolon; og "citat"',
	'=2+3 (ikke en formel)',
];

function locality(sorId: string, name: string, lat: number | null = 56.1): LocalityItem {
	const address = {
		street: 'Åbyvej',
		houseNumber: '12',
		floor: null,
		door: null,
		postcode: '8230',
		district: 'Åbyhøj',
		text: 'Åbyvej 12, 8230 Åbyhøj',
	};
	return {
		sorId,
		name,
		status: 'active',
		closedSince: null,
		published: true,
		addressStatus: 'valid',
		provider: { id: 'cvr-12345678', name: 'Omsorg & Co. ApS', ownerType: 'privat' },
		cvr: '12345678',
		visitingAddress: address,
		postalAddress: null,
		darAddressId: '0a3f50a0-0000-32b8-e044-0003ba298018',
		position: lat === null ? null : { lat, lon: 10.1234567 },
		locationMunicipality: { code: '0751', name: 'Aarhus' },
		authority: { id: 'midt', name: 'Ældretilsyn Midt', provisional: true },
		contact: { phone: '87131000', email: 'a@b.dk', website: null },
		firstFromDate: '2020-01-01',
		firstRegistered: '2026-11-24',
		modified: '2026-11-24',
		links: {
			self: `/api/v1/localities/${sorId}`,
			html: `/sted/${sorId}`,
			atom: `/api/v1/feeds/localities/${sorId}.atom`,
			inspections: '',
			surveys: '',
			staffReports: '',
		},
	};
}

describe('CSV downloads', () => {
	it('round-trip names with æøå, commas, quotes and newlines (RFC 4180, UTF-8 BOM)', () => {
		const items = NAMES.map((name, i) => locality(String(i + 1), name));
		const csv = localitiesCsv(items);
		expect(csv).toContain('\r\n');
		const rows = readCsv(csv);
		expect(rows.map((r) => r.name)).toEqual(NAMES);
		expect(rows[1]).toMatchObject({
			sorId: '2',
			providerName: 'Omsorg & Co. ApS',
			visitingDistrict: 'Åbyhøj',
			cvr: '12345678',
			lat: '56.1',
			authorityName: 'Ældretilsyn Midt',
			published: 'true',
			website: '',
		});
	});

	it('writes list fields as space-separated codes', () => {
		const provider: ProviderItem = {
			id: 'cvr-12345678',
			name: 'Omsorg, "Co"',
			ownerType: 'privat',
			cvr: '12345678',
			municipality: null,
			ownerSorId: '1',
			created: '2026-11-24',
			modified: '2026-11-24',
			localities: { shown: 2, heldBack: 0, closed: 1 },
			locationMunicipalities: [
				{ code: '0746', name: 'Skanderborg' },
				{ code: '0751', name: 'Aarhus' },
			],
			links: { self: '', html: '', localities: '', atom: '' },
		};
		expect(readCsv(providersCsv([provider]))[0]).toMatchObject({
			name: 'Omsorg, "Co"',
			locationMunicipalityCodes: '0746 0751',
			localitiesClosed: '1',
		});
	});
});

describe('GeoJSON download', () => {
	it('has [lon, lat] points with ids and skips localities without a position', () => {
		const collection = localitiesGeoJson([locality('1', 'A'), locality('2', 'B', null)]);
		expect(collection.type).toBe('FeatureCollection');
		expect(collection.features).toHaveLength(1);
		expect(collection.features[0]).toMatchObject({
			type: 'Feature',
			id: '1',
			geometry: { type: 'Point', coordinates: [10.123457, 56.1] },
			properties: { sorId: '1', name: 'A', url: '/sted/1', ownerType: 'privat' },
		});
	});
});
