import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSample, type GenerateResult } from '../../../scripts/sample/generate.ts';
import { pointInKommune } from '../../../scripts/sample/geo.ts';
import { loadKommuneShapes } from '../../../scripts/sample/reference.ts';

const NSI = 'urn:oio:nsi:2.0.0';
const SOR1 = 'urn:oio:sundhedsstyrelsen:organisation:1.0.0';
const LOCALITY = '1000000000000001';
const SNAPSHOT = '2026-11-24';

interface Address {
	street: string | null;
	houseNumber: string | null;
	postcode: string | null;
	municipalityCode: string | null;
	streetCode: string | null;
	north: number | null;
	east: number | null;
}

interface Rec {
	sorId: string;
	level: 'IE' | 'SI' | 'OE';
	parent: Rec | null;
	name: string;
	type: string | null;
	postal: Address | null;
	visiting: Address | null;
	email: string | null;
	website: string | null;
	phone: string | null;
	firstFromDate: string | null;
	toDate: string | null;
	cvr: string | null;
	replaces: string[];
	replacedBy: string[];
}

const LEVEL = {
	InstitutionOwner: 'IE',
	HealthInstitution: 'SI',
	OrganizationalUnit: 'OE',
} as const;

/** An independent read-back of the generated SOR XML (namespace URI + local name, as an importer must). */
function parseSor(xml: string): { records: Rec[]; snapshotDate: string | null } {
	const parser = new SaxesParser({ xmlns: true });
	const records: Rec[] = [];
	const stack: { local: string; uri: string }[] = [];
	const recordStack: Rec[] = [];
	let address: Address | null = null;
	let text = '';
	let snapshotDate: string | null = null;
	parser.on('opentag', (node) => {
		stack.push({ local: node.local, uri: node.uri });
		text = '';
		if (node.uri === NSI && node.local in LEVEL) {
			const rec: Rec = {
				sorId: '',
				level: LEVEL[node.local as keyof typeof LEVEL],
				parent: recordStack[recordStack.length - 1] ?? null,
				name: '',
				type: null,
				postal: null,
				visiting: null,
				email: null,
				website: null,
				phone: null,
				firstFromDate: null,
				toDate: null,
				cvr: null,
				replaces: [],
				replacedBy: [],
			};
			records.push(rec);
			recordStack.push(rec);
		}
		if (node.local === 'PostalAddressInformation' || node.local === 'VisitingAddressInformation') {
			address = {
				street: null,
				houseNumber: null,
				postcode: null,
				municipalityCode: null,
				streetCode: null,
				north: null,
				east: null,
			};
		}
	});
	parser.on('text', (t) => {
		text += t;
	});
	parser.on('closetag', (node) => {
		stack.pop();
		const parent = stack[stack.length - 1]?.local;
		const rec = recordStack[recordStack.length - 1];
		const inEan = stack.some((s) => s.local === 'EanLocationCodeEntity');
		const value = text;
		text = '';
		if (node.local === 'SnapshotDate') snapshotDate = value;
		if (!rec) return;
		if (address) {
			const a: Address = address;
			if (node.local === 'StreetName') a.street = value;
			else if (node.local === 'StreetBuildingIdentifier') a.houseNumber = value;
			else if (node.local === 'PostCodeIdentifier') a.postcode = value;
			else if (node.local === 'MunicipalityCode') a.municipalityCode = value;
			else if (node.local === 'StreetCode') a.streetCode = value;
			else if (node.local === 'CoordETRS89z32NMeasure') a.north = Number(value);
			else if (node.local === 'CoordETRS89z32EMeasure') a.east = Number(value);
			else if (node.local === 'PostalAddressInformation') {
				rec.postal = a;
				address = null;
			} else if (node.local === 'VisitingAddressInformation') {
				rec.visiting = a;
				address = null;
			}
			return;
		}
		if (node.uri === NSI && node.local.endsWith('Entity') && node.local.slice(0, -6) in LEVEL) {
			// The record stays "open" until its wrapper closes: nested wrappers are its children.
			recordStack.pop();
			return;
		}
		if (node.uri === SOR1 && node.local === 'SorIdentifier') {
			if (parent === 'ReplacesEntityCollection') rec.replaces.push(value);
			else if (parent === 'ReplacedByEntityCollection') rec.replacedBy.push(value);
			else rec.sorId = value;
		} else if (node.local === 'EntityName') rec.name = value;
		else if (node.local === 'EntityTypeIdentifier') rec.type = value;
		else if (node.local === 'EmailAddressIdentifier') rec.email = value;
		else if (node.local === 'Website') rec.website = value;
		else if (node.local === 'TelephoneNumberIdentifier') rec.phone = value;
		else if (node.local === 'CVRnumberIdentifier') rec.cvr = value;
		else if (node.local === 'FirstFromDate' && !inEan) rec.firstFromDate = value;
		else if (node.local === 'ToDate' && !inEan) rec.toDate = value;
	});
	parser.write(xml.replace(/^\uFEFF/, '')).close();
	return { records, snapshotDate };
}

