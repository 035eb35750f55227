import { can } from '../../../domain/auth/policy';
import type { Actor } from '../../../domain/auth/roles';
import {
	ReportingScopeRepository,
	type ReportingLocality,
} from '../../repositories/reporting-scope-repository';
import { refuse, type Access } from './outcome';

/**
 * Finds a locality and checks that the actor may report on it: staff and surveys need the
 * locality's provider in the actor's scope, inspection feedback its authority.
 */
export function localityFor(
	scope: ReportingScopeRepository,
	actor: Actor | null,
	sorId: string,
	kind: 'locality.report' | 'inspection.report',
): Access<ReportingLocality> {
	const locality = scope.locality(sorId);
	if (!locality) return refuse.notFound;
	if (!can(actor, { action: kind, locality })) return refuse.forbidden;
	return { ok: true, value: locality };
}

/**
 * The versions (newest first) of one reported item at a locality the actor may report on; not
 * found when the item does not exist or belongs to another locality (ids are guessable).
 */
export function itemVersionsAt<T extends { sorId: string }>(
	scope: ReportingScopeRepository,
	actor: Actor | null,
	sorId: string,
	kind: 'locality.report' | 'inspection.report',
	versions: () => T[],
): Access<{ locality: ReportingLocality; versions: T[] }> {
	const locality = localityFor(scope, actor, sorId, kind);
	if (!locality.ok) return locality;
	const found = versions();
	if (found.length === 0 || found[0]!.sorId !== sorId) return refuse.notFound;
	return { ok: true, value: { locality: locality.value, versions: found } };
}
