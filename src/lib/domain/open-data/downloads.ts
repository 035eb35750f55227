import { toCsv } from '../csv/write-csv';
import type {
	InspectionItem,
	LocalityGeoJson,
	LocalityItem,
	MunicipalityItem,
	ProviderItem,
	StaffReportItem,
	SurveyItem,
} from './schemas';

/*
 * Whole-register files. CSV is RFC 4180 with a comma (the international open-data convention;
 * the Danish-facing /tilsyn download uses semicolons), UTF-8 with BOM so spreadsheets read æøå, and
 * column names in English matching the JSON fields, so the two formats document each other.
 */

type Column<T> = { header: string; value: (row: T) => unknown };

const bool = (value: boolean) => (value ? 'true' : 'false');

/** Kommuner. */
export function municipalitiesCsv(rows: readonly MunicipalityItem[]): string {
	const columns: Column<MunicipalityItem>[] = [
		{ header: 'code', value: (r) => r.code },
		{ header: 'name', value: (r) => r.name },
		{ header: 'regionCode', value: (r) => r.region.code },
		{ header: 'regionName', value: (r) => r.region.name },
		{ header: 'authorityId', value: (r) => r.authority?.id },
		{ header: 'authorityName', value: (r) => r.authority?.name },
		{ header: 'localitiesShown', value: (r) => r.localitiesShown },
		{ header: 'ownProviderId', value: (r) => r.ownProviderId },
	];
	return toCsv(rows, columns, ',');
}

/** Aggregate providers. */
export function providersCsv(rows: readonly ProviderItem[]): string {
	const columns: Column<ProviderItem>[] = [
		{ header: 'id', value: (r) => r.id },
		{ header: 'name', value: (r) => r.name },
		{ header: 'ownerType', value: (r) => r.ownerType },
		{ header: 'cvr', value: (r) => r.cvr },
		{ header: 'municipalityCode', value: (r) => r.municipality?.code },
		{ header: 'municipalityName', value: (r) => r.municipality?.name },
		{ header: 'ownerSorId', value: (r) => r.ownerSorId },
		{ header: 'created', value: (r) => r.created },
		{ header: 'modified', value: (r) => r.modified },
		{ header: 'localitiesShown', value: (r) => r.localities.shown },
		{ header: 'localitiesHeldBack', value: (r) => r.localities.heldBack },
		{ header: 'localitiesClosed', value: (r) => r.localities.closed },
		{
			header: 'locationMunicipalityCodes',
			value: (r) => r.locationMunicipalities.map((m) => m.code).join(' '),
		},
	];
	return toCsv(rows, columns, ',');
}

/** Localities. */
export function localitiesCsv(rows: readonly LocalityItem[]): string {
	const columns: Column<LocalityItem>[] = [
		{ header: 'sorId', value: (r) => r.sorId },
		{ header: 'name', value: (r) => r.name },
		{ header: 'status', value: (r) => r.status },
		{ header: 'closedSince', value: (r) => r.closedSince },
		{ header: 'published', value: (r) => bool(r.published) },
		{ header: 'addressStatus', value: (r) => r.addressStatus },
		{ header: 'providerId', value: (r) => r.provider.id },
		{ header: 'providerName', value: (r) => r.provider.name },
		{ header: 'ownerType', value: (r) => r.provider.ownerType },
		{ header: 'cvr', value: (r) => r.cvr },
		{ header: 'visitingStreet', value: (r) => r.visitingAddress.street },
		{ header: 'visitingHouseNumber', value: (r) => r.visitingAddress.houseNumber },
		{ header: 'visitingFloor', value: (r) => r.visitingAddress.floor },
		{ header: 'visitingDoor', value: (r) => r.visitingAddress.door },
		{ header: 'visitingPostcode', value: (r) => r.visitingAddress.postcode },
		{ header: 'visitingDistrict', value: (r) => r.visitingAddress.district },
		{ header: 'postalAddress', value: (r) => r.postalAddress?.text },
		{ header: 'darAddressId', value: (r) => r.darAddressId },
		{ header: 'lat', value: (r) => r.position?.lat },
		{ header: 'lon', value: (r) => r.position?.lon },
		{ header: 'locationMunicipalityCode', value: (r) => r.locationMunicipality?.code },
		{ header: 'locationMunicipalityName', value: (r) => r.locationMunicipality?.name },
		{ header: 'authorityId', value: (r) => r.authority?.id },
		{ header: 'authorityName', value: (r) => r.authority?.name },
		{ header: 'phone', value: (r) => r.contact.phone },
		{ header: 'email', value: (r) => r.contact.email },
		{ header: 'website', value: (r) => r.contact.website },
		{ header: 'firstFromDate', value: (r) => r.firstFromDate },
		{ header: 'firstRegistered', value: (r) => r.firstRegistered },
		{ header: 'modified', value: (r) => r.modified },
	];
	return toCsv(rows, columns, ',');
}

