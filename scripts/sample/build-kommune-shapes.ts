/**
 * One-off developer tool: derives `db/reference/kommune-shapes.json` (simplified kommune polygons in
 * ETRS89 / UTM 32N integer metres) from a WGS84 kommune GeoJSON whose features carry `lau_1`
 * (kommunekode without leading zero), e.g. magnuslarsen/geoJSON-Danish-Municipalities.
 *
 *   npx tsx scripts/sample/build-kommune-shapes.ts <kommuner.geojson> [out.json] [--tolerance 40]
 *
 * Rings are simplified with Douglas–Peucker (distance to segment) and islands below
 * MIN_ISLAND_M2 are dropped unless they are a kommune's only land. The sample generator keeps its
 * points further than the tolerance from the simplified boundary, so they also lie inside the
 * original polygons. The generator itself never reads the GeoJSON.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { ringArea, wgs84ToUtm32, type Polygon, type Ring } from './geo.ts';

const MIN_ISLAND_M2 = 1_500_000;

interface Feature {
	properties: { lau_1: string; label_dk?: string };
	geometry:
		| { type: 'Polygon'; coordinates: number[][][] }
		| { type: 'MultiPolygon'; coordinates: number[][][][] };
}

function segmentDistance(
	px: number,
	py: number,
	ax: number,
	ay: number,
	bx: number,
	by: number,
): number {
	const dx = bx - ax;
	const dy = by - ay;
	const len2 = dx * dx + dy * dy;
	let t = len2 === 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / len2;
	t = Math.max(0, Math.min(1, t));
	return Math.hypot(ax + t * dx - px, ay + t * dy - py);
}

/** Douglas–Peucker on an open polyline of points; returns the kept indices. */
function simplifyLine(points: [number, number][], tolerance: number): [number, number][] {
	if (points.length <= 2) return points;
	const keep = new Uint8Array(points.length);
	keep[0] = 1;
	keep[points.length - 1] = 1;
	const stack: [number, number][] = [[0, points.length - 1]];
	while (stack.length > 0) {
		const [first, last] = stack.pop() as [number, number];
		const [ax, ay] = points[first] as [number, number];
		const [bx, by] = points[last] as [number, number];
		let maxDistance = -1;
		let index = -1;
		for (let i = first + 1; i < last; i++) {
			const [px, py] = points[i] as [number, number];
			const d = segmentDistance(px, py, ax, ay, bx, by);
			if (d > maxDistance) {
				maxDistance = d;
				index = i;
			}
		}
		if (index > 0 && maxDistance > tolerance) {
			keep[index] = 1;
			stack.push([first, index], [index, last]);
		}
	}
	return points.filter((_, i) => keep[i] === 1);
}

/** Simplifies a closed ring: split at the point farthest from the first, simplify both halves. */
function simplifyRing(points: [number, number][], tolerance: number): [number, number][] {
	const open = points.slice();
	const firstPoint = open[0];
	const lastPoint = open[open.length - 1];
	if (firstPoint && lastPoint && firstPoint[0] === lastPoint[0] && firstPoint[1] === lastPoint[1]) {
		open.pop();
	}
	if (open.length < 4) return open;
	const [x0, y0] = open[0] as [number, number];
	let far = 1;
	let farDistance = -1;
	open.forEach(([x, y], i) => {
		const d = Math.hypot(x - x0, y - y0);
		if (d > farDistance) {
			farDistance = d;
			far = i;
		}
	});
	const a = simplifyLine(open.slice(0, far + 1), tolerance);
	const b = simplifyLine([...open.slice(far), open[0] as [number, number]], tolerance);
	return [...a.slice(0, -1), ...b.slice(0, -1)];
}

function main(): void {
	const args = process.argv.slice(2);
	const toleranceIndex = args.indexOf('--tolerance');
	const tolerance = toleranceIndex >= 0 ? Number(args[toleranceIndex + 1]) : 40;
	const positional = args.filter(
		(arg, i) => !arg.startsWith('--') && args[i - 1] !== '--tolerance',
	);
	const [input, output = 'db/reference/kommune-shapes.json'] = positional;
	if (!input) {
		console.error('usage: build-kommune-shapes.ts <kommuner.geojson> [out.json] [--tolerance M]');
		process.exit(2);
	}
	const geojson = JSON.parse(readFileSync(input, 'utf8')) as { features: Feature[] };
	const byCode = new Map<string, Polygon[]>();
	let vertices = 0;
	for (const feature of geojson.features) {
		const code = feature.properties.lau_1.padStart(4, '0');
		const polygons =
			feature.geometry.type === 'Polygon'
				? [feature.geometry.coordinates]
				: feature.geometry.coordinates;
		for (const polygon of polygons) {
			const rings: Ring[] = [];
			for (const ring of polygon) {
				const projected = ring.map(([lon, lat]) => {
					const { east, north } = wgs84ToUtm32(lat as number, lon as number);
					return [east, north] as [number, number];
				});
				const simplified = simplifyRing(projected, tolerance);
				if (simplified.length < 3) continue;
				rings.push(simplified.flatMap(([x, y]) => [Math.round(x), Math.round(y)]));
			}
			const outer = rings[0];
			if (!outer) continue;
			const list = byCode.get(code) ?? [];
			list.push(rings);
			byCode.set(code, list);
		}
	}
	const kommuner: Record<string, Polygon[]> = {};
	for (const [code, polygons] of [...byCode].sort(([a], [b]) => a.localeCompare(b))) {
		const sorted = polygons
			.map((p) => ({ p, area: ringArea(p[0] as Ring) }))
			.sort((a, b) => b.area - a.area);
		const kept = sorted.filter((x, i) => i === 0 || x.area >= MIN_ISLAND_M2).map((x) => x.p);
		kommuner[code] = kept;
		vertices += kept.reduce((sum, p) => sum + p.reduce((s, r) => s + r.length / 2, 0), 0);
	}
	const lines = Object.entries(kommuner).map(
		([code, polygons]) => `\t${JSON.stringify(code)}: ${JSON.stringify(polygons)}`,
	);
	const text =
		'{\n' +
		`\t"crs": "EPSG:25832",\n` +
		`\t"toleranceMetres": ${tolerance},\n` +
		`\t"source": "magnuslarsen/geoJSON-Danish-Municipalities (DAGI, Geodatastyrelsen); Indeholder data fra Klimadatastyrelsen",\n` +
		`\t"kommuner": {\n${lines.map((l) => `\t${l}`).join(',\n')}\n\t}\n}\n`;
	writeFileSync(output, text);
	console.log(
		`${Object.keys(kommuner).length} kommuner, ${vertices} vertices, ${text.length} bytes → ${output}`,
	);
}

main();
