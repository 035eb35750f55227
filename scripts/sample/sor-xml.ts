/**
 * Serialises the model as a SOR v2 XML export, imitating the real 2019 sample
 * (shared data: v2-2019-sor-small.xml): UTF-8 BOM, CRLF line ends, tab indentation, default
 * namespace `urn:oio:nsi:2.0.0`, `sor1:` for the v1 organisation namespace and the same
 * xkom/xkom1/dkcc/dkcc2005/cpr/kms/osak/cvr prefixes. Element order follows the v1 XSDs
 * (…, VirtualAddressInformation, SorStatus, ReplacesEntityCollection, ReplacedByEntityCollection).
 */
import type { Contact, EanLocation, SorAddress, SorEntity, SorStatus } from './model.ts';

const NL = '\r\n';

const NAMESPACES =
	'xmlns:osak="http://rep.oio.dk/osak.dk/xml/schemas/2006/04/25/" ' +
	'xmlns:cpr="http://rep.oio.dk/cpr.dk/xml/schemas/core/2005/03/18/" ' +
	'xmlns:cvr="http://rep.oio.dk/cvr.dk/xml/schemas/2005/03/22/" ' +
	'xmlns:xkom="http://rep.oio.dk/xkom.dk/xml/schemas/2006/01/06/" ' +
	'xmlns:sor1="urn:oio:sundhedsstyrelsen:organisation:1.0.0" ' +
	'xmlns:dkcc="http://rep.oio.dk/ebxml/xml/schemas/dkcc/2003/02/13/" ' +
	'xmlns:dkcc2005="http://rep.oio.dk/ebxml/xml/schemas/dkcc/2005/03/15/" ' +
	'xmlns:kms="http://rep.oio.dk/kms.dk/xml/schemas/2007/05/23/" ' +
	'xmlns:xkom1="http://rep.oio.dk/xkom.dk/xml/schemas/2005/03/15/" ' +
	'xmlns:dkcc2005-2="http://rep.oio.dk/ebxml/xml/schemas/dkcc/2005/05/13/" ' +
	'xmlns="urn:oio:nsi:2.0.0"';

export function escapeXml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
}

/** Everything before the first InstitutionOwnerEntity. */
export function xmlHeader(createdAtTime: string, snapshotDate: string): string {
	return (
		'\uFEFF<?xml version="1.0" encoding="utf-8"?>' +
		NL +
		`<SorTree ${NAMESPACES}>` +
		NL +
		`\t<sor1:CreatedAtTime>${createdAtTime}</sor1:CreatedAtTime>${NL}` +
		`\t<sor1:SnapshotDate>${snapshotDate}</sor1:SnapshotDate>${NL}`
	);
}

export function xmlFooter(): string {
	return '</SorTree>';
}

class Out {
	readonly parts: string[] = [];
	constructor(private depth: number) {}

	open(name: string): void {
		this.parts.push(`${'\t'.repeat(this.depth)}<${name}>${NL}`);
		this.depth++;
	}

	close(name: string): void {
		this.depth--;
		this.parts.push(`${'\t'.repeat(this.depth)}</${name}>${NL}`);
	}

	leaf(name: string, value: string, attributes = ''): void {
		const tag = attributes ? `${name} ${attributes}` : name;
		this.parts.push(`${'\t'.repeat(this.depth)}<${tag}>${escapeXml(value)}</${name}>${NL}`);
	}
}

function status(out: Out, s: SorStatus): void {
	out.open('sor1:SorStatus');
	out.leaf('sor1:FromDate', s.fromDate);
	if (s.toDate) out.leaf('sor1:ToDate', s.toDate);
	if (s.updatedAt) out.leaf('sor1:UpdatedAt', s.updatedAt);
	out.leaf('sor1:FirstFromDate', s.firstFromDate);
	out.close('sor1:SorStatus');
}

