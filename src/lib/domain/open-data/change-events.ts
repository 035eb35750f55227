import { formatDate } from '../format';
import { periodLabel } from '../reporting/period';
import type { FeedRow } from './feed-cursor';
import type { ChangeAspect, ChangeItem, ChangeType } from './schemas';

/** The locality an event belongs to (as it is now). */
export interface EventLocality {
	sorId: string;
	localityName: string;
	providerId: string;
	municipalityCode: string | null;
}

/** A row of SOR history for a locality. */
export interface SorEventRow extends FeedRow, EventLocality {
	source: 'sor';
	kind: 'new' | 'changed' | 'moved' | 'closed' | 'reopened';
	/** JSON: `{ field: [old, new] }` for changed/moved; `{ reason, toDate }` for closed. */
	details: string;
	snapshotDate: string;
}

/** A version of an inspection's feedback. */
export interface InspectionEventRow extends FeedRow, EventLocality {
	source: 'inspection';
	inspectionId: number;
	version: number;
	visitDate: string;
	statusCode: string;
	statusLabel: string;
}

/** A version of a survey or a staff report. */
export interface ReportEventRow extends FeedRow, EventLocality {
	source: 'survey' | 'staff';
	reportId: number;
	version: number;
	deleted: boolean;
	periodType: 'month' | 'quarter' | 'year';
	period: string;
	/** The survey's name; null for staff reports. */
	name: string | null;
}

/** Any feed row. */
export type EventRow = SorEventRow | InspectionEventRow | ReportEventRow;

/** What changed for the locality with an inspection version (see `inspectionTransitions`). */
export interface InspectionTransition {
	statusChanged: {
		from: { code: string; label: string } | null;
		to: { code: string; label: string } | null;
	} | null;
	ordersChanged: boolean;
}

const ASPECT_OF_FIELD: Record<string, ChangeAspect> = {
	phone: 'contact',
	email: 'contact',
	website: 'contact',
	visitingAddress: 'visiting_address',
	postalAddress: 'postal_address',
	name: 'name',
	entityTypeCode: 'type',
	parentSorId: 'hierarchy',
};

const ASPECT_LABEL: Record<ChangeAspect, string> = {
	contact: 'kontaktoplysninger',
	visiting_address: 'besøgsadresse',
	postal_address: 'postadresse',
	name: 'navn',
	type: 'enhedstype',
	hierarchy: 'placering i SOR-hierarkiet',
	other: 'øvrige SOR-oplysninger',
};

/** The aspects a set of changed SOR fields touches, in a fixed order. */
export function changeAspects(fields: readonly string[]): ChangeAspect[] {
	const found = new Set(fields.map((field) => ASPECT_OF_FIELD[field] ?? 'other'));
	return (Object.keys(ASPECT_LABEL) as ChangeAspect[]).filter((aspect) => found.has(aspect));
}

const localityOf = (row: EventRow): ChangeItem['locality'] => ({
	sorId: row.sorId,
	name: row.localityName,
	providerId: row.providerId,
	municipalityCode: row.municipalityCode,
});

const iso = (timestamp: string) => new Date(timestamp).toISOString();

/** A SOR history row as a feed event. */
export function sorChange(row: SorEventRow): ChangeItem {
	const details = parseObject(row.details);
	const changes: Record<string, [unknown, unknown]> = {};
	for (const [field, value] of Object.entries(details)) {
		if (Array.isArray(value) && value.length === 2) changes[field] = [value[0], value[1]];
	}
	const aspects = changeAspects(Object.keys(changes));
	const closedReason = row.kind === 'closed' ? stringOrNull(details.reason) : null;
	const type: ChangeType =
		row.kind === 'new'
			? 'sor.opened'
			: row.kind === 'closed'
				? 'sor.closed'
				: row.kind === 'reopened'
					? 'sor.reopened'
					: row.kind === 'moved'
						? 'sor.moved'
						: 'sor.changed';
	return {
		id: `sor-${row.id}`,
		type,
		recordedAt: iso(row.recordedAt),
		effectiveDate: row.snapshotDate,
		title: sorTitle(row.kind, aspects, closedReason),
		locality: localityOf(row),
		sor: { kind: row.kind, aspects, changes, closedReason },
		links: { locality: `/api/v1/localities/${row.sorId}`, resource: null },
	};
}

function sorTitle(kind: SorEventRow['kind'], aspects: ChangeAspect[], reason: string | null) {
	switch (kind) {
		case 'new':
			return 'Oprettet i SOR';
		case 'reopened':
			return 'Genåbnet i SOR';
		case 'closed':
			return reason === 'missing' ? 'Lukket: ikke længere med i SOR-udtrækket' : 'Lukket i SOR';
		case 'moved':
			return 'Flyttet i SOR-hierarkiet';
		case 'changed':
			return aspects.length === 0
				? 'Ændret i SOR'
				: `Ændret i SOR: ${aspects.map((aspect) => ASPECT_LABEL[aspect]).join(', ')}`;
	}
}

