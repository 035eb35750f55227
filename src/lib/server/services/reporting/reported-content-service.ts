import { staffChartSvg } from '../../../domain/reporting/chart';
import { descriptionParagraphs, type Paragraph } from '../../../domain/reporting/description';
import {
	inspectionState,
	registrationDate,
	type InspectionState,
} from '../../../domain/inspection-overview/cycle';
import {
	INSPECTION_THEMES,
	isOrderOpen,
	ORDER_KINDS,
	type InspectionOrder,
} from '../../../domain/reporting/inspection';
import {
	comparePeriods,
	periodLabel,
	periodShortLabel,
	type Period,
} from '../../../domain/reporting/period';
import { STAFF_CATEGORIES, staffTotals } from '../../../domain/reporting/staff';
import {
	averageByQuestion,
	DEFAULT_MIN_RESPONDENTS,
	responseRate,
	suppressionReason,
	surveyMethodLabel,
	type Average,
	type AverageInput,
} from '../../../domain/reporting/survey';
import type { RegisterDb } from '../../db/client';
import { AuditRepository } from '../../repositories/audit-repository';
import {
	ReportingInspectionRepository,
	type InspectionRecord,
} from '../../repositories/reporting-inspection-repository';
import { ReportingProfileRepository } from '../../repositories/reporting-profile-repository';
import {
	ReportingScopeRepository,
	type ReportingLocality,
} from '../../repositories/reporting-scope-repository';
import {
	ReportingStaffRepository,
	type StaffReportRecord,
} from '../../repositories/reporting-staff-repository';
import {
	ReportingSurveyRepository,
	type SurveyRecord,
} from '../../repositories/reporting-survey-repository';
import type { Clock } from '../accounts/audit-actor';
import { danishDate } from './outcome';

/** Options of the read service. */
export interface ReportedContentOptions {
	clock: Clock;
	/** Fewest answers before survey results are shown (default 5). */
	minRespondents?: number;
	/** Public URL of a stored file (default `/filer/<id>`). */
	fileUrl?: (fileId: string) => string;
}

/** One piece of inspection feedback as the public page shows it. */
export interface InspectionView {
	inspectionId: number;
	visitDate: string;
	announced: boolean;
	/** The three § 7 stk. 3 themes with the authority's assessment in words. */
	themes: { key: string; label: string; assessment: string }[];
	/** The configured status value (label as it read when reported) and the authority's text. */
	status: { code: string; label: string; text: string };
	orders: (InspectionOrder & { kindLabel: string; open: boolean })[];
	summary: string;
	pdfUrl: string;
	/** When the feedback was first reported. */
	reportedAt: string;
	/** Set when the feedback has been corrected since: date of the latest correction and its note. */
	corrected: { at: string; note: string | null; corrections: number } | null;
}

/** A locality's inspection picture: latest feedback, the earlier ones, and freshness. */
export interface InspectionSummary {
	latest: InspectionView | null;
	/** Earlier feedback, newest first (the full timeline is `[latest, ...earlier]`). */
	earlier: InspectionView[];
	/** The five-year cycle and freshness, by the same rules as Ældretilsynet's overview. */
	cycle: InspectionState;
	/** Påbud and forbud not lifted, across all feedback (one carried over counts once). */
	openOrders: number;
}

/** One question of a survey with the comparison averages. */
export interface SurveyQuestionResult {
	code: string;
	text: string;
	/** Null when the survey's results are suppressed. */
	positivePct: number | null;
	/** Average of localities in the same kommune, same survey and period (not suppressed ones). */
	municipalityAverage: Average | null;
	/** Average of all localities in the country, same survey and period. */
	nationalAverage: Average | null;
}

/** A survey as the public page shows it. */
export interface SurveyResultView {
	surveyId: number;
	name: string;
	period: Period;
	periodLabel: string;
	method: string;
	methodLabel: string;
	invited: number;
	responded: number;
	responseRatePct: number | null;
	/** Why the results are hidden (too few answers), or null when shown. */
	suppressedReason: string | null;
	municipalityName: string | null;
	reportedAt: string;
	correctedAt: string | null;
	questions: SurveyQuestionResult[];
}

/** Staff numbers of one period. */
export interface StaffPointView {
	period: Period;
	periodLabel: string;
	headcount: number;
	fullTimeEquivalents: number;
	sicknessAbsencePct: number | null;
	lines: { category: string; label: string; headcount: number; fullTimeEquivalents: number }[];
	correctedAt: string | null;
}

