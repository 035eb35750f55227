import type { SaxesTagNS } from 'saxes';
import type { RawSorRecord, SorLevel, SorSnapshotHeader } from '../../domain/sor/record';
import { SorFormatError, type XmlPosition } from './format-error';
import {
	createAddress as importedCreateAddress,
	createDraft as importedCreateDraft,
	resolveDraft as importedResolveDraft,
	type RawSorAddress,
	type RecordDraft,
	type ResolvedAncestor,
} from './inheritance';
import {
	El as ImportedEl,
	NS_SOR_V1,
	NS_SOR_V2,
	elementCode as importedElementCode,
	type ElementCode,
} from './xml-names';

// Module-local bindings for what is used per element. The parser worker loads this file as
// CommonJS (tsx's require hook), where every use of an imported name is a call to a getter on the
// other module's exports: ~8 % of the parse. Here it is one read each, at load.
const El = ImportedEl;
const elementCode = importedElementCode;
const createAddress = importedCreateAddress;
const createDraft = importedCreateDraft;
const resolveDraft = importedResolveDraft;

/** Callbacks for the header and each record, in document order. */
export interface SorParseHandlers {
	onHeader?(header: SorSnapshotHeader): void;
	onRecord?(raw: RawSorRecord): void;
}

/** One open `…Entity` wrapper: the only state kept per ancestor, so memory follows depth, not size. */
interface EntityFrame {
	level: SorLevel;
	xmlDepth: number;
	/** Set once the wrapper's record element has been emitted. */
	resolved: ResolvedAncestor | null;
}

// The part of a record element we are inside; decides what a field element means.
const Section = {
	None: 0,
	Address: 1,
	Virtual: 2,
	Status: 3,
	Ean: 4,
	Replaces: 5,
	ReplacedBy: 6,
} as const;
type SectionCode = (typeof Section)[keyof typeof Section];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const wrapperLevel: Partial<Record<ElementCode, SorLevel>> = {
	[El.InstitutionOwnerEntity]: 'IE',
	[El.HealthInstitutionEntity]: 'SI',
	[El.OrganizationalUnitEntity]: 'OE',
};
const recordLevel: Partial<Record<ElementCode, SorLevel>> = {
	[El.InstitutionOwner]: 'IE',
	[El.HealthInstitution]: 'SI',
	[El.OrganizationalUnit]: 'OE',
};
const recordElementName: Record<SorLevel, string> = {
	IE: 'InstitutionOwner',
	SI: 'HealthInstitution',
	OE: 'OrganizationalUnit',
};

/**
 * Turns SAX events of one SOR file into records. It keeps only the stack of open entity wrappers and
 * the record element being read, and emits each record when its element closes.
 */
export class SorTreeBuilder {
	/** Current element depth; the root is 1. Non-zero at end of input means a truncated file. */
	depth = 0;
	entitiesRead = 0;
	private readonly openNames: string[] = [];
	private readonly frames: EntityFrame[] = [];

	private formatVersion: SorSnapshotHeader['formatVersion'] | null = null;
	private snapshotDate: string | null = null;
	private createdAt: string | null = null;
	private header: SorSnapshotHeader | null = null;

	private draft: RecordDraft | null = null;
	private draftDepth = 0;
	private section: SectionCode = Section.None;
	private sectionDepth = 0;
	private address: RawSorAddress | null = null;

	/** Name of the element whose start or end tag was read last, for error messages. */
	lastElement = '';

	/** Code of the leaf element whose text is being collected; 0 when text is not wanted. */
	capture: ElementCode = El.Unknown;
	private captureDepth = 0;
	text = '';

	constructor(
		private readonly handlers: SorParseHandlers,
		private readonly position: () => XmlPosition,
	) {}

	/** Whether the root element has been seen. */
	get sawRoot(): boolean {
		return this.formatVersion !== null;
	}

	/** Name of the innermost open element, for error messages. */
	get innermostOpen(): string {
		return this.openNames[this.depth] ?? '';
	}

	/** Handles a start tag (saxes `opentag`). */
	onOpen(tag: SaxesTagNS): void {
		const d = ++this.depth;
		this.openNames[d] = tag.name;
		this.lastElement = tag.name;
		if (d === 1) {
			this.checkRoot(tag);
			return;
		}
		const code = elementCode(tag.uri, tag.local);
		if (code === El.Unknown) return;
		if (this.draft !== null) {
			// Children sit beside their parent's record element; inside it they would be lost silently.
			if (code >= El.InstitutionOwnerEntity && code <= El.OrganizationalUnit) {
				this.fail(
					`${tag.name} står inde i ${this.openNames[this.draftDepth]}, hvor det ikke er tilladt`,
				);
			}
			if (d === this.draftDepth + 1) this.openRecordChild(code, d);
			else if (this.section !== Section.None) this.openSectionChild(code, d);
			return;
		}
		switch (code) {
			case El.CreatedAtTime:
			case El.SnapshotDate:
				if (d === 2) this.startCapture(code, d);
				return;
			case El.InstitutionOwnerEntity:
			case El.HealthInstitutionEntity:
			case El.OrganizationalUnitEntity:
				this.openWrapper(code, d, tag.name);
				return;
			case El.InstitutionOwner:
			case El.HealthInstitution:
			case El.OrganizationalUnit:
				this.openRecord(code, d, tag.name);
				return;
			default:
				return;
		}
	}

