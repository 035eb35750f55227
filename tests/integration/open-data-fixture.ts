import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RegisterDb } from '../../src/lib/server/db/client';
import { AccountRepository } from '../../src/lib/server/repositories/account-repository';
import { AuditRepository } from '../../src/lib/server/repositories/audit-repository';
import { FileRepository } from '../../src/lib/server/repositories/file-repository';
import { ReportingInspectionRepository } from '../../src/lib/server/repositories/reporting-inspection-repository';
import { ReportingStaffRepository } from '../../src/lib/server/repositories/reporting-staff-repository';
import { ReportingSurveyRepository } from '../../src/lib/server/repositories/reporting-survey-repository';
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

/*
 * A small register built the real way (migrations, SOR importer, DAR validation) plus reported
 * content written through the reporting repositories, for the open-data and overview tests.
 */

/** SOR-IDs of the fixture's localities. */
export const IDS = {
	nord: '100011000016001',
	syd: '100021000016001',
	heldBack: '100031000016001',
	closing: '100041000016001',
	odder: '110011000016001',
	privat: '120011000016001',
	laesoe: '130011000016001',
} as const;

/** A locality name that exercises CSV quoting and Danish letters. */
export const TRICKY_NAME = 'Plejen "Æblehaven", Øster Allé';

const contact = (n: string) => ({
	phone: `8713${n}`,
	email: `sted${n}@example.dk`,
	website: 'www.example.dk',
});

function snapshot(date: string, options: { closeOne: boolean; newPhone: boolean }): string {
	const aarhusUnits: EntitySpec[] = [
		{
			id: IDS.nord,
			name: 'Helhedspleje Nord',
			type: CODES.locality,
			visiting: at('Nørrevænget', '8A', '8200', 'Aarhus N'),
			...contact('1001'),
			...(options.newPhone ? { phone: '87139999' } : {}),
		},
		{
			id: IDS.syd,
			name: 'Helhedspleje Syd',
			type: CODES.locality,
			visiting: at('Åbyvej', '12', '8230', 'Åbyhøj'),
			...contact('1002'),
			firstFrom: '2026-09-01',
		},
		{
			// Not in DAR: held back, but SOR says it lies in Aarhus.
			id: IDS.heldBack,
			name: 'Helhedspleje Vest',
			type: CODES.locality,
			visiting: at('Ukendt Vej', '1', '8210', 'Aarhus V', '0751'),
			...contact('1003'),
		},
		{
			id: IDS.closing,
			name: 'Helhedspleje Øst',
			type: CODES.locality,
			visiting: at('Østergade', '2', '8000', 'Aarhus C'),
			...contact('1004'),
			...(options.closeOne ? { to: '2026-12-01' } : {}),
		},
	];
	const owners: EntitySpec[] = [
		aarhusKommune(aarhusUnits),
		odderKommune([
			{
				id: IDS.odder,
				name: 'Hjemmeplejen Odder',
				type: CODES.locality,
				visiting: at('Rådhusgade', '3', '8300', 'Odder'),
				...contact('2001'),
			},
		]),
		{
			id: '120001000016001',
			name: 'Omsorg & Co. ApS',
			type: CODES.privat,
			cvr: '12345678',
			postal: { ...at('Adelgade', '5', '8660', 'Skanderborg'), municipality: '0746' },
			children: [
				{
					id: '120101000016001',
					name: 'Omsorg & Co.',
					type: CODES.homeCare,
					children: [
						{
							id: IDS.privat,
							name: TRICKY_NAME,
							type: CODES.locality,
							visiting: at('Adelgade', '5', '8660', 'Skanderborg'),
							...contact('3001'),
						},
					],
				},
			],
		},
		{
			id: '130001000016001',
			name: 'Læsø Kommune',
			type: CODES.kommune,
			postal: { ...at('Doktorvejen', '2', '9940', 'Læsø'), municipality: '0825' },
			children: [
				{
					id: '130101000016001',
					name: 'Pleje og Omsorg',
					type: CODES.healthAdministration,
					children: [
						{
							id: IDS.laesoe,
							name: 'Hjemmeplejen Læsø',
							type: CODES.locality,
							visiting: at('Doktorvejen', '2', '9940', 'Læsø'),
							...contact('4001'),
						},
					],
				},
			],
		},
	];
	return sorXml(date, owners);
}

