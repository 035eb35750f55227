import {
	inspectionOrdersCsv,
	inspectionsCsv,
	localitiesCsv,
	localitiesGeoJson,
	municipalitiesCsv,
	providersCsv,
	staffReportsCsv,
	surveyAnswersCsv,
	surveysCsv,
} from '../../../domain/open-data/downloads';
import type { DatasetItem, DownloadsItem } from '../../../domain/open-data/schemas';
import type { OpenDataRegisterRepository } from '../../repositories/open-data-register-repository';
import type { OpenDataReportingRepository } from '../../repositories/open-data-reporting-repository';
import type { ApiDataState } from './api-responder';
import type { OpenDataService } from './open-data-service';

/** A built download file. */
export interface DownloadFile {
	dataset: DatasetItem;
	body: string;
}

const CSV = 'text/csv; charset=utf-8; header=present';
const GEOJSON = 'application/geo+json';

type Source = 'register' | 'inspection' | 'survey' | 'staff';

interface DatasetSpec {
	id: string;
	file: string;
	title: string;
	description: string;
	mediaType: string;
	/** Which data the file is built from (decides its modification time). */
	source: Source;
	build: (service: OpenDataService) => { body: string; records: number };
}

const csv = <T>(rows: T[], write: (rows: T[]) => string) => ({
	body: write(rows),
	records: rows.length,
});

/** The whole-register files, one per entity. */
const DATASETS: DatasetSpec[] = [
	{
		id: 'municipalities',
		file: 'municipalities.csv',
		title: 'Kommuner',
		description: 'De 98 kommuner med region, Ældretilsyn og antal viste steder.',
		mediaType: CSV,
		source: 'register',
		build: (s) => csv(s.allMunicipalities(), municipalitiesCsv),
	},
	{
		id: 'providers',
		file: 'providers.csv',
		title: 'Helhedsplejeleverandører',
		description: 'Alle leverandører (kommunale og private) med antal steder.',
		mediaType: CSV,
		source: 'register',
		build: (s) => csv(s.allProviders(), providersCsv),
	},
	{
		id: 'localities',
		file: 'localities.csv',
		title: 'Steder',
		description:
			'Viste og lukkede helhedsplejeleverandørsteder med adresse, DAR-id, position, kommune, tilsyn og kontaktdata.',
		mediaType: CSV,
		source: 'register',
		build: (s) => csv(s.allLocalities(), localitiesCsv),
	},
	{
		id: 'localities-geojson',
		file: 'localities.geojson',
		title: 'Steder som GeoJSON',
		description: 'Stederne med position som punkter (WGS84, RFC 7946).',
		mediaType: GEOJSON,
		source: 'register',
		build: (s) => {
			const collection = localitiesGeoJson(s.allLocalities());
			return { body: JSON.stringify(collection), records: collection.features.length };
		},
	},
	{
		id: 'inspections',
		file: 'inspections.csv',
		title: 'Tilsyn',
		description: 'Ældretilsynets skriftlige tilbagemeldinger (gældende version).',
		mediaType: CSV,
		source: 'inspection',
		build: (s) => csv(s.allInspections(), inspectionsCsv),
	},
	{
		id: 'inspection-orders',
		file: 'inspection-orders.csv',
		title: 'Påbud og forbud',
		description: 'Påbud og forbud fra tilbagemeldingerne, én række pr. påbud eller forbud.',
		mediaType: CSV,
		source: 'inspection',
		build: (s) => {
			const inspections = s.allInspections();
			return {
				body: inspectionOrdersCsv(inspections),
				records: inspections.reduce((n, i) => n + i.orders.length, 0),
			};
		},
	},
	{
		id: 'surveys',
		file: 'surveys.csv',
		title: 'Brugertilfredshedsmålinger',
		description: 'Målinger pr. sted med antal spurgte og svar.',
		mediaType: CSV,
		source: 'survey',
		build: (s) => csv(s.allSurveys(), surveysCsv),
	},
	{
		id: 'survey-answers',
		file: 'survey-answers.csv',
		title: 'Svar i brugertilfredshedsmålinger',
		description:
			'Andel positive svar pr. spørgsmål. Målinger med for få svar er udeladt (som på sitet).',
		mediaType: CSV,
		source: 'survey',
		build: (s) => {
			const surveys = s.allSurveys();
			return {
				body: surveyAnswersCsv(surveys),
				records: surveys.reduce((n, survey) => n + (survey.answers?.length ?? 0), 0),
			};
		},
	},
	{
		id: 'staff-reports',
		file: 'staff-reports.csv',
		title: 'Medarbejdertal',
		description: 'Antal medarbejdere og fuldtidsstillinger pr. kategori og periode.',
		mediaType: CSV,
		source: 'staff',
		build: (s) => csv(s.allStaffReports(), staffReportsCsv),
	},
];

/** File names of the downloads, for the routes. */
export const DOWNLOAD_FILES = DATASETS.map((dataset) => dataset.file);

/**
 * The whole-register downloads and their catalogue. Files are built once per data version. A
 * file's modification time is when the data it is built from last changed: the latest import for
 * register files; for reported content, the later of its newest version and the latest import
 * (which can rename a locality the file names).
 */
export class DownloadService {
	private built: { version: string; files: Map<string, DownloadFile> } | null = null;

	constructor(
		private readonly service: OpenDataService,
		private readonly register: OpenDataRegisterRepository,
		private readonly reporting: OpenDataReportingRepository,
		private readonly state: ApiDataState,
	) {}

	/** The catalogue of every download with its modification time and record count. */
	catalogue(): DownloadsItem {
		return {
			modified: this.state.modified(),
			datasets: DATASETS.map((spec) => this.file(spec.file)!.dataset),
		};
	}

	/** One download by file name, or null. */
	file(name: string): DownloadFile | null {
		const version = this.state.version();
		if (this.built?.version !== version) this.built = { version, files: new Map() };
		const cached = this.built.files.get(name);
		if (cached) return cached;
		const spec = DATASETS.find((dataset) => dataset.file === name);
		if (!spec) return null;
		const { body, records } = spec.build(this.service);
		const file: DownloadFile = {
			dataset: {
				id: spec.id,
				title: spec.title,
				description: spec.description,
				mediaType: spec.mediaType,
				downloadUrl: `/api/v1/downloads/${spec.file}`,
				modified: this.modifiedOf(spec.source),
				records,
			},
			body,
		};
		this.built.files.set(name, file);
		return file;
	}

	private modifiedOf(source: Source): string | null {
		const imported = this.register.lastImportAt();
		const reported = source === 'register' ? null : this.reporting.lastReportedAt()[source];
		const latest = [imported, reported]
			.filter((t): t is string => t !== null)
			.sort()
			.at(-1);
		return latest ? new Date(latest).toISOString() : null;
	}
}
