import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RegisterDb } from '../../src/lib/server/db/client';
import { createDarSource } from '../../src/lib/server/dar/create-dar-source';
import { PublicGeoRepository } from '../../src/lib/server/repositories/public-geo-repository';
import { PublicRegisterRepository } from '../../src/lib/server/repositories/public-register-repository';
import { importDarExtract } from '../../src/lib/server/services/dar-import';
import { NearService } from '../../src/lib/server/services/public/near-service';
import { InMemoryDarSource } from '../helpers/fake-dar';
import { importXml } from '../helpers/import-harness';
import { createTestDb } from '../helpers/test-db';
import {
	fixtureDarAddresses,
	fixtureDarCsv,
	fixtureSnapshots,
	IDS,
} from '../e2e/fixture/register-fixture';

describe('near an address', () => {
	let db: RegisterDb;
	let near: NearService;

	beforeAll(async () => {
		db = createTestDb();
		const dir = mkdtempSync(join(tmpdir(), 'near-test-'));
		writeFileSync(join(dir, 'dar.csv'), fixtureDarCsv());
		// The real DAR import fills the local table that postcode centres and createDarSource use.
		await importDarExtract({ db, path: join(dir, 'dar.csv'), lockPath: join(dir, 'lock') });
		for (const xml of fixtureSnapshots()) {
			await importXml(db, xml, { darSource: createDarSource(db), massCloseThreshold: 1 });
		}
		near = new NearService(
			() => createDarSource(db),
			new PublicGeoRepository(db),
			new PublicRegisterRepository(db),
		);
	});

	it('sorts shown localities by straight-line distance from a street address', async () => {
		const result = await near.near('Jægergårdsgade 5, 8000 Aarhus C');
		expect(result.kind).toBe('found');
		if (result.kind !== 'found') return;
		expect(result.origin).toMatchObject({ precision: 'address', lat: 56.1497 });
		expect(result.items[0]).toMatchObject({ sorId: IDS.omsorgAarhus });
		expect(result.items[0]!.distanceMetres).toBeLessThan(1);
		const distances = result.items.map((item) => item.distanceMetres);
		expect(distances).toEqual([...distances].sort((a, b) => a - b));
		// Held-back and closed localities are never listed.
		expect(result.items.map((item) => item.sorId)).not.toContain(IDS.vest);
		expect(result.items.map((item) => item.sorId)).not.toContain(IDS.syd);
		expect(result.items.at(-1)?.sorId).toBe(IDS.amager);
	});

	it('accepts a postcode and starts from the middle of its DAR addresses', async () => {
		const result = await near.near('8300');
		expect(result).toMatchObject({
			kind: 'found',
			origin: { precision: 'postcode', label: '8300 Odder' },
		});
		if (result.kind === 'found') expect(result.items[0]?.sorId).toBe(IDS.odder);
	});

	it('gives a clear outcome for unknown, retired or incomplete addresses', async () => {
		expect(await near.near('Findesikkevej 1, 8000')).toMatchObject({ kind: 'unknown_address' });
		expect(await near.near('9999')).toEqual({ kind: 'unknown_postcode', postcode: '9999' });
		expect(await near.near('Jægergårdsgade 5')).toEqual({
			kind: 'invalid',
			reason: 'missing_postcode',
		});
		expect(await near.near('Aarhus')).toEqual({ kind: 'invalid', reason: 'missing_house_number' });
		expect(await near.near('')).toEqual({ kind: 'none' });
		expect(await near.near(null)).toEqual({ kind: 'none' });
		const retired = new NearService(
			() =>
				new InMemoryDarSource([
					{ ...fixtureDarAddresses()[0]!, streetName: 'Gamle Vej', status: 'nedlagt' },
				]),
			new PublicGeoRepository(db),
			new PublicRegisterRepository(db),
		);
		expect(await retired.near(`Gamle Vej 12, 8230`)).toMatchObject({ kind: 'retired_address' });
	});

	it('says so when DAR cannot answer, instead of an empty list', async () => {
		const down = new InMemoryDarSource([]);
		down.down = true;
		const service = new NearService(
			() => down,
			new PublicGeoRepository(db),
			new PublicRegisterRepository(db),
		);
		expect(await service.near('Jægergårdsgade 5, 8000')).toEqual({ kind: 'unavailable' });
	});
});
