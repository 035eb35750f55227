/**
 * Geometry for the sample-data generator: WGS84/ETRS89 ↔ UTM zone 32N (EPSG:25832) and
 * point-in-polygon tests on kommune shapes.
 *
 * The projection uses Krüger's series for the transverse Mercator (as in Karney 2011, "Transverse
 * Mercator with an accuracy of a few nanometers", to 4th order in n), on the GRS80 ellipsoid that
 * ETRS89 uses. At Denmark's distance from the central meridian (at most about 6°, Bornholm) the
 * error is far below a millimetre. ETRS89 and WGS84 differ by well under a metre in Denmark and are
 * treated as the same datum here, as DAR/DAWA do.
 */

const A_AXIS = 6378137; // GRS80 semi-major axis (m)
const FLATTENING = 1 / 298.257222101; // GRS80
const K0 = 0.9996;
const FALSE_EASTING = 500000;
const LON0 = (9 * Math.PI) / 180; // zone 32 central meridian

const N = FLATTENING / (2 - FLATTENING);
const N2 = N * N;
const N3 = N2 * N;
const N4 = N3 * N;
const RECTIFYING_RADIUS = (A_AXIS / (1 + N)) * (1 + N2 / 4 + N4 / 64);
const ECC = (2 * Math.sqrt(N)) / (1 + N); // first eccentricity

const ALPHA = [
	N / 2 - (2 * N2) / 3 + (5 * N3) / 16 + (41 * N4) / 180,
	(13 * N2) / 48 - (3 * N3) / 5 + (557 * N4) / 1440,
	(61 * N3) / 240 - (103 * N4) / 140,
	(49561 * N4) / 161280,
];
const BETA = [
	N / 2 - (2 * N2) / 3 + (37 * N3) / 96 - N4 / 360,
	N2 / 48 + N3 / 15 - (437 * N4) / 1440,
	(17 * N3) / 480 - (37 * N4) / 840,
	(4397 * N4) / 161280,
];
const DELTA = [
	2 * N - (2 * N2) / 3 - 2 * N3 + (116 * N4) / 45,
	(7 * N2) / 3 - (8 * N3) / 5 - (227 * N4) / 45,
	(56 * N3) / 15 - (136 * N4) / 35,
	(4279 * N4) / 630,
];

export interface Utm {
	east: number;
	north: number;
}

export interface LatLon {
	lat: number;
	lon: number;
}

/** WGS84/ETRS89 geographic degrees → ETRS89 / UTM zone 32N metres (EPSG:25832). */
export function wgs84ToUtm32(lat: number, lon: number): Utm {
	const phi = (lat * Math.PI) / 180;
	const dLambda = (lon * Math.PI) / 180 - LON0;
	const sinPhi = Math.sin(phi);
	const t = Math.sinh(Math.atanh(sinPhi) - ECC * Math.atanh(ECC * sinPhi));
	const xiPrime = Math.atan2(t, Math.cos(dLambda));
	const etaPrime = Math.atanh(Math.sin(dLambda) / Math.sqrt(1 + t * t));
	let xi = xiPrime;
	let eta = etaPrime;
	for (let j = 1; j <= 4; j++) {
		const a = ALPHA[j - 1] as number;
		xi += a * Math.sin(2 * j * xiPrime) * Math.cosh(2 * j * etaPrime);
		eta += a * Math.cos(2 * j * xiPrime) * Math.sinh(2 * j * etaPrime);
	}
	return {
		east: FALSE_EASTING + K0 * RECTIFYING_RADIUS * eta,
		north: K0 * RECTIFYING_RADIUS * xi,
	};
}

/** ETRS89 / UTM zone 32N metres (EPSG:25832) → WGS84/ETRS89 geographic degrees. */
export function utm32ToWgs84(east: number, north: number): LatLon {
	const xi = north / (K0 * RECTIFYING_RADIUS);
	const eta = (east - FALSE_EASTING) / (K0 * RECTIFYING_RADIUS);
	let xiPrime = xi;
	let etaPrime = eta;
	for (let j = 1; j <= 4; j++) {
		const b = BETA[j - 1] as number;
		xiPrime -= b * Math.sin(2 * j * xi) * Math.cosh(2 * j * eta);
		etaPrime -= b * Math.cos(2 * j * xi) * Math.sinh(2 * j * eta);
	}
	const chi = Math.asin(Math.sin(xiPrime) / Math.cosh(etaPrime));
	let phi = chi;
	for (let j = 1; j <= 4; j++) phi += (DELTA[j - 1] as number) * Math.sin(2 * j * chi);
	const lambda = LON0 + Math.atan2(Math.sinh(etaPrime), Math.cos(xiPrime));
	return { lat: (phi * 180) / Math.PI, lon: (lambda * 180) / Math.PI };
}

/** A ring as a flat coordinate list `[x0, y0, x1, y1, …]`; closing point optional. */
export type Ring = number[];
/** A polygon: the outer ring first, then holes. */
export type Polygon = Ring[];

export interface Bbox {
	minX: number;
	minY: number;
	maxX: number;
	maxY: number;
}

