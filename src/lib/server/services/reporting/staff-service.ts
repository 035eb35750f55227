import type { Actor } from '../../../domain/auth/roles';
import { fieldChanges } from '../../../domain/reporting/changes';
import { comparePeriods, periodLabel } from '../../../domain/reporting/period';
import { parseStaffForm, type StaffReportInput } from '../../../domain/reporting/staff';
import { AuditRepository } from '../../repositories/audit-repository';
import {
	ReportingStaffRepository,
	type StaffReportRecord,
} from '../../repositories/reporting-staff-repository';
import {
	ReportingScopeRepository,
	type ReportingLocality,
} from '../../repositories/reporting-scope-repository';
import { auditActor } from '../accounts/audit-actor';
import { recordContentChange } from './change-log';
import type { ReportingDeps } from './deps';
import { itemVersionsAt, localityFor } from './locality-access';
import { isUniqueViolation, refuse, type Access, type Outcome } from './outcome';

/** Newest period first. */
const byPeriodDesc = (a: StaffReportRecord, b: StaffReportRecord) =>
	comparePeriods({ type: b.periodType, value: b.period }, { type: a.periodType, value: a.period });

function auditState(record: {
	deleted: boolean;
	sicknessAbsencePct: number | null;
	lines: unknown;
}) {
	return {
		deleted: record.deleted,
		sicknessAbsencePct: record.sicknessAbsencePct,
		lines: record.lines,
	};
}

/** Staff numbers per locality and period, with every correction kept as a version. */
export class StaffService {
	private readonly staff: ReportingStaffRepository;
	private readonly scope: ReportingScopeRepository;
	private readonly audit: AuditRepository;

	constructor(private readonly deps: ReportingDeps) {
		this.staff = new ReportingStaffRepository(deps.db);
		this.scope = new ReportingScopeRepository(deps.db);
		this.audit = new AuditRepository(deps.db);
	}

	/** The locality's reports (current versions, newest period first). */
	list(
		actor: Actor | null,
		sorId: string,
	): Access<{ locality: ReportingLocality; reports: StaffReportRecord[] }> {
		const locality = localityFor(this.scope, actor, sorId, 'locality.report');
		if (!locality.ok) return locality;
		return {
			ok: true,
			value: {
				locality: locality.value,
				reports: this.staff.currentForLocality(sorId).sort(byPeriodDesc),
			},
		};
	}

	/** One report with all its versions (newest first). */
	report(
		actor: Actor | null,
		sorId: string,
		reportId: number,
	): Access<{ locality: ReportingLocality; versions: StaffReportRecord[] }> {
		return itemVersionsAt(this.scope, actor, sorId, 'locality.report', () =>
			this.staff.versions(reportId),
		);
	}

	/** Reports staff numbers for a new period (or re-reports a withdrawn one). */
	create(
		actor: Actor | null,
		sorId: string,
		values: Record<string, string>,
	): Outcome<{ reportId: number }> {
		const locality = localityFor(this.scope, actor, sorId, 'locality.report');
		if (!locality.ok) return locality;
		const parsed = parseStaffForm(values);
		if (!parsed.ok) return refuse.invalid(parsed.errors);
		const input = parsed.value;
		const at = this.deps.clock().toISOString();
		return this.write(() => {
			const existing = this.staff.findByPeriod(sorId, input.period.type, input.period.value);
			let reportId: number;
			let version = 1;
			let before: ReturnType<typeof auditState> | null = null;
			if (existing !== null) {
				const current = this.staff.versions(existing)[0]!;
				if (!current.deleted) {
					return refuse.invalid([
						{
							field: 'part',
							message: `Der er allerede indberettet medarbejdertal for ${periodLabel(input.period)}. Ret den indberetning i stedet.`,
						},
					]);
				}
				reportId = existing;
				version = current.version + 1;
				before = auditState(current);
			} else {
				reportId = this.staff.insertReport({
					sorId,
					periodType: input.period.type,
					period: input.period.value,
					createdAt: at,
					createdBy: actor!.id,
				});
			}
			this.appendVersion(actor!, reportId, version, input, false, at, before, 'staff.reported', {
				period: [null, input.period.value],
			});
			return { ok: true, value: { reportId } };
		});
	}

	/** Corrects a report: a new version. `baseVersion` guards against overwriting someone else. */
	update(
		actor: Actor | null,
		sorId: string,
		reportId: number,
		baseVersion: number,
		values: Record<string, string>,
	): Outcome<{ reportId: number }> {
		const found = this.report(actor, sorId, reportId);
		if (!found.ok) return found;
		const current = found.value.versions[0]!;
		// The period is the report's identity; the form shows it but cannot change it.
		const parsed = parseStaffForm({
			...values,
			...periodValues(current),
		});
		if (!parsed.ok) return refuse.invalid(parsed.errors);
		const at = this.deps.clock().toISOString();
		return this.write(() => {
			const latest = this.staff.versions(reportId)[0]!;
			if (latest.version !== baseVersion) return refuse.conflict;
			this.appendVersion(
				actor!,
				reportId,
				latest.version + 1,
				parsed.value,
				false,
				at,
				auditState(latest),
				'staff.corrected',
			);
			return { ok: true, value: { reportId } };
		});
	}

	/** Withdraws a report (a version marked deleted; the history stays). */
	withdraw(
		actor: Actor | null,
		sorId: string,
		reportId: number,
		baseVersion: number,
	): Outcome<{ reportId: number }> {
		const found = this.report(actor, sorId, reportId);
		if (!found.ok) return found;
		const at = this.deps.clock().toISOString();
		return this.write(() => {
			const latest = this.staff.versions(reportId)[0]!;
			if (latest.version !== baseVersion) return refuse.conflict;
			if (latest.deleted) return { ok: true, value: { reportId } };
			this.appendVersion(
				actor!,
				reportId,
				latest.version + 1,
				{
					period: { type: latest.periodType, value: latest.period },
					lines: latest.lines,
					sicknessAbsencePct: latest.sicknessAbsencePct,
				},
				true,
				at,
				auditState(latest),
				'staff.withdrawn',
			);
			return { ok: true, value: { reportId } };
		});
	}

	private appendVersion(
		actor: Actor,
		reportId: number,
		version: number,
		input: StaffReportInput,
		deleted: boolean,
		at: string,
		before: ReturnType<typeof auditState> | null,
		action: string,
		extra: Record<string, [unknown, unknown]> = {},
	): void {
		this.staff.insertVersion(
			{
				reportId,
				version,
				deleted,
				sicknessAbsencePct: input.sicknessAbsencePct,
				createdAt: at,
				createdBy: actor.id,
			},
			input.lines,
		);
		recordContentChange(this.audit, {
			by: auditActor(actor),
			at,
			action,
			entityType: 'staff_report',
			entityId: String(reportId),
			changes: { ...extra, ...fieldChanges(before, auditState({ ...input, deleted })) },
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

/** The form's period fields for a stored report. */
function periodValues(record: StaffReportRecord): { year: string; part: string } {
	const year = record.period.slice(0, 4);
	if (record.periodType === 'year') return { year, part: 'year' };
	if (record.periodType === 'quarter') return { year, part: record.period.slice(5) };
	return { year, part: `M${record.period.slice(5)}` };
}