/** Everything reported about one locality, ready for its public page. */
export interface LocalityReportedContent {
	sorId: string;
	/** A closed locality keeps its content, but is no longer inspected. */
	status: 'active' | 'closed';
	inspection: InspectionSummary;
	surveys: SurveyResultView[];
	staff: {
		/** Oldest period first (chart order). */
		points: StaffPointView[];
		/** Server-rendered SVG (escaped; safe for `set:html`), '' when there are no points. */
		chartSvg: string;
	};
	/** The fewest answers shown, for the explanation next to the survey results. */
	minRespondents: number;
	hasContent: boolean;
}

/** A provider's compiled figures and presentation. */
export interface ProviderReportedContent {
	providerId: string;
	description: Paragraph[];
	descriptionUpdatedAt: string | null;
	photos: { url: string; alt: string; width: number | null; height: number | null }[];
	localities: { shown: number; closed: number };
	/** Per locality (shown and closed ones), its latest feedback and cycle. */
	inspections: {
		sorId: string;
		name: string;
		status: 'active' | 'closed';
		latest: InspectionView | null;
		cycle: InspectionState;
		openOrders: number;
	}[];
	/** Per survey and period: respondent-weighted share over the provider's localities. */
	surveys: {
		name: string;
		period: Period;
		periodLabel: string;
		localitiesIncluded: number;
		localitiesSuppressed: number;
		respondents: number;
		invited: number;
		questions: { code: string; text: string; average: Average | null }[];
	}[];
	/** Per period: totals over the localities that reported for that period. */
	staffTotals: {
		period: Period;
		periodLabel: string;
		localitiesReporting: number;
		headcount: number;
		fullTimeEquivalents: number;
		byCategory: {
			category: string;
			label: string;
			headcount: number;
			fullTimeEquivalents: number;
		}[];
	}[];
	minRespondents: number;
	hasContent: boolean;
}

const periodOf = (r: { periodType: Period['type']; period: string }): Period => ({
	type: r.periodType,
	value: r.period,
});

/**
 * Read-only view of reported content for the public pages (locality and aggregate provider).
 * Content is kept for closed localities and shown on their pages; which localities are public at
 * all is the page's rule.
 */
export class ReportedContentService {
	private readonly scope: ReportingScopeRepository;
	private readonly inspections: ReportingInspectionRepository;
	private readonly surveys: ReportingSurveyRepository;
	private readonly staff: ReportingStaffRepository;
	private readonly profiles: ReportingProfileRepository;
	private readonly audit: AuditRepository;
	private readonly minRespondents: number;
	private readonly fileUrl: (fileId: string) => string;

	constructor(
		db: RegisterDb,
		private readonly options: ReportedContentOptions,
	) {
		this.scope = new ReportingScopeRepository(db);
		this.inspections = new ReportingInspectionRepository(db);
		this.surveys = new ReportingSurveyRepository(db);
		this.staff = new ReportingStaffRepository(db);
		this.profiles = new ReportingProfileRepository(db);
		this.audit = new AuditRepository(db);
		this.minRespondents = options.minRespondents ?? DEFAULT_MIN_RESPONDENTS;
		this.fileUrl = options.fileUrl ?? ((id) => `/filer/${id}`);
	}

	/**
	 * The reported-content revision: bumped in the same transaction as every editor change, so a
	 * page cache keyed on (SOR data version, this) is never stale.
	 */
	revision(): number {
		return this.audit.contentRevision().revision;
	}

	/** Everything reported about a locality, or null for an unknown SOR-ID. */
	forLocality(sorId: string): LocalityReportedContent | null {
		const locality = this.scope.locality(sorId);
		if (!locality) return null;
		const today = danishDate(this.options.clock());
		const inspection = this.inspectionSummary(
			this.inspections.currentForLocality(sorId),
			this.registeredOn(locality),
			today,
		);
		const surveys = this.surveys
			.currentForLocality(sorId)
			.filter((s) => !s.deleted)
			.sort(
				(a, b) => comparePeriods(periodOf(b), periodOf(a)) || a.name.localeCompare(b.name, 'da'),
			)
			.map((s) => this.surveyView(s, locality));
		const points = this.staff
			.currentForLocality(sorId)
			.filter((r) => !r.deleted)
			.sort((a, b) => comparePeriods(periodOf(a), periodOf(b)))
			.map(staffPoint);
		return {
			sorId,
			status: locality.status,
			inspection,
			surveys,
			staff: {
				points,
				chartSvg: staffChartSvg(
					points.map((p) => ({
						label: periodShortLabel(p.period),
						title: p.periodLabel,
						headcount: p.headcount,
						fullTimeEquivalents: p.fullTimeEquivalents,
					})),
					{ idPrefix: `staff-${sorId}`, title: 'Medarbejdere over tid' },
				),
			},
			minRespondents: this.minRespondents,
			hasContent: inspection.latest !== null || surveys.length > 0 || points.length > 0,
		};
	}

