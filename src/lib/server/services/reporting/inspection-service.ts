import type { Actor } from '../../../domain/auth/roles';
import { fieldChanges } from '../../../domain/reporting/changes';
import {
	parseInspectionForm,
	type InspectionInput,
	type StatusValue,
} from '../../../domain/reporting/inspection';
import { AuditRepository } from '../../repositories/audit-repository';
import { FileRepository } from '../../repositories/file-repository';
import {
	ReportingInspectionRepository,
	type InspectionRecord,
} from '../../repositories/reporting-inspection-repository';
import {
	ReportingScopeRepository,
	type ReportingLocality,
} from '../../repositories/reporting-scope-repository';
import { auditActor } from '../accounts/audit-actor';
import { recordContentChange } from './change-log';
import type { ReportingDeps } from './deps';
import { itemVersionsAt, localityFor } from './locality-access';
import { danishDate, isUniqueViolation, refuse, type Access, type Outcome } from './outcome';
import { checkPdf, putPdf, type Upload } from './uploads';

function auditState(r: InspectionInput & { statusLabel: string; pdfFileId: string }) {
	return {
		visitDate: r.visitDate,
		announced: r.announced,
		themeSelfDetermination: r.themeSelfDetermination,
		themeTrust: r.themeTrust,
		themeRelatives: r.themeRelatives,
		status: `${r.statusCode} (${r.statusLabel})`,
		statusText: r.statusText,
		summary: r.summary,
		orders: r.orders,
		pdfFileId: r.pdfFileId,
		correctionNote: r.correctionNote,
	};
}

/**
 * Ældretilsynet's feedback per locality. Feedback is never edited in place: a correction is a new
 * version, which the public page shows as "rettet" with its date.
 */
export class InspectionService {
	private readonly inspections: ReportingInspectionRepository;
	private readonly scope: ReportingScopeRepository;
	private readonly audit: AuditRepository;
	private readonly files: FileRepository;

	constructor(private readonly deps: ReportingDeps) {
		this.inspections = new ReportingInspectionRepository(deps.db);
		this.scope = new ReportingScopeRepository(deps.db);
		this.audit = new AuditRepository(deps.db);
		this.files = new FileRepository(deps.db);
	}

	/** The overall-status values (all, so old feedback keeps its label; forms offer active ones). */
	statuses(): Promise<StatusValue[]> {
		return this.deps.catalogues.statuses();
	}

	/** Today's date in Denmark: visit dates may not be later. */
	today(): string {
		return danishDate(this.deps.clock());
	}

	/** The feedback reported for a locality (current versions, newest visit first). */
	list(
		actor: Actor | null,
		sorId: string,
	): Access<{ locality: ReportingLocality; inspections: InspectionRecord[] }> {
		const locality = localityFor(this.scope, actor, sorId, 'inspection.report');
		if (!locality.ok) return locality;
		return {
			ok: true,
			value: { locality: locality.value, inspections: this.inspections.currentForLocality(sorId) },
		};
	}

	/** One inspection with all its versions (newest first). */
	inspection(
		actor: Actor | null,
		sorId: string,
		inspectionId: number,
	): Access<{ locality: ReportingLocality; versions: InspectionRecord[] }> {
		return itemVersionsAt(this.scope, actor, sorId, 'inspection.report', () =>
			this.inspections.versions(inspectionId),
		);
	}

