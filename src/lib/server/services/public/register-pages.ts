import { formatAddress } from '../../../domain/format';
import {
	localityFeatureCollection,
	type LocalityFeatureCollection,
} from '../../../domain/geo/geojson';
import { describeHistoryEvent, type HistoryLine } from '../../../domain/public/history';
import type {
	HiddenLocalityItem,
	MunicipalitySummary,
	PublicLocalityItem,
	PublicLocalityRecord,
	PublicProvider,
	PublicRegisterRepository,
} from '../../repositories/public-register-repository';

/** The home page: figures and the kommune list. */
export interface HomeView {
	localitiesShown: number;
	providersShown: number;
	municipalitiesWithLocalities: number;
	municipalities: MunicipalitySummary[];
}

/** Why a kommune page has nothing to list. */
export type EmptyReason =
	{ kind: 'not_in_sor' } | { kind: 'held_back'; heldBack: number; ownerKey: string };

/** A kommune page. */
export interface MunicipalityView {
	municipality: { code: string; name: string; regionName: string };
	/** The kommune's own provider first, then private and other providers with localities there. */
	providers: { provider: PublicProvider; localities: PublicLocalityItem[] }[];
	/** Every locality listed on the page, for the map. */
	localities: PublicLocalityItem[];
	/** Set when the page lists no locality. */
	empty: EmptyReason | null;
	/** Localities of the kommune's own provider held back by address errors (shown or not). */
	ownHeldBack: number;
	ownProviderId: string | null;
}

/** An aggregate provider page. */
export interface ProviderView {
	provider: PublicProvider;
	localities: PublicLocalityItem[];
	heldBack: HiddenLocalityItem[];
	closed: HiddenLocalityItem[];
	figures: {
		localitiesShown: number;
		locationMunicipalities: { code: string; name: string }[];
		heldBack: number;
		closed: number;
	};
}

/** The locality page, whatever its state. */
export type LocalityView =
	| { kind: 'shown'; locality: PublicLocalityRecord; details: LocalityDetails }
	| { kind: 'closed'; locality: PublicLocalityRecord; details: LocalityDetails }
	| { kind: 'held_back'; locality: PublicLocalityRecord; details: LocalityDetails };

/** What the locality page shows beyond the stored record. */
export interface LocalityDetails {
	visitingAddress: string;
	postalAddress: string | null;
	parents: { sorId: string; name: string }[];
	subUnits: {
		sorId: string;
		name: string;
		depth: number;
		status: string;
		typeName: string | null;
	}[];
	history: HistoryLine[];
}

/** Read-only views behind the kommune, provider and locality pages. */
export class RegisterPages {
	constructor(private readonly repository: PublicRegisterRepository) {}

	/** Figures and kommuner for the home page and /kommuner. */
	home(): HomeView {
		const municipalities = this.repository.municipalitySummaries();
		const all = this.repository.allShownLocalities();
		return {
			localitiesShown: all.length,
			providersShown: new Set(all.map((locality) => locality.providerId)).size,
			municipalitiesWithLocalities: municipalities.filter((m) => m.localitiesShown > 0).length,
			municipalities,
		};
	}

	/** A kommune page, or null for an unknown kommunekode. */
	municipality(code: string): MunicipalityView | null {
		if (!/^\d{4}$/.test(code)) return null;
		const municipality = this.repository.municipality(code);
		if (!municipality) return null;
		const locatedHere = this.repository.shownLocalitiesInMunicipality(code);
		const providers = this.repository.providersInMunicipality(code).map((provider) => {
			// The kommune's own provider lists all its localities, wherever they lie.
			const own = provider.kind === 'kommune' && provider.municipalityCode === code;
			const localities = own
				? this.repository.shownLocalitiesOfProvider(provider.id)
				: locatedHere.filter((locality) => locality.providerId === provider.id);
			return { provider, localities };
		});
		const listed = new Map<string, PublicLocalityItem>();
		for (const { localities } of providers) for (const l of localities) listed.set(l.sorId, l);
		const summary = this.repository.municipalitySummary(code);
		const ownProviderId = summary?.ownProviderId ?? null;
		const ownHeldBack = summary?.ownHeldBack ?? 0;
		let empty: EmptyReason | null = null;
		if (listed.size === 0) {
			empty =
				ownProviderId !== null && ownHeldBack > 0
					? { kind: 'held_back', heldBack: ownHeldBack, ownerKey: ownProviderId }
					: { kind: 'not_in_sor' };
		}
		return {
			municipality,
			providers: providers.filter(
				(entry) => entry.localities.length > 0 || entry.provider.id === ownProviderId,
			),
			localities: [...listed.values()],
			empty,
			ownHeldBack,
			ownProviderId,
		};
	}

