import { describe, expect, it } from 'vitest';
import { CsvRowParser } from '../../../src/lib/server/csv/read-csv';
import { inspectionState } from '../../../src/lib/domain/inspection-overview/cycle';
import {
	matchesOverviewQuery,
	overviewParams,
	readOverviewQuery,
	sortOverview,
	summariseByAuthority,
	type OverviewRow,
} from '../../../src/lib/domain/inspection-overview/overview';
import { overviewCsv } from '../../../src/lib/domain/inspection-overview/overview-csv';

const TODAY = '2031-01-01';

function row(overrides: Partial<OverviewRow> & { visit?: string; order?: boolean }): OverviewRow {
	const { visit, order, ...rest } = overrides;
	const registeredOn = rest.registeredOn ?? '2020-01-01';
	return {
		sorId: '1',
		name: 'Sted',
		published: true,
		addressStatus: 'valid',
		providerId: 'kommune-0751',
		providerName: 'Aarhus Kommune',
		ownerType: 'kommune',
		municipalityCode: '0751',
		municipalityName: 'Aarhus',
		municipalitySource: 'dar',
		authorityId: 'midt',
		authorityName: 'Ældretilsyn Midt',
		registeredOn,
		state: inspectionState(
			{
				registeredOn,
				visits: visit
					? [
							{
								inspectionId: 1,
								visitDate: visit,
								announced: true,
								statusCode: 's',
								statusLabel: 'Status',
							},
						]
					: [],
				orders: order
					? [
							{
								kind: 'order',
								description: 'P',
								issuedOn: '2030-01-01',
								deadline: null,
								liftedOn: null,
							},
						]
					: [],
			},
			TODAY,
		),
		...rest,
	};
}

describe('readOverviewQuery', () => {
	it('reads every filter, sort and page', () => {
		const q = readOverviewQuery(
			new URLSearchParams(
				'myndighed=midt&kommune=0751&ejer=privat&forfalden=ja&aldrig=ja&paabud=ja&nye=ja&tilbageholdt=ja&sorter=navn&retning=ned&side=3&foerst=syd',
			),
		);
		expect(q).toEqual({
			authority: 'midt',
			municipalityCode: '0751',
			owner: 'privat',
			overdue: true,
			neverVisited: true,
			openOrders: true,
			openedRecently: true,
			heldBackOnly: true,
			sort: 'navn',
			descending: true,
			page: 3,
			first: 'syd',
		});
		expect(overviewParams(q).toString()).toBe(
			'myndighed=midt&kommune=0751&ejer=privat&forfalden=ja&aldrig=ja&paabud=ja&nye=ja&tilbageholdt=ja&sorter=navn&retning=ned&side=3&foerst=syd',
		);
	});

	it('drops bad values instead of failing (a person followed a link)', () => {
		const q = readOverviewQuery(
			new URLSearchParams('myndighed=<x>&kommune=75&ejer=alle&forfalden=1&sorter=x&side=-2'),
		);
		expect(q).toMatchObject({
			authority: null,
			municipalityCode: null,
			owner: null,
			overdue: false,
			sort: 'frist',
			page: 1,
		});
		expect(overviewParams(q).toString()).toBe('');
	});
});

describe('filters and sorting', () => {
	const rows = [
		row({ sorId: '1', name: 'Åby', visit: '2026-01-01' }),
		row({ sorId: '2', name: 'Bakke', order: true, visit: '2028-01-01' }),
		row({
			sorId: '3',
			name: 'Center',
			ownerType: 'privat',
			providerName: 'Omsorg ApS',
			published: false,
		}),
		row({ sorId: '4', name: 'Dal', authorityId: null, authorityName: null }),
		row({
			sorId: '5',
			name: 'Eng',
			authorityId: 'syd',
			authorityName: 'Ældretilsyn Syd',
			registeredOn: '2030-10-01',
		}),
	];
	const query = readOverviewQuery(new URLSearchParams());
	const ids = (list: OverviewRow[]) => list.map((r) => r.sorId);
	const pick = (params: string) => {
		const q = readOverviewQuery(new URLSearchParams(params));
		return ids(
			sortOverview(
				rows.filter((r) => matchesOverviewQuery(r, q)),
				q,
			),
		);
	};

	it('filters by authority (also "ukendt"), owner, overdue, never visited, orders, new and held back', () => {
		// Default order: earliest due date first (row 3 has been due since 1 July 2030).
		expect(pick('myndighed=midt')).toEqual(['3', '1', '2']);
		expect(pick('myndighed=ukendt')).toEqual(['4']);
		expect(pick('ejer=privat')).toEqual(['3']);
		expect(pick('forfalden=ja')).toEqual(['3', '4']);
		expect(pick('aldrig=ja')).toEqual(['3', '5', '4']);
		expect(pick('paabud=ja')).toEqual(['2']);
		expect(pick('nye=ja')).toEqual(['5']);
		expect(pick('tilbageholdt=ja')).toEqual(['3']);
	});

	it('groups by authority, the chosen one first, rows without one last', () => {
		expect(ids(sortOverview(rows, query))).toEqual(['3', '1', '2', '5', '4']);
		expect(ids(sortOverview(rows, { ...query, first: 'syd' }))).toEqual(['5', '3', '1', '2', '4']);
	});

	it('sorts by last visit with never-visited first, and in reverse', () => {
		expect(pick('myndighed=midt&sorter=besoeg')).toEqual(['3', '1', '2']);
		expect(pick('myndighed=midt&sorter=besoeg&retning=ned')).toEqual(['2', '1', '3']);
		// Danish collation: "Aarhus" sorts as Å, the last letter, so after "Omsorg"; within
		// Aarhus, Åby comes after Bakke.
		expect(pick('myndighed=midt&sorter=leverandoer')).toEqual(['3', '2', '1']);
	});

	it('summarises per authority', () => {
		const summaries = summariseByAuthority(rows, null);
		expect(
			summaries.map((s) => [
				s.authorityId,
				s.localities,
				s.heldBack,
				s.neverVisited,
				s.overdue,
				s.withOpenOrders,
				s.openedRecently,
			]),
		).toEqual([
			['midt', 3, 1, 1, 1, 1, 0],
			['syd', 1, 0, 1, 0, 0, 1],
			[null, 1, 0, 1, 1, 0, 0],
		]);
	});

	it('writes semicolon CSV that reads back', () => {
		const csv = overviewCsv([row({ sorId: '9', name: 'Plejen; "Ø" \n Afd.', order: true })]);
		expect(csv.startsWith('\uFEFF')).toBe(true);
		const out: string[][] = [];
		const parser = new CsvRowParser(';');
		parser.push(csv.slice(1), out);
		expect(out).toHaveLength(2);
		const header = out[0]!;
		const values = Object.fromEntries(header.map((h, i) => [h, out[1]![i]]));
		expect(values).toMatchObject({
			'SOR-ID': '9',
			Sted: 'Plejen; "Ø" \n Afd.',
			Forfalden: 'ja',
			'Åbne påbud': '1',
			'Anmeldt besøg senest': '2030-07-01',
		});
	});
});