	/** Reports feedback from a visit, with the written feedback as a PDF (required). */
	async create(
		actor: Actor | null,
		sorId: string,
		values: Record<string, string>,
		pdf: Upload | null,
	): Promise<Outcome<{ inspectionId: number }>> {
		const locality = localityFor(this.scope, actor, sorId, 'inspection.report');
		if (!locality.ok) return locality;
		const statuses = await this.statuses();
		const parsed = parseInspectionForm(values, statuses, {
			today: this.today(),
			correction: false,
		});
		const at = this.deps.clock().toISOString();
		const stored = checkPdf(pdf ?? { bytes: new Uint8Array() });
		const errors = parsed.ok ? [] : [...parsed.errors];
		if (!stored.ok) errors.push({ field: 'pdf', message: stored.message });
		if (!parsed.ok || !stored.ok) return refuse.invalid(errors);
		const statusLabel = statuses.find((s) => s.code === parsed.value.statusCode)!.label;
		return this.write(() => {
			const pdfFileId = putPdf(this.files, stored.bytes, at, actor!.id);
			const inspectionId = this.inspections.insertInspection({
				sorId,
				createdAt: at,
				createdBy: actor!.id,
			});
			this.appendVersion(actor!, inspectionId, 1, parsed.value, statusLabel, pdfFileId, at, null);
			return { ok: true, value: { inspectionId } };
		});
	}

	/** Corrects feedback: a new version; the PDF is kept unless a new one is uploaded. */
	async correct(
		actor: Actor | null,
		sorId: string,
		inspectionId: number,
		baseVersion: number,
		values: Record<string, string>,
		pdf: Upload | null,
	): Promise<Outcome<{ inspectionId: number }>> {
		const found = this.inspection(actor, sorId, inspectionId);
		if (!found.ok) return found;
		const current = found.value.versions[0]!;
		const statuses = await this.statuses();
		// A retired status may stay on feedback that already has it.
		const usable = statuses.map((s) =>
			s.code === current.statusCode ? { ...s, active: true } : s,
		);
		const parsed = parseInspectionForm(values, usable, { today: this.today(), correction: true });
		const at = this.deps.clock().toISOString();
		const newPdf = pdf && pdf.bytes.length > 0 ? checkPdf(pdf) : null;
		const errors = parsed.ok ? [] : [...parsed.errors];
		if (newPdf && !newPdf.ok) errors.push({ field: 'pdf', message: newPdf.message });
		if (!parsed.ok || (newPdf && !newPdf.ok)) return refuse.invalid(errors);
		const statusLabel =
			parsed.value.statusCode === current.statusCode
				? current.statusLabel
				: statuses.find((s) => s.code === parsed.value.statusCode)!.label;
		return this.write(() => {
			const latest = this.inspections.versions(inspectionId)[0]!;
			if (latest.version !== baseVersion) return refuse.conflict;
			const pdfFileId = newPdf?.ok
				? putPdf(this.files, newPdf.bytes, at, actor!.id)
				: latest.pdfFileId;
			this.appendVersion(
				actor!,
				inspectionId,
				latest.version + 1,
				parsed.value,
				statusLabel,
				pdfFileId,
				at,
				auditState(latest),
			);
			return { ok: true, value: { inspectionId } };
		});
	}

	private appendVersion(
		actor: Actor,
		inspectionId: number,
		version: number,
		input: InspectionInput,
		statusLabel: string,
		pdfFileId: string,
		at: string,
		before: ReturnType<typeof auditState> | null,
	): void {
		this.inspections.insertVersion(
			{
				inspectionId,
				version,
				authorityId: actor.authorityId!,
				visitDate: input.visitDate,
				announced: input.announced,
				themeSelfDetermination: input.themeSelfDetermination,
				themeTrust: input.themeTrust,
				themeRelatives: input.themeRelatives,
				statusCode: input.statusCode,
				statusLabel,
				statusText: input.statusText,
				summary: input.summary,
				pdfFileId,
				correctionNote: input.correctionNote,
				createdAt: at,
				createdBy: actor.id,
			},
			input.orders,
		);
		recordContentChange(this.audit, {
			by: auditActor(actor),
			at,
			action: before ? 'inspection.corrected' : 'inspection.reported',
			entityType: 'inspection',
			entityId: String(inspectionId),
			changes: fieldChanges(before, auditState({ ...input, statusLabel, pdfFileId })),
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
