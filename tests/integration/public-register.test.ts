import { beforeAll, describe, expect, it } from 'vitest';
import type { RegisterDb } from '../../src/lib/server/db/client';
import { AuditRepository } from '../../src/lib/server/repositories/audit-repository';
import { PublicRegisterRepository } from '../../src/lib/server/repositories/public-register-repository';
import { RegisterPages } from '../../src/lib/server/services/public/register-pages';
import { SiteService } from '../../src/lib/server/services/public/site-service';
import { ImportRunRepository } from '../../src/lib/server/repositories/import-run-repository';
import { InMemoryDarSource } from '../helpers/fake-dar';
import { importXml } from '../helpers/import-harness';
import { createTestDb } from '../helpers/test-db';
import { fixtureDarAddresses, fixtureSnapshots, IDS } from '../e2e/fixture/register-fixture';

/** The fixture register after both snapshots, imported by the real importer. */
async function fixtureDb(): Promise<RegisterDb> {
	const db = createTestDb();
	const dar = new InMemoryDarSource(fixtureDarAddresses());
	const [first, second] = fixtureSnapshots();
	await importXml(db, first, { darSource: dar, massCloseThreshold: 1 });
	await importXml(db, second, { darSource: dar, massCloseThreshold: 1 });
	return db;
}

