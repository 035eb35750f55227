/**
 * Danish names for the sample-data generator: towns (postcodes) per kommune, street names, unit,
 * company and hospital names. All organisations and people generated from these lists are
 * fictitious; postcodes, kommuner and regions are real.
 */

/**
 * Postcodes of towns in each kommune (first = the town hall's town). Checked against
 * db/reference/postnumre.csv at start-up; the postcode → kommune link is plausible, not exact
 * (postal districts cross kommune borders).
 */
export const KOMMUNE_POSTCODES: Readonly<Record<string, readonly string[]>> = {
	'0101': ['1550', '2100', '2200', '2300', '2400', '2450', '2500', '2700', '2720', '1620'],
	'0147': ['2000'],
	'0151': ['2750', '2740', '2760'],
	'0153': ['2605', '2660'],
	'0155': ['2791'],
	'0157': ['2820', '2900', '2920', '2930'],
	'0159': ['2860', '2880', '2870'],
	'0161': ['2600'],
	'0163': ['2730'],
	'0165': ['2620'],
	'0167': ['2650'],
	'0169': ['2630', '2640'],
	'0173': ['2800', '2830'],
	'0175': ['2610'],
	'0183': ['2635'],
	'0185': ['2770'],
	'0187': ['2625', '2665'],
	'0190': ['3520', '3500'],
	'0201': ['3450', '3540'],
	'0210': ['3480', '2990', '2980', '3490'],
	'0217': ['3000', '3060', '3070', '3100', '3140'],
	'0219': ['3400', '3320'],
	'0223': ['2970'],
	'0230': ['2840', '2850', '3460', '2950'],
	'0240': ['3660', '3650', '3670'],
	'0250': ['3600', '3630', '3550'],
	'0253': ['2670', '2690'],
	'0259': ['4600', '4681', '4623'],
	'0260': ['3300', '3390'],
	'0265': ['4000', '4040', '4030'],
	'0269': ['2680'],
	'0270': ['3200', '3250', '3230'],
	'0306': ['4500', '4550', '4560'],
	'0316': ['4300', '4520', '4340'],
	'0320': ['4690', '4640', '4654'],
	'0326': ['4400', '4490', '4480'],
	'0329': ['4100'],
	'0330': ['4200', '4220', '4230'],
	'0336': ['4660', '4652'],
	'0340': ['4180', '4293', '4190'],
	'0350': ['4320', '4330'],
	'0360': ['4930', '4900', '4970'],
	'0370': ['4700', '4160', '4171'],
	'0376': ['4800', '4850', '4880'],
	'0390': ['4760', '4780', '4771'],
	'0400': ['3700', '3730', '3760', '3790'],
	'0410': ['5500', '5580', '5466'],
	'0420': ['5610', '5620', '5560'],
	'0430': ['5750', '5600', '5672'],
	'0440': ['5300', '5330', '5380'],
	'0450': ['5800', '5853'],
	'0461': ['5000', '5200', '5210', '5220', '5230', '5250', '5260', '5270'],
	'0479': ['5700', '5762', '5771'],
	'0480': ['5400', '5450', '5471'],
	'0482': ['5900', '5953', '5932'],
	'0492': ['5970', '5960'],
	'0510': ['6100', '6500', '6560'],
	'0530': ['7200', '7190'],
	'0540': ['6400', '6430', '6440', '6300'],
	'0550': ['6270', '6280', '6240', '6261'],
	'0561': ['6700', '6710', '6715', '6731', '6740', '6760'],
	'0563': ['6720'],
	'0573': ['6800', '6818', '6840', '6830'],
	'0575': ['6600', '6630', '6650'],
	'0580': ['6200', '6230', '6330', '6360'],
	'0607': ['7000'],
	'0615': ['8700', '8740', '8752'],
	'0621': ['6000', '6070', '6580', '6640', '6091'],
	'0630': ['7100', '7080', '7300', '7182', '6040'],
	'0657': ['7400', '7480', '7490', '6933', '7451'],
	'0661': ['7500', '7570', '7540'],
	'0665': ['7620', '7650', '7660'],
	'0671': ['7600', '7790'],
	'0706': ['8410', '8400', '8550', '8544', '8420'],
	'0707': ['8500', '8585', '8586', '8961'],
	'0710': ['8370', '8450', '8382'],
	'0727': ['8300'],
	'0730': ['8900', '8920', '8930', '8940', '8960', '8981'],
	'0740': ['8600', '8620', '8653', '8632'],
	'0741': ['8305'],
	'0746': ['8660', '8680', '8670', '8362', '8464'],
	'0751': ['8000', '8200', '8210', '8220', '8230', '8240', '8260', '8270', '8310', '8520'],
	'0756': ['7430', '7330', '7442', '7361'],
	'0760': ['6950', '6900', '6960', '6971', '6880'],
	'0766': ['8722', '7130', '8763', '8783', '7140'],
	'0773': ['7900', '7950', '7960'],
	'0779': ['7800', '7860', '7870', '7884'],
	'0787': ['7700', '7730', '7760', '7741'],
	'0791': ['8800', '8830', '8850', '8840', '7470'],
	'0810': ['9700', '9330', '9740'],
	'0813': ['9900', '9990', '9300', '9750'],
	'0820': ['9600', '9640', '9670', '9620'],
	'0825': ['9940'],
	'0840': ['9530', '9520', '9510'],
	'0846': ['9500', '9550', '9560'],
	'0849': ['9440', '9460', '9490', '9690'],
	'0851': ['9000', '9200', '9210', '9220', '9400', '9230', '9270', '9280'],
	'0860': ['9800', '9760', '9850', '9830', '9870', '9480'],
};

