import { writeFileSync, mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { RegisterDb } from '../../src/lib/server/db/client';
import { RegisterRepository } from '../../src/lib/server/repositories/register-repository';
import { SorEntityRepository } from '../../src/lib/server/repositories/sor-entity-repository';
import { SorEventRepository } from '../../src/lib/server/repositories/sor-event-repository';
import { ImportRunRepository } from '../../src/lib/server/repositories/import-run-repository';
import { ImportLockedError } from '../../src/lib/server/services/import-lock';
import { ImportRefusedError } from '../../src/lib/server/services/sor-import/errors';
import { dumpRegister, importXml } from '../helpers/import-harness';
import { CODES, sorXml, type EntitySpec } from '../helpers/sor-xml';
import { createTestDb } from '../helpers/test-db';

const AARHUS_HALL = {
	street: 'Rådhuspladsen',
	number: '2',
	postcode: '8000',
	district: 'Aarhus C',
	municipality: '0751',
	streetCode: '5800',
};
const address = (street: string, number: string, municipality = '0751') => ({
	street,
	number,
	postcode: '8200',
	district: 'Aarhus N',
	municipality,
});

/** One kommune with the guidance's three shapes, a private owner and unrelated SOR content. */
function country(
	edit: (units: Record<string, EntitySpec>) => void = () => {},
	extraLocalities = 0,
): EntitySpec[] {
	const units: Record<string, EntitySpec> = {
		// shape a: an existing unit whose type was changed
		nord: {
			id: '100011000016001',
			name: 'Helhedspleje Nord',
			type: CODES.locality,
			visiting: address('Nordvej', '1'),
			phone: '87131000',
			email: 'nord@aarhus.dk',
			firstFrom: '2012-03-01',
			from: '2025-07-01',
			children: [
				{
					id: '100021000016001',
					name: 'Team Nord 1',
					type: CODES.homeCare,
					firstFrom: '2012-03-01',
				},
				{
					id: '100031000016001',
					name: 'Natgruppen Nord',
					type: CODES.homeCare,
					firstFrom: '2012-03-01',
				},
			],
		},
		// shape c: a new locality with existing home-care units moved beneath it
		syd: {
			id: '100041000016001',
			name: 'Helhedspleje Syd',
			type: CODES.locality,
			visiting: address('Sydvej', '8A'),
			firstFrom: '2025-07-01',
			children: [
				{
					id: '100051000016001',
					name: 'Hjemmeplejen Syd, gruppe 1',
					type: CODES.homeCare,
					firstFrom: '2010-01-01',
					children: [{ id: '100061000016001', name: 'Aftenholdet', type: CODES.homeCare }],
				},
			],
		},
		// shape b: a duplicate locality above the original home-care unit
		vest: {
			id: '100071000016001',
			name: 'Hjemmeplejen Vest - helhedsplejeleverandørsted',
			type: CODES.locality,
			visiting: address('Vestvej', '3'),
			firstFrom: '2025-08-01',
			children: [
				{
					id: '100081000016001',
					name: 'Hjemmeplejen Vest',
					type: CODES.homeCare,
					visiting: address('Vestvej', '3'),
					firstFrom: '2009-01-01',
				},
			],
		},
		admin: {
			id: '100091000016001',
			name: 'Område Øst',
			type: '550811000005108',
			children: [],
		},
	};
	for (let i = 0; i < extraLocalities; i++) {
		units.admin!.children!.push({
			id: `2${String(i).padStart(4, '0')}1000016001`,
			name: `Helhedspleje Øst ${i + 1}`,
			type: CODES.locality,
			visiting: address('Østvej', String(i + 1)),
			firstFrom: '2025-07-01',
		});
	}
	edit(units);
	return [
		{
			id: '100001000016001',
			name: 'Aarhus Kommune',
			type: CODES.kommune,
			postal: AARHUS_HALL,
			phone: '89402000',
			children: [
				{
					id: '100101000016001',
					name: 'Magistraten for Sundhed og Omsorg',
					type: CODES.healthAdministration,
					children: Object.values(units),
				},
			],
		},
		{
			id: '300001000016001',
			name: 'Omsorgsgruppen ApS',
			type: CODES.privat,
			cvr: '12345678',
			postal: {
				street: 'Havnegade',
				number: '10',
				postcode: '5000',
				district: 'Odense C',
				municipality: '0461',
			},
			children: [
				{
					id: '300011000016001',
					name: 'Omsorgsgruppen Fyn',
					type: CODES.healthAdministration,
					children: [
						{
							id: '300021000016001',
							name: 'Omsorgsgruppen Horsens',
							type: CODES.locality,
							visiting: address('Torvet', '4', '0615'),
						},
					],
				},
			],
		},
		{
			id: '400001000016001',
			name: 'Region Midtjylland',
			type: CODES.region,
			postal: {
				street: 'Skottenborg',
				number: '26',
				postcode: '8800',
				district: 'Viborg',
				municipality: '0791',
			},
			children: [
				{
					id: '400011000016001',
					name: 'Aarhus Universitetshospital',
					type: CODES.hospital,
					children: [{ id: '400021000016001', name: 'Akutafdelingen', type: '550851000005109' }],
				},
			],
		},
	];
}

describe('SOR import', () => {
	let db: RegisterDb;
	beforeEach(() => {
		db = createTestDb();
	});

	it('derives localities, one provider per owner, parent chains and sub-units', async () => {
		const summary = await importXml(db, sorXml('2026-11-24', country()));
		expect(summary.counts.entitiesRead).toBe(17);
		expect(summary.counts.localitiesNew).toBe(4);
		expect(summary.counts.providersNew).toBe(2);
		const register = new RegisterRepository(db);
		expect(register.allProviders().map((p) => [p.id, p.kind])).toEqual([
			['kommune-0751', 'kommune'],
			['cvr-12345678', 'privat'],
		]);
		const localities = register.allLocalities();
		expect([...localities.keys()].sort()).toEqual([
			'100011000016001',
			'100041000016001',
			'100071000016001',
			'300021000016001',
		]);
		const syd = localities.get('100041000016001')!;
		expect(JSON.parse(syd.parentChain).map((p: { sorId: string }) => p.sorId)).toEqual([
			'100001000016001',
			'100101000016001',
		]);
		expect(JSON.parse(syd.subUnits)).toEqual([
			expect.objectContaining({ sorId: '100051000016001', depth: 1 }),
			expect.objectContaining({ sorId: '100061000016001', depth: 2 }),
		]);
		// The private locality lies in Horsens (0615) although its owner sits in Odense.
		expect(register.activeLocalitiesInMunicipality('0615').map((l) => l.sorId)).toEqual([
			'300021000016001',
		]);
		expect(new SorEventRepository(db).forRun(summary.runId).every((e) => e.kind === 'new')).toBe(
			true,
		);
	});

	it('is idempotent: the same snapshot twice changes nothing and adds no history', async () => {
		const xml = sorXml('2026-11-24', country());
		await importXml(db, xml);
		const before = dumpRegister(db);
		const second = await importXml(db, xml);
		expect(dumpRegister(db)).toBe(before);
		expect(second.counts).toMatchObject({
			entitiesNew: 0,
			entitiesChanged: 0,
			entitiesMoved: 0,
			entitiesClosed: 0,
			localitiesNew: 0,
			localitiesChanged: 0,
			localitiesClosed: 0,
		});
	});

	it('records changed fields old → new', async () => {
		await importXml(db, sorXml('2026-11-24', country()));
		const summary = await importXml(
			db,
			sorXml(
				'2026-11-25',
				country((u) => {
					u.nord!.phone = '87131111';
				}),
			),
		);
		// The two teams beneath inherit the contact block (SOR's rule), so they change too.
		expect(summary.counts.entitiesChanged).toBe(3);
		expect(summary.counts.localitiesChanged).toBe(1);
		const events = new SorEventRepository(db).forRun(summary.runId);
		expect(events.map((e) => e.sorId)).toEqual([
			'100011000016001',
			'100021000016001',
			'100031000016001',
		]);
		expect(events[0]).toEqual(
			expect.objectContaining({
				sorId: '100011000016001',
				kind: 'changed',
				snapshotDate: '2026-11-25',
				details: { phone: ['87131000', '87131111'] },
			}),
		);
	});

	it('records a move when a unit appears under another parent', async () => {
		await importXml(db, sorXml('2026-11-24', country()));
		const summary = await importXml(
			db,
			sorXml(
				'2026-11-25',
				country((u) => {
					// Shape c done later: Syd is moved beneath the administrative area.
					u.admin!.children!.push(u.syd!);
					delete u.syd;
				}),
			),
		);
		expect(summary.counts.entitiesMoved).toBe(1);
		expect(summary.counts.localitiesMoved).toBe(1);
		const moved = new SorEventRepository(db)
			.forEntity('100041000016001')
			.find((e) => e.kind === 'moved');
		expect(moved?.details).toEqual({ parentSorId: ['100101000016001', '100091000016001'] });
		const chain = JSON.parse(
			new RegisterRepository(db).allLocalities().get('100041000016001')!.parentChain,
		);
		expect(chain.at(-1).sorId).toBe('100091000016001');
	});

	it('closes a locality whose ToDate has passed, keeps it, and reopens it when SOR does', async () => {
		await importXml(
			db,
			sorXml(
				'2026-11-24',
				country(() => {}, 12),
			),
		);
		const closing = await importXml(
			db,
			sorXml(
				'2026-11-25',
				country((u) => (u.vest!.to = '2026-11-20'), 12),
			),
		);
		expect(closing.counts.localitiesClosed).toBe(1);
		let vest = new RegisterRepository(db).allLocalities().get('100071000016001')!;
		expect(vest).toMatchObject({
			status: 'closed',
			closedReason: 'to_date',
			closedSince: '2026-11-20',
		});
		const reopening = await importXml(
			db,
			sorXml(
				'2026-11-26',
				country(() => {}, 12),
			),
		);
		expect(reopening.counts.localitiesReopened).toBe(1);
		vest = new RegisterRepository(db).allLocalities().get('100071000016001')!;
		expect(vest).toMatchObject({ status: 'active', closedReason: null, closedSince: null });
		expect(new SorEventRepository(db).forEntity('100071000016001').map((e) => e.kind)).toEqual([
			'new',
			'changed',
			'closed',
			'changed',
			'reopened',
		]);
	});

	it('keeps a unit open on its ToDate (the last valid day)', async () => {
		await importXml(
			db,
			sorXml(
				'2026-11-24',
				country((u) => (u.vest!.to = '2026-11-24')),
			),
		);
		expect(new RegisterRepository(db).allLocalities().get('100071000016001')?.status).toBe(
			'active',
		);
	});

	it('marks a locality that vanished from the snapshot closed, never deleting it', async () => {
		await importXml(
			db,
			sorXml(
				'2026-11-24',
				country(() => {}, 12),
			),
		);
		const summary = await importXml(
			db,
			sorXml(
				'2026-11-25',
				country((u) => delete u.vest, 12),
			),
		);
		expect(summary.counts.localitiesClosed).toBe(1);
		const entity = new SorEntityRepository(db).get('100081000016001');
		expect(entity).toMatchObject({ status: 'closed', closedReason: 'missing', inSnapshot: false });
		expect(new RegisterRepository(db).allLocalities().get('100071000016001')).toMatchObject({
			status: 'closed',
			closedReason: 'missing',
			closedSince: '2026-11-25',
		});
	});

	it('closes a locality whose unit type is changed back, keeping the entity active', async () => {
		await importXml(
			db,
			sorXml(
				'2026-11-24',
				country(() => {}, 12),
			),
		);
		await importXml(
			db,
			sorXml(
				'2026-11-25',
				country((u) => (u.nord!.type = CODES.homeCare), 12),
			),
		);
		expect(new RegisterRepository(db).allLocalities().get('100011000016001')).toMatchObject({
			status: 'closed',
			closedReason: 'type_changed',
		});
		expect(new SorEntityRepository(db).get('100011000016001')?.status).toBe('active');
	});

	it('refuses a run that would close more than 10 % of active localities, unless allowed', async () => {
		await importXml(db, sorXml('2026-11-24', country()));
		const before = dumpRegister(db);
		const shrunk = sorXml(
			'2026-11-25',
			country((u) => {
				delete u.nord;
				delete u.vest;
			}),
		);
		await expect(importXml(db, shrunk)).rejects.toThrow(ImportRefusedError);
		await expect(importXml(db, shrunk)).rejects.toThrow(/--allow-mass-close/);
		expect(dumpRegister(db)).toBe(before);
		expect(new ImportRunRepository(db).latest('sor')?.status).toBe('refused');
		const allowed = await importXml(db, shrunk, { allowMassClose: true });
		expect(allowed.counts.localitiesClosed).toBe(2);
	});

	it.each([
		['truncated', (xml: string) => xml.slice(0, Math.floor(xml.length * 0.6))],
		[
			'malformed',
			(xml: string) =>
				xml.replace('<sor1:EntityName>Helhedspleje Syd', '<sor1:EntityName>Helhedspleje <Syd'),
		],
		['wrong root', (xml: string) => xml.replace(/SorTree/g, 'Noget')],
	])('leaves the register exactly as it was on a %s file', async (_label, spoil) => {
		await importXml(db, sorXml('2026-11-24', country()));
		const before = dumpRegister(db);
		const xml = sorXml(
			'2026-11-25',
			country((u) => (u.nord!.phone = '11111111')),
		);
		await expect(importXml(db, spoil(xml))).rejects.toThrow();
		expect(dumpRegister(db)).toBe(before);
		const run = new ImportRunRepository(db).latest('sor');
		expect(run?.status).toBe('failed');
		expect(run?.message).toBeTruthy();
	});

	it('refuses a second import while one holds the lock', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'lock-test-'));
		const lockPath = join(dir, 'import.lock');
		writeFileSync(lockPath, `${process.pid}\n2026-11-25T02:00:00Z\n`);
		await expect(importXml(db, sorXml('2026-11-24', country()), { lockPath })).rejects.toThrow(
			ImportLockedError,
		);
		expect(new RegisterRepository(db).allLocalities().size).toBe(0);
		expect(existsSync(lockPath)).toBe(true);
	});

	it('takes over a stale lock left by a dead process and releases it afterwards', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'lock-test-'));
		const lockPath = join(dir, 'import.lock');
		writeFileSync(lockPath, `999999999\n2026-11-20T02:00:00Z\n`);
		await importXml(db, sorXml('2026-11-24', country()), { lockPath });
		expect(existsSync(lockPath)).toBe(false);
	});

	it('reports records that fail validation with SOR-ID and reason, and does not close them', async () => {
		await importXml(db, sorXml('2026-11-24', country()));
		const summary = await importXml(
			db,
			sorXml(
				'2026-11-25',
				country((u) => (u.nord!.firstFrom = '1. marts 2012')),
			),
		);
		expect(summary.counts.recordsRejected).toBe(1);
		expect(summary.rejections[0]).toMatchObject({ sorId: '100011000016001' });
		expect(summary.rejections[0]?.reason).toMatch(/firstFromDate/);
		expect(new ImportRunRepository(db).rejections(summary.runId)).toHaveLength(1);
		expect(new RegisterRepository(db).allLocalities().get('100011000016001')?.status).toBe(
			'active',
		);
	});

	it('refuses a snapshot older than the one the register holds', async () => {
		await importXml(db, sorXml('2026-11-24', country()));
		await expect(importXml(db, sorXml('2026-11-20', country()))).rejects.toThrow(/ældre/);
	});

	it('keeps the provider id when a kommune owner gets a new SOR-ID', async () => {
		await importXml(db, sorXml('2026-11-24', country()));
		const renumbered = country();
		renumbered[0]!.id = '100001000016999';
		await importXml(db, sorXml('2026-11-25', renumbered));
		const providers = new RegisterRepository(db).allProviders();
		expect(providers.filter((p) => p.kind === 'kommune').map((p) => [p.id, p.ownerSorId])).toEqual([
			['kommune-0751', '100001000016999'],
		]);
	});

	it('does not register future units until they start', async () => {
		const future = (u: Record<string, EntitySpec>) => (u.syd!.firstFrom = '2027-01-01');
		await importXml(db, sorXml('2026-11-24', country(future)));
		expect(new RegisterRepository(db).allLocalities().has('100041000016001')).toBe(false);
		const later = await importXml(db, sorXml('2027-01-01', country(future)));
		expect(later.counts.localitiesNew).toBe(1);
	});
});