describe('public register pages', () => {
	let db: RegisterDb;
	let pages: RegisterPages;
	beforeAll(async () => {
		db = await fixtureDb();
		pages = new RegisterPages(new PublicRegisterRepository(db));
	});

	it('counts only published, active localities on the home page', () => {
		const home = pages.home();
		expect(home.localitiesShown).toBe(6);
		expect(home.municipalities).toHaveLength(98);
		expect(home.municipalities.find((m) => m.code === '0751')).toMatchObject({
			localitiesShown: 3,
			ownProviderId: 'kommune-0751',
			ownHeldBack: 1,
		});
	});

	it("lists the kommune's own provider first, then private providers with localities there", () => {
		const view = pages.municipality('0751')!;
		expect(view.providers.map((p) => p.provider.id)).toEqual(['kommune-0751', 'cvr-12345678']);
		expect(view.providers[0]!.localities.map((l) => l.name)).toEqual([
			'Helhedspleje Nørrebro',
			'Hjemmeplejen Åbyhøj',
		]);
		// The private provider appears with its Aarhus locality only, not the one in Horsens.
		expect(view.providers[1]!.localities.map((l) => l.sorId)).toEqual([IDS.omsorgAarhus]);
		expect(view.empty).toBeNull();
		expect(view.ownHeldBack).toBe(1);
	});

	it('says why a kommune shows nothing: not in SOR, or held back by errors', () => {
		expect(pages.municipality('0741')?.empty).toEqual({ kind: 'not_in_sor' });
		expect(pages.municipality('0746')?.empty).toEqual({
			kind: 'held_back',
			heldBack: 1,
			ownerKey: 'kommune-0746',
		});
		expect(pages.municipality('9999')).toBeNull();
		expect(pages.municipality('abc')).toBeNull();
	});

	it('shows a private provider across kommuner with aggregated figures', () => {
		const view = pages.provider('cvr-12345678')!;
		expect(view.provider).toMatchObject({
			kind: 'privat',
			cvr: '12345678',
			name: 'Omsorgsgruppen ApS',
		});
		expect(view.figures.localitiesShown).toBe(2);
		// Danish collation: "Aarhus" sorts as "Århus", after Horsens.
		expect(view.figures.locationMunicipalities.map((m) => m.name)).toEqual(['Horsens', 'Aarhus']);
		const aarhus = pages.provider('kommune-0751')!;
		expect(aarhus.figures).toMatchObject({ localitiesShown: 2, heldBack: 1, closed: 1 });
		expect(pages.provider('cvr-00000000')).toBeNull();
		expect(pages.provider('../etc')).toBeNull();
	});

	it('gives a shown locality its contact data, position, authority and history', () => {
		const view = pages.locality(IDS.noerrebro)!;
		expect(view.kind).toBe('shown');
		expect(view.locality).toMatchObject({
			phone: '87132222',
			locationMunicipalityName: 'Aarhus',
			authorityName: 'Ældretilsynet',
			lat: 56.1802,
		});
		expect(view.details.visitingAddress).toBe('Nørrevænget 8A, 8200 Aarhus N');
		expect(view.details.subUnits.map((u) => u.name)).toEqual(['Team Nørrebro']);
		// Newest first, in Danish, with the changed field old → new.
		expect(view.details.history[0]).toEqual({
			date: '24. november 2026',
			title: 'Ændret i SOR',
			changes: [{ field: 'Telefon', from: '87132000', to: '87132222' }],
		});
		expect(view.details.history.at(-1)?.title).toBe('Oprettet i SOR');
	});

	it('keeps a closed locality with its closing date and history', () => {
		const view = pages.locality(IDS.syd)!;
		expect(view.kind).toBe('closed');
		expect(view.locality).toMatchObject({ status: 'closed', closedSince: '2026-11-22' });
		expect(view.details.history.map((line) => line.title)).toContain(
			'Lukket: gyldig til 22. november 2026 i SOR',
		);
	});

	it('answers for a held-back locality but marks it held back; unknown ids are null', () => {
		expect(pages.locality(IDS.vest)?.kind).toBe('held_back');
		expect(pages.locality(IDS.vest)?.locality.addressStatus).toBe('not_found');
		expect(pages.locality('999999999999999')).toBeNull();
		expect(pages.locality('drop table')).toBeNull();
	});

	it('builds map data for exactly what each page lists', () => {
		const all = pages.mapData({})!;
		expect(all.features).toHaveLength(6);
		const kommune = pages.mapData({ municipality: '0751' })!;
		expect(kommune.features.map((f) => f.properties.sorId).sort()).toEqual(
			[IDS.aabyhoej, IDS.noerrebro, IDS.omsorgAarhus].sort(),
		);
		expect(pages.mapData({ locality: IDS.vest })!.features).toHaveLength(0);
		expect(pages.mapData({ locality: IDS.amager })!.features[0]!.geometry.coordinates).toEqual([
			12.5801, 55.6331,
		]);
		expect(pages.mapData({ provider: 'cvr-99999999' })).toBeNull();
	});

	it('moves the data version exactly when an import succeeds', async () => {
		const repository = new PublicRegisterRepository(db);
		const before = repository.importVersion();
		await expect(importXml(db, '<broken')).rejects.toThrow();
		expect(repository.importVersion()).toBe(before);
		await importXml(db, fixtureSnapshots()[1], {
			darSource: new InMemoryDarSource(fixtureDarAddresses()),
			massCloseThreshold: 1,
		});
		const afterImport = repository.importVersion();
		expect(afterImport).not.toBe(before);
		expect(repository.importVersion()).toBe(afterImport);
	});

	it('moves the data version when reported content changes, even in another process', () => {
		const repository = new PublicRegisterRepository(db);
		const before = repository.importVersion();
		// What every editor change does in its transaction (AuditRepository is shared by all).
		new AuditRepository(db).bumpContentRevision('2026-11-25T12:00:00.000Z');
		expect(repository.importVersion()).not.toBe(before);
	});

	it('says whether the register holds sample data, by the latest successful SOR import', async () => {
		const fresh = createTestDb();
		const status = () => new SiteService(new ImportRunRepository(fresh)).siteStatus();
		expect(status()).toEqual({ lastSorImportAt: null, snapshotDate: null, isSampleData: false });
		const [first, second] = fixtureSnapshots();
		await importXml(fresh, first!, { isSampleData: true });
		expect(status()).toMatchObject({ isSampleData: true, snapshotDate: expect.any(String) });
		// Real data replacing the sample takes the notice away from every page.
		await importXml(fresh, second!, { isSampleData: false, massCloseThreshold: 1 });
		expect(status().isSampleData).toBe(false);
	});
});
