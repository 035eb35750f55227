import type { RegisterDb } from '../db/client';
import { ImportRunRepository } from '../repositories/import-run-repository';
import {
	RegisterRepository,
	type LocalityListItem,
	type Municipality,
	type Provider,
} from '../repositories/register-repository';

/** What every public page shows in its frame: data freshness and whether it is sample data. */
export interface SiteStatus {
	lastSorImportAt: string | null;
	snapshotDate: string | null;
	isSampleData: boolean;
}

/** A kommune page: its own provider, private providers with localities there, and the localities. */
export interface MunicipalityView {
	municipality: Municipality;
	providers: { provider: Provider; localities: LocalityListItem[] }[];
}

/** Read-only queries behind the public pages. */
export class PublicRegisterService {
	private readonly register: RegisterRepository;
	private readonly runs: ImportRunRepository;

	constructor(db: RegisterDb) {
		this.register = new RegisterRepository(db);
		this.runs = new ImportRunRepository(db);
	}

	/** Freshness and sample-data flag for the page frame. */
	siteStatus(): SiteStatus {
		const run = this.runs.latest('sor', true);
		return {
			lastSorImportAt: run?.finishedAt ?? null,
			snapshotDate: run?.snapshotDate ?? null,
			isSampleData: run?.isSampleData ?? false,
		};
	}

	/** All kommuner with the number of active localities located in each. */
	municipalities(): { municipality: Municipality; activeLocalities: number }[] {
		return this.register.municipalities().map((municipality) => ({
			municipality,
			activeLocalities: this.register.activeLocalitiesInMunicipality(municipality.code).length,
		}));
	}

	/** The kommune page, or null for an unknown kommunekode. */
	municipality(code: string): MunicipalityView | null {
		const municipality = this.register.municipality(code);
		if (!municipality) return null;
		const providers = this.register.providersForMunicipality(code).map((provider) => ({
			provider,
			localities: this.register
				.localitiesOfProvider(provider.id)
				.filter(
					(locality) =>
						locality.status === 'active' &&
						(provider.municipalityCode === code || locality.municipalityCode === code),
				),
		}));
		return { municipality, providers };
	}
}
