import { describe, expect, it } from 'vitest';
import { distanceMetres, isInDenmark, sortByDistance } from '../../../src/lib/domain/geo/distance';
import { localityFeatureCollection } from '../../../src/lib/domain/geo/geojson';
import { parseNearQuery } from '../../../src/lib/domain/geo/near-query';
import { kommuneOutlines } from '../../../src/lib/domain/geo/outlines';
import { simplifyRing, utm32ToLatLon } from '../../../src/lib/domain/geo/utm';
import { wgs84ToUtm32 } from '../../../scripts/sample/geo';

describe('distances', () => {
	it('measures straight-line distance in metres', () => {
		// Aarhus Rådhus → Odense Rådhus is about 84 km as the crow flies.
		const d = distanceMetres({ lat: 56.1529, lon: 10.2039 }, { lat: 55.3959, lon: 10.3883 });
		expect(d).toBeGreaterThan(83_000);
		expect(d).toBeLessThan(86_000);
		expect(distanceMetres({ lat: 56, lon: 10 }, { lat: 56, lon: 10 })).toBe(0);
	});

	it('sorts nearest first with a tie-break', () => {
		const origin = { lat: 56, lon: 10 };
		const sorted = sortByDistance(
			origin,
			[
				{ name: 'b', lat: 56.1, lon: 10 },
				{ name: 'c', lat: 56.01, lon: 10 },
				{ name: 'a', lat: 56.1, lon: 10 },
			],
			(x, y) => x.name.localeCompare(y.name),
		);
		expect(sorted.map((item) => item.name)).toEqual(['c', 'a', 'b']);
		expect(sorted[0]!.distanceMetres).toBeCloseTo(1112, -1);
	});

	it('knows roughly where Denmark is', () => {
		expect(isInDenmark({ lat: 55.1, lon: 14.9 })).toBe(true);
		expect(isInDenmark({ lat: 0, lon: 0 })).toBe(false);
	});
});

describe('near-address input', () => {
	it('reads a postcode, with or without town', () => {
		expect(parseNearQuery('8000')).toEqual({ kind: 'postcode', postcode: '8000' });
		expect(parseNearQuery(' 8000 Aarhus C ')).toEqual({ kind: 'postcode', postcode: '8000' });
	});

	it('reads a street address and ignores floor, door and town', () => {
		const expected = {
			kind: 'address',
			streetName: 'Nørrevænget',
			houseNumber: '8A',
			postcode: '8200',
		};
		expect(parseNearQuery('Nørrevænget 8A, 8200 Aarhus N')).toEqual(expected);
		expect(parseNearQuery('Nørrevænget 8 a 8200')).toEqual(expected);
		expect(parseNearQuery('Nørrevænget 8A, 2. th., 8200 Aarhus N')).toEqual(expected);
		expect(parseNearQuery('Gl. Kongevej 42, 8230 Åbyhøj')).toMatchObject({
			streetName: 'Gl. Kongevej',
			houseNumber: '42',
		});
		expect(parseNearQuery('H.C. Andersens Boulevard 27, 1553 København V')).toMatchObject({
			streetName: 'H.C. Andersens Boulevard',
			postcode: '1553',
		});
	});

	it('explains what is missing', () => {
		expect(parseNearQuery('')).toEqual({ kind: 'invalid', reason: 'empty' });
		expect(parseNearQuery('Nørrevænget 8A')).toEqual({
			kind: 'invalid',
			reason: 'missing_postcode',
		});
		expect(parseNearQuery('Aarhus')).toEqual({ kind: 'invalid', reason: 'missing_house_number' });
		expect(parseNearQuery('x'.repeat(300))).toEqual({ kind: 'invalid', reason: 'too_long' });
	});
});

describe('GeoJSON and kommune outlines', () => {
	it('writes [lon, lat] points with links and skips points without a position', () => {
		const collection = localityFeatureCollection([
			{
				sorId: '1',
				name: 'A',
				lat: 56.123456789,
				lon: 10.987654321,
				address: 'x',
				providerName: 'P',
			},
			{ sorId: '2', name: 'B', lat: Number.NaN, lon: 10, address: 'y', providerName: 'P' },
		]);
		expect(collection.features).toHaveLength(1);
		expect(collection.features[0]).toEqual({
			type: 'Feature',
			geometry: { type: 'Point', coordinates: [10.98765, 56.12346] },
			properties: { sorId: '1', name: 'A', address: 'x', provider: 'P', url: '/sted/1' },
		});
	});

	it('projects UTM 32N back to WGS84 within centimetres of the forward projection', () => {
		for (const [lat, lon] of [
			[56.1529, 10.2039],
			[55.0, 8.1],
			[57.7, 10.6],
			[55.1, 14.9],
		] as const) {
			const { east, north } = wgs84ToUtm32(lat, lon);
			const back = utm32ToLatLon(east, north);
			expect(distanceMetres(back, { lat, lon })).toBeLessThan(0.05);
		}
	});

	it('simplifies rings and closes projected outlines', () => {
		const square = [0, 0, 500, 1, 1000, 0, 1000, 1000, 0, 1000, 0, 0];
		expect(simplifyRing(square, 10)).toEqual([0, 0, 1000, 0, 1000, 1000, 0, 1000, 0, 0]);
		const outlines = kommuneOutlines(
			{ '0751': [[[575000, 6223000, 576000, 6223000, 576000, 6224000]]] },
			10,
		);
		const ring = outlines.features[0]!.geometry.coordinates[0]![0]!;
		expect(ring[0]).toEqual(ring.at(-1));
	});
});
