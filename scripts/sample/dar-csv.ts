/**
 * Serialises DAR access addresses in DAWA's adgangsadresse CSV layout, with exactly the header of
 * the klauspost/dawa sample (shared data: klauspost_dawa__sample_adgangsadresser.csv).
 * WGS84 coordinates are derived from the ETRS89/UTM32 point with the generator's own inverse
 * projection. Administrative districts (sogn, politikreds, retskreds, opstillingskreds) are
 * plausible, not authoritative.
 */
import { utm32ToWgs84 } from './geo.ts';
import type { DarAddress } from './model.ts';

export const DAR_CSV_HEADER =
	'id,status,oprettet,ændret,vejkode,vejnavn,husnr,supplerendebynavn,postnr,postnrnavn,kommunekode,kommunenavn,ejerlavkode,ejerlavnavn,matrikelnr,esrejendomsnr,etrs89koordinat_øst,etrs89koordinat_nord,wgs84koordinat_bredde,wgs84koordinat_længde,nøjagtighed,kilde,tekniskstandard,tekstretning,adressepunktændringsdato,ddkn_m100,ddkn_km1,ddkn_km10,kvh,regionskode,regionsnavn,sognekode,sognenavn,politikredskode,politikredsnavn,retskredskode,retskredsnavn,opstillingskredskode,opstillingskredsnavn,zone';

const POLICE: Record<string, [string, string, string, string]> = {
	'1460': ['1460', 'Nordjyllands Politi', '1180', 'Retten i Aalborg'],
	'1461': ['1461', 'Østjyllands Politi', '1165', 'Retten i Aarhus'],
	'1462': ['1462', 'Midt- og Vestjyllands Politi', '1171', 'Retten i Herning'],
	'1463': ['1463', 'Sydøstjyllands Politi', '1163', 'Retten i Horsens'],
	'1464': ['1464', 'Syd- og Sønderjyllands Politi', '1152', 'Retten i Esbjerg'],
	'1465': ['1465', 'Fyns Politi', '1145', 'Retten i Odense'],
	'1466': ['1466', 'Sydsjællands og Lolland-Falsters Politi', '1133', 'Retten i Næstved'],
	'1467': ['1467', 'Midt- og Vestsjællands Politi', '1131', 'Retten i Roskilde'],
	'1468': ['1468', 'Nordsjællands Politi', '1112', 'Retten i Hillerød'],
	'1469': ['1469', 'Københavns Vestegns Politi', '1111', 'Retten i Glostrup'],
	'1470': ['1470', 'Københavns Politi', '1101', 'Københavns Byret'],
	'1471': ['1471', 'Bornholms Politi', '1146', 'Retten på Bornholm'],
};

const POLICE_BY_KOMMUNE: Record<string, string> = {
	'0101': '1470',
	'0147': '1470',
	'0155': '1470',
	'0185': '1470',
	'0400': '1471',
	'0773': '1462',
	'0787': '1462',
};
const POLICE_BY_LIST: [string, string[]][] = [
	['1461', ['0706', '0707', '0710', '0727', '0730', '0741', '0746', '0751']],
	['1462', ['0657', '0661', '0665', '0671', '0740', '0756', '0760', '0779', '0791']],
	['1463', ['0615', '0766', '0630', '0607', '0621', '0530']],
	['1464', ['0510', '0540', '0550', '0561', '0563', '0573', '0575', '0580']],
	['1466', ['0320', '0336', '0360', '0370', '0376', '0390', '0259']],
	[
		'1468',
		[
			'0157',
			'0159',
			'0173',
			'0190',
			'0201',
			'0210',
			'0217',
			'0219',
			'0223',
			'0230',
			'0240',
			'0250',
			'0260',
			'0270',
		],
	],
	[
		'1469',
		[
			'0151',
			'0153',
			'0161',
			'0163',
			'0165',
			'0167',
			'0169',
			'0175',
			'0183',
			'0187',
			'0253',
			'0269',
		],
	],
];

function policeDistrict(kommune: string, region: string): [string, string, string, string] {
	let code =
		POLICE_BY_KOMMUNE[kommune] ?? POLICE_BY_LIST.find(([, list]) => list.includes(kommune))?.[0];
	if (!code) code = region === '1081' ? '1460' : region === '1083' ? '1465' : '1467';
	return POLICE[code] as [string, string, string, string];
}

export function csvField(value: string): string {
	return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One CSV line (with trailing newline) for an access address. */
export function darCsvRow(a: DarAddress): string {
	const { lat, lon } = utm32ToWgs84(a.east, a.north);
	const [policeCode, policeName, courtCode, courtName] = policeDistrict(
		a.municipalityCode,
		a.regionCode,
	);
	const n = Math.floor(a.north);
	const e = Math.floor(a.east);
	const town = a.postcodeName.replace(/ (C|K|V|N|S|Ø|NV|NØ|SV|SØ|J|M|Sj|F)$/, '');
	const cells = [
		a.id,
		String(a.status),
		a.created,
		a.changed,
		a.streetCode,
		a.streetName,
		a.houseNumber,
		a.supplementaryTownName,
		a.postcode,
		a.postcodeName,
		a.municipalityCode,
		a.municipalityName,
		a.cadastralDistrictCode,
		a.cadastralDistrictName,
		a.cadastralNumber,
		a.propertyNumber,
		a.east.toFixed(2),
		a.north.toFixed(2),
		lat.toFixed(8),
		lon.toFixed(8),
		'A',
		'5',
		'TD',
		'200',
		`${a.created.slice(0, 10)}T00:00:00.000`,
		`100m_${Math.floor(n / 100)}_${Math.floor(e / 100)}`,
		`1km_${Math.floor(n / 1000)}_${Math.floor(e / 1000)}`,
		`10km_${Math.floor(n / 10000)}_${Math.floor(e / 10000)}`,
		`${a.municipalityCode}${a.streetCode}${a.houseNumber.padStart(4, '_')}`,
		a.regionCode,
		a.regionName,
		String(7000 + (Number(a.postcode) % 2000)),
		town,
		policeCode,
		policeName,
		courtCode,
		courtName,
		`0${a.municipalityCode.slice(1)}`,
		a.municipalityName,
		a.zone,
	];
	return `${cells.map(csvField).join(',')}\n`;
}
