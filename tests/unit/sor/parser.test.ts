import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	sorRecordSchema,
	type RawSorRecord,
	type SorSnapshotHeader,
} from '../../../src/lib/domain/sor/record';
import {
	SorFormatError,
	countSorEntities,
	parseSorXml,
	type SorXmlChunk,
} from '../../../src/lib/server/sor/parser';

const fixture = (name: string): Buffer =>
	readFileSync(new URL(`../../fixtures/sor/${name}`, import.meta.url));

const V2_SAMPLE = fixture('v2-2019-sor-small.xml');
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

interface Parsed {
	header: SorSnapshotHeader | null;
	records: RawSorRecord[];
	entitiesRead: number;
	resultHeader: SorSnapshotHeader;
}

async function parse(
	input: string | Buffer | Iterable<SorXmlChunk> | AsyncIterable<SorXmlChunk>,
): Promise<Parsed> {
	const records: RawSorRecord[] = [];
	let header: SorSnapshotHeader | null = null;
	const source = typeof input === 'string' || Buffer.isBuffer(input) ? [input] : input;
	const result = await parseSorXml(source, {
		onHeader: (h) => {
			expect(header, 'onHeader must be called once').toBeNull();
			expect(records, 'the header comes before the first record').toHaveLength(0);
			header = h;
		},
		onRecord: (r) => records.push(r),
	});
	return { header, records, entitiesRead: result.entitiesRead, resultHeader: result.header };
}

function byId(records: RawSorRecord[]): Map<string, RawSorRecord> {
	return new Map(records.map((r) => [r.sorId, r]));
}

function get(records: RawSorRecord[], sorId: string): RawSorRecord {
	const record = byId(records).get(sorId);
	if (record === undefined) throw new Error(`record ${sorId} not emitted`);
	return record;
}

