import { describe, expect, it } from 'vitest';
import {
	addMonths,
	inspectionState,
	openOrders,
	registrationDate,
	type OrderFact,
	type VisitFact,
} from '../../../src/lib/domain/inspection-overview/cycle';

const visit = (
	visitDate: string,
	announced = true,
	inspectionId = 1,
	status = 'ok',
): VisitFact => ({
	inspectionId,
	visitDate,
	announced,
	statusCode: status,
	statusLabel: `Status ${status}`,
});

const order = (overrides: Partial<OrderFact> = {}): OrderFact => ({
	kind: 'order',
	description: 'Påbud om dokumentation',
	issuedOn: '2026-03-01',
	deadline: null,
	liftedOn: null,
	...overrides,
});

describe('addMonths', () => {
	it.each([
		['2026-01-31', 1, '2026-02-28'],
		['2024-01-31', 1, '2024-02-29'],
		['2026-08-31', 6, '2027-02-28'],
		['2026-11-25', 6, '2027-05-25'],
		['2026-11-25', -6, '2026-05-25'],
	])('%s + %i months = %s', (date, months, expected) => {
		expect(addMonths(date, months)).toBe(expected);
	});
});

describe('registrationDate', () => {
	it('uses FirstFromDate for localities present at the register’s first import', () => {
		expect(
			registrationDate({
				firstFromDate: '2019-05-01',
				firstRegisteredSnapshotDate: '2026-02-15',
				registerStartDate: '2026-02-15',
			}),
		).toBe('2019-05-01');
	});

	it('uses the later date for a unit that became a locality after the start', () => {
		// An old home-care unit whose type the kommune changed: it registered when the register saw it.
		expect(
			registrationDate({
				firstFromDate: '2015-01-01',
				firstRegisteredSnapshotDate: '2026-10-03',
				registerStartDate: '2026-02-15',
			}),
		).toBe('2026-10-03');
		// A brand-new unit created in SOR after its first snapshot date cannot be earlier than that.
		expect(
			registrationDate({
				firstFromDate: '2026-10-05',
				firstRegisteredSnapshotDate: '2026-10-03',
				registerStartDate: '2026-02-15',
			}),
		).toBe('2026-10-05');
	});

	it('uses FirstFromDate before any import', () => {
		expect(
			registrationDate({
				firstFromDate: '2026-01-01',
				firstRegisteredSnapshotDate: '2026-03-01',
				registerStartDate: null,
			}),
		).toBe('2026-01-01');
	});
});

describe('inspectionState', () => {
	const base = { registeredOn: '2020-01-01', visits: [], orders: [] };

	it('never visited: not overdue until five years after the law took effect', () => {
		const state = inspectionState(base, '2026-11-25');
		expect(state).toMatchObject({
			neverVisited: true,
			lastVisitDate: null,
			monthsSinceLastVisit: null,
			status: null,
			cycleStart: '2025-07-01',
			announcedVisitDueBy: '2030-07-01',
			overdue: false,
		});
		expect(inspectionState(base, '2030-07-01').overdue).toBe(false);
		expect(inspectionState(base, '2030-07-02').overdue).toBe(true);
	});

	it('a unit registered after the law starts its first period at registration', () => {
		const state = inspectionState({ ...base, registeredOn: '2027-03-10' }, '2032-03-11');
		expect(state.announcedVisitDueBy).toBe('2032-03-10');
		expect(state.overdue).toBe(true);
	});

	it('counts months since the last visit of any kind', () => {
		const state = inspectionState(
			{ ...base, visits: [visit('2026-01-20', true, 1), visit('2026-06-10', false, 2, 'x')] },
			'2026-11-25',
		);
		expect(state.lastVisitDate).toBe('2026-06-10');
		expect(state.monthsSinceLastVisit).toBe(5);
		expect(state.neverVisited).toBe(false);
		expect(state.status).toEqual({ code: 'x', label: 'Status x' });
	});

	it('restarts the five-year period only with an announced visit (§ 7 stk. 2)', () => {
		const visits = [visit('2026-01-20', true, 1), visit('2030-12-01', false, 2)];
		const state = inspectionState({ ...base, visits }, '2031-01-21');
		expect(state.lastAnnouncedVisitDate).toBe('2026-01-20');
		expect(state.announcedVisitDueBy).toBe('2031-01-20');
		expect(state.overdue).toBe(true);
		expect(state.monthsSinceLastVisit).toBe(1);
	});

	it('takes the status from the most recent visit, the later inspection on the same day', () => {
		const visits = [visit('2026-05-01', true, 7, 'late'), visit('2026-05-01', true, 3, 'early')];
		expect(inspectionState({ ...base, visits }, '2026-11-25').status?.code).toBe('late');
	});

	it('flags localities registered within six months with the start-up meeting window (§ 6)', () => {
		const state = inspectionState({ ...base, registeredOn: '2026-09-01' }, '2026-11-25');
		expect(state.openedRecently).toBe(true);
		expect(state.startupMeeting).toEqual({ from: '2026-12-01', to: '2027-03-01' });
		expect(
			inspectionState({ ...base, registeredOn: '2026-05-25' }, '2026-11-25').openedRecently,
		).toBe(false);
		expect(
			inspectionState({ ...base, registeredOn: '2026-05-26' }, '2026-11-25').openedRecently,
		).toBe(true);
		expect(
			inspectionState({ ...base, registeredOn: '2026-12-01' }, '2026-11-25').openedRecently,
		).toBe(false);
	});
});

describe('openOrders', () => {
	it('keeps orders not lifted by today and counts a carried-over order once', () => {
		const open = openOrders(
			[
				order(),
				order({ description: ' påbud om dokumentation ' }),
				order({
					kind: 'ban',
					description: 'Forbud',
					issuedOn: '2026-04-01',
					liftedOn: '2026-12-01',
				}),
				order({ description: 'Ophævet', liftedOn: '2026-10-01' }),
			],
			'2026-11-25',
		);
		expect(open.map((o) => [o.kind, o.description])).toEqual([
			['order', 'Påbud om dokumentation'],
			['ban', 'Forbud'],
		]);
	});

	it('an order lifted today is no longer open', () => {
		expect(openOrders([order({ liftedOn: '2026-11-25' })], '2026-11-25')).toEqual([]);
	});
});