const DAR = [
	darAddress('Nørrevænget', '8A', '8200', '0751', { lat: 56.19, lon: 10.19 }),
	darAddress('Åbyvej', '12', '8230', '0751', { lat: 56.15, lon: 10.16 }),
	darAddress('Østergade', '2', '8000', '0751', { lat: 56.157, lon: 10.21 }),
	darAddress('Rådhusgade', '3', '8300', '0727', { lat: 55.97, lon: 10.15 }),
	darAddress('Adelgade', '5', '8660', '0746', { lat: 56.03, lon: 9.93 }),
	darAddress('Doktorvejen', '2', '9940', '0825', { lat: 57.26, lon: 11.03 }),
];

// Two authorities; Læsø (0825) is deliberately left without one.
const AUTHORITIES = `kommunekode;myndighed_id;myndighed_navn;foreloebig
0751;tilsyn-midt;Ældretilsyn Midt;ja
0746;tilsyn-midt;Ældretilsyn Midt;ja
0727;tilsyn-syd;Ældretilsyn Syd;nej
`;

/** The fixture: the database and helpers to write reported content as the editors would. */
export interface Fixture {
	db: RegisterDb;
	accountId: number;
	pdfId: string;
	/** Runs the second SOR snapshot: a phone number changes and one locality closes. */
	secondImport: () => Promise<void>;
	addInspection: (input: {
		sorId: string;
		visitDate: string;
		announced?: boolean;
		status?: string;
		orders?: { kind: 'order' | 'ban'; issuedOn: string; liftedOn?: string | null }[];
		at?: string;
	}) => { inspectionId: number; versionId: number };
	correctInspection: (
		inspectionId: number,
		version: number,
		input: {
			sorId: string;
			visitDate: string;
			status: string;
			orders?: { kind: 'order' | 'ban'; issuedOn: string }[];
			at?: string;
		},
	) => number;
	addSurvey: (input: {
		sorId: string;
		responded: number;
		deleted?: boolean;
		at?: string;
	}) => number;
	addStaff: (input: { sorId: string; period: string; at?: string }) => number;
}

const STATUS_LABEL: Record<string, string> = {
	'vurdering-afgivet': 'Vurdering afgivet – se teksten',
	'paabud-givet': 'Påbud givet',
	opfoelgning: 'Tilsynet følger op',
};

