import { toCsv } from '../csv/write-csv';
import type { OverviewRow } from './overview';

const OWNER_LABEL = { kommune: 'Kommunal', privat: 'Privat', andet: 'Anden ejer' } as const;
const ORDER_LABEL = { order: 'Påbud', ban: 'Forbud' } as const;
const yesNo = (value: boolean) => (value ? 'ja' : 'nej');

/**
 * The overview as CSV for the inspection authorities' spreadsheets: semicolon-separated like the
 * other Danish-facing downloads (Danish Excel expects it), UTF-8 with BOM, ISO dates.
 */
export function overviewCsv(rows: readonly OverviewRow[]): string {
	return toCsv(
		rows,
		[
			{ header: 'Tilsynsmyndighed', value: (r) => r.authorityName ?? 'Ukendt' },
			{ header: 'SOR-ID', value: (r) => r.sorId },
			{ header: 'Sted', value: (r) => r.name },
			{ header: 'Vist i registret', value: (r) => yesNo(r.published) },
			{ header: 'Adressestatus', value: (r) => r.addressStatus },
			{ header: 'Leverandør-id', value: (r) => r.providerId },
			{ header: 'Leverandør', value: (r) => r.providerName },
			{ header: 'Ejertype', value: (r) => OWNER_LABEL[r.ownerType] },
			{ header: 'Kommunekode', value: (r) => r.municipalityCode },
			{ header: 'Kommune', value: (r) => r.municipalityName },
			{ header: 'Kommune ifølge', value: (r) => r.municipalitySource },
			{ header: 'Registreret', value: (r) => r.registeredOn },
			{ header: 'Seneste besøg', value: (r) => r.state.lastVisitDate },
			{ header: 'Seneste anmeldte besøg', value: (r) => r.state.lastAnnouncedVisitDate },
			{ header: 'Måneder siden besøg', value: (r) => r.state.monthsSinceLastVisit },
			{ header: 'Aldrig besøgt', value: (r) => yesNo(r.state.neverVisited) },
			{ header: 'Anmeldt besøg senest', value: (r) => r.state.announcedVisitDueBy },
			{ header: 'Forfalden', value: (r) => yesNo(r.state.overdue) },
			{ header: 'Status', value: (r) => r.state.status?.label ?? null },
			{ header: 'Åbne påbud', value: (r) => countKind(r, 'order') },
			{ header: 'Åbne forbud', value: (r) => countKind(r, 'ban') },
			{
				header: 'Åbne påbud og forbud',
				value: (r) =>
					r.state.openOrders
						.map((o) => `${ORDER_LABEL[o.kind]} ${o.issuedOn}: ${o.description}`)
						.join('\n'),
			},
			{ header: 'Oprettet inden for 6 måneder', value: (r) => yesNo(r.state.openedRecently) },
			{ header: 'Opstartsmøde fra', value: (r) => r.state.startupMeeting?.from ?? null },
			{ header: 'Opstartsmøde senest', value: (r) => r.state.startupMeeting?.to ?? null },
		],
		';',
	);
}

function countKind(row: OverviewRow, kind: 'order' | 'ban'): number {
	return row.state.openOrders.filter((order) => order.kind === kind).length;
}