	/** A provider's description, photos and figures compiled from its localities, or null. */
	forProvider(providerId: string): ProviderReportedContent | null {
		const provider = this.scope.provider(providerId);
		if (!provider) return null;
		const today = danishDate(this.options.clock());
		// Localities citizens can see (active with a valid address), plus closed ones, whose
		// reported content stays visible.
		const included = this.scope
			.localitiesOfProvider(providerId)
			.filter((l) => l.published || l.status === 'closed');
		const includedIds = new Set(included.map((l) => l.sorId));
		const registerStartDate = this.scope.registerStartDate();
		const profile = this.profiles.current(providerId);
		const inspectionsBySor = groupBy(
			this.inspections.currentForProvider(providerId).filter((i) => includedIds.has(i.sorId)),
			(i) => i.sorId,
		);
		const inspections = included.map((l) => {
			const summary = this.inspectionSummary(
				inspectionsBySor.get(l.sorId) ?? [],
				this.registeredOn(l, registerStartDate),
				today,
			);
			return {
				sorId: l.sorId,
				name: l.name,
				status: l.status,
				latest: summary.latest,
				cycle: summary.cycle,
				openOrders: summary.openOrders,
			};
		});
		const surveys = this.providerSurveys(
			this.surveys.currentForProvider(providerId).filter((s) => includedIds.has(s.sorId)),
		);
		const staffTotals = this.providerStaff(
			this.staff.currentForProvider(providerId).filter((r) => includedIds.has(r.sorId)),
		);
		const description = descriptionParagraphs(profile?.description ?? '');
		return {
			providerId,
			description,
			descriptionUpdatedAt: profile?.createdAt ?? null,
			photos: (profile?.photos ?? []).map((p) => ({
				url: this.fileUrl(p.fileId),
				alt: p.altText,
				width: p.width,
				height: p.height,
			})),
			localities: {
				shown: included.filter((l) => l.status === 'active').length,
				closed: included.filter((l) => l.status === 'closed').length,
			},
			inspections,
			surveys,
			staffTotals,
			minRespondents: this.minRespondents,
			hasContent:
				description.length > 0 ||
				(profile?.photos.length ?? 0) > 0 ||
				inspections.some((i) => i.latest) ||
				surveys.length > 0 ||
				staffTotals.length > 0,
		};
	}

	/** When the locality registered, by the rule Ældretilsynet's overview uses. */
	private registeredOn(
		locality: ReportingLocality,
		registerStartDate = this.scope.registerStartDate(),
	): string {
		return registrationDate({
			firstFromDate: locality.firstFromDate,
			firstRegisteredSnapshotDate: locality.firstRegisteredSnapshotDate,
			registerStartDate,
		});
	}

	private inspectionSummary(
		records: InspectionRecord[],
		registeredOn: string,
		today: string,
	): InspectionSummary {
		const views = records
			.slice()
			.sort((a, b) => b.visitDate.localeCompare(a.visitDate) || b.inspectionId - a.inspectionId)
			.map((r) => this.inspectionView(r, today));
		const cycle = inspectionState(
			{
				registeredOn,
				visits: records.map((r) => ({
					inspectionId: r.inspectionId,
					visitDate: r.visitDate,
					announced: r.announced,
					statusCode: r.statusCode,
					statusLabel: r.statusLabel,
				})),
				orders: records.flatMap((r) => r.orders),
			},
			today,
		);
		return {
			latest: views[0] ?? null,
			earlier: views.slice(1),
			cycle,
			openOrders: cycle.openOrders.length,
		};
	}

	private inspectionView(r: InspectionRecord, today: string): InspectionView {
		return {
			inspectionId: r.inspectionId,
			visitDate: r.visitDate,
			announced: r.announced,
			themes: INSPECTION_THEMES.map((t) => ({ key: t.key, label: t.label, assessment: r[t.key] })),
			status: { code: r.statusCode, label: r.statusLabel, text: r.statusText },
			orders: r.orders.map((o) => ({
				...o,
				kindLabel: ORDER_KINDS[o.kind],
				open: isOrderOpen(o, today),
			})),
			summary: r.summary,
			pdfUrl: this.fileUrl(r.pdfFileId),
			reportedAt: r.firstCreatedAt,
			corrected:
				r.version > 1
					? { at: r.createdAt, note: r.correctionNote, corrections: r.version - 1 }
					: null,
		};
	}

