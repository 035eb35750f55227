/** Default namespace of the current (v2.0.0) SOR XML export. */
export const NS_SOR_V2 = 'urn:oio:nsi:2.0.0';

/** Namespace of the v1.0.0 export; v2 files keep the unchanged v1 elements in it (prefix `sor1`). */
export const NS_SOR_V1 = 'urn:oio:sundhedsstyrelsen:organisation:1.0.0';

/** The OIO core namespaces SOR borrows address parts, e-mail and CVR from (sor-format.md §2.1). */
export const NS_OIO_CORE = [
	'http://rep.oio.dk/xkom.dk/xml/schemas/2006/01/06/',
	'http://rep.oio.dk/xkom.dk/xml/schemas/2005/03/15/',
	'http://rep.oio.dk/ebxml/xml/schemas/dkcc/2003/02/13/',
	'http://rep.oio.dk/ebxml/xml/schemas/dkcc/2005/03/15/',
	'http://rep.oio.dk/ebxml/xml/schemas/dkcc/2005/05/13/',
	'http://rep.oio.dk/cpr.dk/xml/schemas/core/2005/03/18/',
	'http://rep.oio.dk/kms.dk/xml/schemas/2007/05/23/',
	'http://rep.oio.dk/osak.dk/xml/schemas/2006/04/25/',
	'http://rep.oio.dk/cvr.dk/xml/schemas/2005/03/22/',
] as const;

/**
 * Small integer codes for the elements the parser cares about; 0 means "ignore". Integers keep the
 * per-element switch cheap on files with millions of elements. The entity elements
 * (InstitutionOwnerEntity to OrganizationalUnit), the address parts (StreetName to CoordEast) and the
 * SorStatus dates (FirstFromDate to UpdatedAt) must stay contiguous ranges: the tree builder tests
 * each with one pair of comparisons.
 */
export const El = {
	Unknown: 0,
	CreatedAtTime: 1,
	SnapshotDate: 2,
	InstitutionOwnerEntity: 3,
	HealthInstitutionEntity: 4,
	OrganizationalUnitEntity: 5,
	InstitutionOwner: 6,
	HealthInstitution: 7,
	OrganizationalUnit: 8,
	SorIdentifier: 9,
	EntityName: 10,
	EntityTypeIdentifier: 11,
	CvrNumber: 12,
	PostalAddressInformation: 13,
	VisitingAddressInformation: 14,
	VirtualAddressInformation: 15,
	StreetName: 16,
	StreetBuildingIdentifier: 17,
	FloorIdentifier: 18,
	SuiteIdentifier: 19,
	PostCodeIdentifier: 20,
	DistrictName: 21,
	MunicipalityCode: 22,
	StreetCode: 23,
	CoordNorth: 24,
	CoordEast: 25,
	TelephoneNumberIdentifier: 26,
	EmailAddressIdentifier: 27,
	Website: 28,
	EanLocationCodeEntity: 29,
	EanLocationCodeOption: 30,
	EanLocationCode: 31,
	EanInheritanceIndicator: 32,
	SorStatus: 33,
	FirstFromDate: 34,
	FromDate: 35,
	ToDate: 36,
	UpdatedAt: 37,
	ReplacesEntityCollection: 38,
	ReplacedByEntityCollection: 39,
} as const;

/** One of the {@link El} codes. */
export type ElementCode = (typeof El)[keyof typeof El];

// v1 and v2 files mix the two SOR namespaces for the same fields, so both share one table.
const sorElements = new Map<string, ElementCode>([
	['CreatedAtTime', El.CreatedAtTime],
	['SnapshotDate', El.SnapshotDate],
	['InstitutionOwnerEntity', El.InstitutionOwnerEntity],
	['HealthInstitutionEntity', El.HealthInstitutionEntity],
	['OrganizationalUnitEntity', El.OrganizationalUnitEntity],
	['InstitutionOwner', El.InstitutionOwner],
	['HealthInstitution', El.HealthInstitution],
	['OrganizationalUnit', El.OrganizationalUnit],
	['SorIdentifier', El.SorIdentifier],
	['EntityName', El.EntityName],
	['EntityTypeIdentifier', El.EntityTypeIdentifier],
	// v1 names of the type code, one per level.
	['OwnerType', El.EntityTypeIdentifier],
	['InstitutionType', El.EntityTypeIdentifier],
	['UnitType', El.EntityTypeIdentifier],
	['PostalAddressInformation', El.PostalAddressInformation],
	['VisitingAddressInformation', El.VisitingAddressInformation],
	['VirtualAddressInformation', El.VirtualAddressInformation],
	['TelephoneNumberIdentifier', El.TelephoneNumberIdentifier],
	['Website', El.Website],
	['EanLocationCodeEntity', El.EanLocationCodeEntity],
	['EanLocationCodeOption', El.EanLocationCodeOption],
	['OptionalEanLocationCode', El.EanLocationCodeOption],
	['EanLocationCode', El.EanLocationCode],
	['EntityInheritanceIndicator', El.EanInheritanceIndicator],
	['EntityInheritedIndicator', El.EanInheritanceIndicator],
	['SorStatus', El.SorStatus],
	['FirstFromDate', El.FirstFromDate],
	['FromDate', El.FromDate],
	['ToDate', El.ToDate],
	['UpdatedAt', El.UpdatedAt],
	['ReplacesEntityCollection', El.ReplacesEntityCollection],
	['ReplacedByEntityCollection', El.ReplacedByEntityCollection],
]);

const oioCoreElements = new Map<string, ElementCode>([
	['StreetName', El.StreetName],
	['StreetBuildingIdentifier', El.StreetBuildingIdentifier],
	['FloorIdentifier', El.FloorIdentifier],
	['SuiteIdentifier', El.SuiteIdentifier],
	['PostCodeIdentifier', El.PostCodeIdentifier],
	['DistrictName', El.DistrictName],
	['MunicipalityCode', El.MunicipalityCode],
	['StreetCode', El.StreetCode],
	['CoordETRS89z32NMeasure', El.CoordNorth],
	['CoordETRS89z32EMeasure', El.CoordEast],
	['EmailAddressIdentifier', El.EmailAddressIdentifier],
	['CVRnumberIdentifier', El.CvrNumber],
]);

const tablesByNamespace = new Map<string, Map<string, ElementCode>>([
	[NS_SOR_V2, sorElements],
	[NS_SOR_V1, sorElements],
	...NS_OIO_CORE.map((uri): [string, Map<string, ElementCode>] => [uri, oioCoreElements]),
]);

/** The element code for a namespace URI + local name (prefixes are never looked at); 0 if unknown. */
export function elementCode(uri: string, local: string): ElementCode {
	const table = tablesByNamespace.get(uri);
	if (table === undefined) return El.Unknown;
	return table.get(local) ?? El.Unknown;
}