interface DarRow {
	[column: string]: string;
}

function parseCsvLine(line: string): string[] {
	const cells: string[] = [];
	let cell = '';
	let quoted = false;
	for (let i = 0; i < line.length; i++) {
		const c = line[i];
		if (quoted) {
			if (c === '"' && line[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (c === '"') quoted = false;
			else cell += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') {
			cells.push(cell);
			cell = '';
		} else cell += c;
	}
	cells.push(cell);
	return cells;
}

function parseDar(csv: string): { header: string; rows: DarRow[] } {
	const lines = csv.split('\n').filter((line) => line !== '');
	const header = lines.shift() ?? '';
	const columns = header.split(',');
	const rows = lines.map((line) => {
		const cells = parseCsvLine(line);
		expect(cells).toHaveLength(columns.length);
		return Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? '']));
	});
	return { header, rows };
}

/** Text normalisation an address matcher needs: case, spacing, "aa" for "å", spaced house letters. */
function key(street: string | null, houseNumber: string | null, postcode: string | null): string {
	const s = (street ?? '')
		.normalize('NFC')
		.toLowerCase()
		.replace(/aa/g, 'å')
		.replace(/\s+/g, ' ')
		.trim();
	const h = (houseNumber ?? '').replace(/\s+/g, '').toUpperCase();
	return `${s}|${h}|${postcode ?? ''}`;
}

/** SOR inheritance: own visiting address, else own postal address, else the nearest ancestor's postal. */
function effectiveVisiting(rec: Rec): Address | null {
	if (rec.visiting) return rec.visiting;
	for (let r: Rec | null = rec; r; r = r.parent) if (r.postal) return r.postal;
	return null;
}

function ownerOf(rec: Rec): Rec {
	let r = rec;
	while (r.parent) r = r.parent;
	return r;
}

let dir: string;
let result: GenerateResult;
let sorXml: string;
let darCsv: string;
let records: Rec[];
let byId: Map<string, Rec>;
let dar: DarRow[];
let darByKey: Map<string, DarRow[]>;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'sample-test-'));
	result = await generateSample({ outDir: join(dir, 'a') });
	sorXml = gunzipSync(readFileSync(result.sorPath)).toString('utf8');
	darCsv = gunzipSync(readFileSync(result.darPath)).toString('utf8');
	({ records } = parseSor(sorXml));
	byId = new Map(records.map((r) => [r.sorId, r]));
	dar = parseDar(darCsv).rows;
	darByKey = new Map();
	for (const row of dar) {
		const k = key(row.vejnavn ?? '', row.husnr ?? '', row.postnr ?? '');
		darByKey.set(k, [...(darByKey.get(k) ?? []), row]);
	}
}, 60_000);

afterAll(() => {
	rmSync(dir, { recursive: true, force: true });
});

