import { simplifyRing, utm32ToLatLon, type FlatRing } from './utm';

/** Kommune polygons in UTM 32N metres: code → polygons → rings (flat coordinate lists). */
export type KommuneShapes = Record<string, FlatRing[][]>;

/** A GeoJSON collection of kommune outlines for a map without tiles. */
export interface OutlineCollection {
	type: 'FeatureCollection';
	features: {
		type: 'Feature';
		properties: { code: string };
		geometry: { type: 'MultiPolygon'; coordinates: [number, number][][][] };
	}[];
}

// 4 decimals of a degree is about 7 m: finer than the simplification.
const round = (value: number) => Math.round(value * 1e4) / 1e4;

/** Simplifies and projects kommune shapes to WGS84 GeoJSON ([lon, lat], rings closed). */
export function kommuneOutlines(shapes: KommuneShapes, toleranceMetres: number): OutlineCollection {
	return {
		type: 'FeatureCollection',
		features: Object.entries(shapes).map(([code, polygons]) => ({
			type: 'Feature',
			properties: { code },
			geometry: {
				type: 'MultiPolygon',
				coordinates: polygons.map((rings) =>
					rings.map((ring) => {
						const simple = simplifyRing(ring, toleranceMetres);
						const points: [number, number][] = [];
						for (let i = 0; i < simple.length; i += 2) {
							const { lat, lon } = utm32ToLatLon(simple[i]!, simple[i + 1]!);
							points.push([round(lon), round(lat)]);
						}
						const first = points[0];
						const last = points.at(-1);
						if (first && last && (first[0] !== last[0] || first[1] !== last[1])) points.push(first);
						return points;
					}),
				),
			},
		})),
	};
}