/** Kommuner that get more localities (larger populations). */
export const LARGE_KOMMUNER: Readonly<Record<string, number>> = {
	'0101': 10,
	'0751': 10,
	'0461': 9,
	'0851': 9,
	'0561': 7,
	'0621': 7,
	'0630': 7,
	'0730': 7,
	'0657': 7,
	'0615': 6,
	'0740': 6,
	'0265': 6,
	'0147': 6,
	'0791': 6,
	'0370': 6,
	'0330': 6,
};

/** Small island kommuner with two localities at most. */
export const SMALL_KOMMUNER: ReadonlySet<string> = new Set([
	'0825',
	'0563',
	'0741',
	'0492',
	'0155',
]);

export const STREET_NAMES: readonly string[] = [
	'Skolevej',
	'Kirkevej',
	'Stationsvej',
	'Møllevej',
	'Nørregade',
	'Østergade',
	'Vestergade',
	'Søndergade',
	'Storegade',
	'Torvet',
	'Engvej',
	'Skovvej',
	'Bakkevej',
	'Birkevej',
	'Egevej',
	'Bøgevej',
	'Lindevej',
	'Ahornvej',
	'Granvej',
	'Kastanievej',
	'Rosenvej',
	'Syrenvej',
	'Valmuevej',
	'Tulipanvej',
	'Violvej',
	'Fasanvej',
	'Mågevej',
	'Lærkevej',
	'Drosselvej',
	'Solvej',
	'Industrivej',
	'Håndværkervej',
	'Grønnegade',
	'Enghavevej',
	'Parkvej',
	'Strandvej',
	'Havnegade',
	'Jernbanegade',
	'Bygaden',
	'Hovedgaden',
	'Kongevejen',
	'Dronningensgade',
	'Prinsensgade',
	'Ny Østergade',
	'Gl. Kongevej',
	'H.C. Andersens Vej',
	'N.P. Josiassens Vej',
	'Dr. Alexandrines Vej',
	'Sankt Peders Stræde',
	'Ågade',
	'Åvænget',
	'Ørnevej',
	'Æblehaven',
	'Ærøvej',
	'Solbakken',
	'Bøgebakken',
	'Egebjerg Allé',
	'Lindealléen',
	'Fredensvej',
	'Tværvej',
	'Markvej',
	'Agervej',
	'Kærvej',
	'Mosevej',
	'Søvej',
	'Fjordvej',
	'Vibevej',
	'Svanevej',
	'Hybenvej',
	'Nyvej',
	'Tingvej',
	'Præstevej',
	'Sygehusvej',
	'Rådhusvej',
	'Plantagevej',
	'Idrætsvej',
	'Banevej',
	'Bredgade',
	'Algade',
	'Borgergade',
	'Klostergade',
	'Slotsgade',
	'Munkegade',
	'Vænget',
	'Toften',
	'Kildevej',
	'Brøndvej',
	'Vandværksvej',
	'Gartnervej',
	'Teglværksvej',
	'Smedevej',
	'Tømrervej',
	'Åbyvej',
	'Østre Allé',
	'Vestre Ringvej',
	'Nordre Strandvej',
	'Søndre Boulevard',
	'Pilevej',
	'Hasselvej',
	'Elmevej',
	'Poppelvej',
	'Skovbrynet',
	'Engtoften',
	'Lyngvej',
	'Hedevej',
	'Klitvej',
	'Sandvej',
	'Stenvej',
	'Grusvej',
	'Bækvej',
	'Højvangen',
	'Lykkevej',
	'Carl Nielsens Vej',
	'Kaj Munks Vej',
	'Grundtvigsvej',
	'Blichersvej',
	'Niels Bohrs Vej',
];

/** Street names used for town halls. */
export const TOWN_HALL_STREETS: readonly string[] = [
	'Rådhuspladsen',
	'Rådhustorvet',
	'Torvet',
	'Rådhusvej',
	'Rådhusstræde',
];

