/**
 * Builds one "country copy" of fictitious SOR content (98 kommuner, regions, private providers,
 * practices, pharmacies) together with the DAR access addresses it uses.
 *
 * Everything is derived from the seeded PRNG; there is no wall clock. SOR-IDs are allocated from a
 * counter shared by all copies (in order of creation date inside a copy), and addresses are unique
 * across copies, so `--scale N` gives N copies with distinct SOR-IDs and distinct DAR rows while
 * copy 0 is identical to the scale-1 output.
 */
import { randomPointInKommune } from './geo.ts';
import {
	cvrWithCheckDigit,
	gs1CheckDigit,
	sorIdentifier,
	TYPE,
	walk,
	type Contact,
	type CountryCopy,
	type DarAddress,
	type DarStatus,
	type EanLocation,
	type Level,
	type SorAddress,
	type SorEntity,
	type SorStatus,
	type SpecialCase,
} from './model.ts';
import {
	DIRECTIONS,
	GIVEN_NAMES,
	HOSPITAL_DEPARTMENTS,
	kommuneDomain,
	kommuneOwnerName,
	LARGE_KOMMUNER,
	LOCALITY_PREFIXES,
	PLACE_NAMES,
	PRIVATE_CARE_COMPANIES,
	PRIVATE_CARE_HOMES,
	REGION_OWNERS,
	SI_NAMES,
	slug,
	SMALL_KOMMUNER,
	SPECIALIST_KINDS,
	STREET_NAMES,
	SURNAMES,
	TEAM_NAMES,
	TOWN_HALL_STREETS,
} from './names.ts';
import type { Kommune, Reference } from './reference.ts';
import { Rng } from './rng.ts';

/** The snapshot the sample represents. Fixed, so the output never depends on the wall clock. */
export const SNAPSHOT_DATE = '2026-11-24';
export const CREATED_AT_TIME = '2026-11-24T01:00:29.6269718+01:00';
/** The last day on which a "latest change" may fall (a little before the snapshot). */
const LAST_CHANGE = '2026-11-20';
/** Times of DAR-wide bulk updates, used as `ændret` for most generated access addresses. */
const DAR_BULK_TIMESTAMPS = [
	'2018-07-04T18:00:00.000',
	'2020-02-11T23:01:41.000',
	'2022-05-30T21:47:12.000',
	'2024-10-01T02:15:09.000',
];
/** First item number of copy 0: gives 15-digit SOR-IDs (e.g. 300001000016001). */
const FIRST_ITEM = 30000;
/** Keep generated points this far inside the simplified kommune boundary (tolerance 40 m). */
const BOUNDARY_MARGIN_M = 150;
/** Unrelated DAR rows per copy, so the address table is not trivially small. */
export const UNRELATED_DAR_ROWS = 2000;
/** Kommuner that have not yet marked any locality (only hjemmeplejeenheder). */
const NOT_MIGRATED_COUNT = 8;

/** State shared by all copies of one run (keeps IDs and addresses unique across copies). */
export interface GlobalState {
	nextItem: number;
	usedAddressKeys: Set<string>;
	streetCodes: Map<string, Map<string, string>>;
	usedStreetCodes: Map<string, Set<string>>;
	cadastral: Map<string, { code: string; name: string }[]>;
	usedCvr: Set<string>;
	usedEan: Set<string>;
	/** Counter behind the legacy-style DAR ids (0a3f50xx-xxxx-32b8-e044-0003ba298018). */
	legacyDarId: number;
}

export function createGlobalState(): GlobalState {
	return {
		nextItem: FIRST_ITEM,
		usedAddressKeys: new Set(),
		streetCodes: new Map(),
		usedStreetCodes: new Map(),
		cadastral: new Map(),
		usedCvr: new Set(),
		usedEan: new Set(),
		legacyDarId: 0x3669,
	};
}

// ---------------------------------------------------------------------------------------------
// Dates

function toDays(iso: string): number {
	const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
	return Date.UTC(y, m - 1, d) / 86_400_000;
}

function fromDays(days: number): string {
	return new Date(days * 86_400_000).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
	return fromDays(toDays(iso) + days);
}

// ---------------------------------------------------------------------------------------------

