import type { Actor } from '../../../domain/auth/roles';
import { fieldChanges } from '../../../domain/reporting/changes';
import { comparePeriods, periodLabel } from '../../../domain/reporting/period';
import {
	parseSurveyForm,
	surveyNameKey,
	type SurveyInput,
	type SurveyQuestion,
} from '../../../domain/reporting/survey';
import { AuditRepository } from '../../repositories/audit-repository';
import {
	ReportingScopeRepository,
	type ReportingLocality,
} from '../../repositories/reporting-scope-repository';
import {
	ReportingSurveyRepository,
	type SurveyRecord,
} from '../../repositories/reporting-survey-repository';
import { auditActor } from '../accounts/audit-actor';
import { recordContentChange } from './change-log';
import type { ReportingDeps } from './deps';
import { itemVersionsAt, localityFor } from './locality-access';
import { isUniqueViolation, refuse, type Access, type Outcome } from './outcome';

const byPeriodDesc = (a: SurveyRecord, b: SurveyRecord) =>
	comparePeriods(
		{ type: b.periodType, value: b.period },
		{ type: a.periodType, value: a.period },
	) || a.name.localeCompare(b.name, 'da');

function auditState(s: Omit<SurveyInput, 'period'> & { period: string; deleted: boolean }) {
	return {
		deleted: s.deleted,
		name: s.name,
		period: s.period,
		method: s.method,
		invited: s.invited,
		responded: s.responded,
		answers: s.answers
			.map((a) => [a.questionCode, a.positivePct])
			.sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
	};
}

/** Satisfaction surveys per locality, with every correction kept as a version. */
export class SurveyService {
	private readonly surveys: ReportingSurveyRepository;
	private readonly scope: ReportingScopeRepository;
	private readonly audit: AuditRepository;

	constructor(private readonly deps: ReportingDeps) {
		this.surveys = new ReportingSurveyRepository(deps.db);
		this.scope = new ReportingScopeRepository(deps.db);
		this.audit = new AuditRepository(deps.db);
	}

	/** The questions a new survey can answer (the active catalogue entries). */
	async questions(): Promise<SurveyQuestion[]> {
		return (await this.deps.catalogues.questions()).filter((q) => q.active);
	}

	/** Questions for correcting a survey: the active ones plus any retired one it answered. */
	async questionsFor(record: SurveyRecord): Promise<SurveyQuestion[]> {
		const all = await this.deps.catalogues.questions();
		const answered = new Set(record.answers.map((a) => a.questionCode));
		const questions: SurveyQuestion[] = all.filter((q) => q.active || answered.has(q.code));
		for (const answer of record.answers) {
			if (!all.some((q) => q.code === answer.questionCode)) {
				questions.push({ code: answer.questionCode, text: answer.questionText });
			}
		}
		return questions;
	}

	/** Survey names already used anywhere, to suggest (so the same survey gets the same name). */
	knownNames(): string[] {
		return this.surveys.knownNames(50);
	}

	/** The locality's surveys (current versions, newest period first). */
	list(
		actor: Actor | null,
		sorId: string,
	): Access<{ locality: ReportingLocality; surveys: SurveyRecord[] }> {
		const locality = localityFor(this.scope, actor, sorId, 'locality.report');
		if (!locality.ok) return locality;
		return {
			ok: true,
			value: {
				locality: locality.value,
				surveys: this.surveys.currentForLocality(sorId).sort(byPeriodDesc),
			},
		};
	}

	/** One survey with all its versions (newest first). */
	survey(
		actor: Actor | null,
		sorId: string,
		surveyId: number,
	): Access<{ locality: ReportingLocality; versions: SurveyRecord[] }> {
		return itemVersionsAt(this.scope, actor, sorId, 'locality.report', () =>
			this.surveys.versions(surveyId),
		);
	}

