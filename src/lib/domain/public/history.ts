import { formatAddress, formatDate } from '../format';

/** One SOR history row as the locality page receives it. */
export interface HistoryEvent {
	snapshotDate: string;
	kind: 'new' | 'changed' | 'moved' | 'closed' | 'reopened';
	details: Record<string, unknown>;
}

/** A history row in Danish: a headline and the changed fields (old → new). */
export interface HistoryLine {
	date: string;
	title: string;
	changes: { field: string; from: string; to: string }[];
}

const FIELD_LABELS: Record<string, string> = {
	name: 'Navn',
	entityTypeCode: 'Enhedstype',
	cvr: 'CVR-nummer',
	postalAddress: 'Postadresse',
	visitingAddress: 'Besøgsadresse',
	phone: 'Telefon',
	email: 'E-mail',
	website: 'Hjemmeside',
	eanLocationCode: 'EAN-lokationsnummer',
	firstFromDate: 'Oprettet i SOR',
	fromDate: 'Gyldig fra',
	toDate: 'Gyldig til',
	updatedAt: 'Opdateret i SOR',
	replaces: 'Erstatter',
	replacedBy: 'Erstattet af',
	parentSorId: 'Overordnet enhed',
};

const DATE_FIELDS = new Set(['firstFromDate', 'fromDate', 'toDate', 'updatedAt']);

/** Looks up a readable name for a SOR-ID or a type code; null when unknown. */
export interface HistoryNames {
	unit(sorId: string): string | null;
	type(code: string): string | null;
}

function valueText(field: string, value: unknown, names: HistoryNames): string {
	if (value === null || value === undefined || value === '') return '(tom)';
	if (Array.isArray(value)) return value.length === 0 ? '(ingen)' : value.map(String).join(', ');
	if (typeof value === 'object') {
		const address = value as Record<string, string | null>;
		return formatAddress({
			street: address.street ?? null,
			houseNumber: address.houseNumber ?? null,
			postcode: address.postcode ?? null,
			district: address.district ?? null,
		});
	}
	const text = String(value);
	if (DATE_FIELDS.has(field) && /^\d{4}-\d{2}-\d{2}$/.test(text)) return formatDate(text);
	if (field === 'parentSorId') return names.unit(text) ?? `SOR-ID ${text}`;
	if (field === 'entityTypeCode') return names.type(text) ?? text;
	return text;
}

function changeList(details: Record<string, unknown>, names: HistoryNames): HistoryLine['changes'] {
	return Object.entries(details)
		.filter((entry): entry is [string, [unknown, unknown]] => Array.isArray(entry[1]))
		.map(([field, [from, to]]) => ({
			field: FIELD_LABELS[field] ?? field,
			from: valueText(field, from, names),
			to: valueText(field, to, names),
		}));
}

/** Describes one SOR history row in Danish (oprettet, ændret, flyttet, lukket, genåbnet). */
export function describeHistoryEvent(event: HistoryEvent, names: HistoryNames): HistoryLine {
	const date = formatDate(event.snapshotDate);
	switch (event.kind) {
		case 'new':
			return { date, title: 'Oprettet i SOR', changes: [] };
		case 'changed':
			return { date, title: 'Ændret i SOR', changes: changeList(event.details, names) };
		case 'moved':
			return {
				date,
				title: 'Flyttet i SOR-hierarkiet',
				changes: changeList(event.details, names),
			};
		case 'closed': {
			const toDate = event.details.toDate;
			const title =
				event.details.reason === 'missing'
					? 'Lukket: ikke længere med i SOR-udtrækket'
					: typeof toDate === 'string'
						? `Lukket: gyldig til ${formatDate(toDate)} i SOR`
						: 'Lukket i SOR';
			return { date, title, changes: [] };
		}
		case 'reopened':
			return { date, title: 'Genåbnet i SOR', changes: [] };
	}
}
