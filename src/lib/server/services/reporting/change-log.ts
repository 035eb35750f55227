import type { FieldChanges } from '../../../domain/reporting/changes';
import type { AuditRepository } from '../../repositories/audit-repository';
import type { AuditActor } from '../accounts/audit-actor';

/**
 * Records a reported-content change: an audit entry (who, when, what, old → new) and a bump of the
 * content revision that public page caches key on. Call inside the change's transaction, so the
 * change, its audit entry and the revision commit together or not at all.
 */
export function recordContentChange(
	audit: AuditRepository,
	entry: {
		by: AuditActor;
		at: string;
		action: string;
		entityType: string;
		entityId: string;
		changes: FieldChanges | Record<string, unknown>;
	},
): void {
	audit.append({
		at: entry.at,
		category: 'content',
		actorAccountId: entry.by.accountId,
		actorLabel: entry.by.label,
		action: entry.action,
		entityType: entry.entityType,
		entityId: entry.entityId,
		changes: entry.changes,
	});
	audit.bumpContentRevision(entry.at);
}