/** Locale-independent string order (code points), so output never depends on ICU data. */
function cmp(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** The next house number of the same shape: "8A" → "8B", "12" → "13" (or `step` further). */
function nextHouseNumber(houseNumber: string, step: number): string {
	const match = /^(\d+)([A-Z]?)$/.exec(houseNumber);
	const number = Number(match?.[1] ?? '1');
	const letter = match?.[2] ?? '';
	if (letter && step === 1 && letter < 'Z')
		return `${number}${String.fromCharCode(letter.charCodeAt(0) + 1)}`;
	return `${number + step}${letter ? 'A' : ''}`;
}

/** Strips postal-district suffixes: "Aarhus C" → "Aarhus", "Nykøbing Sj" → "Nykøbing". */
function townOf(postcodeName: string): string {
	return postcodeName.replace(/ (C|K|V|N|S|Ø|NV|NØ|SV|SØ|J|M|Sj|F)$/, '');
}

const REGION_PHONE_PREFIXES: Record<string, readonly string[]> = {
	'1081': ['96', '98', '99', '72'],
	'1082': ['86', '87', '89', '97', '70', '78'],
	'1083': ['62', '63', '65', '66', '73', '74', '75', '76', '79'],
	'1084': ['33', '35', '36', '38', '39', '43', '44', '45', '48', '56'],
	'1085': ['46', '47', '53', '54', '55', '57', '58', '59'],
};
const MOBILE_PREFIXES = [
	'20',
	'21',
	'22',
	'23',
	'24',
	'25',
	'26',
	'27',
	'28',
	'29',
	'30',
	'31',
	'40',
	'41',
	'42',
	'50',
	'51',
	'60',
	'61',
	'71',
	'81',
	'91',
	'93',
];

interface KommuneCtx {
	k: Kommune;
	domain: string;
	owner: SorEntity;
	si: SorEntity;
	townHall: DarAddress;
	admin?: SorEntity;
	districts: SorEntity[];
	keyPool: string[];
	usedKeys: Set<string>;
}

interface LocalityOptions {
	name?: string;
	key?: string;
	parent?: SorEntity;
	depth?: 0 | 1 | 2;
	shape?: 'a' | 'c';
	status?: SorStatus;
	address?: DarAddress;
	visiting?: SorAddress | null;
	postal?: 'same' | 'none';
	contact?: Contact | null;
	children?: boolean;
}

export class CopyBuilder {
	readonly dar: DarAddress[] = [];
	readonly specials: SpecialCase[] = [];
	readonly owners: SorEntity[] = [];
	/** Structure: the same stream in every copy, so every copy has the same shape and names. */
	private readonly rng: Rng;
	/** Identity: per copy (addresses, coordinates, DAR ids, EAN and CVR numbers). */
	private readonly idRng: Rng;

	constructor(
		readonly ref: Reference,
		readonly state: GlobalState,
		rootRng: Rng,
		readonly copyIndex: number,
	) {
		this.rng = rootRng.fork('structure');
		this.idRng = rootRng.fork(`copy-${copyIndex}`);
	}

	// -- primitives ---------------------------------------------------------------------------

	private dateBetween(from: string, to: string, rng: Rng = this.rng): string {
		return fromDays(rng.int(toDays(from), toDays(to)));
	}

	private timestamp(from: string, to: string, rng: Rng = this.rng): string {
		const time = [rng.int(6, 22), rng.int(0, 59), rng.int(0, 59)]
			.map((n) => String(n).padStart(2, '0'))
			.join(':');
		return `${this.dateBetween(from, to, rng)}T${time}.000`;
	}

	private oldStatus(fromYear = 2004, toYear = 2019): SorStatus {
		const firstFromDate = this.dateBetween(`${fromYear}-01-01`, `${toYear}-12-31`);
		const fromDate = this.rng.chance(0.4)
			? firstFromDate
			: this.dateBetween(firstFromDate, LAST_CHANGE);
		return { firstFromDate, fromDate, updatedAt: addDays(fromDate, -this.rng.int(0, 9)) };
	}

	/** A unit created long ago whose type was changed to helhedsplejeleverandørsted (shape a). */
	private typeChangedStatus(): SorStatus {
		const firstFromDate = this.dateBetween('2006-01-01', '2018-12-31');
		const fromDate = this.dateBetween('2025-07-01', '2025-12-15');
		return { firstFromDate, fromDate, updatedAt: addDays(fromDate, -this.rng.int(0, 9)) };
	}

	private newStatus(from: string, to: string): SorStatus {
		const firstFromDate = this.dateBetween(from, to);
		return {
			firstFromDate,
			fromDate: firstFromDate,
			updatedAt: addDays(firstFromDate, -this.rng.int(0, 14)),
		};
	}

	private streetCode(kommune: string, street: string): string {
		let streets = this.state.streetCodes.get(kommune);
		let used = this.state.usedStreetCodes.get(kommune);
		if (!streets || !used) {
			streets = new Map();
			used = new Set();
			this.state.streetCodes.set(kommune, streets);
			this.state.usedStreetCodes.set(kommune, used);
		}
		let code = streets.get(street);
		if (!code) {
			do code = String(this.idRng.int(1, 9899)).padStart(4, '0');
			while (used.has(code));
			used.add(code);
			streets.set(street, code);
		}
		return code;
	}

	private cadastralDistrict(postcode: string, town: string): { code: string; name: string } {
		let list = this.state.cadastral.get(postcode);
		if (!list) {
			const count = this.idRng.int(1, 3);
			list = [];
			for (let i = 0; i < count; i++) {
				const village = this.idRng.pick(PLACE_NAMES).replace(/gården$|huset$/, '');
				const name = this.idRng.chance(0.5) ? `${town} Bygrunde` : `${village} By, ${town}`;
				list.push({ code: String(this.idRng.int(100000, 2099999)), name });
			}
			this.state.cadastral.set(postcode, list);
		}
		return this.idRng.pick(list);
	}

	/**
	 * DAR ids: addresses from before 2009 keep DAWA's legacy ids that share a fixed suffix
	 * ("0a3f507a-3669-32b8-e044-0003ba298018"), newer ones are random UUIDs.
	 */
	private darId(created: string): string {
		if (created >= '2009-06-01') return this.idRng.uuid();
		this.state.legacyDarId += this.idRng.int(1, 24);
		const n = this.state.legacyDarId;
		const head = (0x507a + Math.floor(n / 0x10000)).toString(16).padStart(4, '0');
		const mid = (n % 0x10000).toString(16).padStart(4, '0');
		return `0a3f${head}-${mid}-32b8-e044-0003ba298018`;
	}

	private houseNumber(): string {
		const n = 1 + Math.floor(this.idRng.next() ** 2 * 140);
		return this.idRng.chance(0.12) ? `${n}${this.idRng.pick(['A', 'B', 'C', 'D'])}` : String(n);
	}

	/** Creates a new, unique DAR access address in the kommune. */
	address(
		k: Kommune,
		opts: {
			postcode?: string;
			street?: string;
			houseNumber?: string;
			status?: DarStatus;
			inDar?: boolean;
		} = {},
	): DarAddress {
		const postcode =
			k.postcodes.find((p) => p.code === opts.postcode) ??
			this.idRng.weighted(k.postcodes.map((p, i) => [p, i === 0 ? 3 : 1] as const));
		let street = opts.street ?? this.idRng.pick(STREET_NAMES);
		let houseNumber = opts.houseNumber ?? this.houseNumber();
		const keyOf = () => `${postcode.code}|${street.toLowerCase()}|${houseNumber.toLowerCase()}`;
		for (let attempt = 0; this.state.usedAddressKeys.has(keyOf()); attempt++) {
			if (opts.houseNumber !== undefined || attempt > 40) {
				// Keep the wanted street (and the shape of the wanted number); move along it.
				houseNumber = nextHouseNumber(houseNumber, attempt > 40 ? this.idRng.int(1, 400) : 1);
			} else {
				if (opts.street === undefined) street = this.idRng.pick(STREET_NAMES);
				houseNumber = this.houseNumber();
			}
		}
		this.state.usedAddressKeys.add(keyOf());
		const { east, north } = randomPointInKommune(
			() => this.idRng.next(),
			k.shape,
			BOUNDARY_MARGIN_M,
		);
		const town = townOf(postcode.name);
		const cadastral = this.cadastralDistrict(postcode.code, town);
		const status = opts.status ?? 1;
		const created = this.idRng.chance(0.6)
			? this.timestamp('1995-01-01', '2009-05-31', this.idRng)
			: this.timestamp('2009-06-01', '2024-12-31', this.idRng);
		// Most rows carry one of DAR's bulk-update timestamps (as in real extracts).
		const changed =
			status === 2
				? this.timestamp('2026-01-05', '2026-09-30', this.idRng)
				: this.idRng.chance(0.6)
					? this.idRng.pick(DAR_BULK_TIMESTAMPS)
					: this.timestamp(created.slice(0, 10), '2026-10-31', this.idRng);
		const address: DarAddress = {
			id: this.darId(created),
			status,
			created,
			changed,
			municipalityCode: k.code,
			municipalityName: k.name,
			streetCode: this.streetCode(k.code, street),
			streetName: street,
			houseNumber,
			supplementaryTownName: this.idRng.chance(0.1) ? this.idRng.pick(PLACE_NAMES) : '',
			postcode: postcode.code,
			postcodeName: postcode.name,
			regionCode: k.regionCode,
			regionName: k.regionName,
			east,
			north,
			cadastralDistrictCode: cadastral.code,
			cadastralDistrictName: cadastral.name,
			cadastralNumber: `${this.idRng.int(1, 160)}${this.idRng.pick(['', '', 'a', 'b', 'c', 'e', 'ø', 'æ'])}`,
			propertyNumber: String(this.idRng.int(1000, 999999)),
			zone: this.idRng.weighted([
				['Byzone', 80],
				['Landzone', 18],
				['Sommerhusområde', 2],
			] as const),
			inDar: opts.inDar ?? true,
		};
		this.dar.push(address);
		return address;
	}

	/** How SOR writes a DAR address: by default exactly, with codes and (possibly jittered) coordinates. */
	sorAddress(
		dar: DarAddress,
		opts: Partial<
			Pick<SorAddress, 'streetName' | 'houseNumber' | 'withCodes' | 'withCoordinates'>
		> = {},
	): SorAddress {
		const jitter = this.rng.chance(0.35);
		const dx = jitter ? this.rng.float(-4, 4) : 0;
		const dy = jitter ? this.rng.float(-4, 4) : 0;
		return {
			dar,
			streetName: opts.streetName ?? dar.streetName,
			houseNumber: opts.houseNumber === undefined ? dar.houseNumber : opts.houseNumber,
			withCodes: opts.withCodes ?? true,
			withCoordinates: opts.withCoordinates ?? true,
			east: Math.round((dar.east + dx) * 1000) / 1000,
			north: Math.round((dar.north + dy) * 1000) / 1000,
		};
	}

	phone(regionCode: string): string {
		const prefix = this.rng.chance(0.15)
			? this.rng.pick(MOBILE_PREFIXES)
			: this.rng.pick(REGION_PHONE_PREFIXES[regionCode] ?? MOBILE_PREFIXES);
		const digits = `${prefix}${this.rng.digits(6)}`;
		const style = this.rng.next();
		if (style < 0.1) return `+45${digits}`;
		if (style < 0.15) return `+45 ${digits}`;
		return digits;
	}

	website(domain: string, path?: string): string {
		const style = this.rng.next();
		if (style < 0.5) return `www.${domain}`;
		if (style < 0.8) return `https://www.${domain}${path ? `/${path}` : ''}`;
		if (style < 0.9) return `http://${domain}`;
		return domain;
	}

	cvr(): string {
		for (;;) {
			const cvr = cvrWithCheckDigit(`${this.idRng.int(1, 4)}${this.idRng.digits(6)}`);
			if (cvr && !this.state.usedCvr.has(cvr)) {
				this.state.usedCvr.add(cvr);
				return cvr;
			}
		}
	}

	ean(regionCode: string, status: SorStatus): EanLocation {
		let code: string;
		do {
			const body = `579000${this.idRng.digits(6)}`;
			code = `${body}${gs1CheckDigit(body)}`;
		} while (this.state.usedEan.has(code));
		this.state.usedEan.add(code);
		return {
			code,
			regionCode,
			systemSupplier: this.idRng.pick(['162', '14', '32', '91', '203']),
			systemType: this.idRng.pick(['225', '9', '411', '1021']),
			communicationSupplier: this.idRng.pick(['41000035001', '41000035002', '41000036001']),
			ediAdministrator: this.idRng.pick(['639', '700', '812', '655']),
			status: { ...status },
		};
	}

	entity(
		level: Level,
		name: string,
		typeCode: string | null,
		status: SorStatus,
		kommuneCode: string | null,
	): SorEntity {
		return { level, sorId: '', name, typeCode, status, children: [], kommuneCode };
	}

	special(
		key: string,
		description: string,
		entity: SorEntity,
		extra: Partial<SpecialCase> = {},
	): void {
		this.specials.push({ key, description, entity, ...extra });
	}

	// -- kommuner -----------------------------------------------------------------------------

	private kommuneContact(ctx: KommuneCtx, name: string, path?: string): Contact {
		return {
			phone: this.phone(ctx.k.regionCode),
			email: `${slug(name, '.')}@${ctx.domain}`,
			website: this.website(ctx.domain, path),
		};
	}

	private nextKey(ctx: KommuneCtx): string {
		const key = ctx.keyPool.find((candidate) => !ctx.usedKeys.has(candidate));
		if (!key) throw new Error(`kommune ${ctx.k.code} ran out of locality names`);
		ctx.usedKeys.add(key);
		return key;
	}

	private adminUnit(ctx: KommuneCtx): SorEntity {
		if (!ctx.admin) {
			const name = this.rng.pick([
				'Hjemme- og Sygepleje',
				'Pleje og Omsorg',
				'Hjemmeplejen',
				'Helhedspleje og Sygepleje',
				'Drift Hjemmepleje',
			]);
			const admin = this.entity(
				'OE',
				name,
				TYPE.administrativ,
				this.oldStatus(2008, 2016),
				ctx.k.code,
			);
			if (this.rng.chance(0.5)) admin.postal = this.sorAddress(this.address(ctx.k));
			if (this.rng.chance(0.5)) admin.contact = this.kommuneContact(ctx, name);
			ctx.si.children.push(admin);
			ctx.admin = admin;
		}
		return ctx.admin;
	}

	private districtUnit(ctx: KommuneCtx): SorEntity {
		if (ctx.districts.length === 0 || (ctx.districts.length < 2 && this.rng.chance(0.3))) {
			const name = `${this.rng.pick(['Lokalområde', 'Driftsområde', 'Ledelsesområde'])} ${ctx.districts.length + 1}`;
			const district = this.entity(
				'OE',
				name,
				TYPE.administrativ,
				this.oldStatus(2010, 2020),
				ctx.k.code,
			);
			this.adminUnit(ctx).children.push(district);
			ctx.districts.push(district);
			return district;
		}
		return this.rng.pick(ctx.districts);
	}

	private parentAtDepth(ctx: KommuneCtx, depth: 0 | 1 | 2): SorEntity {
		if (depth === 0) return ctx.si;
		if (depth === 1) return this.adminUnit(ctx);
		return this.districtUnit(ctx);
	}

	/** A sub-unit (team) beneath a locality, at the locality's address, with its own name. */
	private team(
		ctx: { k: Kommune },
		locality: SorEntity,
		name: string,
		status: SorStatus,
		dar: DarAddress,
	): SorEntity {
		const type = this.rng.chance(0.8) ? TYPE.hjemmeplejeenhed : TYPE.hjemmesygepleje;
		const team = this.entity('OE', name, type, status, locality.kommuneCode);
		// Without its own address a team inherits the locality's postal address (if it has one).
		if (!locality.postal || this.rng.chance(0.5)) team.visiting = this.sorAddress(dar);
		if (this.rng.chance(0.4)) team.contact = { phone: this.phone(ctx.k.regionCode) };
		team.ean = this.rng.chance(0.3) ? this.ean(ctx.k.regionCode, status) : undefined;
		locality.children.push(team);
		return team;
	}

	/** Creates a helhedsplejeleverandørsted in a kommune tree. */
	private locality(ctx: KommuneCtx, opts: LocalityOptions = {}): SorEntity {
		const shape = opts.shape ?? (this.rng.chance(0.7) ? 'a' : 'c');
		const key = opts.key ?? this.nextKey(ctx);
		const prefix =
			shape === 'a'
				? this.rng.pick(LOCALITY_PREFIXES)
				: this.rng.pick(['Helhedspleje', 'Helhedsplejen', 'Helhedsplejeleverandør']);
		const name = opts.name ?? `${prefix} ${key}`;
		const status =
			opts.status ??
			(shape === 'a' ? this.typeChangedStatus() : this.newStatus('2025-06-15', '2025-12-31'));
		const entity = this.entity('OE', name, TYPE.helhedsplejeleverandoersted, status, ctx.k.code);
		// A locality named after a town lies in that town.
		const postcode = ctx.k.postcodes.find((p) => townOf(p.name) === key)?.code;
		const dar =
			opts.address ?? (opts.visiting === null ? undefined : this.address(ctx.k, { postcode }));
		if (dar && opts.visiting !== null) entity.visiting = opts.visiting ?? this.sorAddress(dar);
		const postal = opts.postal ?? (this.rng.chance(0.6) ? 'same' : 'none');
		if (postal === 'same' && dar && entity.visiting) entity.postal = this.sorAddress(dar);
		if (opts.contact !== null) {
			entity.contact =
				opts.contact ??
				(this.rng.chance(0.85) ? this.kommuneContact(ctx, name, 'helhedspleje') : undefined);
		}
		if (this.rng.chance(0.4)) entity.ean = this.ean(ctx.k.regionCode, status);
		const parent =
			opts.parent ??
			this.parentAtDepth(
				ctx,
				opts.depth ??
					this.rng.weighted([
						[0, 4],
						[1, 4],
						[2, 2],
					] as const),
			);
		parent.children.push(entity);

		if (opts.children !== false && dar) {
			if (shape === 'c') {
				// Existing home-care units moved beneath the new locality (same FirstFromDate, new FromDate).
				const count = this.rng.chance(0.8) ? 1 : 2;
				for (const teamName of this.rng.sample(TEAM_NAMES, count)) {
					const moved = this.oldStatus(2008, 2020);
					this.team(
						ctx,
						entity,
						teamName,
						{
							firstFromDate: moved.firstFromDate,
							fromDate: status.firstFromDate,
							updatedAt: addDays(status.firstFromDate, -this.rng.int(1, 10)),
						},
						dar,
					);
				}
			} else {
				const count = this.rng.weighted([
					[0, 7],
					[1, 2.5],
					[2, 0.5],
				] as const);
				for (const teamName of this.rng.sample(TEAM_NAMES, count)) {
					this.team(ctx, entity, teamName, this.oldStatus(2008, 2024), dar);
				}
			}
		}
		return entity;
	}

	/** A municipal unit with its own address (plejehjem, genoptræning, …). */
	private municipalUnit(
		ctx: KommuneCtx,
		parent: SorEntity,
		name: string,
		type: string,
		status?: SorStatus,
		postcode?: string,
	): SorEntity {
		const unit = this.entity('OE', name, type, status ?? this.oldStatus(), ctx.k.code);
		const dar = this.address(ctx.k, { postcode });
		unit.visiting = this.sorAddress(dar);
		if (this.rng.chance(0.5)) unit.postal = this.sorAddress(dar);
		if (this.rng.chance(0.7)) unit.contact = this.kommuneContact(ctx, name);
		if (this.rng.chance(0.3)) unit.ean = this.ean(ctx.k.regionCode, unit.status);
		parent.children.push(unit);
		return unit;
	}

	private careHomeName(ctx: KommuneCtx): string {
		const place = this.rng.pick(PLACE_NAMES);
		return this.rng.weighted([
			[`Plejecenter ${place}`, 4],
			[`${place} Plejecenter`, 2],
			[`Plejehjemmet ${place}`, 2],
			[`Ældrecenter ${townOf(this.rng.pick(ctx.k.postcodes).name)}`, 1],
		] as const);
	}

	private buildKommune(k: Kommune, migrated: boolean, reservedKeys: readonly string[]): KommuneCtx {
		const domain = kommuneDomain(k.code, k.name);
		const townHall = this.address(k, {
			postcode: k.postcodes[0]?.code,
			street: this.rng.pick(TOWN_HALL_STREETS),
			houseNumber: String(this.rng.int(1, 3)),
		});
		const ownerStatus: SorStatus = {
			firstFromDate: '2007-01-01',
			fromDate: this.dateBetween('2019-01-01', '2026-09-30'),
		};
		ownerStatus.updatedAt = addDays(ownerStatus.fromDate, -this.rng.int(0, 7));
		const owner = this.entity(
			'IE',
			kommuneOwnerName(k.code, k.name),
			TYPE.kommune,
			ownerStatus,
			k.code,
		);
		owner.ean = this.ean(k.regionCode, ownerStatus);
		owner.postal = this.sorAddress(townHall);
		owner.contact = {
			phone: this.phone(k.regionCode),
			email: `kommune@${domain}`,
			website: `www.${domain}`,
		};
		owner.cvr = this.cvr();
		this.owners.push(owner);

		const siName = this.rng.pick(SI_NAMES);
		const si = this.entity(
			'SI',
			siName,
			TYPE.sundhedsforvaltning,
			this.oldStatus(2009, 2016),
			k.code,
		);
		if (this.rng.chance(0.5))
			si.postal = this.sorAddress(this.rng.chance(0.5) ? townHall : this.address(k));
		si.contact = {
			phone: this.phone(k.regionCode),
			email: `${slug(siName, '')}@${domain}`,
			website: this.website(domain, 'sundhed-og-omsorg'),
		};
		owner.children.push(si);

		const towns = [...new Set(k.postcodes.map((p) => townOf(p.name)))];
		const ctx: KommuneCtx = {
			k,
			domain,
			owner,
			si,
			townHall,
			districts: [],
			keyPool: this.rng
				.shuffle([
					...new Set([...DIRECTIONS, ...towns.slice(1), ...this.rng.sample(PLACE_NAMES, 10)]),
				])
				.filter((key) => !reservedKeys.includes(key)),
			usedKeys: new Set(),
		};

		// Other municipal health and care units (the majority of a kommune's SOR tree).
		const careHomes = this.rng.int(0, 1) + (LARGE_KOMMUNER[k.code] ? 1 : 0);
		for (let i = 0; i < careHomes; i++) {
			const closed = this.rng.chance(0.04);
			const status = this.oldStatus(1998, 2018);
			if (closed) {
				status.toDate = this.dateBetween('2025-01-01', '2026-10-31');
				status.fromDate = status.toDate;
			}
			this.municipalUnit(ctx, si, this.careHomeName(ctx), TYPE.plejehjem, status);
		}
		if (this.rng.chance(0.3))
			this.municipalUnit(
				ctx,
				si,
				this.rng.pick(['Hjemmesygeplejen', 'Sygeplejen', 'Den kommunale sygepleje']),
				TYPE.hjemmesygepleje,
			);
		if (this.rng.chance(0.35))
			this.municipalUnit(
				ctx,
				si,
				this.rng.pick([
					'Genoptræning og Rehabilitering',
					'Træningscenter',
					'Genoptræningscenteret',
				]),
				TYPE.genoptraening,
			);
		if (this.rng.chance(0.2)) this.municipalUnit(ctx, si, 'Sundhedsplejen', TYPE.sundhedspleje);
		if (this.rng.chance(0.1))
			this.municipalUnit(ctx, si, 'Forebyggende hjemmebesøg', TYPE.forebyggendeHjemmebesoeg);
		if (this.rng.chance(0.1)) {
			const social = this.entity(
				'SI',
				this.rng.pick(['Social og Handicap', 'Voksen og Handicap', 'Socialområdet']),
				TYPE.handicap,
				this.oldStatus(2009, 2016),
				k.code,
			);
			owner.children.push(social);
			this.municipalUnit(ctx, social, `Bostedet ${this.rng.pick(PLACE_NAMES)}`, TYPE.bosted);
			if (this.rng.chance(0.5)) this.municipalUnit(ctx, social, 'Rusmiddelcenter', TYPE.misbrug);
		}

		if (migrated) {
			const max = LARGE_KOMMUNER[k.code];
			const count = max
				? this.rng.int(Math.max(5, max - 3), max)
				: SMALL_KOMMUNER.has(k.code)
					? 2
					: this.rng.int(2, 6);
			for (let i = 0; i < count; i++) this.locality(ctx);
		} else {
			// Not yet migrated: home-care units only, no helhedsplejeleverandørsted.
			const parent = this.rng.chance(0.5) ? this.adminUnit(ctx) : si;
			const count = this.rng.int(2, 4);
			for (let i = 0; i < count; i++) {
				const key = this.nextKey(ctx);
				const postcode = k.postcodes.find((p) => townOf(p.name) === key)?.code;
				const unit = this.municipalUnit(
					ctx,
					parent,
					`Hjemmeplejen ${key}`,
					TYPE.hjemmeplejeenhed,
					this.oldStatus(2006, 2018),
					postcode,
				);
				if (this.rng.chance(0.4) && unit.visiting) {
					this.team(
						ctx,
						unit,
						this.rng.pick(TEAM_NAMES),
						this.oldStatus(2010, 2022),
						unit.visiting.dar,
					);
				}
			}
		}
		return ctx;
	}

	// -- special cases ------------------------------------------------------------------------

	/** The registration shapes, duplicates, lifecycle cases and contact/address defects. */
	private readonly specialHosts: Record<
		string,
		{ keys: string[]; apply: (ctx: KommuneCtx) => void }
	> = {
		'0461': {
			keys: ['Bolbro'],
			apply: (ctx) => {
				const e = this.locality(ctx, {
					name: 'Hjemmeplejen Bolbro',
					key: 'Bolbro',
					shape: 'a',
					depth: 1,
					status: { firstFromDate: '2012-03-01', fromDate: '2025-09-01', updatedAt: '2025-08-28' },
					children: false,
				});
				this.team(
					ctx,
					e,
					'Natgruppen',
					{ firstFromDate: '2014-01-01', fromDate: '2014-01-01', updatedAt: '2013-12-18' },
					e.visiting?.dar ?? ctx.townHall,
				);
				this.special(
					'shapeA',
					'Shape (a): existing unit whose type was changed to helhedsplejeleverandørsted (FirstFromDate 2012, FromDate 2025)',
					e,
				);
			},
		},
		'0851': {
			keys: ['Vestbyen'],
			apply: (ctx) => {
				const e = this.locality(ctx, {
					name: 'Helhedspleje Vestbyen',
					key: 'Vestbyen',
					shape: 'c',
					depth: 0,
					status: { firstFromDate: '2025-08-01', fromDate: '2025-08-01', updatedAt: '2025-07-24' },
					postal: 'same',
					children: false,
				});
				const dar = e.visiting?.dar ?? ctx.townHall;
				const moved = [
					this.team(
						ctx,
						e,
						'Hjemmeplejen Vestbyen, gruppe 1',
						{ firstFromDate: '2011-05-01', fromDate: '2025-08-01', updatedAt: '2025-07-24' },
						dar,
					),
					this.team(
						ctx,
						e,
						'Hjemmeplejen Vestbyen, gruppe 2',
						{ firstFromDate: '2013-02-01', fromDate: '2025-08-01', updatedAt: '2025-07-24' },
						dar,
					),
				];
				for (const unit of moved) unit.typeCode = TYPE.hjemmeplejeenhed;
				this.special(
					'shapeC',
					'Shape (c): new locality (FirstFromDate 2025-08-01) with two existing hjemmeplejeenheder moved beneath it (names share the locality name + ", gruppe N": NOT duplicates)',
					e,
					{ related: moved },
				);
			},
		},
		'0630': {
			keys: ['Syd'],
			apply: (ctx) => {
				const dar = this.address(ctx.k);
				const contact = this.kommuneContact(ctx, 'Hjemmeplejen Syd');
				const duplicate = this.locality(ctx, {
					name: 'Helhedspleje Syd',
					key: 'Syd',
					shape: 'c',
					depth: 1,
					address: dar,
					postal: 'same',
					contact,
					status: { firstFromDate: '2025-08-15', fromDate: '2025-08-15', updatedAt: '2025-08-11' },
					children: false,
				});
				const original = this.entity(
					'OE',
					'Hjemmeplejen Syd',
					TYPE.hjemmeplejeenhed,
					{ firstFromDate: '2011-02-01', fromDate: '2025-08-15', updatedAt: '2025-08-11' },
					ctx.k.code,
				);
				original.visiting = this.sorAddress(dar);
				original.postal = this.sorAddress(dar);
				original.contact = { ...contact };
				original.ean = this.ean(ctx.k.regionCode, original.status);
				duplicate.children.push(original);
				this.special(
					'duplicateAbove',
					'Side road (b), Figur 8: duplicate locality "Helhedspleje Syd" created ABOVE the original hjemmeplejeenhed "Hjemmeplejen Syd" (same address and contact)',
					duplicate,
					{ related: [original] },
				);
			},
		},
		'0657': {
			keys: ['Øst'],
			apply: (ctx) => {
				const dar = this.address(ctx.k);
				const original = this.entity(
					'OE',
					'Hjemmeplejen Øst',
					TYPE.hjemmeplejeenhed,
					{ firstFromDate: '2010-01-01', fromDate: '2025-07-15', updatedAt: '2025-07-10' },
					ctx.k.code,
				);
				original.visiting = this.sorAddress(dar);
				original.postal = this.sorAddress(dar);
				original.contact = this.kommuneContact(ctx, 'Hjemmeplejen Øst');
				this.adminUnit(ctx).children.push(original);
				ctx.usedKeys.add('Øst');
				const duplicate = this.locality(ctx, {
					name: 'Hjemmeplejen Øst - helhedsplejeleverandørsted',
					key: 'Øst',
					shape: 'c',
					parent: original,
					address: dar,
					postal: 'same',
					contact: { ...original.contact },
					status: { firstFromDate: '2025-07-15', fromDate: '2025-07-15', updatedAt: '2025-07-10' },
					children: false,
				});
				this.special(
					'duplicateBelow',
					'Side road (b): duplicate locality created BELOW the original hjemmeplejeenhed "Hjemmeplejen Øst" (same address)',
					duplicate,
					{ related: [original] },
				);
			},
		},
		'0561': {
			keys: ['Vest'],
			apply: (ctx) => {
				const dar = this.address(ctx.k);
				const first = this.locality(ctx, {
					name: 'Helhedspleje Vest',
					key: 'Vest',
					shape: 'a',
					depth: 1,
					address: dar,
					postal: 'same',
					status: { firstFromDate: '2014-04-01', fromDate: '2025-07-01', updatedAt: '2025-06-26' },
					children: false,
				});
				const second = this.locality(ctx, {
					name: 'Helhedsplejen Vest',
					key: 'Vest',
					shape: 'c',
					depth: 0,
					address: dar,
					postal: 'same',
					status: { firstFromDate: '2025-09-15', fromDate: '2025-09-15', updatedAt: '2025-09-09' },
					children: false,
				});
				this.special(
					'duplicatePair',
					'Two localities of the same owner that duplicate each other ("Helhedspleje Vest" 2014 and "Helhedsplejen Vest" 2025, same address, different branches)',
					second,
					{ related: [first] },
				);
			},
		},
		'0740': {
			keys: ['Them'],
			apply: (ctx) => {
				const e = this.locality(ctx, {
					name: 'Helhedspleje Them',
					key: 'Them',
					shape: 'a',
					depth: 1,
					status: {
						firstFromDate: '2013-01-01',
						fromDate: '2026-06-30',
						toDate: '2026-06-30',
						updatedAt: '2026-06-12',
					},
				});
				this.special(
					'closedLocality',
					'Closed locality: ToDate 2026-06-30, before the snapshot date',
					e,
				);
			},
		},
		'0101': {
			keys: ['Nordhavn'],
			apply: (ctx) => {
				const e = this.locality(ctx, {
					name: 'Helhedspleje Nordhavn',
					key: 'Nordhavn',
					shape: 'c',
					depth: 0,
					status: { firstFromDate: '2027-01-01', fromDate: '2027-01-01', updatedAt: '2026-11-10' },
					postal: 'same',
					children: false,
				});
				const team = this.team(
					ctx,
					e,
					'Natgruppen Nordhavn',
					{ firstFromDate: '2027-01-01', fromDate: '2027-01-01', updatedAt: '2026-11-10' },
					e.visiting?.dar ?? ctx.townHall,
				);
				team.typeCode = TYPE.hjemmeplejeenhed;
				this.special(
					'futureLocality',
					'Future locality: FirstFromDate 2027-01-01, after the snapshot date (with a future team beneath it)',
					e,
					{ related: [team] },
				);
			},
		},
		'0159': {
			keys: ['Bagsværd'],
			apply: (ctx) => {
				const e = this.locality(ctx, {
					name: 'Hjemmeplejen Bagsværd',
					key: 'Bagsværd',
					shape: 'a',
					depth: 0,
					status: {
						firstFromDate: '2009-09-01',
						fromDate: '2025-10-01',
						toDate: '2027-03-31',
						updatedAt: '2026-10-02',
					},
				});
				this.special(
					'closingLocality',
					'Locality whose closure has not yet taken effect: ToDate 2027-03-31 (still active at the snapshot)',
					e,
				);
			},
		},
		'0730': {
			keys: ['Nordøst'],
			apply: (ctx) => {
				const old = this.locality(ctx, {
					name: 'Område Nordøst',
					key: 'Nordøst',
					shape: 'a',
					depth: 1,
					status: {
						firstFromDate: '2009-06-01',
						fromDate: '2026-03-31',
						toDate: '2026-03-31',
						updatedAt: '2026-03-20',
					},
					children: false,
				});
				const replacement = this.locality(ctx, {
					name: 'Helhedspleje Nordøst',
					key: 'Nordøst',
					shape: 'c',
					depth: 1,
					parent: ctx.admin,
					status: { firstFromDate: '2026-04-01', fromDate: '2026-04-01', updatedAt: '2026-03-20' },
				});
				old.replacedBy = [replacement];
				replacement.replaces = [old];
				this.special(
					'replacement',
					'Replacement: "Område Nordøst" closed 2026-03-31 (ReplacedByEntityCollection) and replaced by "Helhedspleje Nordøst" from 2026-04-01 (ReplacesEntityCollection), new address',
					replacement,
					{ related: [old] },
				);
			},
		},
		'0265': {
			keys: [],
			apply: (ctx) => {
				const e = this.locality(ctx, { shape: 'a' });
				e.contact = { phone: this.phone(ctx.k.regionCode), website: `www.${ctx.domain}` };
				this.special(
					'missingEmail',
					'Defect: own VirtualAddressInformation without an e-mail address',
					e,
				);
			},
		},
		'0330': {
			keys: [],
			apply: (ctx) => {
				const e = this.locality(ctx, { shape: 'a' });
				e.contact = { ...this.kommuneContact(ctx, e.name), phone: '00000000' };
				this.special('placeholderPhone', 'Defect: placeholder phone number "00000000"', e);
			},
		},
		'0370': {
			keys: [],
			apply: (ctx) => {
				const e = this.locality(ctx, { shape: 'a' });
				e.contact = { ...this.kommuneContact(ctx, e.name), website: 'Besøg hjemmeside' };
				this.special(
					'placeholderWebsite',
					'Defect: placeholder website text "Besøg hjemmeside"',
					e,
				);
			},
		},
		'0376': {
			keys: [],
			apply: (ctx) => {
				const e = this.locality(ctx, { shape: 'c' });
				e.contact = { ...this.kommuneContact(ctx, e.name), email: 'Besøg hjemmeside' };
				this.special('placeholderEmail', 'Defect: placeholder e-mail text "Besøg hjemmeside"', e);
			},
		},
		'0479': {
			keys: [],
			apply: (ctx) => {
				const e = this.locality(ctx, { shape: 'a' });
				e.contact = { ...this.kommuneContact(ctx, e.name), website: 'www.eksempel' };
				this.special(
					'malformedWebsite',
					'Defect: malformed website "www.eksempel" (no top-level domain)',
					e,
				);
			},
		},
		'0540': {
			keys: [],
			apply: (ctx) => {
				const e = this.locality(ctx, { shape: 'a' });
				e.contact = {
					...this.kommuneContact(ctx, e.name),
					website: 'http//hjemmepleje.sonderborg.dk',
				};
				this.special(
					'malformedWebsite2',
					'Defect: malformed website "http//hjemmepleje.sonderborg.dk" (missing colon)',
					e,
				);
			},
		},
		'0615': {
			keys: [],
			apply: (ctx) => {
				const e = this.locality(ctx, {
					shape: 'a',
					depth: 1,
					visiting: null,
					postal: 'none',
					children: false,
				});
				// Make sure the whole chain up to the owner carries no other postal address than the owner's.
				if (ctx.admin) delete ctx.admin.postal;
				delete ctx.si.postal;
				this.special(
					'noOwnAddress',
					'No visiting and no postal address of its own: the visiting address is the postal address inherited from the owner (town hall); valid',
					e,
				);
			},
		},
		'0621': {
			keys: [],
			apply: (ctx) => {
				const dar = this.address(ctx.k, { inDar: false });
				const e = this.locality(ctx, {
					shape: 'a',
					address: dar,
					visiting: this.sorAddress(dar, { withCodes: false, withCoordinates: false }),
					postal: 'none',
				});
				this.special(
					'addressNotInDar',
					`Invalid visiting address: "${dar.streetName} ${dar.houseNumber}, ${dar.postcode}" is plausible but does not exist in DAR (left out of the extract; no codes/coordinates in SOR)`,
					e,
					{ invalidAddress: true },
				);
			},
		},
		'0791': {
			keys: [],
			apply: (ctx) => {
				const dar = this.address(ctx.k, { status: 2 });
				const e = this.locality(ctx, { shape: 'a', address: dar, postal: 'none' });
				this.special(
					'retiredAddress',
					`Invalid visiting address: "${dar.streetName} ${dar.houseNumber}, ${dar.postcode}" is retired in DAR (DAWA status 2, nedlagt)`,
					e,
					{ invalidAddress: true },
				);
			},
		},
		'0860': {
			keys: [],
			apply: (ctx) => {
				const dar = this.address(ctx.k, { inDar: false });
				const e = this.locality(ctx, {
					shape: 'a',
					address: dar,
					visiting: this.sorAddress(dar, {
						houseNumber: null,
						withCodes: false,
						withCoordinates: false,
					}),
					postal: 'none',
				});
				this.special(
					'noHouseNumber',
					`Invalid visiting address: "${dar.streetName}, ${dar.postcode}" has no house number`,
					e,
					{ invalidAddress: true },
				);
			},
		},
		'0751': {
			keys: [],
			apply: (ctx) => {
				const dar = this.address(ctx.k, { postcode: '8230', street: 'Åbyvej' });
				const e = this.locality(ctx, {
					shape: 'a',
					address: dar,
					visiting: this.sorAddress(dar, { streetName: 'Aabyvej', withCodes: false }),
					postal: 'none',
				});
				this.special(
					'variantDiacritics',
					`Valid address written without diacritics: SOR "Aabyvej ${dar.houseNumber}" vs DAR "Åbyvej ${dar.houseNumber}" (no cpr codes)`,
					e,
				);
			},
		},
		'0147': {
			keys: [],
			apply: (ctx) => {
				const dar = this.address(ctx.k, { street: 'Skolevej', houseNumber: '8A' });
				const spaced = dar.houseNumber.replace(/^(\d+)([A-Z])$/, '$1 $2');
				const e = this.locality(ctx, {
					shape: 'a',
					address: dar,
					visiting: this.sorAddress(dar, { houseNumber: spaced, withCodes: false }),
					postal: 'none',
				});
				this.special(
					'variantHouseNumber',
					`Valid address with a spaced house number: SOR "Skolevej ${spaced}" vs DAR "Skolevej ${dar.houseNumber}" (no cpr codes)`,
					e,
				);
			},
		},
		'0810': {
			keys: [],
			apply: (ctx) => {
				const dar = this.address(ctx.k, { street: 'Nørregade' });
				const e = this.locality(ctx, {
					shape: 'a',
					address: dar,
					visiting: this.sorAddress(dar, { streetName: 'NØRREGADE', withCodes: false }),
					postal: 'none',
				});
				this.special(
					'variantCase',
					`Valid address in upper case: SOR "NØRREGADE ${dar.houseNumber}" vs DAR "Nørregade ${dar.houseNumber}" (no cpr codes)`,
					e,
				);
			},
		},
		'0340': {
			keys: [],
			apply: (ctx) => {
				const dar = this.address(ctx.k, { street: 'Sankt Peders Stræde' });
				const e = this.locality(ctx, {
					shape: 'c',
					address: dar,
					visiting: this.sorAddress(dar, { streetName: 'Sankt  Peders Stræde ', withCodes: false }),
					postal: 'none',
				});
				this.special(
					'variantSpacing',
					`Valid address with extra spaces: SOR "Sankt  Peders Stræde " vs DAR "Sankt Peders Stræde" (no cpr codes)`,
					e,
				);
			},
		},
		'0710': {
			keys: [],
			apply: (ctx) => {
				const dar = this.address(ctx.k, { status: 3 });
				const e = this.locality(ctx, { shape: 'c', address: dar });
				this.special(
					'provisionalAddress',
					`Visiting address "${dar.streetName} ${dar.houseNumber}, ${dar.postcode}" has DAWA status 3 (foreløbig): in DAR, not retired`,
					e,
				);
			},
		},
	};

	// -- other owners -------------------------------------------------------------------------

	private privateOwner(name: string, k: Kommune, status: SorStatus, postcode?: string): SorEntity {
		const owner = this.entity('IE', name, TYPE.privat, status, k.code);
		owner.ean = this.ean(k.regionCode, status);
		owner.postal = this.sorAddress(this.address(k, { postcode }));
		owner.contact = { phone: this.phone(k.regionCode) };
		owner.cvr = this.cvr();
		this.owners.push(owner);
		return owner;
	}

	private kommune(code: string): Kommune {
		const k = this.ref.byCode.get(code);
		if (!k) throw new Error(`unknown kommune ${code}`);
		return k;
	}

	private buildPrivateCareCompanies(): void {
		PRIVATE_CARE_COMPANIES.forEach((company, index) => {
			const home = this.kommune(company.home);
			const status = this.oldStatus(2008, 2018);
			const owner = this.privateOwner(company.name, home, status);
			owner.contact = {
				phone: this.phone(home.regionCode),
				email: `kontakt@${company.domain}`,
				website: `www.${company.domain}`,
			};
			const si = this.entity(
				'SI',
				company.short,
				TYPE.hjemmeplejeenhed,
				this.oldStatus(2008, 2018),
				home.code,
			);
			si.contact = {
				phone: this.phone(home.regionCode),
				email: `info@${company.domain}`,
				website: `https://www.${company.domain}`,
			};
			owner.children.push(si);
			const localities: SorEntity[] = [];
			const seen = new Map<string, number>();
			for (const code of company.kommuner) {
				const k = this.kommune(code);
				const n = (seen.get(code) ?? 0) + 1;
				seen.set(code, n);
				const town = townOf(
					(n === 1 ? k.postcodes[0] : (k.postcodes[1] ?? k.postcodes[0]))?.name ?? k.name,
				);
				const name = `${company.short} ${town}${n > 1 ? ` ${this.rng.pick(['Nord', 'Syd', 'Øst', 'Vest'])}` : ''}`;
				const shape = this.rng.chance(0.5) ? 'a' : 'c';
				const st =
					shape === 'a' ? this.typeChangedStatus() : this.newStatus('2025-06-15', '2026-06-30');
				const loc = this.entity('OE', name, TYPE.helhedsplejeleverandoersted, st, home.code);
				const dar = this.address(k);
				loc.visiting = this.sorAddress(dar);
				if (this.rng.chance(0.5)) loc.postal = this.sorAddress(dar);
				loc.contact = {
					phone: this.phone(k.regionCode),
					email: `${slug(town, '')}@${company.domain}`,
					website: `www.${company.domain}`,
				};
				if (this.rng.chance(0.5)) loc.ean = this.ean(k.regionCode, st);
				si.children.push(loc);
				localities.push(loc);
				if (this.rng.chance(0.4))
					this.team({ k }, loc, this.rng.pick(TEAM_NAMES), this.oldStatus(2012, 2024), dar);
			}
			this.special(
				`privateOwner${index + 1}`,
				`Private owner ${company.name} (CVR ${owner.cvr}), HQ in ${home.name}, localities in ${[...new Set(company.kommuner)].map((c) => this.kommune(c).name).join(', ')}`,
				owner,
				{ related: localities },
			);
		});
		for (const home of PRIVATE_CARE_HOMES) {
			const k = this.kommune(home.kommune);
			const owner = this.privateOwner(home.name, k, this.oldStatus(2008, 2020));
			const si = this.entity('SI', home.name, TYPE.plejehjem, owner.status, k.code);
			si.visiting = owner.postal ? this.sorAddress(owner.postal.dar) : undefined;
			si.contact = {
				phone: this.phone(k.regionCode),
				email: `kontor@${slug(home.name)}.dk`,
				website: `www.${slug(home.name)}.dk`,
			};
			owner.children.push(si);
			if (this.rng.chance(0.5)) {
				si.children.push(
					this.entity(
						'OE',
						`${home.name}, demensafsnit`,
						TYPE.plejehjem,
						this.oldStatus(2010, 2022),
						k.code,
					),
				);
			}
		}
	}

	private buildRegions(): void {
		for (const [regionCode, region] of Object.entries(REGION_OWNERS)) {
			const seat = this.kommune(region.kommune);
			const status: SorStatus = {
				firstFromDate: '2007-01-01',
				fromDate: this.dateBetween('2018-01-01', '2026-06-30'),
			};
			const owner = this.entity('IE', region.name, TYPE.region, status, seat.code);
			owner.ean = this.ean(regionCode, status);
			owner.postal = this.sorAddress(this.address(seat));
			const domain = `${slug(region.name.replace('Region ', 'r'), '')}.dk`;
			owner.contact = {
				phone: this.phone(regionCode),
				email: `kontakt@${domain}`,
				website: `www.${domain}`,
			};
			owner.cvr = this.cvr();
			this.owners.push(owner);
			for (const [hospitalName, kommuneCode] of region.hospitals) {
				const k = this.kommune(kommuneCode);
				const hospital = this.entity(
					'SI',
					hospitalName,
					TYPE.hospital,
					this.oldStatus(2004, 2012),
					k.code,
				);
				const dar = this.address(k, {
					street: this.rng.pick([
						'Sygehusvej',
						'Hospitalsvej',
						'Palle Juul-Jensens Boulevard',
						'Hospitalsboulevarden',
					]),
				});
				hospital.postal = this.sorAddress(dar);
				hospital.contact = {
					phone: this.phone(regionCode),
					website: `www.${slug(hospitalName)}.dk`,
				};
				hospital.ean = this.ean(regionCode, hospital.status);
				owner.children.push(hospital);
				for (const department of this.rng.sample(HOSPITAL_DEPARTMENTS, this.rng.int(2, 4))) {
					const unit = this.entity(
						'OE',
						`${department}, ${hospitalName}`,
						TYPE.administrativ,
						this.oldStatus(2006, 2020),
						k.code,
					);
					if (this.rng.chance(0.3))
						unit.visiting = this.sorAddress(this.address(k, { street: dar.streetName }));
					if (this.rng.chance(0.6)) unit.contact = { phone: this.phone(regionCode) };
					hospital.children.push(unit);
					if (this.rng.chance(0.35)) {
						const ward = this.entity(
							'OE',
							`${this.rng.pick(['Sengeafsnit', 'Ambulatorium', 'Dagafsnit'])} ${this.rng.int(1, 9)}`,
							TYPE.klinisk,
							this.oldStatus(2010, 2024),
							k.code,
						);
						if (this.rng.chance(0.4)) ward.ean = this.ean(regionCode, ward.status);
						unit.children.push(ward);
					}
				}
			}
		}
	}

	private personName(): string {
		return `${this.rng.pick(GIVEN_NAMES)} ${this.rng.pick(SURNAMES)}`;
	}

	private buildPractices(): void {
		const weights = this.ref.kommuner.map(
			(k) => [k, LARGE_KOMMUNER[k.code] ? 4 : SMALL_KOMMUNER.has(k.code) ? 0.3 : 1] as const,
		);
		// General practices.
		for (let i = 0; i < 24; i++) {
			const k = this.rng.weighted(weights);
			const postcode = this.rng.pick(k.postcodes);
			const town = townOf(postcode.name);
			const name = this.rng.weighted([
				[`Lægehuset ${town}`, 3],
				[`Lægerne ${this.rng.pick(STREET_NAMES)}`, 3],
				[`Læge ${this.personName()}`, 2],
				[`Lægeklinikken ${this.rng.pick(PLACE_NAMES)}`, 1],
			] as const);
			const owner = this.privateOwner(name, k, this.oldStatus(2000, 2022), postcode.code);
			const si = this.entity('SI', name, TYPE.laegepraksis, owner.status, k.code);
			si.contact = { phone: this.phone(k.regionCode), website: `www.${slug(name, '')}.dk` };
			owner.children.push(si);
			for (let j = this.rng.int(1, 2); j > 0; j--) {
				si.children.push(
					this.entity(
						'OE',
						`Læge ${this.personName()}`,
						TYPE.supplerende,
						this.oldStatus(2000, 2024),
						k.code,
					),
				);
			}
		}
		// Specialist practices.
		for (let i = 0; i < 12; i++) {
			const k = this.rng.weighted(weights);
			const name = `${this.rng.pick(SPECIALIST_KINDS)} ${this.personName()}`;
			const owner = this.privateOwner(name, k, this.oldStatus(2000, 2022));
			const si = this.entity('SI', name, TYPE.speciallaegepraksis, owner.status, k.code);
			si.contact = { phone: this.phone(k.regionCode), email: `klinik@${slug(name, '')}.dk` };
			owner.children.push(si);
			si.children.push(this.entity('OE', name, TYPE.supplerende, owner.status, k.code));
		}
		// Pharmacies.
		for (let i = 0; i < 20; i++) {
			const k = this.rng.weighted(weights);
			const postcode = this.rng.pick(k.postcodes);
			const town = townOf(postcode.name);
			const name = this.rng.chance(0.7)
				? `${town} Apotek`
				: `${town} ${this.rng.pick(['Løve', 'Svane', 'Hjorte', 'Elefant', 'Ørne'])} Apotek`;
			const owner = this.privateOwner(name, k, this.oldStatus(1998, 2020), postcode.code);
			const si = this.entity('SI', name, TYPE.apotek, owner.status, k.code);
			si.contact = { phone: this.phone(k.regionCode), website: `www.${slug(town)}-apotek.dk` };
			owner.children.push(si);
			si.children.push(this.entity('OE', name, TYPE.apotek, owner.status, k.code));
			if (this.rng.chance(0.3)) {
				const outlet = this.entity(
					'OE',
					`Apoteksudsalg ${this.rng.pick(PLACE_NAMES)}`,
					TYPE.apotek,
					this.oldStatus(2005, 2024),
					k.code,
				);
				outlet.visiting = this.sorAddress(this.address(k));
				si.children.push(outlet);
			}
		}
	}

	// -- the whole copy -----------------------------------------------------------------------

	build(): CountryCopy {
		const hostCodes = new Set(Object.keys(this.specialHosts));
		const candidates = this.ref.kommuner
			.filter((k) => !hostCodes.has(k.code) && !LARGE_KOMMUNER[k.code])
			.map((k) => k.code);
		const notMigrated = new Set(this.rng.sample(candidates, NOT_MIGRATED_COUNT));

		for (const k of this.ref.kommuner) {
			const host = this.specialHosts[k.code];
			const ctx = this.buildKommune(k, !notMigrated.has(k.code), host?.keys ?? []);
			if (host) {
				// The generic localities were built first; make sure none took a name the special case needs.
				for (const key of host.keys) {
					if (ctx.usedKeys.has(key))
						throw new Error(`special key ${key} already used in ${k.code}`);
				}
				host.apply(ctx);
			}
		}
		// Randomly drop cpr codes on some generic localities (matching must fall back to text).
		const specialIds = new Set(this.specials.map((s) => s.entity));
		let omitted = 0;
		for (const owner of this.owners) {
			for (const [entity] of walk(owner)) {
				if (
					entity.typeCode !== TYPE.helhedsplejeleverandoersted ||
					specialIds.has(entity) ||
					!entity.visiting
				)
					continue;
				if (this.rng.chance(0.1)) {
					entity.visiting.withCodes = false;
					if (omitted++ < 3)
						this.special(
							`codesOmitted${omitted}`,
							'Valid visiting address without cpr:MunicipalityCode/cpr:StreetCode (match on street name + number + postcode)',
							entity,
						);
				}
			}
		}
		this.buildPrivateCareCompanies();
		this.buildRegions();
		this.buildPractices();

		this.assignIdentifiers();

		const noiseWeights = this.ref.kommuner.map(
			(km) => [km, LARGE_KOMMUNER[km.code] ? 4 : SMALL_KOMMUNER.has(km.code) ? 0.3 : 1.5] as const,
		);
		for (let i = 0; i < UNRELATED_DAR_ROWS; i++) {
			const k = this.rng.weighted(noiseWeights);
			const status = this.rng.weighted([
				[1, 975],
				[3, 20],
				[2, 5],
			] as const);
			this.address(k, { status });
		}
		const darAddresses = this.dar
			.filter((a) => a.inDar)
			.sort(
				(a, b) =>
					cmp(a.municipalityCode, b.municipalityCode) ||
					cmp(a.streetName, b.streetName) ||
					Number.parseInt(a.houseNumber, 10) - Number.parseInt(b.houseNumber, 10) ||
					cmp(a.houseNumber, b.houseNumber) ||
					cmp(a.postcode, b.postcode),
			);
		return {
			owners: this.owners,
			darAddresses,
			specialCases: this.specials,
			notMigratedKommuner: [...notMigrated].sort(),
		};
	}

	/**
	 * Allocates SOR-IDs in order of creation date (older units have smaller IDs, as in SOR), then
	 * orders owners and children by SOR-ID.
	 */
	private assignIdentifiers(): void {
		const all: SorEntity[] = [];
		for (const owner of this.owners) for (const [entity] of walk(owner)) all.push(entity);
		const order = all.map((entity, index) => ({ entity, index }));
		order.sort(
			(a, b) =>
				cmp(a.entity.status.firstFromDate, b.entity.status.firstFromDate) || a.index - b.index,
		);
		for (const { entity } of order) entity.sorId = sorIdentifier(this.state.nextItem++);
		const byId = (a: SorEntity, b: SorEntity) =>
			a.sorId.length - b.sorId.length || cmp(a.sorId, b.sorId);
		for (const entity of all) entity.children.sort(byId);
		this.owners.sort(byId);
	}
}

/** Builds copy `copyIndex` of the country. Copies must be built in order 0, 1, 2, … on one state. */
export function buildCountryCopy(
	ref: Reference,
	state: GlobalState,
	seed: string,
	copyIndex: number,
): CountryCopy {
	return new CopyBuilder(ref, state, new Rng(seed), copyIndex).build();
}

/** The visiting address SOR's inheritance rules give an entity (own visiting → own/inherited postal). */
export function effectiveVisitingAddress(
	entity: SorEntity,
	parents: SorEntity[],
): SorAddress | undefined {
	if (entity.visiting) return entity.visiting;
	if (entity.postal) return entity.postal;
	for (let i = parents.length - 1; i >= 0; i--) {
		const postal = parents[i]?.postal;
		if (postal) return postal;
	}
	return undefined;
}