	/** Reports a new survey. */
	async create(
		actor: Actor | null,
		sorId: string,
		values: Record<string, string>,
	): Promise<Outcome<{ surveyId: number }>> {
		const locality = localityFor(this.scope, actor, sorId, 'locality.report');
		if (!locality.ok) return locality;
		const parsed = parseSurveyForm(values, await this.questions());
		if (!parsed.ok) return refuse.invalid(parsed.errors);
		const input = parsed.value;
		const at = this.deps.clock().toISOString();
		return this.write(() => {
			if (this.duplicateOf(sorId, input, null)) return refuse.invalid(duplicateError(input));
			const surveyId = this.surveys.insertSurvey({ sorId, createdAt: at, createdBy: actor!.id });
			this.appendVersion(actor!, surveyId, 1, input, false, at, null, 'survey.reported');
			return { ok: true, value: { surveyId } };
		});
	}

	/** Corrects a survey: a new version. */
	async update(
		actor: Actor | null,
		sorId: string,
		surveyId: number,
		baseVersion: number,
		values: Record<string, string>,
	): Promise<Outcome<{ surveyId: number }>> {
		const found = this.survey(actor, sorId, surveyId);
		if (!found.ok) return found;
		const parsed = parseSurveyForm(values, await this.questionsFor(found.value.versions[0]!));
		if (!parsed.ok) return refuse.invalid(parsed.errors);
		const input = parsed.value;
		const at = this.deps.clock().toISOString();
		return this.write(() => {
			const latest = this.surveys.versions(surveyId)[0]!;
			if (latest.version !== baseVersion) return refuse.conflict;
			if (this.duplicateOf(sorId, input, surveyId)) return refuse.invalid(duplicateError(input));
			this.appendVersion(
				actor!,
				surveyId,
				latest.version + 1,
				input,
				false,
				at,
				auditState(latest),
				'survey.corrected',
			);
			return { ok: true, value: { surveyId } };
		});
	}

	/** Withdraws a survey (a version marked deleted; the history stays). */
	withdraw(
		actor: Actor | null,
		sorId: string,
		surveyId: number,
		baseVersion: number,
	): Outcome<{ surveyId: number }> {
		const found = this.survey(actor, sorId, surveyId);
		if (!found.ok) return found;
		const at = this.deps.clock().toISOString();
		return this.write(() => {
			const latest = this.surveys.versions(surveyId)[0]!;
			if (latest.version !== baseVersion) return refuse.conflict;
			if (latest.deleted) return { ok: true, value: { surveyId } };
			this.appendVersion(
				actor!,
				surveyId,
				latest.version + 1,
				{ ...latest, period: { type: latest.periodType, value: latest.period } },
				true,
				at,
				auditState(latest),
				'survey.withdrawn',
			);
			return { ok: true, value: { surveyId } };
		});
	}

	private duplicateOf(sorId: string, input: SurveyInput, except: number | null): boolean {
		const key = surveyNameKey(input.name);
		return this.surveys
			.currentForLocality(sorId)
			.some(
				(s) =>
					!s.deleted &&
					s.surveyId !== except &&
					s.nameKey === key &&
					s.periodType === input.period.type &&
					s.period === input.period.value,
			);
	}

	private appendVersion(
		actor: Actor,
		surveyId: number,
		version: number,
		input: SurveyInput,
		deleted: boolean,
		at: string,
		before: ReturnType<typeof auditState> | null,
		action: string,
	): void {
		this.surveys.insertVersion(
			{
				surveyId,
				version,
				deleted,
				name: input.name,
				nameKey: surveyNameKey(input.name),
				periodType: input.period.type,
				period: input.period.value,
				method: input.method,
				invited: input.invited,
				responded: input.responded,
				createdAt: at,
				createdBy: actor.id,
			},
			input.answers,
		);
		recordContentChange(this.audit, {
			by: auditActor(actor),
			at,
			action,
			entityType: 'survey',
			entityId: String(surveyId),
			changes: fieldChanges(before, auditState({ ...input, period: input.period.value, deleted })),
		});
	}

	private write<T>(body: () => Outcome<T>): Outcome<T> {
		try {
			return this.deps.db.transaction(body, { behavior: 'immediate' });
		} catch (error) {
			if (isUniqueViolation(error)) return refuse.conflict;
			throw error;
		}
	}
}

function duplicateError(input: SurveyInput) {
	return [
		{
			field: 'name',
			message: `Der er allerede indberettet en måling med navnet «${input.name}» for ${periodLabel(input.period)} på stedet. Ret den i stedet.`,
		},
	];
}