/** Inspection feedback (one row per inspection, current version). */
export function inspectionsCsv(rows: readonly InspectionItem[]): string {
	const columns: Column<InspectionItem>[] = [
		{ header: 'id', value: (r) => r.id },
		{ header: 'sorId', value: (r) => r.locality.sorId },
		{ header: 'localityName', value: (r) => r.locality.name },
		{ header: 'providerId', value: (r) => r.locality.providerId },
		{ header: 'version', value: (r) => r.version },
		{ header: 'authorityId', value: (r) => r.authority.id },
		{ header: 'visitDate', value: (r) => r.visitDate },
		{ header: 'announced', value: (r) => bool(r.announced) },
		{ header: 'statusCode', value: (r) => r.status.code },
		{ header: 'statusLabel', value: (r) => r.status.label },
		{ header: 'statusText', value: (r) => r.status.text },
		{ header: 'themeSelfDetermination', value: (r) => r.themes.selfDetermination },
		{ header: 'themeTrust', value: (r) => r.themes.trust },
		{ header: 'themeRelatives', value: (r) => r.themes.relatives },
		{ header: 'summary', value: (r) => r.summary },
		{ header: 'orders', value: (r) => r.orders.length },
		{ header: 'correctionNote', value: (r) => r.correctionNote },
		{ header: 'firstReportedAt', value: (r) => r.firstReportedAt },
		{ header: 'reportedAt', value: (r) => r.reportedAt },
	];
	return toCsv(rows, columns, ',');
}

/** Påbud and forbud, one row each, keyed by inspection id. */
export function inspectionOrdersCsv(rows: readonly InspectionItem[]): string {
	const orders = rows.flatMap((inspection) =>
		inspection.orders.map((order, position) => ({ inspection, order, position })),
	);
	const columns: Column<(typeof orders)[number]>[] = [
		{ header: 'inspectionId', value: (r) => r.inspection.id },
		{ header: 'sorId', value: (r) => r.inspection.locality.sorId },
		{ header: 'position', value: (r) => r.position + 1 },
		{ header: 'kind', value: (r) => r.order.kind },
		{ header: 'description', value: (r) => r.order.description },
		{ header: 'issuedOn', value: (r) => r.order.issuedOn },
		{ header: 'deadline', value: (r) => r.order.deadline },
		{ header: 'liftedOn', value: (r) => r.order.liftedOn },
	];
	return toCsv(orders, columns, ',');
}

/** Satisfaction surveys (one row per survey; answers in their own file). */
export function surveysCsv(rows: readonly SurveyItem[]): string {
	const columns: Column<SurveyItem>[] = [
		{ header: 'id', value: (r) => r.id },
		{ header: 'sorId', value: (r) => r.locality.sorId },
		{ header: 'localityName', value: (r) => r.locality.name },
		{ header: 'providerId', value: (r) => r.locality.providerId },
		{ header: 'version', value: (r) => r.version },
		{ header: 'name', value: (r) => r.name },
		{ header: 'periodType', value: (r) => r.period.type },
		{ header: 'period', value: (r) => r.period.value },
		{ header: 'method', value: (r) => r.method },
		{ header: 'invited', value: (r) => r.invited },
		{ header: 'responded', value: (r) => r.responded },
		{ header: 'responseRatePct', value: (r) => r.responseRatePct },
		{ header: 'suppressed', value: (r) => bool(r.suppressed) },
		{ header: 'firstReportedAt', value: (r) => r.firstReportedAt },
		{ header: 'reportedAt', value: (r) => r.reportedAt },
	];
	return toCsv(rows, columns, ',');
}