export const DIRECTIONS: readonly string[] = [
	'Nord',
	'Syd',
	'Øst',
	'Vest',
	'Midt',
	'Centrum',
	'Nordøst',
	'Nordvest',
	'Sydøst',
	'Sydvest',
	'Land',
];

/** Names of care homes and neighbourhoods ("Plejecenter Solbakken", "Helhedspleje Egebo"). */
export const PLACE_NAMES: readonly string[] = [
	'Solbakken',
	'Egebo',
	'Lindegården',
	'Birkehaven',
	'Rosenhaven',
	'Møllehuset',
	'Kastaniehøj',
	'Bøgely',
	'Fjordglimt',
	'Skovbrynet',
	'Åhaven',
	'Toftegården',
	'Engbo',
	'Søhuset',
	'Hvidbjerg',
	'Rønnebær',
	'Kildebakken',
	'Lyngbo',
	'Vestervang',
	'Østerbo',
	'Nørrevang',
	'Sønderbo',
	'Højmarken',
	'Ådalen',
	'Bakkegården',
	'Strandhaven',
	'Mosegården',
	'Elmehøj',
	'Granly',
	'Tornhøj',
	'Grønnegården',
	'Kløverengen',
	'Poppelgården',
	'Holmegården',
	'Sankt Jørgens',
];

export const SI_NAMES: readonly string[] = [
	'Sundhed og Omsorg',
	'Ældre og Sundhed',
	'Sundheds- og Omsorgsforvaltningen',
	'Social, Sundhed og Ældre',
	'Sundhed og Ældre',
	'Omsorg og Sundhed',
	'Sundhed & Omsorg',
	'Ældre, Sundhed og Pleje',
];

export const LOCALITY_PREFIXES: readonly string[] = [
	'Helhedspleje',
	'Helhedsplejen',
	'Hjemmeplejen',
	'Hjemmepleje',
	'Område',
	'Distrikt',
	'Pleje og Omsorg',
];

/** Names of sub-units beneath a locality (teams at the same address). */
export const TEAM_NAMES: readonly string[] = [
	'Team Nord',
	'Team Syd',
	'Team Øst',
	'Team Vest',
	'Natgruppen',
	'Aftengruppen',
	'Gruppe 1',
	'Gruppe 2',
	'Gruppe 3',
	'Dagteam 1',
	'Dagteam 2',
	'Weekendteamet',
	'Rehabiliteringsteamet',
	'Demensteamet',
];

export const GIVEN_NAMES: readonly string[] = [
	'Anne',
	'Mette',
	'Hanne',
	'Susanne',
	'Lone',
	'Camilla',
	'Louise',
	'Maria',
	'Sofie',
	'Ida',
	'Peter',
	'Jens',
	'Lars',
	'Michael',
	'Henrik',
	'Søren',
	'Thomas',
	'Rasmus',
	'Mads',
	'Jakob',
	'Niels',
	'Kirsten',
	'Birgitte',
	'Torben',
];

export const SURNAMES: readonly string[] = [
	'Nielsen',
	'Jensen',
	'Hansen',
	'Pedersen',
	'Andersen',
	'Christensen',
	'Larsen',
	'Sørensen',
	'Rasmussen',
	'Jørgensen',
	'Petersen',
	'Madsen',
	'Kristensen',
	'Olsen',
	'Thomsen',
	'Christiansen',
	'Poulsen',
	'Johansen',
	'Møller',
	'Mortensen',
	'Holm',
	'Bach',
	'Dahl',
	'Lund',
];

/** Fictitious private home-care companies and the kommuner their localities lie in. */
export const PRIVATE_CARE_COMPANIES: readonly {
	name: string;
	short: string;
	domain: string;
	home: string;
	kommuner: readonly string[];
}[] = [
	{
		name: 'Omsorgsgruppen ApS',
		short: 'Omsorgsgruppen',
		domain: 'omsorgsgruppen.dk',
		home: '0101',
		kommuner: ['0101', '0147', '0157', '0101', '0167', '0175'],
	},
	{
		name: 'Hjemmehjælp Danmark A/S',
		short: 'Hjemmehjælp Danmark',
		domain: 'hjemmehjaelp-danmark.dk',
		home: '0751',
		kommuner: ['0751', '0746', '0730', '0740', '0751', '0727', '0461', '0851'],
	},
	{
		name: 'Pleje & Trivsel ApS',
		short: 'Pleje & Trivsel',
		domain: 'plejeogtrivsel.dk',
		home: '0461',
		kommuner: ['0461', '0479', '0450', '0440'],
	},
	{
		name: 'Nordlys Hjemmepleje ApS',
		short: 'Nordlys Hjemmepleje',
		domain: 'nordlys-hjemmepleje.dk',
		home: '0851',
		kommuner: ['0851', '0860', '0813', '0810', '0849'],
	},
	{
		name: 'Syddansk Helhedspleje A/S',
		short: 'Syddansk Helhedspleje',
		domain: 'syddansk-helhedspleje.dk',
		home: '0621',
		kommuner: ['0621', '0540', '0580', '0510', '0607', '0630', '0561'],
	},
];