function* inChunksOf(bytes: Buffer, size: number): Generator<Buffer> {
	for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

/** Rewrites every prefix of the v2 sample, and turns its default namespace into a prefixed one. */
function renamePrefixes(xml: string): string {
	const renamed: Record<string, string> = {
		sor1: 's',
		xkom: 'a',
		xkom1: 'b',
		dkcc: 'c',
		dkcc2005: 'zz',
		'dkcc2005-2': 'y',
		cpr: 'k',
		kms: 'm',
		osak: 'o',
		cvr: 'v',
	};
	return xml
		.replace(
			/(<\/?|xmlns:)(sor1|xkom1|xkom|dkcc2005-2|dkcc2005|dkcc|cpr|kms|osak|cvr)(?=[:=])/g,
			(_m, lead: string, prefix: string) => lead + renamed[prefix],
		)
		.replace('xmlns="urn:oio:nsi:2.0.0"', 'xmlns:n="urn:oio:nsi:2.0.0"')
		.replace(/<(\/?)([A-Za-z][\w.-]*)(?=[\s/>])/g, '<$1n:$2');
}

// ---- a small writer for synthetic v2 files (structure as in the real sample) ----

const NAMESPACES = [
	'xmlns="urn:oio:nsi:2.0.0"',
	'xmlns:sor1="urn:oio:sundhedsstyrelsen:organisation:1.0.0"',
	'xmlns:xkom="http://rep.oio.dk/xkom.dk/xml/schemas/2006/01/06/"',
	'xmlns:xkom1="http://rep.oio.dk/xkom.dk/xml/schemas/2005/03/15/"',
	'xmlns:dkcc="http://rep.oio.dk/ebxml/xml/schemas/dkcc/2003/02/13/"',
	'xmlns:dkcc2005="http://rep.oio.dk/ebxml/xml/schemas/dkcc/2005/03/15/"',
	'xmlns:cpr="http://rep.oio.dk/cpr.dk/xml/schemas/core/2005/03/18/"',
	'xmlns:osak="http://rep.oio.dk/osak.dk/xml/schemas/2006/04/25/"',
	'xmlns:cvr="http://rep.oio.dk/cvr.dk/xml/schemas/2005/03/22/"',
].join(' ');

const SNAPSHOT = '<sor1:SnapshotDate>2025-11-24</sor1:SnapshotDate>';

const tree = (body: string, header = SNAPSHOT): string =>
	`<?xml version="1.0" encoding="utf-8"?>\n<SorTree ${NAMESPACES}>${header}${body}</SorTree>`;

const status = (first: string, from = first, to?: string, updated?: string): string =>
	'<sor1:SorStatus>' +
	`<sor1:FromDate>${from}</sor1:FromDate>` +
	(to === undefined ? '' : `<sor1:ToDate>${to}</sor1:ToDate>`) +
	(updated === undefined ? '' : `<sor1:UpdatedAt>${updated}</sor1:UpdatedAt>`) +
	`<sor1:FirstFromDate>${first}</sor1:FirstFromDate>` +
	'</sor1:SorStatus>';

const STATUS = status('2020-01-01');

/** The common fields of a record element: id, name, then whatever else (status by default). */
const fields = (sorId: string, rest = STATUS): string =>
	`<sor1:SorIdentifier>${sorId}</sor1:SorIdentifier>` +
	`<sor1:EntityName>Enhed ${sorId}</sor1:EntityName>${rest}`;

const ie = (inner: string, ...children: string[]): string =>
	`<InstitutionOwnerEntity><InstitutionOwner>${inner}</InstitutionOwner>${children.join('')}</InstitutionOwnerEntity>`;
const si = (inner: string, ...children: string[]): string =>
	`<HealthInstitutionEntity><HealthInstitution>${inner}</HealthInstitution>${children.join('')}</HealthInstitutionEntity>`;
const oe = (inner: string, ...children: string[]): string =>
	`<OrganizationalUnitEntity><OrganizationalUnit>${inner}</OrganizationalUnit>${children.join('')}</OrganizationalUnitEntity>`;

const address = (
	kind: 'PostalAddressInformation' | 'VisitingAddressInformation',
	street: string,
	houseNumber: string,
	postcode: string,
	municipalityCode: string,
): string =>
	`<${kind}><xkom:AddressPostal>` +
	`<dkcc2005:StreetName>${street}</dkcc2005:StreetName>` +
	`<dkcc:StreetBuildingIdentifier>${houseNumber}</dkcc:StreetBuildingIdentifier>` +
	`<dkcc:FloorIdentifier>2</dkcc:FloorIdentifier><dkcc:SuiteIdentifier>tv</dkcc:SuiteIdentifier>` +
	`<dkcc2005:PostCodeIdentifier>${postcode}</dkcc2005:PostCodeIdentifier>` +
	`<dkcc2005:DistrictName>By ${postcode}</dkcc2005:DistrictName>` +
	`</xkom:AddressPostal><cpr:MunicipalityCode>${municipalityCode}</cpr:MunicipalityCode></${kind}>`;

const virtual = (parts: { phone?: string; email?: string; website?: string }): string =>
	'<sor1:VirtualAddressInformation>' +
	(parts.email
		? `<xkom1:EmailAddressIdentifier>${parts.email}</xkom1:EmailAddressIdentifier>`
		: '') +
	(parts.website ? `<sor1:Website>${parts.website}</sor1:Website>` : '') +
	(parts.phone
		? `<sor1:TelephoneNumberIdentifier>${parts.phone}</sor1:TelephoneNumberIdentifier>`
		: '') +
	'</sor1:VirtualAddressInformation>';

const eanEntity = (code: string, eanStatus: string): string =>
	`<EanLocationCodeEntity><sor1:EanLocationCode>${code}</sor1:EanLocationCode>` +
	`<sor1:OnlyInternalIndicator>false</sor1:OnlyInternalIndicator>${eanStatus}</EanLocationCodeEntity>`;

const eanInherits = (inherit: boolean): string =>
	`<EanLocationCodeOption><EntityInheritanceIndicator>${inherit}</EntityInheritanceIndicator></EanLocationCodeOption>`;

// ----------------------------------------------------------------------------------------------

describe('parseSorXml on the real v2 sample (2019)', () => {
	it('emits the header and the four records in document order with the right tree', async () => {
		const { header, resultHeader, records, entitiesRead } = await parse(V2_SAMPLE);

		expect(header).toEqual({
			snapshotDate: '2019-04-12',
			createdAt: '2019-04-12T01:00:29.6269718+02:00',
			formatVersion: 'v2',
		});
		expect(resultHeader).toEqual(header);
		expect(entitiesRead).toBe(4);
		expect(
			records.map((r) => [r.sorId, r.level, r.parentSorId, r.ownerSorId, r.depth, r.name]),
		).toEqual([
			['698471000016005', 'IE', null, '698471000016005', 0, 'Baadsgaard Fodterapi'],
			['698481000016007', 'SI', '698471000016005', '698471000016005', 1, 'Brønderslev fodterapi'],
			['698491000016009', 'OE', '698481000016007', '698471000016005', 2, 'Trine Baadsgaard'],
			['6984910000160091', 'OE', '698491000016009', '698471000016005', 3, 'Trine Baadsgaard2'],
		]);
	});

	it('reads the owner: type, CVR, address with numeric coordinates, phone, EAN and its own dates', async () => {
		const { records } = await parse(V2_SAMPLE);
		const owner = get(records, '698471000016005');

		expect(owner).toEqual({
			sorId: '698471000016005',
			level: 'IE',
			parentSorId: null,
			ownerSorId: '698471000016005',
			depth: 0,
			name: 'Baadsgaard Fodterapi',
			entityTypeCode: '550891000005100',
			cvr: '35095748',
			postalAddress: {
				street: 'Østergade',
				houseNumber: '70',
				floor: null,
				door: null,
				postcode: '9700',
				district: 'Brønderslev',
				municipalityCode: '0810',
				streetCode: '2277',
				etrsNorth: 6347032.45,
				etrsEast: 557481.68,
			},
			postalAddressInherited: false,
			visitingAddress: owner.postalAddress,
			visitingAddressSource: 'postal',
			phone: '29439846',
			email: null,
			website: null,
			contactInherited: false,
			eanLocationCode: '5790002401473',
			firstFromDate: '2018-04-18',
			fromDate: '2018-07-25',
			toDate: null,
			updatedAt: '2018-07-24',
			replaces: [],
			replacedBy: [],
		});
		expect(typeof owner.postalAddress?.etrsNorth).toBe('number');
	});

	it('applies inheritance down the tree: own visiting address on SI, inherited address, contact and EAN on OE', async () => {
		const { records } = await parse(V2_SAMPLE);
		const institution = get(records, '698481000016007');
		expect(institution).toMatchObject({
			entityTypeCode: '554061000005105',
			cvr: null,
			postalAddressInherited: false,
			visitingAddressSource: 'own',
			visitingAddress: { street: 'Østergade', postcode: '9700', municipalityCode: '0810' },
			phone: '29439846',
			email: 'baadsgaardfodterapi@gmail.com',
			website: 'www.baadsgaardfodterapi.dk',
			contactInherited: false,
			eanLocationCode: '5790002401473',
			firstFromDate: '2018-04-18',
			fromDate: '2018-12-21',
			updatedAt: '2018-12-20',
		});

		const unit = get(records, '698491000016009');
		expect(unit).toMatchObject({
			entityTypeCode: '255203001',
			postalAddress: institution.postalAddress,
			postalAddressInherited: true,
			visitingAddress: institution.postalAddress,
			visitingAddressSource: 'postal',
			phone: '29439846',
			email: 'baadsgaardfodterapi@gmail.com',
			website: 'www.baadsgaardfodterapi.dk',
			contactInherited: true,
			eanLocationCode: '5790002401473',
			fromDate: '2018-04-18',
			updatedAt: '2018-04-11',
		});
	});

	it('passes the hand-added unit without SorStatus on, so that validation (not the parser) rejects it', async () => {
		const { records } = await parse(V2_SAMPLE);
		const handAdded = get(records, '6984910000160091');
		expect(handAdded).toMatchObject({
			entityTypeCode: '2552030012',
			firstFromDate: '',
			fromDate: null,
			toDate: null,
			updatedAt: null,
			// No EanLocationCodeOption at all: nothing to inherit, nothing invented.
			eanLocationCode: null,
		});

		const verdicts = records.map((r) => [r.sorId, sorRecordSchema.safeParse(r).success]);
		expect(verdicts).toEqual([
			['698471000016005', true],
			['698481000016007', true],
			['698491000016009', true],
			['6984910000160091', false],
		]);
		const failure = sorRecordSchema.safeParse(handAdded);
		expect(failure.success).toBe(false);
		expect(failure.error?.issues.map((i) => i.path.join('.'))).toEqual(['firstFromDate']);
	});

	it('counts entities without handlers', async () => {
		const result = await countSorEntities([V2_SAMPLE]);
		expect(result.entitiesRead).toBe(4);
		expect(result.header.snapshotDate).toBe('2019-04-12');
	});
});

describe('parseSorXml is independent of the byte-level form of the file', () => {
	let reference: RawSorRecord[] = [];
	beforeAll(async () => {
		reference = (await parse(V2_SAMPLE)).records;
	});

	it('matches elements by namespace URI, not by prefix', async () => {
		const renamed = renamePrefixes(V2_SAMPLE.toString('utf8'));
		expect(renamed).not.toContain('sor1:');
		expect(renamed).not.toContain('dkcc2005:');
		expect(renamed).toContain('<n:InstitutionOwnerEntity>');
		expect(renamed).toContain('<s:SorIdentifier>');
		expect(renamed).toContain('<zz:StreetName>');

		const { records, header } = await parse(renamed);
		expect(header?.formatVersion).toBe('v2');
		expect(records).toEqual(reference);
	});

	it('accepts the file with and without a UTF-8 BOM, as bytes and as text', async () => {
		expect(V2_SAMPLE.subarray(0, 3)).toEqual(BOM);
		const withoutBom = V2_SAMPLE.subarray(3);
		expect((await parse(withoutBom)).records).toEqual(reference);
		expect((await parse(V2_SAMPLE.toString('utf8'))).records).toEqual(reference);
		expect((await parse(withoutBom.toString('utf8'))).records).toEqual(reference);
	});

	it('gives the same records for CRLF and LF line endings', async () => {
		const text = V2_SAMPLE.toString('utf8');
		expect(text).toContain('\r\n');
		const lf = text.replaceAll('\r\n', '\n');
		expect((await parse(lf)).records).toEqual(reference);
		expect((await parse(lf.replaceAll('\n', '\r\n'))).records).toEqual(reference);
	});

	it('decodes æøå correctly when chunk borders split multi-byte characters', async () => {
		for (const size of [1, 2, 3, 7, 64]) {
			const { records } = await parse(inChunksOf(V2_SAMPLE, size));
			expect(records, `chunks of ${size} bytes`).toEqual(reference);
		}
		const { records } = await parse(inChunksOf(V2_SAMPLE, 1));
		expect(get(records, '698481000016007').name).toBe('Brønderslev fodterapi');
		expect(get(records, '698471000016005').postalAddress?.street).toBe('Østergade');
	});

	it('emits records while the file is still being read', async () => {
		let finished = false;
		let seenBeforeEnd = 0;
		async function* slowly(): AsyncGenerator<Buffer> {
			yield* inChunksOf(V2_SAMPLE, 512);
			finished = true;
		}
		await parseSorXml(slowly(), {
			onRecord: () => {
				if (!finished) seenBeforeEnd++;
			},
		});
		expect(seenBeforeEnd).toBeGreaterThanOrEqual(3);
	});
});

describe('parseSorXml on the real v1 samples (2010)', () => {
	it('reads the hospital chain with v1 type elements and address/contact inherited four levels down', async () => {
		const { header, records } = await parse(fixture('v1-2010-ONE_SYGEHUS.xml'));
		expect(header).toEqual({
			snapshotDate: '2010-01-26',
			createdAt: '2010-01-26T00:00:00+01:00',
			formatVersion: 'v1',
		});
		expect(
			records.map((r) => [r.sorId, r.level, r.parentSorId, r.depth, r.entityTypeCode]),
		).toEqual([
			['347801000016001', 'IE', null, 0, '550891000005100'],
			['347811000016004', 'SI', '347801000016001', 1, '22232009'],
			['347821000016008', 'OE', '347811000016004', 2, '550811000005108'],
			['347831000016005', 'OE', '347821000016008', 3, '550851000005109'],
		]);
		const innermost = get(records, '347831000016005');
		expect(innermost).toMatchObject({
			name: 'Roskilde Øjenklinik, beh. afsnit',
			ownerSorId: '347801000016001',
			postalAddress: {
				street: 'Hestetorvet',
				houseNumber: '8',
				postcode: '4000',
				district: 'Roskilde',
				municipalityCode: null,
				etrsNorth: null,
			},
			postalAddressInherited: true,
			visitingAddressSource: 'postal',
			email: 'J.Thulesen@dadlnet.dk',
			phone: '46361266',
			contactInherited: true,
			// EntityInheritedIndicator false and no EAN of its own.
			eanLocationCode: null,
		});
		for (const record of records) expect(sorRecordSchema.safeParse(record).success).toBe(true);
	});

	it('reads the pharmacy: EAN inherited through EntityInheritedIndicator, missing UnitType stays null', async () => {
		const { records } = await parse(fixture('v1-2010-ONE_APOTEK.xml'));
		expect(records.map((r) => [r.sorId, r.eanLocationCode, r.entityTypeCode])).toEqual([
			['306011000016003', '5790000173624', '550891000005100'],
			['306021000016007', '5790000173624', '264372000'],
			['306031000016009', '5790000173624', null],
		]);
		expect(get(records, '306031000016009').postalAddress?.district).toBe('Værløse');
	});

	it('reads the practice and decodes entities in names', async () => {
		const { records } = await parse(fixture('v1-2010-ONE_PRAKSIS.xml'));
		expect(records).toHaveLength(3);
		expect(get(records, '8331000016009').name).toBe('Michael Filtenborg & co');
		for (const record of records) expect(sorRecordSchema.safeParse(record).success).toBe(true);
	});
});

describe('parseSorXml inheritance and nesting (synthetic v2 files)', () => {
	it('inherits postal address from the parent, visiting address from the own postal, contact as a block', async () => {
		const xml = tree(
			ie(
				fields(
					'100',
					address('PostalAddressInformation', 'Ågade', '1', '8000', '751') +
						virtual({ phone: '11111111', email: 'ejer@example.dk' }) +
						STATUS,
				),
				si(
					fields('200'),
					oe(
						fields(
							'300',
							address('PostalAddressInformation', 'Bøgevej', '2B', '8200', '0751') +
								virtual({ website: 'www.enhed.dk' }) +
								STATUS,
						),
						oe(fields('310')),
					),
					oe(
						fields(
							'400',
							address('VisitingAddressInformation', 'Søndergade', '40', '8000', '0751') + STATUS,
						),
					),
				),
			) + ie(fields('900'), si(fields('910'))),
		);
		const { records } = await parse(xml);
		const ownerAddress = get(records, '100').postalAddress;
		expect(ownerAddress).toMatchObject({
			street: 'Ågade',
			floor: '2',
			door: 'tv',
			municipalityCode: '751',
		});

		expect(get(records, '200')).toMatchObject({
			postalAddress: ownerAddress,
			postalAddressInherited: true,
			visitingAddress: ownerAddress,
			visitingAddressSource: 'postal',
			phone: '11111111',
			email: 'ejer@example.dk',
			website: null,
			contactInherited: true,
		});
		const ownPostal = get(records, '300');
		expect(ownPostal).toMatchObject({
			postalAddress: { street: 'Bøgevej', houseNumber: '2B', postcode: '8200' },
			postalAddressInherited: false,
			visitingAddress: { street: 'Bøgevej' },
			visitingAddressSource: 'postal',
			// Its own VirtualAddressInformation replaces the whole block, even the parts it leaves out.
			phone: null,
			email: null,
			website: 'www.enhed.dk',
			contactInherited: false,
		});
		expect(get(records, '310')).toMatchObject({
			postalAddress: ownPostal.postalAddress,
			postalAddressInherited: true,
			phone: null,
			website: 'www.enhed.dk',
			contactInherited: true,
		});
		expect(get(records, '400')).toMatchObject({
			postalAddress: ownerAddress,
			postalAddressInherited: true,
			visitingAddress: { street: 'Søndergade', houseNumber: '40' },
			visitingAddressSource: 'own',
		});
		// An owner without any address: nothing to inherit, so nothing is invented.
		expect(get(records, '910')).toMatchObject({
			postalAddress: null,
			postalAddressInherited: false,
			visitingAddress: null,
			visitingAddressSource: null,
			contactInherited: false,
		});
		for (const record of records) expect(sorRecordSchema.safeParse(record).success).toBe(true);
		expect(sorRecordSchema.parse(get(records, '100')).postalAddress?.municipalityCode).toBe('0751');
	});

	it('derives parents from nesting at any depth and pops back correctly for siblings and new owners', async () => {
		let chain = '';
		for (let level = 8; level >= 1; level--) chain = oe(fields(`50${level}`), chain);
		const xml = tree(
			ie(
				fields('1'),
				si(fields('2'), chain, oe(fields('600'))),
				si(fields('3'), oe(fields('700'))),
			) + ie(fields('9'), si(fields('10'), oe(fields('11')))),
		);
		const { records, entitiesRead } = await parse(xml);
		expect(entitiesRead).toBe(16);

		const parents = Object.fromEntries(records.map((r) => [r.sorId, [r.parentSorId, r.depth]]));
		expect(parents).toEqual({
			'1': [null, 0],
			'2': ['1', 1],
			'501': ['2', 2],
			'502': ['501', 3],
			'503': ['502', 4],
			'504': ['503', 5],
			'505': ['504', 6],
			'506': ['505', 7],
			'507': ['506', 8],
			'508': ['507', 9],
			'600': ['2', 2],
			'3': ['1', 1],
			'700': ['3', 2],
			'9': [null, 0],
			'10': ['9', 1],
			'11': ['10', 2],
		});
		const secondOwner = new Set(['9', '10', '11']);
		for (const record of records) {
			expect(record.ownerSorId, record.sorId).toBe(secondOwner.has(record.sorId) ? '9' : '1');
		}
		expect(records.map((r) => r.sorId).slice(0, 4)).toEqual(['1', '2', '501', '502']);
	});

	it('reads ReplacesEntityCollection and ReplacedByEntityCollection without touching the own SOR-ID', async () => {
		const xml = tree(
			ie(
				fields('1'),
				si(
					fields('2'),
					oe(
						fields(
							'30',
							STATUS +
								'<sor1:ReplacesEntityCollection><sor1:SorIdentifier>10</sor1:SorIdentifier>' +
								'<sor1:SorIdentifier> 11 </sor1:SorIdentifier></sor1:ReplacesEntityCollection>' +
								'<ReplacedByEntityCollection><sor1:SorIdentifier>40</sor1:SorIdentifier></ReplacedByEntityCollection>',
						),
						oe(fields('31')),
					),
				),
			),
		);
		const { records } = await parse(xml);
		expect(get(records, '30')).toMatchObject({
			sorId: '30',
			replaces: ['10', '11'],
			replacedBy: ['40'],
		});
		expect(get(records, '31')).toMatchObject({ parentSorId: '30', replaces: [], replacedBy: [] });
		expect(get(records, '2')).toMatchObject({ replaces: [], replacedBy: [] });
	});

	it("keeps the EAN entity's own SorStatus apart from the unit's and follows the inheritance indicator", async () => {
		const eanStatus = status('1999-09-09', '2001-01-01', '2021-12-31', '2021-11-30');
		const xml = tree(
			ie(
				fields(
					'1',
					status('2000-01-01', '2000-02-02', undefined, '2000-03-03') +
						eanEntity('5790000000001', eanStatus),
				),
				si(
					fields('2', eanInherits(true) + STATUS),
					oe(
						fields(
							'3',
							`<EanLocationCodeOption>${eanEntity('5790000000002', eanStatus)}</EanLocationCodeOption>` +
								status('2010-05-05'),
						),
						oe(fields('4', eanInherits(true) + STATUS)),
						oe(fields('5', eanInherits(false) + STATUS)),
					),
					oe(fields('6')),
				),
			),
		);
		const { records } = await parse(xml);
		expect(get(records, '1')).toMatchObject({
			eanLocationCode: '5790000000001',
			firstFromDate: '2000-01-01',
			fromDate: '2000-02-02',
			toDate: null,
			updatedAt: '2000-03-03',
		});
		expect(get(records, '3')).toMatchObject({
			eanLocationCode: '5790000000002',
			firstFromDate: '2010-05-05',
			fromDate: '2010-05-05',
			toDate: null,
			updatedAt: null,
		});
		expect(records.map((r) => [r.sorId, r.eanLocationCode])).toEqual([
			['1', '5790000000001'],
			['2', '5790000000001'],
			['3', '5790000000002'],
			['4', '5790000000002'],
			['5', null],
			['6', null],
		]);
	});

	it('trims text, reads CDATA, keeps the date part of timestamps and ignores unknown elements', async () => {
		const xml = tree(
			ie(
				'<sor1:SorIdentifier>\r\n  1  </sor1:SorIdentifier>' +
					'<sor1:EntityName>\n\t<![CDATA[Plejecenter Åbo & Søn]]>  </sor1:EntityName>' +
					'<sor1:Unknown><sor1:EntityName>ikke mig</sor1:EntityName></sor1:Unknown>' +
					'<sor1:GeographicalParent><sor1:SorIdentifier>77</sor1:SorIdentifier></sor1:GeographicalParent>' +
					status('2020-01-01', '2020-02-02T00:00:00', undefined, '2020-03-03T12:13:14.123+01:00'),
			),
		);
		const { records } = await parse(xml);
		expect(records[0]).toMatchObject({
			sorId: '1',
			name: 'Plejecenter Åbo & Søn',
			fromDate: '2020-02-02',
			updatedAt: '2020-03-03',
		});
	});

	it('is lenient about the two SOR namespaces but ignores fields in foreign namespaces', async () => {
		const xml = tree(
			ie(
				// SorIdentifier in the v2 default namespace, type in the v1 namespace.
				'<SorIdentifier>1</SorIdentifier><sor1:EntityTypeIdentifier>42665001</sor1:EntityTypeIdentifier>' +
					'<x:EntityName xmlns:x="urn:example:andet">Forkert navnerum</x:EntityName>' +
					'<sor1:CVRnumberIdentifier>12345678</sor1:CVRnumberIdentifier>' +
					STATUS,
			),
		);
		const { records } = await parse(xml);
		expect(records[0]).toMatchObject({
			sorId: '1',
			entityTypeCode: '42665001',
			name: '',
			cvr: null,
		});
		expect(sorRecordSchema.safeParse(records[0]).success).toBe(false);
	});
});

describe('parseSorXml rejects files that are not complete SOR exports', () => {
	const text = V2_SAMPLE.toString('utf8');

	it('throws SorFormatError with a position for a truncated file, wherever it is cut', async () => {
		const cuts = [Math.floor(V2_SAMPLE.length / 2), V2_SAMPLE.length - 20, 400];
		// Also cut between the two bytes of the Ø in "Østergade".
		const oSlash = V2_SAMPLE.indexOf(Buffer.from('Østergade'));
		cuts.push(oSlash + 1);
		for (const cut of cuts) {
			const attempt = parse(inChunksOf(V2_SAMPLE.subarray(0, cut), 100));
			await expect(attempt, `cut at byte ${cut}`).rejects.toBeInstanceOf(SorFormatError);
			await expect(attempt).rejects.toThrow(/^Filen er afkortet: .* \(linje \d+, kolonne \d+\)$/);
		}
	});

	it('throws SorFormatError for malformed XML, with line and column', async () => {
		const broken = text.replace('</HealthInstitution>', '</HealthInstitutionX>');
		const error = await parse(broken).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(SorFormatError);
		expect((error as SorFormatError).name).toBe('SorFormatError');
		expect((error as SorFormatError).message).toMatch(
			/^Ugyldig XML i SOR-filen: .*sidst læste element: HealthInstitution\) \(linje 95, kolonne \d+\)$/,
		);
		expect((error as SorFormatError).line).toBe(95);

		await expect(parse(tree(ie(fields('1')) + '<ikke lukket'))).rejects.toBeInstanceOf(
			SorFormatError,
		);
		await expect(parse(text.replace('xmlns:sor1=', 'xmlns:sor2='))).rejects.toThrow(/Ugyldig XML/);
	});

	it('throws SorFormatError naming the root when the root is not a v1/v2 SorTree', async () => {
		await expect(
			parse('<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>'),
		).rejects.toThrow(/^Filen er ikke et SOR-udtræk: rodelementet er html .*forventede SorTree/);
		await expect(
			parse('<?xml version="1.0"?><SorTree><SnapshotDate>2020-01-01</SnapshotDate></SorTree>'),
		).rejects.toThrow(/^Filen er ikke et SOR-udtræk: rodelementet er SorTree, forventede SorTree/);
		await expect(
			parse(text.replace('xmlns="urn:oio:nsi:2.0.0"', 'xmlns="urn:oio:nsi:3.0.0"')),
		).rejects.toBeInstanceOf(SorFormatError);
	});

	it('throws SorFormatError when SnapshotDate is missing or not a date', async () => {
		await expect(parse(tree(ie(fields('1')), ''))).rejects.toThrow(/SnapshotDate mangler/);
		await expect(
			parse(tree(ie(fields('1')), '<sor1:SnapshotDate>i går</sor1:SnapshotDate>')),
		).rejects.toThrow(/SnapshotDate er ikke en dato/);
		const noOwners = await parse(tree(''));
		expect(noOwners.entitiesRead).toBe(0);
		expect(noOwners.header?.snapshotDate).toBe('2025-11-24');
	});

	it('throws SorFormatError for entities in the wrong place', async () => {
		await expect(parse(tree(si(fields('2'))))).rejects.toThrow(
			/HealthInstitutionEntity står et sted, hvor det ikke er tilladt/,
		);
		await expect(
			parse(
				tree(
					'<InstitutionOwnerEntity><HealthInstitution>' +
						fields('2') +
						'</HealthInstitution></InstitutionOwnerEntity>',
				),
			),
		).rejects.toBeInstanceOf(SorFormatError);
		// A unit nested inside its parent's record element instead of beside it must not vanish.
		await expect(parse(tree(ie(fields('1'), si(fields('2') + oe(fields('3'))))))).rejects.toThrow(
			/OrganizationalUnitEntity står inde i HealthInstitution/,
		);
		await expect(parse(tree('<InstitutionOwnerEntity></InstitutionOwnerEntity>'))).rejects.toThrow(
			/lukkes uden et InstitutionOwner-element/,
		);
	});

	it('throws SorFormatError for empty input, non-UTF-8 bytes and a non-UTF-8 declaration', async () => {
		await expect(parse(Buffer.alloc(0))).rejects.toThrow(/^Filen er tom$/);
		await expect(parse(BOM)).rejects.toThrow(/^Filen er tom$/);
		await expect(parse('   \n')).rejects.toThrow(/^Filen er tom$/);
		await expect(parse('Dette er ikke XML')).rejects.toThrow(/^Ugyldig XML/);

		const latin1 = Buffer.from(text.replace('\uFEFF', ''), 'latin1');
		await expect(parse(latin1)).rejects.toThrow(/ikke gyldig UTF-8/);

		const declared = text.replace('encoding="utf-8"', 'encoding="ISO-8859-1"');
		await expect(parse(declared)).rejects.toThrow(/tegnsættet 'ISO-8859-1'/);
	});

	it('lets errors from the handlers through unchanged', async () => {
		const stop = new Error('importer stopped');
		const attempt = parseSorXml([V2_SAMPLE], {
			onRecord: () => {
				throw stop;
			},
		});
		await expect(attempt).rejects.toBe(stop);
	});
});
