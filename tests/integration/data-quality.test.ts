import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { RegisterDb } from '../../src/lib/server/db/client';
import { DataProblemRepository } from '../../src/lib/server/repositories/data-problem-repository';
import { InspectionRepository } from '../../src/lib/server/repositories/inspection-repository';
import { RegisterRepository } from '../../src/lib/server/repositories/register-repository';
import { darAddress, InMemoryDarSource } from '../helpers/fake-dar';
import { importXml } from '../helpers/import-harness';
import {
	aarhusKommune as aarhus,
	CODES,
	odderKommune as odder,
	sorXml,
	type EntitySpec,
} from '../helpers/sor-xml';
import { createTestDb } from '../helpers/test-db';

const at = (street: string, number: string, postcode = '8200', district = 'Aarhus N') => ({
	street,
	number,
	postcode,
	district,
});

const CONTACT = { phone: '87131000', email: 'pleje@aarhus.dk', website: 'www.aarhus.dk' };

const nord = (overrides: Partial<EntitySpec> = {}): EntitySpec => ({
	id: '100011000016001',
	name: 'Helhedspleje Nord',
	type: CODES.locality,
	visiting: at('Nørrevænget', '8A'),
	...CONTACT,
	...overrides,
});

const DAR = [
	darAddress('Nørrevænget', '8A', '8200', '0751', { lat: 56.19, lon: 10.19 }),
	darAddress('Åbyvej', '12', '8200', '0751'),
	darAddress('Gammel Vej', '1', '8200', '0751', { status: 'nedlagt' }),
	// A private provider's locality in Skanderborg (0746).
	darAddress('Adelgade', '5', '8660', '0746', { lat: 56.03, lon: 9.93 }),
];

