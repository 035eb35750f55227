import { describe, expect, it } from 'vitest';
import { storedFileResponse } from '../../src/lib/server/services/reporting/file-response';
import {
	createWorld,
	importWorld,
	inspectionForm,
	pdfBytes,
	SOR,
	staffForm,
	surveyForm,
} from './reporting-world';

describe('ReportedContentService: what the public pages get', () => {
	it('shows survey results with kommune and national averages, suppressing small groups', async () => {
		const w = await createWorld();
		const q = 'q_tryghed-medarbejdere';
		await w.rt.surveys.create(w.aarhus, SOR.nord, surveyForm({ responded: '30', [q]: '90' }));
		await w.rt.surveys.create(w.aarhus, SOR.aaby, surveyForm({ responded: '10', [q]: '70' }));
		await w.rt.surveys.create(
			w.odder,
			SOR.odder,
			surveyForm({ name: 'BRUGERTILFREDSHED  i hjemmeplejen', responded: '4', [q]: '10' }),
		);
		// Another period of the same survey is not compared.
		await w.rt.surveys.create(w.aarhus, SOR.nord, surveyForm({ year: '2024', [q]: '10' }));

		const nord = w.rt.content.forLocality(SOR.nord)!;
		expect(nord.surveys.map((s) => s.periodLabel)).toEqual(['2025', '2024']);
		const [survey] = nord.surveys;
		expect(survey).toMatchObject({
			responded: 30,
			invited: 40,
			responseRatePct: 75,
			suppressedReason: null,
			municipalityName: 'Aarhus',
			methodLabel: 'Telefoninterview',
		});
		expect(survey!.questions[0]).toEqual({
			code: 'tryghed-medarbejdere',
			text: 'Føler du dig tryg ved de medarbejdere, der kommer i dit hjem?',
			positivePct: 90,
			// (90 · 30 + 70 · 10) / 40: weighted by the number who answered.
			municipalityAverage: { positivePct: 85, localities: 2, respondents: 40 },
			// Odder (4 answers) is left out: it is suppressed, and must not be derivable.
			nationalAverage: { positivePct: 85, localities: 2, respondents: 40 },
		});

		const odder = w.rt.content.forLocality(SOR.odder)!;
		expect(odder.surveys[0]!.suppressedReason).toMatch(/færre end 5 har svaret \(4 svar\)/);
		expect(odder.surveys[0]!.questions[0]).toMatchObject({
			positivePct: null,
			municipalityAverage: null,
			nationalAverage: { positivePct: 85 },
		});
		expect(odder.surveys[0]!.responseRatePct).toBe(10);
	});

	it('takes the suppression threshold from configuration', async () => {
		const w = await createWorld({ minRespondents: 3 });
		await w.rt.surveys.create(w.odder, SOR.odder, surveyForm({ responded: '4' }));
		const [survey] = w.rt.content.forLocality(SOR.odder)!.surveys;
		expect(survey!.suppressedReason).toBeNull();
		expect(survey!.questions[0]!.positivePct).toBe(90);
		expect(w.rt.content.forLocality(SOR.odder)!.minRespondents).toBe(3);
	});

	it('gives the latest inspection, the timeline, freshness, the 5-year cycle and corrections', async () => {
		const w = await createWorld();
		const first = await w.rt.inspections.create(
			w.midt,
			SOR.nord,
			inspectionForm({ visit_date: '2021-06-01', announced: 'ja' }),
			{ bytes: pdfBytes('a') },
		);
		await w.rt.inspections.create(
			w.midt,
			SOR.nord,
			inspectionForm({
				visit_date: '2026-09-15',
				announced: 'nej',
				status: 'paabud-givet',
				order_0_kind: 'order',
				order_0_description: 'Dokumentation',
				order_0_issued: '2026-09-20',
				order_1_kind: 'ban',
				order_1_description: 'Forbud mod X',
				order_1_issued: '2026-09-20',
				order_1_lifted: '2026-10-01',
			}),
			{ bytes: pdfBytes('b') },
		);
		if (!first.ok) throw new Error();
		w.clock.advance(3 * 86_400_000);
		await w.rt.inspections.correct(
			w.midt,
			SOR.nord,
			first.value.inspectionId,
			1,
			inspectionForm({ visit_date: '2021-06-01', correction_note: 'Forkert tema' }),
			null,
		);
		const { inspection } = w.rt.content.forLocality(SOR.nord)!;
		expect(inspection.latest).toMatchObject({
			visitDate: '2026-09-15',
			announced: false,
			status: { code: 'paabud-givet', label: 'Påbud givet' },
			corrected: null,
		});
		expect(inspection.latest!.themes.map((t) => t.label)).toEqual([
			'Den ældres selvbestemmelse',
			'Tillid til medarbejdere og den lokale ledelse',
			'Tæt samspil med pårørende, lokalsamfund og civilsamfund',
		]);
		expect(inspection.latest!.orders.map((o) => [o.kindLabel, o.open])).toEqual([
			['Påbud', true],
			['Forbud', false],
		]);
		expect(inspection.latest!.pdfUrl).toMatch(/^\/filer\/[0-9a-f]{64}$/);
		expect(inspection.earlier).toHaveLength(1);
		expect(inspection.earlier[0]!.corrected).toEqual({
			at: '2026-11-28T10:00:00.000Z',
			note: 'Forkert tema',
			corrections: 1,
		});
		// The same rule as Ældretilsynet's overview: a visit before the law took effect (1 July 2025)
		// does not start a period, so the first one runs from then.
		expect(inspection.cycle).toMatchObject({
			lastVisitDate: '2026-09-15',
			monthsSinceLastVisit: 2,
			lastAnnouncedVisitDate: '2021-06-01',
			cycleStart: '2025-07-01',
			announcedVisitDueBy: '2030-07-01',
			overdue: false,
		});
		expect(inspection.openOrders).toBe(1);
	});

	it('gives staff numbers over time with a chart, and withdrawn reports disappear', async () => {
		const w = await createWorld();
		w.rt.staff.create(w.aarhus, SOR.nord, staffForm({ part: 'K2' }));
		const q1 = w.rt.staff.create(
			w.aarhus,
			SOR.nord,
			staffForm({ part: 'K1', headcount_other: '3', fte_other: '2' }),
		);
		w.rt.staff.create(w.aarhus, SOR.nord, staffForm({ part: 'K3' }));
		const { staff } = w.rt.content.forLocality(SOR.nord)!;
		expect(staff.points.map((p) => [p.periodLabel, p.headcount, p.fullTimeEquivalents])).toEqual([
			['1. kvartal 2026', 39, 30.25],
			['2. kvartal 2026', 37, 29.25],
			['3. kvartal 2026', 37, 29.25],
		]);
		expect(staff.points[0]!.sicknessAbsencePct).toBe(6.5);
		expect(staff.chartSvg).toContain('<svg');
		expect(staff.chartSvg).toContain('K1 26');
		if (!q1.ok) throw new Error();
		w.rt.staff.withdraw(w.aarhus, SOR.nord, q1.value.reportId, 1);
		expect(w.rt.content.forLocality(SOR.nord)!.staff.points).toHaveLength(2);
		expect(w.rt.content.forLocality(SOR.odder)!.hasContent).toBe(false);
		expect(w.rt.content.forLocality('123')).toBeNull();
	});

	it('compiles a provider page: description, photos, latest inspection per locality, surveys, staff totals', async () => {
		const w = await createWorld();
		w.rt.profile.saveDescription(w.aarhus, 'kommune-0751', {
			baseVersion: 0,
			text: 'Vi er hjemmeplejen i Aarhus.\n\nLæs mere på https://aarhus.dk.',
		});
		await w.rt.surveys.create(w.aarhus, SOR.nord, surveyForm({ responded: '30' }));
		await w.rt.surveys.create(
			w.aarhus,
			SOR.aaby,
			surveyForm({ responded: '10', 'q_tryghed-medarbejdere': '70' }),
		);
		w.rt.staff.create(w.aarhus, SOR.nord, staffForm());
		w.rt.staff.create(w.aarhus, SOR.aaby, staffForm());
		await w.rt.inspections.create(w.midt, SOR.aaby, inspectionForm(), { bytes: pdfBytes() });
		const provider = w.rt.content.forProvider('kommune-0751')!;
		expect(provider.description).toHaveLength(2);
		expect(provider.description[1]!.lines[0]![1]).toEqual({
			type: 'link',
			text: 'https://aarhus.dk',
			href: 'https://aarhus.dk/',
		});
		expect(provider.localities).toEqual({ shown: 2, closed: 0 });
		expect(provider.inspections.map((i) => [i.name, i.latest?.visitDate ?? null])).toEqual([
			['Helhedspleje Nord', null],
			['Hjemmeplejen Aaby - helhedsplejeleverandørsted', '2026-10-01'],
		]);
		expect(provider.surveys[0]).toMatchObject({
			localitiesIncluded: 2,
			respondents: 40,
			questions: [
				{ code: 'tryghed-medarbejdere', average: { positivePct: 85 } },
				{ code: 'tilfredshed-samlet', average: { positivePct: 80 } },
			],
		});
		expect(provider.staffTotals[0]).toMatchObject({
			periodLabel: '1. kvartal 2026',
			localitiesReporting: 2,
			headcount: 74,
			fullTimeEquivalents: 58.5,
		});
		expect(w.rt.content.forProvider('kommune-9999')).toBeNull();
	});

	it('reopens an acknowledged duplicate when either unit changes in SOR', async () => {
		const w = await createWorld();
		const list = w.rt.duplicates.list(w.aarhus, 'kommune-0751');
		if (!list.ok) throw new Error();
		expect(list.value.items.map((i) => [i.sorId, i.relatedSorId, i.state])).toEqual([
			[SOR.aaby, SOR.aabyOriginal, 'open'],
		]);
		const problemId = list.value.items[0]!.problemId;
		expect(
			w.rt.duplicates.acknowledge(w.aarhus, 'kommune-0751', problemId, {
				reporting_unit: SOR.nord,
			}),
		).toMatchObject({ reason: 'invalid' });
		expect(w.rt.duplicates.acknowledge(w.odder, 'kommune-0751', problemId, {})).toMatchObject({
			reason: 'forbidden',
		});
		const acknowledged = w.rt.duplicates.acknowledge(w.aarhus, 'kommune-0751', problemId, {
			reporting_unit: SOR.aabyOriginal,
			note: 'Den oprindelige enhed bruges til FMK',
			base_version: '0',
		});
		expect(acknowledged.ok && acknowledged.value).toMatchObject({
			state: 'acknowledged',
			review: {
				reportingSorId: SOR.aabyOriginal,
				reportingName: 'Hjemmeplejen Aaby',
				createdByName: 'redaktoer',
				createdAt: '2026-11-25T10:00:00.000Z',
			},
		});
		// An unchanged SOR run keeps the acknowledgement.
		await importWorld(w.db, '2026-11-25');
		expect(w.rt.duplicates.statusForOwner('kommune-0751')[0]!.state).toBe('acknowledged');
		// A change to either unit reopens it, showing what was said before.
		await importWorld(w.db, '2026-11-26', { [SOR.aabyOriginal]: { phone: '87139999' } });
		const [item] = w.rt.duplicates.statusForOwner('kommune-0751');
		expect(item!.state).toBe('reopened');
		expect(item!.review?.note).toBe('Den oprindelige enhed bruges til FMK');
		const audit = w.rt.auditLog.page({ entityType: 'duplicate_review' }, 10, 0).rows;
		expect(audit.map((r) => r.action)).toEqual(['duplicate.acknowledged']);
		expect(audit[0]!.changes).toMatchObject({ reportingSorId: [null, SOR.aabyOriginal] });
	});

	it('serves a file publicly only while current published content shows it', async () => {
		const w = await createWorld();
		const created = await w.rt.inspections.create(
			w.midt,
			SOR.nord,
			inspectionForm({ visit_date: '2026-09-15' }),
			{ bytes: pdfBytes('first') },
		);
		if (!created.ok) throw new Error('inspection not created');
		const firstPdf = w.rt.content.forLocality(SOR.nord)!.inspection.latest!.pdfUrl.slice(7);
		const publicResponse = (id: string) =>
			storedFileResponse(w.rt.files, id, { publishedOnly: true }).status;
		expect(publicResponse(firstPdf)).toBe(200);

		// A correction with a new PDF: the old one stays for editors, not for the public.
		await w.rt.inspections.correct(
			w.midt,
			SOR.nord,
			created.value.inspectionId,
			1,
			inspectionForm({ visit_date: '2026-09-15', correction_note: 'Ny rapport' }),
			{ bytes: pdfBytes('second') },
		);
		const secondPdf = w.rt.content.forLocality(SOR.nord)!.inspection.latest!.pdfUrl.slice(7);
		expect(secondPdf).not.toBe(firstPdf);
		expect(publicResponse(secondPdf)).toBe(200);
		expect(publicResponse(firstPdf)).toBe(404);
		expect(storedFileResponse(w.rt.files, firstPdf).status).toBe(200);
		expect(publicResponse('0'.repeat(64))).toBe(404);
		// Held back (as an import does when the visiting address stops being valid): the locality
		// page shows nothing reported, so its PDFs are not served either.
		w.db.$client.prepare(`UPDATE localities SET published = 0 WHERE sor_id = ?`).run(SOR.nord);
		expect(publicResponse(secondPdf)).toBe(404);
		expect(publicResponse('../../etc/passwd')).toBe(404);
	});
});