function eanEntity(out: Out, ean: EanLocation): void {
	out.open('EanLocationCodeEntity');
	out.leaf('sor1:EanLocationCode', ean.code);
	out.leaf('sor1:OnlyInternalIndicator', 'false');
	out.leaf('sor1:NonActiveIndicator', 'false');
	out.leaf('SystemSupplierIdentifier', ean.systemSupplier);
	out.leaf('SystemTypeIdentifier', ean.systemType);
	out.leaf('CommunicationSupplierIdentifier', ean.communicationSupplier);
	out.leaf('kms:RegionCode', ean.regionCode);
	out.leaf('EdiAdministratorIdentifier', ean.ediAdministrator);
	status(out, ean.status);
	out.close('EanLocationCodeEntity');
}

function address(out: Out, element: string, a: SorAddress): void {
	out.open(element);
	out.open('xkom:AddressPostal');
	out.leaf('dkcc2005:StreetName', a.streetName);
	if (a.houseNumber !== null) out.leaf('dkcc:StreetBuildingIdentifier', a.houseNumber);
	out.leaf('dkcc2005:PostCodeIdentifier', a.dar.postcode);
	out.leaf('dkcc2005:DistrictName', a.dar.postcodeName);
	out.leaf('dkcc:CountryIdentificationCode', 'DK', 'scheme="iso3166-alpha2"');
	out.close('xkom:AddressPostal');
	if (a.withCodes) {
		out.leaf('cpr:MunicipalityCode', a.dar.municipalityCode);
		out.leaf('cpr:StreetCode', a.dar.streetCode);
	}
	if (a.withCoordinates) {
		out.leaf('kms:RegionCode', a.dar.regionCode);
		out.leaf('osak:CoordETRS89z32NMeasure', a.north.toFixed(3));
		out.leaf('osak:CoordETRS89z32EMeasure', a.east.toFixed(3));
	}
	out.close(element);
}

function virtual(out: Out, c: Contact): void {
	out.open('sor1:VirtualAddressInformation');
	if (c.email !== undefined) out.leaf('xkom1:EmailAddressIdentifier', c.email);
	if (c.website !== undefined) out.leaf('sor1:Website', c.website);
	if (c.phone !== undefined) out.leaf('sor1:TelephoneNumberIdentifier', c.phone);
	out.close('sor1:VirtualAddressInformation');
}

function replacements(out: Out, element: string, entities: SorEntity[] | undefined): void {
	if (!entities || entities.length === 0) return;
	out.open(element);
	for (const e of entities) out.leaf('sor1:SorIdentifier', e.sorId);
	out.close(element);
}

const RECORD = {
	IE: 'InstitutionOwner',
	SI: 'HealthInstitution',
	OE: 'OrganizationalUnit',
} as const;
const WRAPPER = {
	IE: 'InstitutionOwnerEntity',
	SI: 'HealthInstitutionEntity',
	OE: 'OrganizationalUnitEntity',
} as const;

function entity(out: Out, e: SorEntity): void {
	out.open(WRAPPER[e.level]);
	out.open(RECORD[e.level]);
	out.leaf('sor1:SorIdentifier', e.sorId);
	out.leaf('sor1:EntityName', e.name);
	if (e.typeCode) out.leaf('EntityTypeIdentifier', e.typeCode);
	if (e.level === 'IE') {
		if (e.ean) eanEntity(out, e.ean);
	} else {
		out.open('EanLocationCodeOption');
		if (e.ean) eanEntity(out, e.ean);
		else out.leaf('EntityInheritanceIndicator', 'true');
		out.close('EanLocationCodeOption');
	}
	if (e.postal) address(out, 'PostalAddressInformation', e.postal);
	if (e.visiting && e.level !== 'IE') address(out, 'VisitingAddressInformation', e.visiting);
	if (e.contact) virtual(out, e.contact);
	status(out, e.status);
	if (e.level === 'IE' && e.cvr) out.leaf('cvr:CVRnumberIdentifier', e.cvr);
	replacements(out, 'ReplacesEntityCollection', e.replaces);
	replacements(out, 'ReplacedByEntityCollection', e.replacedBy);
	out.close(RECORD[e.level]);
	for (const child of e.children) entity(out, child);
	out.close(WRAPPER[e.level]);
}

/** One InstitutionOwnerEntity with its whole tree, as text (indented one level below SorTree). */
export function renderOwner(owner: SorEntity): string {
	const out = new Out(1);
	entity(out, owner);
	return out.parts.join('');
}
