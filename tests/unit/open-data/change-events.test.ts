import { describe, expect, it } from 'vitest';
import {
	changeAspects,
	inspectionChange,
	inspectionTransitions,
	reportChange,
	sorChange,
	type InspectionHistoryRow,
	type OrderValues,
} from '../../../src/lib/domain/open-data/change-events';

const locality = {
	sorId: '1',
	localityName: 'Helhedspleje Nord',
	providerId: 'kommune-0751',
	municipalityCode: '0751',
};

describe('SOR events', () => {
	it('names the aspects of a change', () => {
		expect(changeAspects(['website', 'phone', 'visitingAddress', 'updatedAt'])).toEqual([
			'contact',
			'visiting_address',
			'other',
		]);
	});

	it.each([
		['new', '{"name":"X","level":"OE","status":"active"}', 'sor.opened', 'Oprettet i SOR'],
		['closed', '{"reason":"missing"}', 'sor.closed', 'Lukket: ikke længere med i SOR-udtrækket'],
		['closed', '{"reason":"to_date","toDate":"2026-12-01"}', 'sor.closed', 'Lukket i SOR'],
		['reopened', '{"status":"active"}', 'sor.reopened', 'Genåbnet i SOR'],
		['moved', '{"parentSorId":["1","2"]}', 'sor.moved', 'Flyttet i SOR-hierarkiet'],
		[
			'changed',
			'{"phone":["1","2"],"email":["a","b"]}',
			'sor.changed',
			'Ændret i SOR: kontaktoplysninger',
		],
	] as const)('%s %s → %s', (kind, details, type, title) => {
		const change = sorChange({
			...locality,
			source: 'sor',
			id: 5,
			recordedAt: '2026-11-25T03:00:00Z',
			kind,
			details,
			snapshotDate: '2026-11-24',
		});
		expect(change).toMatchObject({ id: 'sor-5', type, title, effectiveDate: '2026-11-24' });
		expect(change.recordedAt).toBe('2026-11-25T03:00:00.000Z');
	});

	it('keeps old and new values of changed fields', () => {
		const change = sorChange({
			...locality,
			source: 'sor',
			id: 1,
			recordedAt: '2026-11-25T03:00:00Z',
			kind: 'changed',
			details: '{"phone":["87131000","87139999"]}',
			snapshotDate: '2026-11-24',
		});
		expect(change.sor).toEqual({
			kind: 'changed',
			aspects: ['contact'],
			changes: { phone: ['87131000', '87139999'] },
			closedReason: null,
		});
	});
});

describe('inspectionTransitions', () => {
	const h = (
		versionId: number,
		inspectionId: number,
		version: number,
		visitDate: string,
		statusCode: string,
	): InspectionHistoryRow => ({
		versionId,
		inspectionId,
		version,
		sorId: '1',
		visitDate,
		statusCode,
		statusLabel: statusCode.toUpperCase(),
	});
	const order = (issuedOn: string, liftedOn: string | null = null): OrderValues => ({
		kind: 'order',
		description: 'P',
		issuedOn,
		deadline: null,
		liftedOn,
	});

	it('tells status and order changes per version', () => {
		const history = [
			h(10, 1, 1, '2026-03-01', 'ok'),
			h(11, 2, 1, '2026-09-01', 'paabud'),
			// A correction of the older visit: the locality's status stays with the newer visit.
			h(12, 1, 2, '2026-03-01', 'anden'),
			// A correction of the newest visit that lifts the order.
			h(13, 2, 2, '2026-09-01', 'ok'),
		];
		const orders = new Map<number, OrderValues[]>([
			[11, [order('2026-09-01')]],
			[13, [order('2026-09-01', '2026-11-01')]],
		]);
		const result = inspectionTransitions([10, 11, 12, 13], history, orders);
		expect(result.get(10)).toEqual({
			statusChanged: { from: null, to: { code: 'ok', label: 'OK' } },
			ordersChanged: false,
		});
		expect(result.get(11)).toEqual({
			statusChanged: { from: { code: 'ok', label: 'OK' }, to: { code: 'paabud', label: 'PAABUD' } },
			ordersChanged: true,
		});
		expect(result.get(12)).toEqual({ statusChanged: null, ordersChanged: false });
		expect(result.get(13)).toEqual({
			statusChanged: { from: { code: 'paabud', label: 'PAABUD' }, to: { code: 'ok', label: 'OK' } },
			ordersChanged: true,
		});
	});

	it('builds the event with a Danish title', () => {
		const change = inspectionChange(
			{
				...locality,
				source: 'inspection',
				id: 11,
				recordedAt: '2026-09-02T10:00:00Z',
				inspectionId: 2,
				version: 1,
				visitDate: '2026-09-01',
				statusCode: 'paabud',
				statusLabel: 'Påbud givet',
			},
			{
				statusChanged: { from: null, to: { code: 'paabud', label: 'Påbud givet' } },
				ordersChanged: true,
			},
		);
		expect(change).toMatchObject({
			id: 'inspection-11',
			type: 'inspection.new',
			title:
				'Ny tilbagemelding fra Ældretilsynet (besøg 1. september 2026); samlet status: Påbud givet; påbud eller forbud ændret',
			links: { resource: '/api/v1/inspections/2' },
		});
	});
});

describe('reported content events', () => {
	const row = {
		...locality,
		id: 3,
		recordedAt: '2026-11-25T10:00:00Z',
		reportId: 8,
		periodType: 'quarter' as const,
		period: '2026-K3',
		name: null,
	};

	it.each([
		[1, false, 'staff.new', 'Nye medarbejdertal for 3. kvartal 2026'],
		[2, false, 'staff.corrected', 'Rettede medarbejdertal for 3. kvartal 2026'],
		[3, true, 'staff.withdrawn', 'Medarbejdertal for 3. kvartal 2026 trukket tilbage'],
	] as const)('staff version %i (deleted %s) → %s', (version, deleted, type, title) => {
		expect(reportChange({ ...row, source: 'staff', version, deleted })).toMatchObject({
			id: 'staff-3',
			type,
			title,
			links: { resource: '/api/v1/staff-reports/8' },
		});
	});

	it('names the survey', () => {
		expect(
			reportChange({
				...row,
				source: 'survey',
				version: 1,
				deleted: false,
				name: 'BTU 2026',
				periodType: 'year',
				period: '2026',
			}),
		).toMatchObject({ type: 'survey.new', title: 'Ny brugertilfredshedsmåling: BTU 2026 (2026)' });
	});
});
