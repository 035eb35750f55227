import { beforeAll, describe, expect, it } from 'vitest';
import { readOverviewQuery } from '../../src/lib/domain/inspection-overview/overview';
import { InspectionOverviewRepository } from '../../src/lib/server/repositories/inspection-overview-repository';
import { InspectionOverviewService } from '../../src/lib/server/services/inspection-overview/overview-service';
import { PublicRegisterRepository } from '../../src/lib/server/repositories/public-register-repository';
import { DataVersion } from '../../src/lib/server/services/public/data-version';
import { readCsv } from '../unit/open-data/helpers';
import { buildFixture, IDS, type Fixture } from './open-data-fixture';

/*
 * Ældretilsynet's overview over a register built by the real importer, with visits, statuses and
 * orders written through the reporting repositories.
 */

let fx: Fixture;
let service: InspectionOverviewService;
const TODAY = '2026-11-25';
const query = (params = '') => readOverviewQuery(new URLSearchParams(params));
const rowsOf = (params = '', today = TODAY) => service.overview(query(params), today).rows;
const row = (sorId: string, today = TODAY) =>
	service.overview(query(), today).rows.find((r) => r.sorId === sorId)!;

beforeAll(async () => {
	fx = await buildFixture();
	service = new InspectionOverviewService(new InspectionOverviewRepository(fx.db), {
		current: () => new DataVersion(new PublicRegisterRepository(fx.db)).current(),
	});
});

describe('the inspection overview', () => {
	it('without any reported visit, every active locality is "never visited" and none overdue', () => {
		const all = rowsOf();
		expect(all.map((r) => r.sorId).sort()).toEqual(
			[IDS.nord, IDS.syd, IDS.heldBack, IDS.closing, IDS.odder, IDS.privat, IDS.laesoe].sort(),
		);
		expect(all.every((r) => r.state.neverVisited && !r.state.overdue)).toBe(true);
		// The first period runs from the law's entry into force, or from a later registration.
		for (const r of all) {
			expect(r.state.announcedVisitDueBy).toBe(r.sorId === IDS.syd ? '2031-09-01' : '2030-07-01');
		}
	});

	it('includes held-back localities, marked, placed by the kommune SOR gives', () => {
		expect(row(IDS.heldBack)).toMatchObject({
			published: false,
			addressStatus: 'not_found',
			municipalityCode: '0751',
			municipalitySource: 'sor',
			authorityId: 'tilsyn-midt',
		});
		expect(row(IDS.nord)).toMatchObject({ published: true, municipalitySource: 'dar' });
	});

	it('groups per authority; a kommune without one is listed under "ukendt"', () => {
		const view = service.overview(query(), TODAY);
		expect(view.summaries.map((s) => [s.authorityId, s.localities, s.heldBack])).toEqual([
			['tilsyn-midt', 5, 1],
			['tilsyn-syd', 1, 0],
			[null, 1, 0],
		]);
		expect(rowsOf('myndighed=ukendt').map((r) => r.sorId)).toEqual([IDS.laesoe]);
		expect(rowsOf('myndighed=tilsyn-syd').map((r) => r.sorId)).toEqual([IDS.odder]);
		// The editor's own authority first.
		expect(service.overview({ ...query(), first: 'tilsyn-syd' }, TODAY).rows[0]!.sorId).toBe(
			IDS.odder,
		);
	});

	it('flags localities registered within six months, with the start-up meeting window', () => {
		// Syd was created in SOR on 2026-09-01.
		expect(row(IDS.syd).state).toMatchObject({
			openedRecently: true,
			startupMeeting: { from: '2026-12-01', to: '2027-03-01' },
		});
		expect(rowsOf('nye=ja').map((r) => r.sorId)).toEqual([IDS.syd]);
	});

	it('reads visits, status and open orders from the reported feedback', () => {
		const first = fx.addInspection({
			sorId: IDS.nord,
			visitDate: '2026-03-10',
			status: 'paabud-givet',
			orders: [{ kind: 'order', issuedOn: '2026-03-10' }],
		});
		fx.addInspection({ sorId: IDS.odder, visitDate: '2026-06-01', announced: false });
		expect(row(IDS.nord).state).toMatchObject({
			neverVisited: false,
			lastVisitDate: '2026-03-10',
			monthsSinceLastVisit: 8,
			status: { code: 'paabud-givet', label: 'Påbud givet' },
			announcedVisitDueBy: '2031-03-10',
		});
		expect(row(IDS.nord).state.openOrders).toHaveLength(1);
		expect(rowsOf('paabud=ja').map((r) => r.sorId)).toEqual([IDS.nord]);
		expect(rowsOf('aldrig=ja').map((r) => r.sorId)).not.toContain(IDS.nord);
		// An unannounced visit does not restart the five-year period.
		expect(row(IDS.odder).state).toMatchObject({
			lastVisitDate: '2026-06-01',
			lastAnnouncedVisitDate: null,
			announcedVisitDueBy: '2030-07-01',
		});
		// A correction that lifts the order and changes the status.
		fx.correctInspection(first.inspectionId, 2, {
			sorId: IDS.nord,
			visitDate: '2026-03-10',
			status: 'opfoelgning',
			orders: [],
		});
		expect(row(IDS.nord).state.status?.code).toBe('opfoelgning');
		expect(rowsOf('paabud=ja')).toEqual([]);
	});

	it('tells overdue localities years later', () => {
		// Nord's announced visit of 2026-03-10 covers it up to and including 2031-03-10.
		const later = '2031-03-10';
		const overdue = rowsOf('forfalden=ja', later).map((r) => r.sorId);
		expect(overdue).toContain(IDS.odder);
		expect(overdue).toContain(IDS.heldBack);
		expect(overdue).not.toContain(IDS.nord);
		expect(row(IDS.nord, later).state.monthsSinceLastVisit).toBe(60);
		expect(rowsOf('forfalden=ja', '2031-03-11').map((r) => r.sorId)).toContain(IDS.nord);
	});

	it('pages at 50 rows and clamps a page past the end', () => {
		const view = service.overview(query('side=9'), TODAY);
		expect(view).toMatchObject({ page: 1, pages: 1, total: 7 });
	});

	it('downloads the same filtered rows as semicolon CSV', () => {
		const csv = service.csv(query('myndighed=tilsyn-midt&sorter=navn'), TODAY);
		const rows = readCsv(csv, ';');
		expect(rows.map((r) => r['SOR-ID'])).toEqual(
			service.overview(query('myndighed=tilsyn-midt&sorter=navn'), TODAY).rows.map((r) => r.sorId),
		);
		expect(rows.find((r) => r['SOR-ID'] === IDS.heldBack)).toMatchObject({
			'Vist i registret': 'nej',
			'Kommune ifølge': 'sor',
			'Aldrig besøgt': 'ja',
		});
	});

	it('a closed locality leaves the overview', async () => {
		await fx.secondImport();
		expect(rowsOf().map((r) => r.sorId)).not.toContain(IDS.closing);
	});
});