describe('DAR validation and data-quality checks', () => {
	let db: RegisterDb;
	let dar: InMemoryDarSource;
	beforeEach(() => {
		db = createTestDb();
		dar = new InMemoryDarSource(DAR);
	});
	const problems = (ownerKey: string) =>
		new DataProblemRepository(db).open(ownerKey).map((p) => [p.sorId, p.code]);
	const locality = (sorId: string) => new RegisterRepository(db).allLocalities().get(sorId)!;

	it('publishes a locality with a valid DAR address, with DAR position and location kommune', async () => {
		await importXml(db, sorXml('2026-11-24', [aarhus([nord()])]), { darSource: dar });
		expect(locality('100011000016001')).toMatchObject({
			addressStatus: 'valid',
			published: true,
			darAddressId: 'dar-0751-Nørrevænget-8A',
			lat: 56.19,
			lon: 10.19,
			locationMunicipalityCode: '0751',
		});
		expect(problems('kommune-0751')).toEqual([]);
	});

	it('matches spelling variants: house letters, case and å/aa', async () => {
		await importXml(
			db,
			sorXml('2026-11-24', [
				aarhus([
					nord({ visiting: at('NØRREVÆNGET', '8 a') }),
					{
						id: '100021000016001',
						name: 'Helhedspleje Aaby',
						type: CODES.locality,
						visiting: at('Aabyvej', '12'),
						...CONTACT,
					},
				]),
			]),
			{ darSource: dar },
		);
		expect(locality('100011000016001').addressStatus).toBe('valid');
		expect(locality('100021000016001').addressStatus).toBe('valid');
	});

	it.each([
		['missing house number', at('Nørrevænget', ''), 'missing', 'visiting-address-missing'],
		['not in DAR', at('Opdigtet Allé', '99'), 'not_found', 'visiting-address-not-in-dar'],
		['retired in DAR', at('Gammel Vej', '1'), 'retired', 'visiting-address-retired'],
	] as const)(
		'holds back a locality whose visiting address is %s',
		async (_label, visiting, status, code) => {
			await importXml(
				db,
				sorXml('2026-11-24', [
					aarhus([nord({ visiting: { ...visiting, number: visiting.number || undefined } })]),
				]),
				{
					darSource: dar,
				},
			);
			expect(locality('100011000016001')).toMatchObject({
				addressStatus: status,
				published: false,
			});
			const [p] = new DataProblemRepository(db).open('kommune-0751');
			expect(p).toMatchObject({ code, severity: 'blocking', sorId: '100011000016001' });
			expect(p?.message).toContain('Helhedspleje Nord');
			expect(p?.action).toMatch(/SOR/);
		},
	);

	it('during a DAR outage keeps unchanged validations and holds back changed addresses', async () => {
		const other = {
			id: '100021000016001',
			name: 'Helhedspleje Aaby',
			type: CODES.locality,
			visiting: at('Åbyvej', '12'),
			...CONTACT,
		};
		await importXml(db, sorXml('2026-11-24', [aarhus([nord(), other])]), { darSource: dar });
		dar.down = true;
		const summary = await importXml(
			db,
			sorXml('2026-11-25', [aarhus([nord(), { ...other, visiting: at('Nørrevænget', '8A') }])]),
			{ darSource: dar },
		);
		expect(summary.addressValidation.outage).toMatch(/testtjenesten svarer ikke/);
		expect(locality('100011000016001')).toMatchObject({ addressStatus: 'valid', published: true });
		expect(locality('100021000016001')).toMatchObject({
			addressStatus: 'pending',
			published: false,
		});
		expect(problems('kommune-0751')).toEqual([
			['100021000016001', 'visiting-address-awaiting-validation'],
		]);
	});

	it('never marks addresses invalid when DAR is down on the first run', async () => {
		dar.down = true;
		await importXml(db, sorXml('2026-11-24', [aarhus([nord()])]), { darSource: dar });
		expect(locality('100011000016001').addressStatus).toBe('pending');
		expect(problems('kommune-0751')).toEqual([
			['100011000016001', 'visiting-address-awaiting-validation'],
		]);
	});

	it('marks a fixed problem resolved with the run date and keeps it as history', async () => {
		await importXml(db, sorXml('2026-11-24', [aarhus([nord({ phone: 'ukendt' })])]), {
			darSource: dar,
		});
		expect(problems('kommune-0751')).toEqual([['100011000016001', 'phone-placeholder']]);
		const summary = await importXml(db, sorXml('2026-11-25', [aarhus([nord()])]), {
			darSource: dar,
			now: () => new Date('2026-11-26T03:00:00Z'),
		});
		expect(summary.problems.resolved.map((p) => p.code)).toEqual(['phone-placeholder']);
		expect(problems('kommune-0751')).toEqual([]);
		expect(new DataProblemRepository(db).resolved('kommune-0751')).toEqual([
			expect.objectContaining({
				code: 'phone-placeholder',
				firstSeenAt: '2026-11-25T03:00:00.000Z',
				resolvedAt: '2026-11-26T03:00:00.000Z',
			}),
		]);
	});

	it('flags duplicates above and below the original, but not teams beneath a locality', async () => {
		const xml = sorXml('2026-11-24', [
			aarhus([
				nord({
					children: [
						{
							id: '100031000016001',
							name: 'Team Nord',
							type: CODES.homeCare,
							visiting: at('Nørrevænget', '8A'),
						},
					],
				}),
				{
					id: '100041000016001',
					name: 'Hjemmeplejen Aaby - helhedsplejeleverandørsted',
					type: CODES.locality,
					visiting: at('Åbyvej', '12'),
					firstFrom: '2025-08-01',
					...CONTACT,
					children: [
						{
							id: '100051000016001',
							name: 'Hjemmeplejen Aaby',
							type: CODES.homeCare,
							visiting: at('Aabyvej', '12'),
							firstFrom: '2011-01-01',
						},
					],
				},
			]),
			odder([
				{
					id: '110051000016001',
					name: 'Hjemmeplejen Odder',
					type: CODES.homeCare,
					visiting: at('Åbyvej', '12'),
					children: [
						{
							id: '110041000016001',
							name: 'Helhedspleje Odder',
							type: CODES.locality,
							visiting: at('Åbyvej', '12'),
							...CONTACT,
						},
					],
				},
			]),
		]);
		await importXml(db, xml, { darSource: dar });
		expect(problems('kommune-0751')).toEqual([['100041000016001', 'probable-duplicate']]);
		const [above] = new DataProblemRepository(db).open('kommune-0751');
		expect(above?.relatedSorId).toBe('100051000016001');
		expect(above?.message).toMatch(
			/Senest oprettet er «Hjemmeplejen Aaby - helhedsplejeleverandørsted»/,
		);
		expect(problems('kommune-0727')).toEqual([['110041000016001', 'probable-duplicate']]);
	});

	it('tells a kommune with home-care units but no locality that it has not migrated', async () => {
		await importXml(
			db,
			sorXml('2026-11-24', [
				odder([{ id: '110051000016001', name: 'Hjemmeplejen Odder', type: CODES.homeCare }]),
			]),
			{ darSource: dar },
		);
		expect(problems('kommune-0727')).toEqual([['110001000016001', 'owner-without-localities']]);
	});

	it('places a private locality in the kommune of its DAR address and routes it to that authority', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'authorities-'));
		const threeAuthorities = join(dir, 'aeldretilsyn.csv');
		const write = (skanderborgAuthority: string) =>
			writeFileSync(
				threeAuthorities,
				[
					'kommunekode;myndighed_id;myndighed_navn;foreloebig',
					'0751;tilsyn-midt;Ældretilsyn Midt;nej',
					'0727;tilsyn-midt;Ældretilsyn Midt;nej',
					`0746;${skanderborgAuthority}`,
					'0461;tilsyn-syd;Ældretilsyn Syd;nej',
				].join('\n'),
			);
		write('tilsyn-nord;Ældretilsyn Nord;nej');
		const privateOwner: EntitySpec = {
			id: '300001000016001',
			name: 'Omsorgsgruppen ApS',
			type: CODES.privat,
			cvr: '12345678',
			postal: { ...at('Havnegade', '10', '5000', 'Odense C'), municipality: '0461' },
			children: [
				{
					id: '300011000016001',
					name: 'Omsorgsgruppen',
					type: CODES.healthAdministration,
					children: [
						{
							id: '300021000016001',
							name: 'Omsorgsgruppen Skanderborg',
							type: CODES.locality,
							visiting: at('Adelgade', '5', '8660', 'Skanderborg'),
							...CONTACT,
						},
					],
				},
			],
		};
		const xml = sorXml('2026-11-24', [aarhus([nord()]), privateOwner]);
		await importXml(db, xml, { darSource: dar, authoritiesPath: threeAuthorities });
		const inspection = new InspectionRepository(db);
		expect(locality('300021000016001').locationMunicipalityCode).toBe('0746');
		expect(inspection.authorityFor('0746')?.id).toBe('tilsyn-nord');
		expect(inspection.authorityFor(locality('100011000016001').locationMunicipalityCode!)?.id).toBe(
			'tilsyn-midt',
		);
		// A change to the table takes effect on the next run.
		write('tilsyn-syd;Ældretilsyn Syd;nej');
		await importXml(db, sorXml('2026-11-25', [aarhus([nord()]), privateOwner]), {
			darSource: dar,
			authoritiesPath: threeAuthorities,
		});
		expect(inspection.authorityFor('0746')?.id).toBe('tilsyn-syd');
		expect(inspection.authorities().map((a) => a.id)).toEqual(['tilsyn-midt', 'tilsyn-syd']);
	});

	it('reports a record SOR sent in an invalid form to its owner', async () => {
		await importXml(
			db,
			sorXml('2026-11-24', [
				aarhus([
					nord(),
					{ id: '100061000016001', name: 'Team', type: CODES.homeCare, firstFrom: '2025-13-45x' },
				]),
			]),
			{ darSource: dar },
		);
		expect(problems('kommune-0751')).toEqual([['100061000016001', 'sor-record-rejected']]);
	});
});
