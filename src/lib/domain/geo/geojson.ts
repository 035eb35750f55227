/** One locality as the map shows it. */
export interface MapPoint {
	sorId: string;
	name: string;
	lat: number;
	lon: number;
	/** One line: visiting address. */
	address: string;
	providerName: string;
}

/** A GeoJSON point feature for one locality. Coordinates are [lon, lat] as RFC 7946 requires. */
export interface LocalityFeature {
	type: 'Feature';
	geometry: { type: 'Point'; coordinates: [number, number] };
	properties: { sorId: string; name: string; address: string; provider: string; url: string };
}

/** A GeoJSON feature collection of localities. */
export interface LocalityFeatureCollection {
	type: 'FeatureCollection';
	features: LocalityFeature[];
}

// ~1 m precision is plenty for a map marker and keeps the payload small.
const round = (value: number) => Math.round(value * 1e5) / 1e5;

/** Builds the map's GeoJSON from locality points; points without a finite position are skipped. */
export function localityFeatureCollection(points: readonly MapPoint[]): LocalityFeatureCollection {
	return {
		type: 'FeatureCollection',
		features: points
			.filter((point) => Number.isFinite(point.lat) && Number.isFinite(point.lon))
			.map((point) => ({
				type: 'Feature',
				geometry: { type: 'Point', coordinates: [round(point.lon), round(point.lat)] },
				properties: {
					sorId: point.sorId,
					name: point.name,
					address: point.address,
					provider: point.providerName,
					url: `/sted/${point.sorId}`,
				},
			})),
	};
}