/** Survey answers, one row per question; suppressed surveys have none. */
export function surveyAnswersCsv(rows: readonly SurveyItem[]): string {
	const answers = rows.flatMap((survey) =>
		(survey.answers ?? []).map((answer) => ({ survey, answer })),
	);
	const columns: Column<(typeof answers)[number]>[] = [
		{ header: 'surveyId', value: (r) => r.survey.id },
		{ header: 'sorId', value: (r) => r.survey.locality.sorId },
		{ header: 'questionCode', value: (r) => r.answer.questionCode },
		{ header: 'questionText', value: (r) => r.answer.questionText },
		{ header: 'positivePct', value: (r) => r.answer.positivePct },
	];
	return toCsv(answers, columns, ',');
}

const STAFF_CATEGORIES = [
	'nurses',
	'care_assistants',
	'care_helpers',
	'therapists',
	'other',
] as const;

/** Staff reports, one row per report with headcount and FTE per category. */
export function staffReportsCsv(rows: readonly StaffReportItem[]): string {
	const line = (r: StaffReportItem, category: string) =>
		r.lines.find((l) => l.category === category);
	const columns: Column<StaffReportItem>[] = [
		{ header: 'id', value: (r) => r.id },
		{ header: 'sorId', value: (r) => r.locality.sorId },
		{ header: 'localityName', value: (r) => r.locality.name },
		{ header: 'providerId', value: (r) => r.locality.providerId },
		{ header: 'version', value: (r) => r.version },
		{ header: 'periodType', value: (r) => r.period.type },
		{ header: 'period', value: (r) => r.period.value },
		{ header: 'sicknessAbsencePct', value: (r) => r.sicknessAbsencePct },
		...STAFF_CATEGORIES.flatMap((category): Column<StaffReportItem>[] => [
			{ header: `headcount_${category}`, value: (r) => line(r, category)?.headcount },
			{ header: `fte_${category}`, value: (r) => line(r, category)?.fullTimeEquivalents },
		]),
		{ header: 'headcountTotal', value: (r) => r.totals.headcount },
		{ header: 'fteTotal', value: (r) => r.totals.fullTimeEquivalents },
		{ header: 'firstReportedAt', value: (r) => r.firstReportedAt },
		{ header: 'reportedAt', value: (r) => r.reportedAt },
	];
	return toCsv(rows, columns, ',');
}

// ~0.1 m: DAR positions are given to the centimetre in UTM; more digits would be noise.
const round6 = (value: number) => Math.round(value * 1e6) / 1e6;

/** Localities with a position as a GeoJSON FeatureCollection (RFC 7946: [lon, lat], WGS84). */
export function localitiesGeoJson(rows: readonly LocalityItem[]): LocalityGeoJson {
	return {
		type: 'FeatureCollection',
		features: rows
			.filter((r) => r.position !== null)
			.map((r) => ({
				type: 'Feature' as const,
				id: r.sorId,
				geometry: {
					type: 'Point' as const,
					coordinates: [round6(r.position!.lon), round6(r.position!.lat)] as [number, number],
				},
				properties: {
					sorId: r.sorId,
					name: r.name,
					status: r.status,
					closedSince: r.closedSince,
					providerId: r.provider.id,
					providerName: r.provider.name,
					ownerType: r.provider.ownerType,
					cvr: r.cvr,
					address: r.visitingAddress.text,
					darAddressId: r.darAddressId,
					municipalityCode: r.locationMunicipality?.code ?? null,
					municipalityName: r.locationMunicipality?.name ?? null,
					authorityId: r.authority?.id ?? null,
					phone: r.contact.phone,
					email: r.contact.email,
					website: r.contact.website,
					url: r.links.html,
				},
			})),
	};
}