	/** Handles an end tag (saxes `closetag`); emits the record when its element ends. */
	onClose(tag: SaxesTagNS): void {
		const d = this.depth--;
		this.lastElement = tag.name;
		if (this.capture !== El.Unknown) {
			if (d === this.captureDepth) {
				this.assign(this.capture, this.text.trim());
				this.capture = El.Unknown;
				this.text = '';
			}
			return;
		}
		if (this.draft !== null) {
			if (d === this.sectionDepth && this.section !== Section.None) {
				this.section = Section.None;
				this.address = null;
			} else if (d === this.draftDepth) {
				this.emit(this.draft);
			}
			return;
		}
		const top = this.frames[this.frames.length - 1];
		if (top !== undefined && d === top.xmlDepth) {
			if (top.resolved === null) {
				this.fail(`${this.openNames[d]} lukkes uden et ${recordElementName[top.level]}-element`);
			}
			this.frames.pop();
		} else if (d === 1) {
			this.ensureHeader();
		}
	}

	/** The header, once the root is closed (or the first owner has been seen). */
	finish(): SorSnapshotHeader {
		return this.ensureHeader();
	}

	private checkRoot(tag: SaxesTagNS): void {
		if (tag.local === 'SorTree' && tag.uri === NS_SOR_V2) this.formatVersion = 'v2';
		else if (tag.local === 'SorTree' && tag.uri === NS_SOR_V1) this.formatVersion = 'v1';
		else {
			const found = tag.uri === '' ? tag.local : `${tag.local} (navnerum '${tag.uri}')`;
			throw new SorFormatError(
				`Filen er ikke et SOR-udtræk: rodelementet er ${found}, forventede SorTree ` +
					`i navnerummet '${NS_SOR_V2}' (eller '${NS_SOR_V1}' for det gamle v1-format)`,
				{ position: this.position() },
			);
		}
	}

	private openWrapper(code: ElementCode, d: number, name: string): void {
		const level = wrapperLevel[code] as SorLevel;
		const parent = this.frames[this.frames.length - 1];
		const placedRight =
			level === 'IE'
				? d === 2
				: parent !== undefined &&
					d === parent.xmlDepth + 1 &&
					parent.resolved !== null &&
					(level === 'SI' ? parent.level === 'IE' : parent.level !== 'IE');
		if (!placedRight) {
			const where = parent === undefined ? 'SorTree' : this.openNames[parent.xmlDepth];
			this.fail(`${name} står et sted, hvor det ikke er tilladt (inde i ${where})`);
		}
		if (level === 'IE') this.ensureHeader();
		this.frames.push({ level, xmlDepth: d, resolved: null });
	}

	private openRecord(code: ElementCode, d: number, name: string): void {
		const level = recordLevel[code] as SorLevel;
		const frame = this.frames[this.frames.length - 1];
		if (
			frame === undefined ||
			frame.level !== level ||
			d !== frame.xmlDepth + 1 ||
			frame.resolved !== null
		) {
			this.fail(`${name} står et sted, hvor det ikke er tilladt`);
		}
		this.draft = createDraft(level);
		this.draftDepth = d;
	}

	private openRecordChild(code: ElementCode, d: number): void {
		const draft = this.draft as RecordDraft;
		switch (code) {
			case El.SorIdentifier:
			case El.EntityName:
			case El.EntityTypeIdentifier:
			case El.CvrNumber:
				this.startCapture(code, d);
				return;
			case El.PostalAddressInformation:
				this.address = draft.postalAddress = createAddress();
				this.enterSection(Section.Address, d);
				return;
			case El.VisitingAddressInformation:
				this.address = draft.visitingAddress = createAddress();
				this.enterSection(Section.Address, d);
				return;
			case El.VirtualAddressInformation:
				draft.hasVirtualAddress = true;
				this.enterSection(Section.Virtual, d);
				return;
			case El.SorStatus:
				this.enterSection(Section.Status, d);
				return;
			case El.EanLocationCodeEntity:
			case El.EanLocationCodeOption:
				this.enterSection(Section.Ean, d);
				return;
			case El.ReplacesEntityCollection:
				this.enterSection(Section.Replaces, d);
				return;
			case El.ReplacedByEntityCollection:
				this.enterSection(Section.ReplacedBy, d);
				return;
			default:
				return;
		}
	}

