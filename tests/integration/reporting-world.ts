/**
 * A small register for the reporting and auth tests, built with the real SOR importer: two
 * kommuner (Aarhus 0751, Odder 0727) covered by two Ældretilsyn authorities, a few localities
 * (one with a probable duplicate), and one account per role and scope. Hashing is cheap here
 * (scrypt N = 2^10); one test in auth-password.test.ts uses the production parameters.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor } from '../../src/lib/domain/auth/roles';
import { createEditorRuntime, type EditorRuntime } from '../../src/lib/server/auth/editor-runtime';
import { PasswordHasher } from '../../src/lib/server/auth/password-hasher';
import { LoginRateLimiter, WriteRateLimiter } from '../../src/lib/server/auth/rate-limits';
import type { RegisterDb } from '../../src/lib/server/db/client';
import { COMMAND_LINE } from '../../src/lib/server/services/accounts/audit-actor';
import { darAddress, InMemoryDarSource } from '../helpers/fake-dar';
import { importXml } from '../helpers/import-harness';
import {
	aarhusKommune,
	at,
	CODES,
	odderKommune,
	sorXml,
	type EntitySpec,
} from '../helpers/sor-xml';
import { createTestDb } from '../helpers/test-db';

/** A clock the test winds forward. */
export class FakeClock {
	constructor(public ms: number) {}
	static at(iso: string): FakeClock {
		return new FakeClock(Date.parse(iso));
	}
	readonly now = (): Date => new Date(this.ms);
	readonly nowMs = (): number => this.ms;
	advance(ms: number): void {
		this.ms += ms;
	}
}

/** Cheap scrypt for tests (N = 2^10); same code path as production. */
export const TEST_HASHER_PARAMS = { logN: 10, r: 8, p: 1, keyLength: 32 };

export const SOR = {
	nord: '100011000016001',
	aaby: '100041000016001',
	aabyOriginal: '100051000016001',
	odder: '110011000016001',
} as const;

const CONTACT = { phone: '87131000', email: 'pleje@aarhus.dk', website: 'www.aarhus.dk' };

/** The SOR tree of the world; `overrides` changes units by SOR-ID (to simulate SOR changes). */
export function worldXml(
	snapshotDate = '2026-11-24',
	overrides: Record<string, Partial<EntitySpec>> = {},
): string {
	const unit = (spec: EntitySpec): EntitySpec => ({ ...spec, ...(overrides[spec.id] ?? {}) });
	return sorXml(snapshotDate, [
		aarhusKommune([
			unit({
				id: SOR.nord,
				name: 'Helhedspleje Nord',
				type: CODES.locality,
				visiting: at('Nørrevænget', '8A', '8200', 'Aarhus N'),
				...CONTACT,
			}),
			unit({
				id: SOR.aaby,
				name: 'Hjemmeplejen Aaby - helhedsplejeleverandørsted',
				type: CODES.locality,
				visiting: at('Åbyvej', '12', '8200', 'Aarhus N'),
				firstFrom: '2025-08-01',
				...CONTACT,
				children: [
					unit({
						id: SOR.aabyOriginal,
						name: 'Hjemmeplejen Aaby',
						type: CODES.homeCare,
						visiting: at('Åbyvej', '12', '8200', 'Aarhus N'),
						firstFrom: '2011-01-01',
					}),
				],
			}),
		]),
		odderKommune([
			unit({
				id: SOR.odder,
				name: 'Helhedspleje Odder',
				type: CODES.locality,
				visiting: at('Rosensgade', '1', '8300', 'Odder'),
				...CONTACT,
			}),
		]),
	]);
}

const DAR = [
	darAddress('Nørrevænget', '8A', '8200', '0751'),
	darAddress('Åbyvej', '12', '8200', '0751'),
	darAddress('Rosensgade', '1', '8300', '0727'),
];

/** Two authorities: Midt covers Aarhus, Syd covers Odder. */
export function authoritiesFile(): string {
	const dir = mkdtempSync(join(tmpdir(), 'plejeoverblik-authorities-'));
	const path = join(dir, 'aeldretilsyn.csv');
	writeFileSync(
		path,
		'kommunekode;myndighed_id;myndighed_navn;foreloebig\n0751;tilsyn-midt;Ældretilsyn Midt;ja\n0727;tilsyn-syd;Ældretilsyn Syd;ja\n',
	);
	return path;
}

/** Runs the real SOR import of the world (again) into a database. */
export async function importWorld(
	db: RegisterDb,
	snapshotDate = '2026-11-24',
	overrides: Record<string, Partial<EntitySpec>> = {},
	authoritiesPath = authoritiesFile(),
): Promise<void> {
	await importXml(db, worldXml(snapshotDate, overrides), {
		darSource: new InMemoryDarSource(DAR),
		authoritiesPath,
		now: () => new Date(`${snapshotDate}T03:00:00Z`),
		// The world is tiny: closing one of three localities is a real change, not a broken extract.
		massCloseThreshold: 1,
	});
}

/** The world: database, runtime with a fake clock, and one actor per role and scope. */
export interface World {
	db: RegisterDb;
	clock: FakeClock;
	rt: EditorRuntime;
	admin: Actor;
	aarhus: Actor;
	odder: Actor;
	midt: Actor;
	syd: Actor;
	password: string;
}

