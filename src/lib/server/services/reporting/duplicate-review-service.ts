import { can } from '../../../domain/auth/policy';
import type { Actor } from '../../../domain/auth/roles';
import { fieldChanges } from '../../../domain/reporting/changes';
import { duplicateState, type DuplicateState } from '../../../domain/reporting/duplicate';
import { cleanText } from '../../../domain/reporting/form';
import { AuditRepository } from '../../repositories/audit-repository';
import {
	ReportingDuplicateRepository,
	type DuplicateReviewRow,
} from '../../repositories/reporting-duplicate-repository';
import { ReportingScopeRepository } from '../../repositories/reporting-scope-repository';
import { auditActor } from '../accounts/audit-actor';
import { recordContentChange } from './change-log';
import type { ReportingDeps } from './deps';
import { isUniqueViolation, refuse, type Access, type Outcome } from './outcome';

/** A probable duplicate with its review state, for the editor list and the data-quality pages. */
export interface DuplicateItem {
	problemId: number;
	problemKey: string;
	sorId: string;
	sorName: string | null;
	relatedSorId: string;
	relatedName: string | null;
	message: string;
	firstSeenAt: string;
	/** 'acknowledged' only while neither unit has changed in SOR since the review. */
	state: DuplicateState;
	/** The latest review (also when it lapsed: 'reopened' shows what was said before). */
	review: {
		version: number;
		state: 'acknowledged' | 'withdrawn';
		reportingSorId: string | null;
		reportingName: string | null;
		note: string;
		createdAt: string;
		createdByName: string;
	} | null;
}

/**
 * Reviews of the data-quality check's probable duplicates (guidance Afsnit 4): a provider editor
 * marks a pair as intentional and names the unit used for FMK, DPSD and BSR reporting.
 */
export class DuplicateReviewService {
	private readonly duplicates: ReportingDuplicateRepository;
	private readonly scope: ReportingScopeRepository;
	private readonly audit: AuditRepository;

	constructor(private readonly deps: ReportingDeps) {
		this.duplicates = new ReportingDuplicateRepository(deps.db);
		this.scope = new ReportingScopeRepository(deps.db);
		this.audit = new AuditRepository(deps.db);
	}

	/**
	 * The owner's open duplicate warnings with their review state. No permission needed: this is
	 * what the public data-quality page shows (owner key = provider id).
	 */
	statusForOwner(ownerKey: string): DuplicateItem[] {
		const problems = this.duplicates.openDuplicates(ownerKey);
		const reviews = this.duplicates.latestReviews(problems.map((p) => p.problemKey));
		const units = this.scope.contentHashes([
			...problems.flatMap((p) => [p.sorId, p.relatedSorId]),
			...[...reviews.values()].flatMap((r) => (r.reportingSorId ? [r.reportingSorId] : [])),
		]);
		return problems.map((p) => {
			const review = reviews.get(p.problemKey) ?? null;
			return {
				problemId: p.id,
				problemKey: p.problemKey,
				sorId: p.sorId,
				sorName: units.get(p.sorId)?.name ?? null,
				relatedSorId: p.relatedSorId,
				relatedName: units.get(p.relatedSorId)?.name ?? null,
				message: p.message,
				firstSeenAt: p.firstSeenAt,
				state: duplicateState(review, {
					sorContentHash: units.get(p.sorId)?.hash ?? null,
					relatedContentHash: units.get(p.relatedSorId)?.hash ?? null,
				}),
				review: review && {
					version: review.version,
					state: review.state,
					reportingSorId: review.reportingSorId,
					reportingName: review.reportingSorId
						? (units.get(review.reportingSorId)?.name ?? null)
						: null,
					note: review.note,
					createdAt: review.createdAt,
					createdByName: review.createdByName,
				},
			};
		});
	}

	/** The editor list for a provider. */
	list(
		actor: Actor | null,
		providerId: string,
	): Access<{ provider: { id: string; name: string }; items: DuplicateItem[] }> {
		const provider = this.scope.provider(providerId);
		if (!provider) return refuse.notFound;
		if (!can(actor, { action: 'provider.edit', providerId })) return refuse.forbidden;
		return { ok: true, value: { provider, items: this.statusForOwner(providerId) } };
	}