/** Builds the fixture register (first SOR snapshot of 2026-11-24, DAR-validated). */
export async function buildFixture(): Promise<Fixture> {
	const db = createTestDb();
	const dir = mkdtempSync(join(tmpdir(), 'open-data-'));
	const authoritiesPath = join(dir, 'aeldretilsyn.csv');
	writeFileSync(authoritiesPath, AUTHORITIES);
	const dar = new InMemoryDarSource(DAR);
	await importXml(db, snapshot('2026-11-24', { closeOne: false, newPhone: false }), {
		darSource: dar,
		authoritiesPath,
	});
	const account = new AccountRepository(db).insert({
		email: 'tilsyn@example.dk',
		name: 'Test Redaktør',
		role: 'inspection_editor',
		authorityId: 'tilsyn-midt',
		passwordHash: 'x',
		status: 'active',
		createdAt: '2026-11-25T08:00:00.000Z',
		updatedAt: '2026-11-25T08:00:00.000Z',
		passwordChangedAt: '2026-11-25T08:00:00.000Z',
	});
	const pdfId = 'a'.repeat(64);
	new FileRepository(db).put({
		id: pdfId,
		mediaType: 'application/pdf',
		byteSize: 4,
		width: null,
		height: null,
		content: Buffer.from('%PDF'),
		createdAt: '2026-11-25T08:00:00.000Z',
		createdBy: account.id,
	});
	const inspections = new ReportingInspectionRepository(db);
	const surveys = new ReportingSurveyRepository(db);
	const staff = new ReportingStaffRepository(db);
	const audit = new AuditRepository(db);
	let clock = Date.parse('2026-11-25T09:00:00.000Z');
	const tick = (at?: string) => at ?? new Date((clock += 60_000)).toISOString();
	const versionRow = (
		inspectionId: number,
		version: number,
		input: { visitDate: string; announced?: boolean; status?: string },
		createdAt: string,
	) => ({
		inspectionId,
		version,
		authorityId: 'tilsyn-midt',
		visitDate: input.visitDate,
		announced: input.announced ?? true,
		themeSelfDetermination: 'Beboerne bestemmer selv, hvornår de står op.',
		themeTrust: 'Stabil ledelse, "gode" relationer & tillid.',
		themeRelatives: 'Pårørende inddrages.',
		statusCode: input.status ?? 'vurdering-afgivet',
		statusLabel: STATUS_LABEL[input.status ?? 'vurdering-afgivet'] ?? 'Anden status',
		statusText: 'Se tilbagemeldingen.',
		summary: 'Tilsynet fandt, at stedet arbejder godt med selvbestemmelse.',
		pdfFileId: pdfId,
		correctionNote: version > 1 ? 'Status rettet efter høring.' : null,
		createdAt,
		createdBy: account.id,
	});
	const orderRows = (
		orders: { kind: 'order' | 'ban'; issuedOn: string; liftedOn?: string | null }[] = [],
	) =>
		orders.map((o) => ({
			kind: o.kind,
			description: o.kind === 'order' ? 'Påbud om bedre dokumentation' : 'Forbud mod nye borgere',
			issuedOn: o.issuedOn,
			deadline: null,
			liftedOn: o.liftedOn ?? null,
		}));
	return {
		db,
		accountId: account.id,
		pdfId,
		secondImport: async () => {
			await importXml(db, snapshot('2026-12-02', { closeOne: true, newPhone: true }), {
				darSource: dar,
				authoritiesPath,
				now: () => new Date('2026-12-02T03:00:00Z'),
				// One of seven localities closes: over the 10 % guard, and intended.
				allowMassClose: true,
			});
		},
		addInspection: (input) => {
			const createdAt = tick(input.at);
			const inspectionId = inspections.insertInspection({
				sorId: input.sorId,
				createdAt,
				createdBy: account.id,
			});
			const versionId = inspections.insertVersion(
				versionRow(inspectionId, 1, input, createdAt),
				orderRows(input.orders),
			);
			audit.bumpContentRevision(createdAt);
			return { inspectionId, versionId };
		},
		correctInspection: (inspectionId, version, input) => {
			const createdAt = tick(input.at);
			const id = inspections.insertVersion(
				versionRow(inspectionId, version, input, createdAt),
				orderRows(input.orders),
			);
			audit.bumpContentRevision(createdAt);
			return id;
		},
		addSurvey: (input) => {
			const createdAt = tick(input.at);
			const surveyId = surveys.insertSurvey({
				sorId: input.sorId,
				createdAt,
				createdBy: account.id,
			});
			surveys.insertVersion(
				{
					surveyId,
					version: 1,
					deleted: false,
					name: 'Brugertilfredshed 2026',
					nameKey: 'brugertilfredshed 2026',
					periodType: 'year',
					period: '2026',
					method: 'web',
					invited: 50,
					responded: input.responded,
					createdAt,
					createdBy: account.id,
				},
				[
					{ questionCode: 'q1', questionText: 'Er du tilfreds med hjælpen?', positivePct: 87.5 },
					{ questionCode: 'q2', questionText: 'Kommer hjælperne til tiden?', positivePct: 72 },
				],
			);
			if (input.deleted) {
				surveys.insertVersion(
					{
						surveyId,
						version: 2,
						deleted: true,
						name: 'Brugertilfredshed 2026',
						nameKey: 'brugertilfredshed 2026',
						periodType: 'year',
						period: '2026',
						method: 'web',
						invited: 50,
						responded: input.responded,
						createdAt: tick(),
						createdBy: account.id,
					},
					[],
				);
			}
			audit.bumpContentRevision(createdAt);
			return surveyId;
		},
		addStaff: (input) => {
			const createdAt = tick(input.at);
			const reportId = staff.insertReport({
				sorId: input.sorId,
				periodType: 'quarter',
				period: input.period,
				createdAt,
				createdBy: account.id,
			});
			staff.insertVersion(
				{
					reportId,
					version: 1,
					deleted: false,
					sicknessAbsencePct: 6.5,
					createdAt,
					createdBy: account.id,
				},
				[
					{ category: 'nurses', headcount: 4, fullTimeEquivalents: 3.5 },
					{ category: 'care_helpers', headcount: 20, fullTimeEquivalents: 15.25 },
				],
			);
			audit.bumpContentRevision(createdAt);
			return reportId;
		},
	};
}
