import type { LatLon } from './distance';

// ETRS89 / UTM zone 32N (EPSG:25832): GRS80 ellipsoid, central meridian 9° E.
const A = 6_378_137;
const F = 1 / 298.257222101;
const K0 = 0.9996;
const FALSE_EASTING = 500_000;
const CENTRAL_MERIDIAN = (9 * Math.PI) / 180;
const E2 = F * (2 - F);
const EP2 = E2 / (1 - E2);
const E1 = (1 - Math.sqrt(1 - E2)) / (1 + Math.sqrt(1 - E2));

/**
 * ETRS89 / UTM 32N metres to WGS84 degrees (Snyder's series, well under a metre inside Denmark;
 * ETRS89 and WGS84 differ by less than a map marker).
 */
export function utm32ToLatLon(east: number, north: number): LatLon {
	const mu = north / K0 / (A * (1 - E2 / 4 - (3 * E2 ** 2) / 64 - (5 * E2 ** 3) / 256));
	const phi1 =
		mu +
		((3 * E1) / 2 - (27 * E1 ** 3) / 32) * Math.sin(2 * mu) +
		((21 * E1 ** 2) / 16 - (55 * E1 ** 4) / 32) * Math.sin(4 * mu) +
		((151 * E1 ** 3) / 96) * Math.sin(6 * mu) +
		((1097 * E1 ** 4) / 512) * Math.sin(8 * mu);
	const sin = Math.sin(phi1);
	const cos = Math.cos(phi1);
	const tan = Math.tan(phi1);
	const c1 = EP2 * cos ** 2;
	const t1 = tan ** 2;
	const n1 = A / Math.sqrt(1 - E2 * sin ** 2);
	const r1 = (A * (1 - E2)) / (1 - E2 * sin ** 2) ** 1.5;
	const d = (east - FALSE_EASTING) / (n1 * K0);
	const lat =
		phi1 -
		((n1 * tan) / r1) *
			(d ** 2 / 2 -
				((5 + 3 * t1 + 10 * c1 - 4 * c1 ** 2 - 9 * EP2) * d ** 4) / 24 +
				((61 + 90 * t1 + 298 * c1 + 45 * t1 ** 2 - 252 * EP2 - 3 * c1 ** 2) * d ** 6) / 720);
	const lon =
		CENTRAL_MERIDIAN +
		(d -
			((1 + 2 * t1 + c1) * d ** 3) / 6 +
			((5 - 2 * c1 + 28 * t1 - 3 * c1 ** 2 + 8 * EP2 + 24 * t1 ** 2) * d ** 5) / 120) /
			cos;
	return { lat: (lat * 180) / Math.PI, lon: (lon * 180) / Math.PI };
}

/** A ring as flat [x0, y0, x1, y1, …] in metres, as db/reference/kommune-shapes.json stores it. */
export type FlatRing = readonly number[];

function perpendicularDistance(
	px: number,
	py: number,
	ax: number,
	ay: number,
	bx: number,
	by: number,
): number {
	const dx = bx - ax;
	const dy = by - ay;
	const length = Math.hypot(dx, dy);
	if (length === 0) return Math.hypot(px - ax, py - ay);
	return Math.abs(dy * px - dx * py + bx * ay - by * ax) / length;
}

/** Douglas–Peucker simplification of a closed ring in metres; keeps at least four points. */
export function simplifyRing(ring: FlatRing, toleranceMetres: number): number[] {
	const count = ring.length / 2;
	if (count <= 4) return [...ring];
	const keep = new Uint8Array(count);
	keep[0] = 1;
	keep[count - 1] = 1;
	const stack: [number, number][] = [[0, count - 1]];
	while (stack.length > 0) {
		const [first, last] = stack.pop()!;
		let worst = -1;
		let worstDistance = toleranceMetres;
		for (let i = first + 1; i < last; i++) {
			const distance = perpendicularDistance(
				ring[2 * i]!,
				ring[2 * i + 1]!,
				ring[2 * first]!,
				ring[2 * first + 1]!,
				ring[2 * last]!,
				ring[2 * last + 1]!,
			);
			if (distance > worstDistance) {
				worst = i;
				worstDistance = distance;
			}
		}
		if (worst !== -1) {
			keep[worst] = 1;
			stack.push([first, worst], [worst, last]);
		}
	}
	const out: number[] = [];
	for (let i = 0; i < count; i++) if (keep[i]) out.push(ring[2 * i]!, ring[2 * i + 1]!);
	return out.length / 2 >= 4 ? out : [...ring];
}
