import { and, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { RegisterDb } from '../db/client';
import { auditLog, contentRevision } from '../db/schema';

/** A stored audit entry. */
export type AuditRow = typeof auditLog.$inferSelect;
/** A new audit entry (`changes` as an object; it is stored as JSON). */
export interface NewAuditEntry {
	at: string;
	category: AuditRow['category'];
	actorAccountId: number | null;
	actorLabel: string;
	action: string;
	entityType: string;
	entityId: string;
	changes: Record<string, unknown>;
}

/** Filters for the audit log page. */
export interface AuditFilter {
	category?: AuditRow['category'];
	entityType?: string;
	entityId?: string;
	actorAccountId?: number;
}

/** All SQL on `audit_log` and the reported-content revision counter. */
export class AuditRepository {
	constructor(private readonly db: RegisterDb) {}

	/** Appends an entry. */
	append(entry: NewAuditEntry): void {
		this.db
			.insert(auditLog)
			.values({ ...entry, changes: JSON.stringify(entry.changes) })
			.run();
	}

	/** Entries newest first, with paging. */
	page(filter: AuditFilter, limit: number, offset: number): { rows: AuditRow[]; total: number } {
		const conditions: SQL[] = [];
		if (filter.category) conditions.push(eq(auditLog.category, filter.category));
		if (filter.entityType) conditions.push(eq(auditLog.entityType, filter.entityType));
		if (filter.entityId) conditions.push(eq(auditLog.entityId, filter.entityId));
		if (filter.actorAccountId !== undefined) {
			conditions.push(eq(auditLog.actorAccountId, filter.actorAccountId));
		}
		const where = conditions.length ? and(...conditions) : undefined;
		const rows = this.db
			.select()
			.from(auditLog)
			.where(where)
			.orderBy(desc(auditLog.id))
			.limit(limit)
			.offset(offset)
			.all();
		const total = this.db.select({ n: count() }).from(auditLog).where(where).get()?.n ?? 0;
		return { rows, total };
	}

	/** Bumps the reported-content revision (call inside the change's transaction). */
	bumpContentRevision(at: string): number {
		return this.db
			.insert(contentRevision)
			.values({ id: 1, revision: 1, changedAt: at })
			.onConflictDoUpdate({
				target: contentRevision.id,
				set: { revision: sql`${contentRevision.revision} + 1`, changedAt: at },
			})
			.returning({ revision: contentRevision.revision })
			.get().revision;
	}

	/** The current reported-content revision (0 before the first change). */
	contentRevision(): { revision: number; changedAt: string | null } {
		const row = this.db.select().from(contentRevision).where(eq(contentRevision.id, 1)).get();
		return { revision: row?.revision ?? 0, changedAt: row?.changedAt ?? null };
	}
}