	private openSectionChild(code: ElementCode, d: number): void {
		switch (this.section) {
			case Section.Address:
				// Address parts sit either directly in the section or inside xkom:AddressPostal.
				if (code >= El.StreetName && code <= El.CoordEast) this.startCapture(code, d);
				return;
			case Section.Virtual:
				if (
					code === El.TelephoneNumberIdentifier ||
					code === El.EmailAddressIdentifier ||
					code === El.Website
				) {
					this.startCapture(code, d);
				}
				return;
			case Section.Status:
				if (d === this.sectionDepth + 1 && code >= El.FirstFromDate && code <= El.UpdatedAt) {
					this.startCapture(code, d);
				}
				return;
			case Section.Ean:
				// The EAN entity's own SorStatus is deliberately not captured: it is not the unit's.
				if (code === El.EanLocationCode || code === El.EanInheritanceIndicator) {
					this.startCapture(code, d);
				}
				return;
			case Section.Replaces:
			case Section.ReplacedBy:
				if (code === El.SorIdentifier) this.startCapture(code, d);
				return;
			default:
				return;
		}
	}

	private enterSection(section: SectionCode, d: number): void {
		this.section = section;
		this.sectionDepth = d;
	}

	private startCapture(code: ElementCode, d: number): void {
		this.capture = code;
		this.captureDepth = d;
		this.text = '';
	}

	private assign(code: ElementCode, value: string): void {
		const orNull = value === '' ? null : value;
		if (this.draft === null) {
			if (code === El.SnapshotDate) this.snapshotDate = value;
			else if (code === El.CreatedAtTime) this.createdAt = orNull;
			return;
		}
		const draft = this.draft;
		const address = this.address;
		switch (code) {
			case El.SorIdentifier:
				if (this.section === Section.Replaces) {
					if (orNull !== null) draft.replaces.push(orNull);
				} else if (this.section === Section.ReplacedBy) {
					if (orNull !== null) draft.replacedBy.push(orNull);
				} else draft.sorId = value;
				return;
			case El.EntityName:
				draft.name = value;
				return;
			case El.EntityTypeIdentifier:
				draft.entityTypeCode = orNull;
				return;
			case El.CvrNumber:
				draft.cvr = orNull;
				return;
			case El.TelephoneNumberIdentifier:
				draft.phone = orNull;
				return;
			case El.EmailAddressIdentifier:
				draft.email = orNull;
				return;
			case El.Website:
				draft.website = orNull;
				return;
			case El.EanLocationCode:
				draft.eanLocationCode = orNull;
				return;
			case El.EanInheritanceIndicator:
				draft.eanInherited = value === 'true' || value === '1';
				return;
			// SOR writes dates, but UpdatedAt and friends may carry a time: keep the date part.
			case El.FirstFromDate:
				draft.firstFromDate = value.slice(0, 10);
				return;
			case El.FromDate:
				draft.fromDate = orNull === null ? null : orNull.slice(0, 10);
				return;
			case El.ToDate:
				draft.toDate = orNull === null ? null : orNull.slice(0, 10);
				return;
			case El.UpdatedAt:
				draft.updatedAt = orNull === null ? null : orNull.slice(0, 10);
				return;
			default:
				if (address !== null) this.assignAddressPart(address, code, orNull);
		}
	}

	private assignAddressPart(address: RawSorAddress, code: ElementCode, value: string | null): void {
		switch (code) {
			case El.StreetName:
				address.street = value;
				return;
			case El.StreetBuildingIdentifier:
				address.houseNumber = value;
				return;
			case El.FloorIdentifier:
				address.floor = value;
				return;
			case El.SuiteIdentifier:
				address.door = value;
				return;
			case El.PostCodeIdentifier:
				address.postcode = value;
				return;
			case El.DistrictName:
				address.district = value;
				return;
			case El.MunicipalityCode:
				address.municipalityCode = value;
				return;
			case El.StreetCode:
				address.streetCode = value;
				return;
			// An unparsable coordinate becomes NaN, which validation rejects instead of hiding.
			case El.CoordNorth:
				address.etrsNorth = value === null ? null : Number(value);
				return;
			case El.CoordEast:
				address.etrsEast = value === null ? null : Number(value);
				return;
			default:
				return;
		}
	}

	private emit(draft: RecordDraft): void {
		const frames = this.frames;
		const own = frames[frames.length - 1] as EntityFrame;
		const parent = frames.length > 1 ? (frames[frames.length - 2] as EntityFrame).resolved : null;
		const { record, resolved } = resolveDraft(draft, parent);
		own.resolved = resolved;
		this.draft = null;
		this.section = Section.None;
		this.address = null;
		this.entitiesRead++;
		this.handlers.onRecord?.(record);
	}

	private ensureHeader(): SorSnapshotHeader {
		if (this.header !== null) return this.header;
		if (this.formatVersion === null) {
			throw new SorFormatError('Filen indeholder ikke noget SorTree-rodelement');
		}
		if (this.snapshotDate === null) {
			this.fail('SnapshotDate mangler før første InstitutionOwnerEntity');
		}
		const snapshotDate = this.snapshotDate.slice(0, 10);
		if (!ISO_DATE.test(snapshotDate)) {
			this.fail(`SnapshotDate er ikke en dato på formen ÅÅÅÅ-MM-DD: '${this.snapshotDate}'`);
		}
		this.header = { snapshotDate, createdAt: this.createdAt, formatVersion: this.formatVersion };
		this.handlers.onHeader?.(this.header);
		return this.header;
	}

	private fail(message: string): never {
		throw new SorFormatError(message, { position: this.position() });
	}
}
