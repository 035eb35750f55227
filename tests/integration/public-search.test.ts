import { beforeAll, describe, expect, it } from 'vitest';
import type { RegisterDb } from '../../src/lib/server/db/client';
import { ftsMatchExpression, foldSearchText } from '../../src/lib/domain/public/search-text';
import { PublicRegisterRepository } from '../../src/lib/server/repositories/public-register-repository';
import { SearchRepository } from '../../src/lib/server/repositories/search-repository';
import {
	readSearchInput,
	SearchService,
} from '../../src/lib/server/services/public/search-service';
import { InMemoryDarSource } from '../helpers/fake-dar';
import { importXml } from '../helpers/import-harness';
import { createTestDb } from '../helpers/test-db';
import {
	fixtureDarAddresses,
	fixtureOwners,
	fixtureSnapshots,
	IDS,
} from '../e2e/fixture/register-fixture';
import { sorXml } from '../helpers/sor-xml';

describe('full-text search (FTS5)', () => {
	let db: RegisterDb;
	let service: SearchService;
	const dar = new InMemoryDarSource(fixtureDarAddresses());
	const find = (q: string, extra: Record<string, string> = {}) =>
		service.find(readSearchInput(new URLSearchParams({ q, ...extra })));
	const names = (q: string, extra: Record<string, string> = {}) =>
		find(q, extra)
			.items.map((item) => item.name)
			.sort();

	beforeAll(async () => {
		db = createTestDb();
		for (const xml of fixtureSnapshots()) {
			await importXml(db, xml, { darSource: dar, massCloseThreshold: 1 });
		}
		service = new SearchService(new SearchRepository(db), new PublicRegisterRepository(db));
	});

	it('finds by name, street, postcode, district and kommune name', () => {
		expect(names('Nørrebro')).toEqual(['Helhedspleje Nørrebro']);
		expect(names('Jægergårdsgade')).toEqual(['Omsorgsgruppen Aarhus']);
		expect(names('8230')).toEqual(['Hjemmeplejen Åbyhøj']);
		expect(names('Horsens')).toEqual(['Omsorgsgruppen Horsens']);
		expect(names('Odder kommune')).toEqual(['Ældreplejen Odder']);
		expect(names(IDS.amager)).toEqual(['Hjemmeplejen Amager']);
	});

	it('is tolerant of case, aa/å and missing diacritics', () => {
		expect(names('ÅBYHØJ')).toEqual(['Hjemmeplejen Åbyhøj']);
		expect(names('aabyhoej')).toEqual(['Hjemmeplejen Åbyhøj']);
		expect(names('abyhoj')).toEqual(['Hjemmeplejen Åbyhøj']);
		expect(names('kobenhavn')).toEqual(['Hjemmeplejen Amager']);
		expect(names('København')).toEqual(['Hjemmeplejen Amager']);
		expect(names('orestads')).toEqual(['Hjemmeplejen Amager']);
		expect(names('Aeldreplejen')).toEqual(['Ældreplejen Odder']);
		expect(names('Arhus')).toEqual(names('Aarhus'));
		expect(names('Århus')).toEqual(names('Aarhus'));
		expect(names('aarhus').length).toBeGreaterThan(0);
	});

	it('matches word prefixes and requires every word', () => {
		expect(names('omsorg')).toEqual(['Omsorgsgruppen Aarhus', 'Omsorgsgruppen Horsens']);
		expect(names('omsorg horsens')).toEqual(['Omsorgsgruppen Horsens']);
		expect(names('omsorg odder')).toEqual([]);
	});

	it('is safe against FTS query syntax in user input', () => {
		for (const q of [
			'foo AND -',
			'"',
			'""',
			'*',
			'NEAR(a b)',
			'name:x',
			'a OR b',
			'(',
			"'; DROP TABLE localities; --",
			'^start',
			'-',
			'Åbyhøj"*',
		]) {
			expect(() => find(q), q).not.toThrow();
		}
		expect(names('Åbyhøj"*')).toEqual(['Hjemmeplejen Åbyhøj']);
		expect(names('NOT')).toEqual([]);
		expect(ftsMatchExpression('a OR b')).toBe('"a"* "or"* "b"*');
	});

	it('never returns held-back or closed localities', () => {
		expect(names('Vestervang')).toEqual([]);
		expect(names('Skanderborg')).toEqual([]);
		expect(names('Sydvej')).toEqual([]);
	});

	it('filters by kommune and by owner type, and lists all without words', () => {
		expect(names('', { kommune: '0751' })).toEqual([
			'Helhedspleje Nørrebro',
			'Hjemmeplejen Åbyhøj',
			'Omsorgsgruppen Aarhus',
		]);
		expect(names('', { kommune: '0751', ejer: 'privat' })).toEqual(['Omsorgsgruppen Aarhus']);
		expect(names('aarhus', { ejer: 'kommunal' })).toEqual([
			'Helhedspleje Nørrebro',
			'Hjemmeplejen Åbyhøj',
		]);
		expect(find('').total).toBe(6);
		expect(find('', { kommune: 'x', ejer: 'bad' }).input).toMatchObject({
			municipalityCode: null,
			owner: null,
		});
	});

	it('pages results', () => {
		const service20 = new SearchService(new SearchRepository(db), new PublicRegisterRepository(db));
		const first = service20.find({ query: '', municipalityCode: null, owner: null, page: 1 });
		expect(first).toMatchObject({ total: 6, pages: 1, page: 1 });
		const beyond = service20.find({ query: '', municipalityCode: null, owner: null, page: 5 });
		expect(beyond.items).toEqual([]);
		expect(beyond.total).toBe(6);
	});

	it('keeps the index current when SOR renames a locality', async () => {
		const renamed = fixtureOwners(true);
		renamed[0]!.children![0]!.children![0]!.name = 'Hjemmeplejen Fuglebakken';
		await importXml(db, sorXml('2026-11-25', renamed), { darSource: dar, massCloseThreshold: 1 });
		expect(names('Fuglebakken')).toEqual(['Hjemmeplejen Fuglebakken']);
		// The old name is gone; the place is still found by its address, under the new name.
		expect(find('Fuglebakken').items[0]?.sorId).toBe(IDS.aabyhoej);
		expect(names('Åbyvej')).toEqual(['Hjemmeplejen Fuglebakken']);
		expect(names('Hjemmeplejen Åbyhøj')).toEqual(['Hjemmeplejen Fuglebakken']);
	});

	it('folds the query exactly as the migration folds the index', () => {
		const samples = [
			'Århus',
			'AABENRAA',
			'Ærø',
			'Søren Kierkegaards Plads',
			'Øster Snede',
			'Koefoed',
		];
		const view = db.$client.prepare(
			`SELECT replace(replace(replace(replace(replace(replace(replace(replace(lower(?), 'æ', 'ae'), 'Æ', 'ae'), 'ø', 'o'), 'Ø', 'o'), 'å', 'a'), 'Å', 'a'), 'aa', 'a'), 'oe', 'o') AS folded`,
		);
		const migration = db.$client
			.prepare(`SELECT sql FROM sqlite_master WHERE name = 'search_documents'`)
			.pluck()
			.get() as string;
		// The expression tested here is the one in the view.
		expect(migration).toContain(
			"), 'æ', 'ae'), 'Æ', 'ae'), 'ø', 'o'), 'Ø', 'o'), 'å', 'a'), 'Å', 'a'), 'aa', 'a'), 'oe', 'o')",
		);
		for (const text of samples) {
			const sqlFolded = (view.get(text) as { folded: string }).folded.toLowerCase();
			expect(foldSearchText(text), text).toBe(sqlFolded);
		}
	});
});