/** An inspection version as a feed event. */
export function inspectionChange(
	row: InspectionEventRow,
	transition: InspectionTransition,
): ChangeItem {
	const corrected = row.version > 1;
	const parts = [
		`${corrected ? 'Rettet' : 'Ny'} tilbagemelding fra Ældretilsynet (besøg ${formatDate(row.visitDate)})`,
	];
	if (transition.statusChanged?.to) {
		parts.push(`samlet status: ${transition.statusChanged.to.label}`);
	}
	if (transition.ordersChanged) parts.push('påbud eller forbud ændret');
	return {
		id: `inspection-${row.id}`,
		type: corrected ? 'inspection.corrected' : 'inspection.new',
		recordedAt: iso(row.recordedAt),
		effectiveDate: row.visitDate,
		title: parts.join('; '),
		locality: localityOf(row),
		inspection: {
			inspectionId: row.inspectionId,
			version: row.version,
			visitDate: row.visitDate,
			status: { code: row.statusCode, label: row.statusLabel },
			statusChanged: transition.statusChanged,
			ordersChanged: transition.ordersChanged,
		},
		links: {
			locality: `/api/v1/localities/${row.sorId}`,
			resource: `/api/v1/inspections/${row.inspectionId}`,
		},
	};
}

/** A survey or staff-report version as a feed event. */
export function reportChange(row: ReportEventRow): ChangeItem {
	const state = row.deleted ? 'withdrawn' : row.version > 1 ? 'corrected' : 'new';
	const period = periodLabel({ type: row.periodType, value: row.period });
	const title =
		row.source === 'survey'
			? {
					new: `Ny brugertilfredshedsmåling: ${row.name ?? ''} (${period})`,
					corrected: `Rettet brugertilfredshedsmåling: ${row.name ?? ''} (${period})`,
					withdrawn: `Brugertilfredshedsmåling trukket tilbage: ${row.name ?? ''} (${period})`,
				}[state]
			: {
					new: `Nye medarbejdertal for ${period}`,
					corrected: `Rettede medarbejdertal for ${period}`,
					withdrawn: `Medarbejdertal for ${period} trukket tilbage`,
				}[state];
	const path = row.source === 'survey' ? 'surveys' : 'staff-reports';
	return {
		id: `${row.source}-${row.id}`,
		type: `${row.source}.${state}`,
		recordedAt: iso(row.recordedAt),
		effectiveDate: null,
		title,
		locality: localityOf(row),
		report: {
			id: row.reportId,
			version: row.version,
			period: { type: row.periodType, value: row.period },
		},
		links: {
			locality: `/api/v1/localities/${row.sorId}`,
			resource: `/api/v1/${path}/${row.reportId}`,
		},
	};
}

/** Every stored version of the inspections at some localities (for `inspectionTransitions`). */
export interface InspectionHistoryRow {
	versionId: number;
	inspectionId: number;
	version: number;
	sorId: string;
	visitDate: string;
	statusCode: string;
	statusLabel: string;
}

/** An order as compared between versions. */
export interface OrderValues {
	kind: string;
	description: string;
	issuedOn: string;
	deadline: string | null;
	liftedOn: string | null;
}

/**
 * For each of `versionIds`, how the locality changed when that version was saved. The locality's
 * status is that of its most recent visit (each inspection at its highest version); comparing the
 * state with and without the version says whether it changed the status. Orders are compared with
 * the previous version of the same inspection (version 1 with none).
 */
export function inspectionTransitions(
	versionIds: readonly number[],
	history: readonly InspectionHistoryRow[],
	ordersByVersion: ReadonlyMap<number, readonly OrderValues[]>,
): Map<number, InspectionTransition> {
	const byId = new Map(history.map((row) => [row.versionId, row]));
	const result = new Map<number, InspectionTransition>();
	for (const versionId of versionIds) {
		const row = byId.get(versionId);
		if (!row) {
			result.set(versionId, { statusChanged: null, ordersChanged: false });
			continue;
		}
		const atLocality = history.filter((h) => h.sorId === row.sorId);
		const before = statusAt(atLocality, (h) => h.versionId < versionId);
		const after = statusAt(atLocality, (h) => h.versionId <= versionId);
		const previous = atLocality.find(
			(h) => h.inspectionId === row.inspectionId && h.version === row.version - 1,
		);
		const ordersBefore = previous ? (ordersByVersion.get(previous.versionId) ?? []) : [];
		const ordersAfter = ordersByVersion.get(versionId) ?? [];
		result.set(versionId, {
			statusChanged: before?.code === after?.code ? null : { from: before, to: after },
			ordersChanged: orderKey(ordersBefore) !== orderKey(ordersAfter),
		});
	}
	return result;
}

function statusAt(
	rows: readonly InspectionHistoryRow[],
	include: (row: InspectionHistoryRow) => boolean,
): { code: string; label: string } | null {
	const current = new Map<number, InspectionHistoryRow>();
	for (const row of rows) {
		if (!include(row)) continue;
		const seen = current.get(row.inspectionId);
		if (!seen || row.version > seen.version) current.set(row.inspectionId, row);
	}
	let latest: InspectionHistoryRow | null = null;
	for (const row of current.values()) {
		if (
			latest === null ||
			row.visitDate > latest.visitDate ||
			(row.visitDate === latest.visitDate && row.inspectionId > latest.inspectionId)
		) {
			latest = row;
		}
	}
	return latest ? { code: latest.statusCode, label: latest.statusLabel } : null;
}

function orderKey(orders: readonly OrderValues[]): string {
	return JSON.stringify(
		orders
			.map((o) => [o.kind, o.description, o.issuedOn, o.deadline, o.liftedOn])
			.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
	);
}

function parseObject(text: string): Record<string, unknown> {
	try {
		const value: unknown = JSON.parse(text);
		return typeof value === 'object' && value !== null && !Array.isArray(value)
			? (value as Record<string, unknown>)
			: {};
	} catch {
		return {};
	}
}

const stringOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);