/** Fictitious private care homes (owner = the home's operator). */
export const PRIVATE_CARE_HOMES: readonly { name: string; kommune: string }[] = [
	{ name: 'Friplejehjemmet Egely', kommune: '0230' },
	{ name: 'Friplejehjemmet Kildebo', kommune: '0746' },
	{ name: 'Plejehjemmet Fjordhuset', kommune: '0710' },
	{ name: 'Friplejehjemmet Lyngtoften', kommune: '0480' },
];

export const REGION_OWNERS: Readonly<
	Record<string, { name: string; kommune: string; hospitals: readonly [string, string][] }>
> = {
	'1081': {
		name: 'Region Nordjylland',
		kommune: '0851',
		hospitals: [
			['Aalborg Universitetshospital', '0851'],
			['Regionshospital Nordjylland', '0813'],
			['Psykiatrien i Region Nordjylland', '0851'],
		],
	},
	'1082': {
		name: 'Region Midtjylland',
		kommune: '0791',
		hospitals: [
			['Aarhus Universitetshospital', '0751'],
			['Regionshospitalet Gødstrup', '0657'],
			['Regionshospitalet Randers', '0730'],
			['Regionshospitalet Horsens', '0615'],
		],
	},
	'1083': {
		name: 'Region Syddanmark',
		kommune: '0630',
		hospitals: [
			['Odense Universitetshospital', '0461'],
			['Sygehus Lillebælt', '0621'],
			['Sydvestjysk Sygehus', '0561'],
			['Sygehus Sønderjylland', '0580'],
		],
	},
	'1084': {
		name: 'Region Hovedstaden',
		kommune: '0219',
		hospitals: [
			['Rigshospitalet', '0101'],
			['Herlev og Gentofte Hospital', '0163'],
			['Bispebjerg og Frederiksberg Hospital', '0101'],
			['Nordsjællands Hospital', '0219'],
			['Bornholms Hospital', '0400'],
		],
	},
	'1085': {
		name: 'Region Sjælland',
		kommune: '0340',
		hospitals: [
			['Sjællands Universitetshospital', '0259'],
			['Holbæk Sygehus', '0316'],
			['Slagelse Sygehus', '0330'],
			['Nykøbing F. Sygehus', '0376'],
		],
	},
};

export const HOSPITAL_DEPARTMENTS: readonly string[] = [
	'Akutafdelingen',
	'Medicinsk Afdeling',
	'Kirurgisk Afdeling',
	'Ortopædkirurgisk Afdeling',
	'Hjertesygdomme',
	'Geriatrisk Afdeling',
	'Neurologisk Afdeling',
	'Børne- og Ungeafdelingen',
	'Kvindesygdomme og Fødsler',
	'Anæstesiologisk Afdeling',
	'Røntgen og Skanning',
	'Blodprøver og Biokemi',
	'Kræftafdelingen',
	'Øre-Næse-Halsafdelingen',
	'Øjenafdelingen',
	'Lungemedicinsk Afdeling',
];

export const SPECIALIST_KINDS: readonly string[] = [
	'Øjenlæge',
	'Øre-næse-halslæge',
	'Hudlæge',
	'Gynækolog',
	'Børnelæge',
	'Reumatolog',
	'Psykiater',
];

/** Lower-case ASCII slug used in domains and e-mail addresses. */
export function slug(text: string, separator = '-'): string {
	return text
		.toLowerCase()
		.replace(/æ/g, 'ae')
		.replace(/ø/g, 'oe')
		.replace(/å/g, 'aa')
		.replace(/é/g, 'e')
		.replace(/&/g, 'og')
		.replace(/[^a-z0-9]+/g, separator)
		.replace(new RegExp(`^\\${separator}+|\\${separator}+$`, 'g'), '');
}

/** The owner name SOR uses for a kommune. */
export function kommuneOwnerName(code: string, name: string): string {
	if (code === '0101') return 'Københavns Kommune';
	if (code === '0400') return 'Bornholms Regionskommune';
	return `${name} Kommune`;
}

/** The kommune's web domain ("aarhus.dk", "kk.dk"). */
export function kommuneDomain(code: string, name: string): string {
	if (code === '0101') return 'kk.dk';
	if (code === '0400') return 'brk.dk';
	return `${slug(name)}.dk`;
}
