import type { Actor } from '../../../domain/auth/roles';
import { ReportingInspectionRepository } from '../../repositories/reporting-inspection-repository';
import {
	ReportingScopeRepository,
	type ReportingLocality,
} from '../../repositories/reporting-scope-repository';
import type { RegisterDb } from '../../db/client';

/** What the editor front page shows, by role. */
export type EditorHome =
	| { kind: 'administrator' }
	| {
			kind: 'provider';
			provider: { id: string; name: string } | null;
			localities: ReportingLocality[];
	  }
	| {
			kind: 'inspection';
			authority: { id: string; name: string } | null;
			localities: (ReportingLocality & { lastVisit: string | null })[];
	  };

/** The editor front page: the actor's own scope and nothing else. */
export class EditorHomeService {
	private readonly scope: ReportingScopeRepository;
	private readonly inspections: ReportingInspectionRepository;

	constructor(db: RegisterDb) {
		this.scope = new ReportingScopeRepository(db);
		this.inspections = new ReportingInspectionRepository(db);
	}

	/** The front page of an actor. */
	home(actor: Actor): EditorHome {
		if (actor.role === 'administrator') return { kind: 'administrator' };
		if (actor.role === 'provider_editor') {
			const providerId = actor.providerId ?? '';
			return {
				kind: 'provider',
				provider: this.scope.provider(providerId),
				localities: this.scope.localitiesOfProvider(providerId),
			};
		}
		const authorityId = actor.authorityId ?? '';
		const visits = this.inspections.lastVisitsOfAuthority(authorityId);
		return {
			kind: 'inspection',
			authority: this.scope.authority(authorityId),
			localities: this.scope
				.localitiesOfAuthority(authorityId)
				.map((l) => ({ ...l, lastVisit: visits.get(l.sorId) ?? null })),
		};
	}
}
