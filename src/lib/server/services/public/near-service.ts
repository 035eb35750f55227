import { isInDenmark, sortByDistance, type LatLon } from '../../../domain/geo/distance';
import { parseNearQuery, type NearQuery } from '../../../domain/geo/near-query';
import { DarUnavailableError, isValidDarStatus, type DarSource } from '../../dar/dar-source';
import type { PublicGeoRepository } from '../../repositories/public-geo-repository';
import type {
	PublicLocalityItem,
	PublicRegisterRepository,
} from '../../repositories/public-register-repository';

/** How many localities "near an address" lists. */
export const NEAR_LIMIT = 20;

/** The outcome of a near-address search; every failure has its own message on the page. */
export type NearResult =
	| { kind: 'none' }
	| { kind: 'invalid'; reason: Extract<NearQuery, { kind: 'invalid' }>['reason'] }
	| { kind: 'unknown_postcode'; postcode: string }
	| { kind: 'unknown_address'; query: Extract<NearQuery, { kind: 'address' }> }
	| { kind: 'retired_address'; query: Extract<NearQuery, { kind: 'address' }> }
	| { kind: 'unavailable' }
	| {
			kind: 'found';
			origin: LatLon & { label: string; precision: 'address' | 'postcode' };
			items: (PublicLocalityItem & { distanceMetres: number })[];
			totalShown: number;
	  };

/** Finds shown localities by straight-line distance from a postcode or a DAR address. */
export class NearService {
	constructor(
		/** The DAR source to ask now; it may change when a DAR import fills or replaces the table. */
		private readonly dar: () => DarSource,
		private readonly geo: PublicGeoRepository,
		private readonly register: PublicRegisterRepository,
	) {}

	/** Looks the input up and lists the nearest shown localities; null input shows the empty form. */
	async near(input: string | null): Promise<NearResult> {
		if (input === null || input.trim() === '') return { kind: 'none' };
		const query = parseNearQuery(input);
		if (query.kind === 'invalid') return { kind: 'invalid', reason: query.reason };
		let origin: (LatLon & { label: string; precision: 'address' | 'postcode' }) | null;
		if (query.kind === 'postcode') {
			const centre = this.geo.postcodeCentre(query.postcode);
			if (!centre) return { kind: 'unknown_postcode', postcode: query.postcode };
			origin = {
				lat: centre.lat,
				lon: centre.lon,
				label: [centre.postcode, centre.name].filter(Boolean).join(' '),
				precision: 'postcode',
			};
		} else {
			try {
				const found = await this.dar().lookup({
					municipalityCode: null,
					streetCode: null,
					streetName: query.streetName,
					houseNumber: query.houseNumber,
					postcode: query.postcode,
				});
				if (!found) return { kind: 'unknown_address', query };
				if (!isValidDarStatus(found.status)) return { kind: 'retired_address', query };
				if (found.lat === null || found.lon === null) return { kind: 'unknown_address', query };
				const centre = this.geo.postcodeCentre(found.postcode);
				origin = {
					lat: found.lat,
					lon: found.lon,
					label: `${found.streetName} ${found.houseNumber}, ${[found.postcode, centre?.name]
						.filter(Boolean)
						.join(' ')}`,
					precision: 'address',
				};
			} catch (error) {
				if (error instanceof DarUnavailableError) return { kind: 'unavailable' };
				throw error;
			}
		}
		if (!isInDenmark(origin)) {
			return query.kind === 'postcode'
				? { kind: 'unknown_postcode', postcode: query.postcode }
				: { kind: 'unknown_address', query };
		}
		const shown = this.register
			.allShownLocalities()
			.filter(
				(item): item is PublicLocalityItem & LatLon => item.lat !== null && item.lon !== null,
			);
		const items = sortByDistance(origin, shown, (a, b) => a.name.localeCompare(b.name, 'da')).slice(
			0,
			NEAR_LIMIT,
		);
		return { kind: 'found', origin, items, totalShown: shown.length };
	}
}