	/** A provider page, or null for an unknown provider id. */
	provider(id: string): ProviderView | null {
		if (!/^[a-z]+-[0-9A-Za-z]{1,20}$/.test(id)) return null;
		const provider = this.repository.provider(id);
		if (!provider) return null;
		const localities = this.repository.shownLocalitiesOfProvider(id);
		const hidden = this.repository.hiddenLocalitiesOfProvider(id);
		const heldBack = hidden.filter((locality) => locality.status === 'active');
		const closed = hidden.filter((locality) => locality.status === 'closed');
		const locationMunicipalities = new Map<string, string>();
		for (const locality of localities) {
			if (locality.locationMunicipalityCode) {
				locationMunicipalities.set(
					locality.locationMunicipalityCode,
					locality.locationMunicipalityName ?? locality.locationMunicipalityCode,
				);
			}
		}
		return {
			provider,
			localities,
			heldBack,
			closed,
			figures: {
				localitiesShown: localities.length,
				locationMunicipalities: [...locationMunicipalities]
					.map(([code, name]) => ({ code, name }))
					.sort((a, b) => a.name.localeCompare(b.name, 'da')),
				heldBack: heldBack.length,
				closed: closed.length,
			},
		};
	}

	/** A locality page, or null for an unknown SOR-ID (a real 404). */
	locality(sorId: string): LocalityView | null {
		if (!/^\d{1,18}$/.test(sorId)) return null;
		const locality = this.repository.locality(sorId);
		if (!locality) return null;
		const details = this.details(locality);
		if (locality.status === 'closed') return { kind: 'closed', locality, details };
		if (!locality.published) return { kind: 'held_back', locality, details };
		return { kind: 'shown', locality, details };
	}

	/** GeoJSON of what a page's map shows: all, one kommune's page, one provider or one locality. */
	mapData(scope: {
		municipality?: string | null;
		provider?: string | null;
		locality?: string | null;
	}): LocalityFeatureCollection | null {
		let items: PublicLocalityItem[];
		if (scope.locality) {
			const view = this.locality(scope.locality);
			if (!view) return null;
			const l = view.locality;
			items =
				view.kind === 'held_back' || l.lat === null || l.lon === null
					? []
					: [
							{
								sorId: l.sorId,
								name: l.name,
								providerId: l.providerId,
								providerName: l.providerName,
								providerKind: l.providerKind,
								street: l.visitingStreet,
								houseNumber: l.visitingHouseNumber,
								postcode: l.visitingPostcode,
								district: l.visitingDistrict,
								locationMunicipalityCode: l.locationMunicipalityCode,
								locationMunicipalityName: l.locationMunicipalityName,
								lat: l.lat,
								lon: l.lon,
							},
						];
		} else if (scope.provider) {
			const view = this.provider(scope.provider);
			if (!view) return null;
			items = view.localities;
		} else if (scope.municipality) {
			const view = this.municipality(scope.municipality);
			if (!view) return null;
			items = view.localities;
		} else {
			items = this.repository.allShownLocalities();
		}
		return localityFeatureCollection(
			items
				.filter((item) => item.lat !== null && item.lon !== null)
				.map((item) => ({
					sorId: item.sorId,
					name: item.name,
					lat: item.lat!,
					lon: item.lon!,
					address: formatAddress(item),
					providerName: item.providerName,
				})),
		);
	}

	private details(locality: PublicLocalityRecord): LocalityDetails {
		const parents = parseJsonArray(locality.parentChain)
			.map((entry) => ({ sorId: String(entry.sorId ?? ''), name: String(entry.name ?? '') }))
			.filter((entry) => entry.sorId !== '');
		const subUnits = parseJsonArray(locality.subUnits).map((entry) => {
			const typeCode = typeof entry.entityTypeCode === 'string' ? entry.entityTypeCode : null;
			return {
				sorId: String(entry.sorId ?? ''),
				name: String(entry.name ?? ''),
				depth: Number(entry.depth ?? 1),
				status: String(entry.status ?? 'active'),
				typeName: typeCode ? this.repository.typeName(typeCode) : null,
			};
		});
		const names = {
			unit: (id: string) => this.repository.unitName(id),
			type: (code: string) => this.repository.typeName(code),
		};
		const history = this.repository
			.history(locality.sorId)
			.map((row) =>
				describeHistoryEvent(
					{ snapshotDate: row.snapshotDate, kind: row.kind, details: parseJsonObject(row.details) },
					names,
				),
			);
		const postal =
			locality.postalStreet || locality.postalPostcode
				? formatAddress({
						street: locality.postalStreet,
						houseNumber: locality.postalHouseNumber,
						floor: locality.postalFloor,
						door: locality.postalDoor,
						postcode: locality.postalPostcode,
						district: locality.postalDistrict,
					})
				: null;
		return {
			visitingAddress: formatAddress({
				street: locality.visitingStreet,
				houseNumber: locality.visitingHouseNumber,
				floor: locality.visitingFloor,
				door: locality.visitingDoor,
				postcode: locality.visitingPostcode,
				district: locality.visitingDistrict,
			}),
			postalAddress: postal,
			parents,
			subUnits,
			history,
		};
	}
}

function parseJsonArray(text: string): Record<string, unknown>[] {
	try {
		const value: unknown = JSON.parse(text);
		return Array.isArray(value)
			? value.filter(
					(entry): entry is Record<string, unknown> => typeof entry === 'object' && entry !== null,
				)
			: [];
	} catch {
		return [];
	}
}

function parseJsonObject(text: string): Record<string, unknown> {
	try {
		const value: unknown = JSON.parse(text);
		return typeof value === 'object' && value !== null && !Array.isArray(value)
			? (value as Record<string, unknown>)
			: {};
	} catch {
		return {};
	}
}
