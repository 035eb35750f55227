import { addYears, isOrderOpen, monthsBetween } from '../reporting/inspection';

/**
 * Ældretilsynsloven (LOV nr 1653 af 30/12/2024) took effect on 1 July 2025 together with ældreloven
 * (Folketingets ÆLU alm. del spm. 70, svar 19-05-2025). No five-year period can have begun before.
 */
export const LAW_IN_FORCE_DATE = '2025-07-01';

/** Ældretilsynsloven § 7 stk. 2: at least one announced visit in every unit within 5 years. */
export const CYCLE_YEARS = 5;

/** Ældretilsynsloven § 6: the start-up meeting is held 3–6 months after registration. */
export const STARTUP_MEETING_MONTHS = { from: 3, to: 6 } as const;

/** A visit as the overview needs it (the current version of one inspection's feedback). */
export interface VisitFact {
	inspectionId: number;
	visitDate: string;
	announced: boolean;
	statusCode: string;
	statusLabel: string;
}

/** A påbud or forbud as recorded with the current version of an inspection. */
export interface OrderFact {
	kind: 'order' | 'ban';
	description: string;
	issuedOn: string;
	deadline: string | null;
	liftedOn: string | null;
}

/** What the rules need to know about one locality. */
export interface InspectionFacts {
	/** When the locality registered in the register (see `registrationDate`). */
	registeredOn: string;
	visits: readonly VisitFact[];
	orders: readonly OrderFact[];
}

/** The computed inspection state of one locality on a given day. */
export interface InspectionState {
	lastVisitDate: string | null;
	lastAnnouncedVisitDate: string | null;
	/** Whole months since the last visit of any kind; null when never visited. */
	monthsSinceLastVisit: number | null;
	neverVisited: boolean;
	/** The overall status of the most recent visit (its current version). */
	status: { code: string; label: string } | null;
	/** Påbud and forbud not lifted as of today (duplicates across visits counted once). */
	openOrders: OrderFact[];
	/** Start of the running five-year period: last announced visit, else registration (≥ law). */
	cycleStart: string;
	/** The day by which an announced visit must have taken place. */
	announcedVisitDueBy: string;
	/** True when today is after `announcedVisitDueBy`. */
	overdue: boolean;
	/** Registered within the last six months (start-up meeting due or coming up). */
	openedRecently: boolean;
	/** The window for the start-up meeting (§ 6), for recently opened localities. */
	startupMeeting: { from: string; to: string } | null;
}

/** The same ISO date `months` later; the 31st becomes the last day of a shorter month. */
export function addMonths(date: string, months: number): string {
	const [y, m, d] = date.split('-').map(Number) as [number, number, number];
	const target = new Date(Date.UTC(y, m - 1 + months, 1));
	const lastDay = new Date(
		Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
	).getUTCDate();
	target.setUTCDate(Math.min(d, lastDay));
	return target.toISOString().slice(0, 10);
}

/**
 * When a locality registered in plejeoversigten. SOR's FirstFromDate is the unit's creation, but a
 * unit that *became* a locality (the kommune changed its type) registered when the register first
 * saw it as one, so the later of the two counts. Localities already there at the register's first
 * import cannot be told apart that way (they all share that snapshot), so for them FirstFromDate is
 * the best evidence there is.
 */
export function registrationDate(input: {
	firstFromDate: string;
	firstRegisteredSnapshotDate: string;
	/** Snapshot date of the register's first successful SOR import; null before any. */
	registerStartDate: string | null;
}): string {
	const { firstFromDate, firstRegisteredSnapshotDate, registerStartDate } = input;
	if (registerStartDate === null || firstRegisteredSnapshotDate <= registerStartDate) {
		return firstFromDate;
	}
	return firstFromDate > firstRegisteredSnapshotDate ? firstFromDate : firstRegisteredSnapshotDate;
}

/**
 * Applies the inspection rules to one locality on `today` (ÅÅÅÅ-MM-DD).
 *
 * Overdue (ældretilsynsloven § 7 stk. 2: one *announced* visit in every unit within each five-year
 * period, regardless of risk): the period runs from the last announced visit, or from registration
 * for a unit without one, but never from before the law took effect (an earlier visit was not
 * Ældretilsynet's). Unannounced (risk-based, § 7 stk. 1) visits do not restart the period. "Never
 * visited" is a separate fact (no visit of any kind on record): such a unit is not overdue until
 * its first period has run out.
 */
export function inspectionState(facts: InspectionFacts, today: string): InspectionState {
	const visits = [...facts.visits].sort(
		(a, b) => a.visitDate.localeCompare(b.visitDate) || a.inspectionId - b.inspectionId,
	);
	const last = visits.at(-1) ?? null;
	const lastAnnounced = visits.filter((visit) => visit.announced).at(-1) ?? null;
	const start = lastAnnounced?.visitDate ?? facts.registeredOn;
	const cycleStart = start > LAW_IN_FORCE_DATE ? start : LAW_IN_FORCE_DATE;
	const announcedVisitDueBy = addYears(cycleStart, CYCLE_YEARS);
	const openedRecently =
		facts.registeredOn <= today && addMonths(facts.registeredOn, STARTUP_MEETING_MONTHS.to) > today;
	return {
		lastVisitDate: last?.visitDate ?? null,
		lastAnnouncedVisitDate: lastAnnounced?.visitDate ?? null,
		monthsSinceLastVisit: last ? monthsBetween(last.visitDate, today) : null,
		neverVisited: last === null,
		status: last ? { code: last.statusCode, label: last.statusLabel } : null,
		openOrders: openOrders(facts.orders, today),
		cycleStart,
		announcedVisitDueBy,
		overdue: today > announcedVisitDueBy,
		openedRecently,
		startupMeeting: openedRecently
			? {
					from: addMonths(facts.registeredOn, STARTUP_MEETING_MONTHS.from),
					to: addMonths(facts.registeredOn, STARTUP_MEETING_MONTHS.to),
				}
			: null,
	};
}

/**
 * Orders still open today. An order carried over into a later visit's feedback appears once per
 * visit; the same kind, wording and issue date is one order.
 */
export function openOrders(orders: readonly OrderFact[], today: string): OrderFact[] {
	const seen = new Set<string>();
	const open: OrderFact[] = [];
	for (const order of orders) {
		if (!isOrderOpen(order, today) || order.issuedOn > today) continue;
		const key = `${order.kind}\n${order.issuedOn}\n${order.description.trim().toLowerCase()}`;
		if (seen.has(key)) continue;
		seen.add(key);
		open.push(order);
	}
	return open.sort((a, b) => a.issuedOn.localeCompare(b.issuedOn) || a.kind.localeCompare(b.kind));
}
