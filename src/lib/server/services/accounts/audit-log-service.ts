import type { RegisterDb } from '../../db/client';
import {
	AuditRepository,
	type AuditFilter,
	type AuditRow,
} from '../../repositories/audit-repository';

/** An audit entry with its changes parsed. */
export type AuditEntry = Omit<AuditRow, 'changes'> & { changes: Record<string, unknown> };

/** Reads the audit log for the administrators' page (the check is the page's `audit.read`). */
export class AuditLogService {
	private readonly audit: AuditRepository;

	constructor(db: RegisterDb) {
		this.audit = new AuditRepository(db);
	}

	/** One page of entries, newest first. */
	page(filter: AuditFilter, limit: number, offset: number): { rows: AuditEntry[]; total: number } {
		const { rows, total } = this.audit.page(filter, limit, offset);
		return {
			total,
			rows: rows.map((row) => ({
				...row,
				changes: JSON.parse(row.changes) as Record<string, unknown>,
			})),
		};
	}
}