export function ringBbox(ring: Ring): Bbox {
	let minX = Infinity;
	let minY = Infinity;
	let maxX = -Infinity;
	let maxY = -Infinity;
	for (let i = 0; i + 1 < ring.length; i += 2) {
		const x = ring[i] as number;
		const y = ring[i + 1] as number;
		if (x < minX) minX = x;
		if (x > maxX) maxX = x;
		if (y < minY) minY = y;
		if (y > maxY) maxY = y;
	}
	return { minX, minY, maxX, maxY };
}

/** Absolute area of a ring (shoelace formula), in the square of its unit. */
export function ringArea(ring: Ring): number {
	let sum = 0;
	const n = Math.floor(ring.length / 2);
	for (let i = 0; i < n; i++) {
		const j = (i + 1) % n;
		sum += (ring[2 * i] as number) * (ring[2 * j + 1] as number);
		sum -= (ring[2 * j] as number) * (ring[2 * i + 1] as number);
	}
	return Math.abs(sum) / 2;
}

/** Even-odd ray casting over all rings of one polygon (so holes are handled). */
export function pointInPolygon(x: number, y: number, polygon: Polygon): boolean {
	let inside = false;
	for (const ring of polygon) {
		const n = Math.floor(ring.length / 2);
		for (let i = 0, j = n - 1; i < n; j = i++) {
			const xi = ring[2 * i] as number;
			const yi = ring[2 * i + 1] as number;
			const xj = ring[2 * j] as number;
			const yj = ring[2 * j + 1] as number;
			if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
		}
	}
	return inside;
}

/** Distance from a point to the nearest edge of any ring of the polygon. */
export function distanceToBoundary(x: number, y: number, polygon: Polygon): number {
	let best = Infinity;
	for (const ring of polygon) {
		const n = Math.floor(ring.length / 2);
		for (let i = 0, j = n - 1; i < n; j = i++) {
			const ax = ring[2 * j] as number;
			const ay = ring[2 * j + 1] as number;
			const bx = ring[2 * i] as number;
			const by = ring[2 * i + 1] as number;
			const dx = bx - ax;
			const dy = by - ay;
			const len2 = dx * dx + dy * dy;
			let t = len2 === 0 ? 0 : ((x - ax) * dx + (y - ay) * dy) / len2;
			if (t < 0) t = 0;
			else if (t > 1) t = 1;
			const ex = ax + t * dx - x;
			const ey = ay + t * dy - y;
			const d2 = ex * ex + ey * ey;
			if (d2 < best) best = d2;
		}
	}
	return Math.sqrt(best);
}

/** A kommune's (simplified) area in UTM32 metres: one or more polygons (islands). */
export interface KommuneShape {
	code: string;
	polygons: { polygon: Polygon; bbox: Bbox; area: number }[];
}

export function makeKommuneShape(code: string, polygons: Polygon[]): KommuneShape {
	return {
		code,
		polygons: polygons.map((polygon) => {
			const outer = polygon[0] ?? [];
			const holes = polygon.slice(1).reduce((sum, ring) => sum + ringArea(ring), 0);
			return { polygon, bbox: ringBbox(outer), area: ringArea(outer) - holes };
		}),
	};
}

export function pointInKommune(east: number, north: number, shape: KommuneShape): boolean {
	return shape.polygons.some(
		({ polygon, bbox }) =>
			east >= bbox.minX &&
			east <= bbox.maxX &&
			north >= bbox.minY &&
			north <= bbox.maxY &&
			pointInPolygon(east, north, polygon),
	);
}

/** Distance from a point inside the kommune to the edge of the polygon that contains it. */
export function depthInKommune(east: number, north: number, shape: KommuneShape): number {
	for (const { polygon, bbox } of shape.polygons) {
		if (east < bbox.minX || east > bbox.maxX || north < bbox.minY || north > bbox.maxY) continue;
		if (pointInPolygon(east, north, polygon)) return distanceToBoundary(east, north, polygon);
	}
	return -1;
}

/**
 * Draws a uniformly distributed point inside the kommune, at least `marginMetres` from its
 * (simplified) boundary, by rejection sampling inside the bounding box of an area-weighted
 * polygon. The margin is larger than the simplification tolerance, so the point also lies inside
 * the unsimplified kommune. Coordinates are rounded to centimetres, as DAR writes them.
 */
export function randomPointInKommune(
	random: () => number,
	shape: KommuneShape,
	marginMetres: number,
): Utm {
	const totalArea = shape.polygons.reduce((sum, p) => sum + p.area, 0);
	let margin = marginMetres;
	for (let attempt = 0; attempt < 20000; attempt++) {
		// Small islands may have no room for the margin: relax it slowly rather than loop forever.
		if (attempt > 0 && attempt % 2000 === 0) margin /= 2;
		let r = random() * totalArea;
		let chosen = shape.polygons[shape.polygons.length - 1];
		for (const p of shape.polygons) {
			r -= p.area;
			if (r < 0) {
				chosen = p;
				break;
			}
		}
		if (!chosen) break;
		const { bbox, polygon } = chosen;
		const east = Math.round((bbox.minX + random() * (bbox.maxX - bbox.minX)) * 100) / 100;
		const north = Math.round((bbox.minY + random() * (bbox.maxY - bbox.minY)) * 100) / 100;
		if (!pointInPolygon(east, north, polygon)) continue;
		if (distanceToBoundary(east, north, polygon) < margin) continue;
		return { east, north };
	}
	throw new Error(`could not place a point inside kommune ${shape.code}`);
}