export const PASSWORD = 'korrekt hest batteri klips';

/** Builds the world. */
export async function createWorld(options: { minRespondents?: number } = {}): Promise<World> {
	const db = createTestDb();
	await importWorld(db);
	const clock = FakeClock.at('2026-11-25T10:00:00Z');
	const rt = createEditorRuntime({
		db,
		clock: clock.now,
		hasher: new PasswordHasher(TEST_HASHER_PARAMS),
		loginLimiter: new LoginRateLimiter(undefined, clock.nowMs),
		writeLimiter: new WriteRateLimiter(undefined, clock.nowMs),
		surveyMinRespondents: options.minRespondents,
	});
	const make = async (
		email: string,
		role: string,
		scope: { providerId?: string; authorityId?: string } = {},
	): Promise<Actor> => {
		const result = await rt.accounts.create(COMMAND_LINE, {
			email,
			name: email.split('@')[0]!,
			role,
			password: PASSWORD,
			...scope,
		});
		if (!result.ok) throw new Error(JSON.stringify(result.errors));
		const a = result.value;
		return {
			id: a.id,
			email: a.email,
			name: a.name,
			role: a.role,
			providerId: a.providerId,
			authorityId: a.authorityId,
		};
	};
	return {
		db,
		clock,
		rt,
		password: PASSWORD,
		admin: await make('admin@example.dk', 'administrator'),
		aarhus: await make('redaktoer@aarhus.dk', 'provider_editor', { providerId: 'kommune-0751' }),
		odder: await make('redaktoer@odder.dk', 'provider_editor', { providerId: 'kommune-0727' }),
		midt: await make('tilsyn@midt.dk', 'inspection_editor', { authorityId: 'tilsyn-midt' }),
		syd: await make('tilsyn@syd.dk', 'inspection_editor', { authorityId: 'tilsyn-syd' }),
	};
}

/** A valid staff form. */
export function staffForm(overrides: Record<string, string> = {}): Record<string, string> {
	return {
		year: '2026',
		part: 'K1',
		headcount_nurses: '4',
		fte_nurses: '3,5',
		headcount_care_assistants: '10',
		fte_care_assistants: '8,25',
		headcount_care_helpers: '20',
		fte_care_helpers: '15',
		headcount_therapists: '2',
		fte_therapists: '1,5',
		headcount_other: '1',
		fte_other: '1',
		sickness: '6,5',
		...overrides,
	};
}

/** A valid survey form answering the first two catalogue questions. */
export function surveyForm(overrides: Record<string, string> = {}): Record<string, string> {
	return {
		name: 'Brugertilfredshed i hjemmeplejen',
		year: '2025',
		part: 'year',
		method: 'phone',
		invited: '40',
		responded: '30',
		'q_tryghed-medarbejdere': '90',
		'q_tilfredshed-samlet': '80',
		...overrides,
	};
}

/** A valid inspection form. */
export function inspectionForm(overrides: Record<string, string> = {}): Record<string, string> {
	return {
		visit_date: '2026-10-01',
		announced: 'ja',
		theme_self: 'Borgerne bestemmer selv over deres hverdag.',
		theme_trust: 'Der er tillid til medarbejderne.',
		theme_relatives: 'Pårørende inddrages.',
		status: 'vurdering-afgivet',
		status_text: 'Tilsynet fandt ingen alvorlige problemer.',
		summary: 'Et godt besøg.\n\nSe rapporten.',
		...overrides,
	};
}

/** A minimal well-formed PDF. */
export function pdfBytes(text = 'tilsyn'): Uint8Array {
	return new TextEncoder().encode(
		`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
	);
}

/**
 * The world in a database file for a running server (browser and HTTP tests): the same SOR data
 * and one account per role and scope, all with the password `PASSWORD`.
 */
export async function seedWorldDatabase(path: string): Promise<void> {
	const { openMigratedDatabase } = await import('../../src/lib/server/db/client');
	const { AccountService } = await import('../../src/lib/server/services/accounts/account-service');
	const db = openMigratedDatabase(path);
	try {
		await importWorld(db);
		const accounts = new AccountService(
			db,
			new PasswordHasher(TEST_HASHER_PARAMS),
			() => new Date(),
		);
		const people: [string, string, Record<string, string>][] = [
			['admin@example.dk', 'administrator', {}],
			['redaktoer@aarhus.dk', 'provider_editor', { providerId: 'kommune-0751' }],
			['redaktoer@odder.dk', 'provider_editor', { providerId: 'kommune-0727' }],
			['tilsyn@midt.dk', 'inspection_editor', { authorityId: 'tilsyn-midt' }],
			['tilsyn@syd.dk', 'inspection_editor', { authorityId: 'tilsyn-syd' }],
		];
		for (const [email, role, scope] of people) {
			const result = await accounts.create(COMMAND_LINE, {
				email,
				name: email.split('@')[0]!,
				role,
				password: PASSWORD,
				...scope,
			});
			if (!result.ok) throw new Error(JSON.stringify(result.errors));
		}
	} finally {
		db.$client.close();
	}
}
