import type { Actor } from '../../../domain/auth/roles';

/** Who a change is recorded as: an account, or the command line. */
export interface AuditActor {
	accountId: number | null;
	label: string;
}

/** The command line (`npm run user`), which runs with the operator's access to the server. */
export const COMMAND_LINE: AuditActor = { accountId: null, label: 'kommandolinje' };

/** The audit identity of a logged-in actor. */
export function auditActor(actor: Actor): AuditActor {
	return { accountId: actor.id, label: actor.email };
}

/** A clock that tests can set. */
export type Clock = () => Date;