	/** Review history of one pair, newest first. */
	history(
		actor: Actor | null,
		providerId: string,
		problemKey: string,
	): Outcome<DuplicateReviewRow[]> {
		if (!can(actor, { action: 'provider.edit', providerId })) return refuse.forbidden;
		return { ok: true, value: this.duplicates.history(problemKey) };
	}

	/** Marks a pair as intentional, naming the unit used for reporting to FMK, DPSD and BSR. */
	acknowledge(
		actor: Actor | null,
		providerId: string,
		problemId: number,
		values: Record<string, string>,
	): Outcome<DuplicateItem> {
		const listed = this.list(actor, providerId);
		if (!listed.ok) return listed;
		const item = listed.value.items.find((i) => i.problemId === problemId);
		if (!item) return refuse.notFound;
		const reportingSorId = (values.reporting_unit ?? '').trim();
		const note = cleanText(values.note ?? '');
		const errors = [];
		if (reportingSorId !== item.sorId && reportingSorId !== item.relatedSorId) {
			errors.push({
				field: 'reporting_unit',
				message: 'Vælg den enhed, der bruges til indberetning til FMK, DPSD og BSR.',
			});
		}
		if ([...note].length > 1000) {
			errors.push({ field: 'note', message: 'Bemærkningen må højst være 1000 tegn.' });
		}
		if (errors.length > 0) return refuse.invalid(errors);
		return this.append(actor!, providerId, item, Number(values.base_version ?? '0'), {
			state: 'acknowledged',
			reportingSorId,
			note,
		});
	}

	/** Withdraws a review: the pair shows as open again. */
	withdraw(
		actor: Actor | null,
		providerId: string,
		problemId: number,
		baseVersion: number,
	): Outcome<DuplicateItem> {
		const listed = this.list(actor, providerId);
		if (!listed.ok) return listed;
		const item = listed.value.items.find((i) => i.problemId === problemId);
		if (!item) return refuse.notFound;
		return this.append(actor!, providerId, item, baseVersion, {
			state: 'withdrawn',
			reportingSorId: null,
			note: '',
		});
	}

	private append(
		actor: Actor,
		ownerKey: string,
		item: DuplicateItem,
		baseVersion: number,
		review: { state: 'acknowledged' | 'withdrawn'; reportingSorId: string | null; note: string },
	): Outcome<DuplicateItem> {
		const at = this.deps.clock().toISOString();
		try {
			return this.deps.db.transaction(
				() => {
					const latest = this.duplicates.latestReviews([item.problemKey]).get(item.problemKey);
					if ((latest?.version ?? 0) !== baseVersion) return refuse.conflict;
					const hashes = this.scope.contentHashes([item.sorId, item.relatedSorId]);
					const row = {
						problemKey: item.problemKey,
						ownerKey,
						version: baseVersion + 1,
						state: review.state,
						sorId: item.sorId,
						relatedSorId: item.relatedSorId,
						reportingSorId: review.reportingSorId,
						note: review.note,
						sorContentHash: hashes.get(item.sorId)?.hash ?? '',
						relatedContentHash: hashes.get(item.relatedSorId)?.hash ?? '',
						createdAt: at,
						createdBy: actor.id,
					};
					this.duplicates.insert(row);
					recordContentChange(this.audit, {
						by: auditActor(actor),
						at,
						action:
							review.state === 'acknowledged' ? 'duplicate.acknowledged' : 'duplicate.withdrawn',
						entityType: 'duplicate_review',
						entityId: item.problemKey,
						changes: fieldChanges(
							latest
								? {
										state: latest.state,
										reportingSorId: latest.reportingSorId,
										note: latest.note,
									}
								: null,
							{ state: review.state, reportingSorId: review.reportingSorId, note: review.note },
						),
					});
					return {
						ok: true,
						value: this.statusForOwner(row.ownerKey).find((i) => i.problemKey === item.problemKey)!,
					};
				},
				{ behavior: 'immediate' },
			);
		} catch (error) {
			if (isUniqueViolation(error)) return refuse.conflict;
			throw error;
		}
	}
}