	private surveyView(s: SurveyRecord, locality: ReportingLocality): SurveyResultView {
		const suppressedReason = suppressionReason(s.responded, this.minRespondents);
		const peers = this.surveys
			.currentMatching(s.nameKey, s.periodType, s.period)
			.filter((p) => suppressionReason(p.responded, this.minRespondents) === null)
			.map(averageInput);
		const national = averageByQuestion(peers);
		const municipal = averageByQuestion(
			peers.filter(
				(p) =>
					locality.municipalityCode !== null && p.municipalityCode === locality.municipalityCode,
			),
		);
		return {
			surveyId: s.surveyId,
			name: s.name,
			period: periodOf(s),
			periodLabel: periodLabel(periodOf(s)),
			method: s.method,
			methodLabel: surveyMethodLabel(s.method),
			invited: s.invited,
			responded: s.responded,
			responseRatePct: responseRate(s.invited, s.responded),
			suppressedReason,
			municipalityName: locality.municipalityName,
			reportedAt: s.firstCreatedAt,
			correctedAt: s.version > 1 ? s.createdAt : null,
			questions: s.answers.map((a) => ({
				code: a.questionCode,
				text: a.questionText,
				positivePct: suppressedReason ? null : a.positivePct,
				municipalityAverage: municipal.get(a.questionCode) ?? null,
				nationalAverage: national.get(a.questionCode) ?? null,
			})),
		};
	}

	private providerSurveys(records: SurveyRecord[]): ProviderReportedContent['surveys'] {
		const groups = groupBy(records, (s) => `${s.nameKey}|${s.periodType}|${s.period}`);
		return [...groups.values()]
			.map((group) => {
				const first = group[0]!;
				const shown = group.filter(
					(s) => suppressionReason(s.responded, this.minRespondents) === null,
				);
				const averages = averageByQuestion(shown.map(averageInput));
				const questions = new Map<string, string>();
				for (const s of group)
					for (const a of s.answers) questions.set(a.questionCode, a.questionText);
				return {
					name: first.name,
					period: periodOf(first),
					periodLabel: periodLabel(periodOf(first)),
					localitiesIncluded: shown.length,
					localitiesSuppressed: group.length - shown.length,
					respondents: shown.reduce((n, s) => n + s.responded, 0),
					invited: shown.reduce((n, s) => n + s.invited, 0),
					questions: [...questions].map(([code, text]) => ({
						code,
						text,
						average: averages.get(code) ?? null,
					})),
				};
			})
			.sort((a, b) => comparePeriods(b.period, a.period) || a.name.localeCompare(b.name, 'da'));
	}

	private providerStaff(records: StaffReportRecord[]): ProviderReportedContent['staffTotals'] {
		const groups = groupBy(records, (r) => `${r.periodType}|${r.period}`);
		return [...groups.values()]
			.map((group) => {
				const period = periodOf(group[0]!);
				const lines = group.flatMap((r) => r.lines);
				const totals = staffTotals(lines);
				return {
					period,
					periodLabel: periodLabel(period),
					localitiesReporting: group.length,
					headcount: totals.headcount,
					fullTimeEquivalents: totals.fullTimeEquivalents,
					byCategory: STAFF_CATEGORIES.map((c) => {
						const t = staffTotals(lines.filter((l) => l.category === c.key));
						return { category: c.key, label: c.label, ...t };
					}),
				};
			})
			.sort((a, b) => comparePeriods(b.period, a.period));
	}
}

function staffPoint(r: StaffReportRecord): StaffPointView {
	const period = periodOf(r);
	const totals = staffTotals(r.lines);
	return {
		period,
		periodLabel: periodLabel(period),
		headcount: totals.headcount,
		fullTimeEquivalents: totals.fullTimeEquivalents,
		sicknessAbsencePct: r.sicknessAbsencePct,
		lines: STAFF_CATEGORIES.map((c) => {
			const line = r.lines.find((l) => l.category === c.key);
			return {
				category: c.key,
				label: c.label,
				headcount: line?.headcount ?? 0,
				fullTimeEquivalents: line?.fullTimeEquivalents ?? 0,
			};
		}),
		correctedAt: r.version > 1 ? r.createdAt : null,
	};
}

function averageInput(s: SurveyRecord): AverageInput {
	return {
		sorId: s.sorId,
		municipalityCode: s.municipalityCode,
		responded: s.responded,
		answers: new Map(s.answers.map((a) => [a.questionCode, a.positivePct])),
	};
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
	const groups = new Map<string, T[]>();
	for (const item of items) {
		const k = key(item);
		const list = groups.get(k) ?? [];
		list.push(item);
		groups.set(k, list);
	}
	return groups;
}
