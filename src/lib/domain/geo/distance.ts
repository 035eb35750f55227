/** A WGS84 position in degrees. */
export interface LatLon {
	lat: number;
	lon: number;
}

const EARTH_RADIUS_METRES = 6_371_008.8;
const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

/** Straight-line (great-circle, haversine) distance in metres between two positions. */
export function distanceMetres(a: LatLon, b: LatLon): number {
	const dLat = toRadians(b.lat - a.lat);
	const dLon = toRadians(b.lon - a.lon);
	const h =
		Math.sin(dLat / 2) ** 2 +
		Math.cos(toRadians(a.lat)) * Math.cos(toRadians(b.lat)) * Math.sin(dLon / 2) ** 2;
	return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The items with their distance from `origin`, nearest first (ties by `tieBreak`). */
export function sortByDistance<T extends LatLon>(
	origin: LatLon,
	items: readonly T[],
	tieBreak: (a: T, b: T) => number = () => 0,
): (T & { distanceMetres: number })[] {
	return items
		.map((item) => ({ ...item, distanceMetres: distanceMetres(origin, item) }))
		.sort((a, b) => a.distanceMetres - b.distanceMetres || tieBreak(a, b));
}

/** True for a position inside a generous box around Denmark (incl. Bornholm and Skagen). */
export function isInDenmark(position: LatLon): boolean {
	return position.lat > 54.4 && position.lat < 57.9 && position.lon > 7.9 && position.lon < 15.3;
}