function special(k: string) {
	const s = result.specialCases.find((c) => c.key === k);
	if (!s) throw new Error(`special case ${k} missing`);
	const rec = byId.get(s.sorId);
	if (!rec) throw new Error(`special case ${k} (${s.sorId}) not in the XML`);
	return { summary: s, rec };
}

describe('sample generator', () => {
	it('is deterministic: the same seed gives byte-identical files, another seed different ones', async () => {
		const again = await generateSample({ outDir: join(dir, 'b') });
		expect(readFileSync(again.sorPath).equals(readFileSync(result.sorPath))).toBe(true);
		expect(readFileSync(again.darPath).equals(readFileSync(result.darPath))).toBe(true);
		const other = await generateSample({ outDir: join(dir, 'c'), seed: 'another seed' });
		expect(readFileSync(other.sorPath).equals(readFileSync(result.sorPath))).toBe(false);
	}, 60_000);

	it('writes the real v2 structure (BOM, namespaces, snapshot date) with unique SOR-IDs', () => {
		expect(sorXml.startsWith('\uFEFF<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
		expect(sorXml).toContain('xmlns="urn:oio:nsi:2.0.0"');
		expect(sorXml).toContain('xmlns:sor1="urn:oio:sundhedsstyrelsen:organisation:1.0.0"');
		expect(parseSor(sorXml).snapshotDate).toBe(SNAPSHOT);
		expect(records.length).toBe(result.entities);
		expect(new Set(records.map((r) => r.sorId)).size).toBe(records.length);
		for (const r of records) expect(r.sorId).toMatch(/^\d{5,6}1000016\d{3}$/);
		const localities = records.filter((r) => r.type === LOCALITY);
		expect(localities.length).toBe(result.localities);
		expect(result.entities).toBeGreaterThan(1300);
		expect(result.entities).toBeLessThan(1800);
		expect(localities.length).toBeGreaterThan(380);
		expect(localities.length).toBeLessThan(520);
		expect(records.filter((r) => r.level === 'IE' && r.type === '547211000005108')).toHaveLength(
			98,
		);
	});

	it('writes the DAR header exactly as DAWA and one row per distinct access address', () => {
		const { header } = parseDar(darCsv);
		expect(header).toBe(
			'id,status,oprettet,ændret,vejkode,vejnavn,husnr,supplerendebynavn,postnr,postnrnavn,kommunekode,kommunenavn,ejerlavkode,ejerlavnavn,matrikelnr,esrejendomsnr,etrs89koordinat_øst,etrs89koordinat_nord,wgs84koordinat_bredde,wgs84koordinat_længde,nøjagtighed,kilde,tekniskstandard,tekstretning,adressepunktændringsdato,ddkn_m100,ddkn_km1,ddkn_km10,kvh,regionskode,regionsnavn,sognekode,sognenavn,politikredskode,politikredsnavn,retskredskode,retskredsnavn,opstillingskredskode,opstillingskredsnavn,zone',
		);
		expect(dar).toHaveLength(result.darRows);
		expect(new Set(dar.map((r) => r.id)).size).toBe(dar.length);
		expect(new Set(dar.map((r) => `${r.vejnavn}|${r.husnr}|${r.postnr}`)).size).toBe(dar.length);
		expect(dar.length).toBeGreaterThan(2000);
	});

	it('multiplies the content with --scale and keeps copy 0 identical', async () => {
		const x2 = await generateSample({ outDir: join(dir, 'x2'), scale: 2, plain: true });
		expect(x2.entities).toBe(2 * result.entities);
		expect(x2.owners).toBe(2 * result.owners);
		expect(x2.localities).toBe(2 * result.localities);
		expect(x2.sorPath.endsWith('sor-sample-x2.xml')).toBe(true);
		const xml2 = readFileSync(x2.sorPath, 'utf8');
		const csv2 = readFileSync(x2.darPath, 'utf8');
		expect(xml2.startsWith(sorXml.slice(0, -'</SorTree>'.length))).toBe(true);
		expect(csv2.startsWith(darCsv)).toBe(true);
		const ids = parseSor(xml2).records.map((r) => r.sorId);
		expect(new Set(ids).size).toBe(ids.length);
		const rows2 = parseDar(csv2).rows;
		expect(new Set(rows2.map((r) => r.id)).size).toBe(rows2.length);
		expect(new Set(rows2.map((r) => `${r.vejnavn}|${r.husnr}|${r.postnr}`)).size).toBe(
			rows2.length,
		);
	}, 60_000);

	it('places every coordinate inside the polygon of its kommune', () => {
		const shapes = loadKommuneShapes();
		let checked = 0;
		for (const rec of records) {
			for (const a of [rec.postal, rec.visiting]) {
				if (!a || a.east === null || a.north === null) continue;
				const code =
					a.municipalityCode ??
					darByKey.get(key(a.street, a.houseNumber, a.postcode))?.[0]?.kommunekode;
				expect(code, `${rec.sorId} ${rec.name}`).toBeDefined();
				const shape = shapes.get(code ?? '');
				expect(shape).toBeDefined();
				if (shape)
					expect(pointInKommune(a.east, a.north, shape), `${rec.sorId} ${rec.name}`).toBe(true);
				if (rec.type === LOCALITY) checked++;
			}
		}
		expect(checked).toBeGreaterThan(300);
		for (const row of dar) {
			const shape = shapes.get(row.kommunekode ?? '');
			expect(
				shape &&
					pointInKommune(
						Number(row['etrs89koordinat_øst']),
						Number(row.etrs89koordinat_nord),
						shape,
					),
			).toBe(true);
		}
	});

	it('puts the visiting address of every valid locality in DAR and leaves the invalid ones out', () => {
		const invalid = new Set(
			result.specialCases.filter((s) => s.invalidAddress).map((s) => s.sorId),
		);
		expect(invalid.size).toBe(3);
		const localities = records.filter((r) => r.type === LOCALITY);
		for (const rec of localities) {
			const a = effectiveVisiting(rec);
			expect(a, rec.sorId).not.toBeNull();
			const rows =
				darByKey.get(key(a?.street ?? null, a?.houseNumber ?? null, a?.postcode ?? null)) ?? [];
			const current = rows.filter((r) => r.status === '1' || r.status === '3');
			if (invalid.has(rec.sorId)) {
				expect(current, `${rec.sorId} ${rec.name}`).toHaveLength(0);
				continue;
			}
			expect(current, `${rec.sorId} ${rec.name}`).toHaveLength(1);
			const row = current[0];
			if (!row || !a) continue;
			if (a.municipalityCode) {
				expect(a.municipalityCode).toBe(row.kommunekode);
				expect(a.streetCode).toBe(row.vejkode);
			}
			if (a.east !== null && a.north !== null) {
				const d = Math.hypot(
					a.east - Number(row['etrs89koordinat_øst']),
					a.north - Number(row.etrs89koordinat_nord),
				);
				expect(d).toBeLessThan(10);
			}
		}
		// The retired address is in the extract, but only as nedlagt (status 2).
		const retired = effectiveVisiting(special('retiredAddress').rec);
		const retiredRows =
			darByKey.get(
				key(retired?.street ?? null, retired?.houseNumber ?? null, retired?.postcode ?? null),
			) ?? [];
		expect(retiredRows.map((r) => r.status)).toEqual(['2']);
		const missing = effectiveVisiting(special('addressNotInDar').rec);
		expect(
			darByKey.get(
				key(missing?.street ?? null, missing?.houseNumber ?? null, missing?.postcode ?? null),
			),
		).toBeUndefined();
		expect(special('noHouseNumber').rec.visiting?.houseNumber).toBeNull();
	});

	it('contains the registration shapes, duplicates and lifecycle cases', () => {
		const shapeA = special('shapeA').rec;
		expect(shapeA.type).toBe(LOCALITY);
		expect(shapeA.firstFromDate).toBe('2012-03-01');

		const shapeC = special('shapeC');
		expect(shapeC.rec.firstFromDate).toBe('2025-08-01');
		for (const r of shapeC.summary.related) expect(byId.get(r.sorId)?.parent).toBe(shapeC.rec);

		const above = special('duplicateAbove');
		const original = byId.get(above.summary.related[0]?.sorId ?? '');
		expect(original?.parent).toBe(above.rec);
		expect(original?.type).toBe('554821000005109');
		expect(
			key(
				original?.visiting?.street ?? null,
				original?.visiting?.houseNumber ?? null,
				original?.visiting?.postcode ?? null,
			),
		).toBe(
			key(
				above.rec.visiting?.street ?? null,
				above.rec.visiting?.houseNumber ?? null,
				above.rec.visiting?.postcode ?? null,
			),
		);

		const below = special('duplicateBelow');
		expect(below.rec.parent?.sorId).toBe(below.summary.related[0]?.sorId);
		expect(below.rec.parent?.type).toBe('554821000005109');

		const pair = special('duplicatePair');
		const first = byId.get(pair.summary.related[0]?.sorId ?? '');
		expect(first?.type).toBe(LOCALITY);
		expect(first && ownerOf(first)).toBe(ownerOf(pair.rec));

		expect(special('closedLocality').rec.toDate).toBe('2026-06-30');
		expect((special('futureLocality').rec.firstFromDate ?? '') > SNAPSHOT).toBe(true);
		const replacement = special('replacement');
		const old = byId.get(replacement.summary.related[0]?.sorId ?? '');
		expect(replacement.rec.replaces).toEqual([old?.sorId]);
		expect(old?.replacedBy).toEqual([replacement.rec.sorId]);
		expect((old?.toDate ?? '') < SNAPSHOT).toBe(true);
	});

	it('contains contact defects, private owners across kommuner and not-migrated kommuner', () => {
		expect(special('missingEmail').rec.email).toBeNull();
		expect(special('missingEmail').rec.phone).not.toBeNull();
		expect(special('placeholderPhone').rec.phone).toBe('00000000');
		expect(special('placeholderWebsite').rec.website).toBe('Besøg hjemmeside');
		expect(special('placeholderEmail').rec.email).toBe('Besøg hjemmeside');
		expect(special('malformedWebsite').rec.website).toBe('www.eksempel');
		const noAddress = special('noOwnAddress').rec;
		expect(noAddress.visiting).toBeNull();
		expect(noAddress.postal).toBeNull();

		const privateOwners = result.specialCases.filter((s) => s.key.startsWith('privateOwner'));
		expect(privateOwners.length).toBeGreaterThanOrEqual(4);
		for (const p of privateOwners) {
			const owner = byId.get(p.sorId);
			expect(owner?.type).toBe('550891000005100');
			expect(owner?.cvr).toMatch(/^\d{8}$/);
			const kommuner = new Set(
				records
					.filter((r) => r.type === LOCALITY && ownerOf(r) === owner)
					.map(
						(r) =>
							darByKey.get(
								key(
									r.visiting?.street ?? null,
									r.visiting?.houseNumber ?? null,
									r.visiting?.postcode ?? null,
								),
							)?.[0]?.kommunekode,
					),
			);
			expect(kommuner.size).toBeGreaterThanOrEqual(3);
		}

		expect(result.notMigratedKommuner).toHaveLength(8);
		for (const { code } of result.notMigratedKommuner) {
			const owner = records.find(
				(r) =>
					r.level === 'IE' && r.type === '547211000005108' && r.postal?.municipalityCode === code,
			);
			expect(owner).toBeDefined();
			const units = records.filter((r) => r.level === 'OE' && owner && ownerOf(r) === owner);
			expect(units.some((r) => r.type === '554821000005109')).toBe(true);
			expect(units.some((r) => r.type === LOCALITY)).toBe(false);
		}
	});
});
