/**
 * Builds small SOR v2 XML snapshots for tests, in the structure and namespaces of the real 2019
 * export (tests/fixtures/sor/v2-2019-sor-small.xml), so each test states its tree in a few lines.
 */
export interface AddressSpec {
	street: string;
	number?: string;
	postcode: string;
	district: string;
	municipality?: string;
	streetCode?: string;
	north?: number;
	east?: number;
}

export interface EntitySpec {
	id: string;
	name: string;
	type: string;
	postal?: AddressSpec;
	visiting?: AddressSpec;
	phone?: string;
	email?: string;
	website?: string;
	cvr?: string;
	firstFrom?: string;
	from?: string;
	to?: string;
	children?: EntitySpec[];
}

export const CODES = {
	locality: '1000000000000001',
	homeCare: '554821000005109',
	kommune: '547211000005108',
	privat: '550891000005100',
	region: '550881000005103',
	healthAdministration: '554041000005106',
	nursingHome: '42665001',
	hospital: '22232009',
} as const;

const esc = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function address(tag: string, a: AddressSpec): string {
	return `<${tag}><xkom:AddressPostal><dkcc2005:StreetName>${esc(a.street)}</dkcc2005:StreetName>${
		a.number ? `<dkcc:StreetBuildingIdentifier>${a.number}</dkcc:StreetBuildingIdentifier>` : ''
	}<dkcc2005:PostCodeIdentifier>${a.postcode}</dkcc2005:PostCodeIdentifier><dkcc2005:DistrictName>${esc(
		a.district,
	)}</dkcc2005:DistrictName><dkcc:CountryIdentificationCode scheme="iso3166-alpha2">DK</dkcc:CountryIdentificationCode></xkom:AddressPostal>${
		a.municipality ? `<cpr:MunicipalityCode>${a.municipality}</cpr:MunicipalityCode>` : ''
	}${a.streetCode ? `<cpr:StreetCode>${a.streetCode}</cpr:StreetCode>` : ''}${
		a.north !== undefined
			? `<osak:CoordETRS89z32NMeasure>${a.north}</osak:CoordETRS89z32NMeasure><osak:CoordETRS89z32EMeasure>${a.east}</osak:CoordETRS89z32EMeasure>`
			: ''
	}</${tag}>`;
}

function record(tag: string, e: EntitySpec): string {
	const virtual =
		e.phone || e.email || e.website
			? `<sor1:VirtualAddressInformation>${e.email ? `<xkom1:EmailAddressIdentifier>${esc(e.email)}</xkom1:EmailAddressIdentifier>` : ''}${
					e.website ? `<sor1:Website>${esc(e.website)}</sor1:Website>` : ''
				}${e.phone ? `<sor1:TelephoneNumberIdentifier>${esc(e.phone)}</sor1:TelephoneNumberIdentifier>` : ''}</sor1:VirtualAddressInformation>`
			: '';
	const status = `<sor1:SorStatus><sor1:FromDate>${e.from ?? e.firstFrom ?? '2020-01-01'}</sor1:FromDate>${
		e.to ? `<sor1:ToDate>${e.to}</sor1:ToDate>` : ''
	}<sor1:FirstFromDate>${e.firstFrom ?? '2020-01-01'}</sor1:FirstFromDate></sor1:SorStatus>`;
	return `<${tag}><sor1:SorIdentifier>${e.id}</sor1:SorIdentifier><sor1:EntityName>${esc(e.name)}</sor1:EntityName><EntityTypeIdentifier>${e.type}</EntityTypeIdentifier>${
		e.postal ? address('PostalAddressInformation', e.postal) : ''
	}${e.visiting ? address('VisitingAddressInformation', e.visiting) : ''}${virtual}${status}${
		e.cvr ? `<cvr:CVRnumberIdentifier>${e.cvr}</cvr:CVRnumberIdentifier>` : ''
	}</${tag}>`;
}

function unit(e: EntitySpec): string {
	return `<OrganizationalUnitEntity>${record('OrganizationalUnit', e)}${(e.children ?? []).map(unit).join('')}</OrganizationalUnitEntity>`;
}

function institution(e: EntitySpec): string {
	return `<HealthInstitutionEntity>${record('HealthInstitution', e)}${(e.children ?? []).map(unit).join('')}</HealthInstitutionEntity>`;
}

function owner(e: EntitySpec): string {
	return `<InstitutionOwnerEntity>${record('InstitutionOwner', e)}${(e.children ?? []).map(institution).join('')}</InstitutionOwnerEntity>`;
}

/** An address; `municipality` only when the test needs SOR's kommunekode. */
export function at(
	street: string,
	number: string,
	postcode: string,
	district: string,
	municipality?: string,
): AddressSpec {
	return { street, number, postcode, district, ...(municipality ? { municipality } : {}) };
}

/** Aarhus Kommune as an owner, with `units` under its health administration. */
export function aarhusKommune(units: EntitySpec[]): EntitySpec {
	return {
		id: '100001000016001',
		name: 'Aarhus Kommune',
		type: CODES.kommune,
		postal: at('Rådhuspladsen', '2', '8000', 'Aarhus C', '0751'),
		children: [
			{
				id: '100101000016001',
				name: 'Sundhed og Omsorg',
				type: CODES.healthAdministration,
				children: units,
			},
		],
	};
}

/** Odder Kommune as an owner, with `units` under its health administration. */
export function odderKommune(units: EntitySpec[]): EntitySpec {
	return {
		id: '110001000016001',
		name: 'Odder Kommune',
		type: CODES.kommune,
		postal: at('Rådhusgade', '3', '8300', 'Odder', '0727'),
		children: [
			{
				id: '110101000016001',
				name: 'Ældre og Sundhed',
				type: CODES.healthAdministration,
				children: units,
			},
		],
	};
}

/** A complete v2 SOR snapshot: owners → institutions → units (nested to any depth). */
export function sorXml(snapshotDate: string, owners: EntitySpec[]): string {
	return `\uFEFF<?xml version="1.0" encoding="utf-8"?>
<SorTree xmlns:osak="http://rep.oio.dk/osak.dk/xml/schemas/2006/04/25/" xmlns:cpr="http://rep.oio.dk/cpr.dk/xml/schemas/core/2005/03/18/" xmlns:cvr="http://rep.oio.dk/cvr.dk/xml/schemas/2005/03/22/" xmlns:xkom="http://rep.oio.dk/xkom.dk/xml/schemas/2006/01/06/" xmlns:sor1="urn:oio:sundhedsstyrelsen:organisation:1.0.0" xmlns:dkcc="http://rep.oio.dk/ebxml/xml/schemas/dkcc/2003/02/13/" xmlns:dkcc2005="http://rep.oio.dk/ebxml/xml/schemas/dkcc/2005/03/15/" xmlns:kms="http://rep.oio.dk/kms.dk/xml/schemas/2007/05/23/" xmlns:xkom1="http://rep.oio.dk/xkom.dk/xml/schemas/2005/03/15/" xmlns="urn:oio:nsi:2.0.0">
<sor1:CreatedAtTime>${snapshotDate}T01:00:00+01:00</sor1:CreatedAtTime>
<sor1:SnapshotDate>${snapshotDate}</sor1:SnapshotDate>
${owners.map(owner).join('\n')}
</SorTree>
`;
}
