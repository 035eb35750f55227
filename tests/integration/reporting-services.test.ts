import { beforeEach, describe, expect, it } from 'vitest';
import {
	createWorld,
	inspectionForm,
	pdfBytes,
	SOR,
	staffForm,
	surveyForm,
	type World,
} from './reporting-world';

describe('reporting services: scope, versions and audit', () => {
	let w: World;
	beforeEach(async () => {
		w = await createWorld();
	});
	const audit = (entityType: string, entityId: string) =>
		w.rt.auditLog.page({ entityType, entityId }, 100, 0).rows;

	it('keeps every staff report version with who and when, and audits old → new', () => {
		const created = w.rt.staff.create(w.aarhus, SOR.nord, staffForm());
		if (!created.ok) throw new Error(JSON.stringify(created));
		const { reportId } = created.value;
		w.clock.advance(60_000);
		expect(
			w.rt.staff.update(w.aarhus, SOR.nord, reportId, 1, staffForm({ headcount_nurses: '5' })).ok,
		).toBe(true);
		w.clock.advance(60_000);
		expect(w.rt.staff.withdraw(w.aarhus, SOR.nord, reportId, 2).ok).toBe(true);
		const report = w.rt.staff.report(w.aarhus, SOR.nord, reportId);
		if (!report.ok) throw new Error();
		expect(
			report.value.versions.map((v) => [v.version, v.deleted, v.createdAt, v.createdByName]),
		).toEqual([
			[3, true, '2026-11-25T10:02:00.000Z', 'redaktoer'],
			[2, false, '2026-11-25T10:01:00.000Z', 'redaktoer'],
			[1, false, '2026-11-25T10:00:00.000Z', 'redaktoer'],
		]);
		const entries = audit('staff_report', String(reportId));
		expect(entries.map((e) => [e.action, e.actorLabel])).toEqual([
			['staff.withdrawn', 'redaktoer@aarhus.dk'],
			['staff.corrected', 'redaktoer@aarhus.dk'],
			['staff.reported', 'redaktoer@aarhus.dk'],
		]);
		const corrected = entries[1]!.changes.lines as [unknown[], unknown[]];
		expect((corrected[0][0] as { headcount: number }).headcount).toBe(4);
		expect((corrected[1][0] as { headcount: number }).headcount).toBe(5);
		expect(entries[0]!.changes).toEqual({ deleted: [false, true] });
		// Withdrawn periods can be reported again (as a new version of the same report).
		const again = w.rt.staff.create(w.aarhus, SOR.nord, staffForm());
		expect(again.ok && again.value.reportId).toBe(reportId);
	});

	it('refuses a second report for the same period and a save on a stale version', () => {
		const created = w.rt.staff.create(w.aarhus, SOR.nord, staffForm());
		if (!created.ok) throw new Error();
		const twice = w.rt.staff.create(w.aarhus, SOR.nord, staffForm());
		expect(twice).toMatchObject({ ok: false, reason: 'invalid' });
		w.rt.staff.update(w.aarhus, SOR.nord, created.value.reportId, 1, staffForm());
		expect(
			w.rt.staff.update(
				w.aarhus,
				SOR.nord,
				created.value.reportId,
				1,
				staffForm({ fte_other: '0,5' }),
			),
		).toEqual({ ok: false, reason: 'conflict' });
	});

	it('refuses every action outside the actor’s scope, whatever the role', async () => {
		for (const actor of [w.odder, w.midt, w.syd, w.admin, null]) {
			expect(w.rt.staff.create(actor, SOR.nord, staffForm())).toMatchObject({
				reason: 'forbidden',
			});
			expect(await w.rt.surveys.create(actor, SOR.nord, surveyForm())).toMatchObject({
				reason: 'forbidden',
			});
			expect(
				w.rt.profile.saveDescription(actor, 'kommune-0751', { baseVersion: 0, text: 'x' }),
			).toMatchObject({
				reason: 'forbidden',
			});
			expect(w.rt.duplicates.list(actor, 'kommune-0751')).toMatchObject({ reason: 'forbidden' });
		}
		for (const actor of [w.syd, w.aarhus, w.odder, w.admin, null]) {
			expect(
				await w.rt.inspections.create(actor, SOR.nord, inspectionForm(), { bytes: pdfBytes() }),
			).toMatchObject({ reason: 'forbidden' });
		}
		expect(w.rt.staff.create(w.aarhus, '999999999999999', staffForm())).toMatchObject({
			reason: 'not_found',
		});
		expect(
			w.db.$client.prepare('SELECT count(*) AS n FROM audit_log WHERE category = ?').get('content'),
		).toEqual({ n: 0 });
		expect(w.rt.content.revision()).toBe(0);
	});

	it('versions surveys and refuses the same survey and period twice at one locality', async () => {
		const created = await w.rt.surveys.create(w.aarhus, SOR.nord, surveyForm());
		if (!created.ok) throw new Error(JSON.stringify(created));
		expect(
			await w.rt.surveys.create(
				w.aarhus,
				SOR.nord,
				surveyForm({ name: ' brugertilfredshed I hjemmeplejen ' }),
			),
		).toMatchObject({
			reason: 'invalid',
		});
		const updated = await w.rt.surveys.update(
			w.aarhus,
			SOR.nord,
			created.value.surveyId,
			1,
			surveyForm({ responded: '35' }),
		);
		expect(updated.ok).toBe(true);
		const entries = audit('survey', String(created.value.surveyId));
		expect(entries.map((e) => e.action)).toEqual(['survey.corrected', 'survey.reported']);
		expect(entries[0]!.changes).toEqual({ responded: [30, 35] });
	});

	it('keeps corrections of inspection feedback as versions, keeping the PDF unless replaced', async () => {
		const created = await w.rt.inspections.create(
			w.midt,
			SOR.nord,
			inspectionForm({
				order_0_kind: 'order',
				order_0_description: 'Ret medicinlisten',
				order_0_issued: '2026-10-01',
			}),
			{ bytes: pdfBytes('v1') },
		);
		if (!created.ok) throw new Error(JSON.stringify(created));
		const id = created.value.inspectionId;
		w.clock.advance(86_400_000);
		const corrected = await w.rt.inspections.correct(
			w.midt,
			SOR.nord,
			id,
			1,
			inspectionForm({
				status_text: 'Rettet tekst',
				correction_note: 'Statusteksten var forkert',
				order_0_kind: 'order',
				order_0_description: 'Ret medicinlisten',
				order_0_issued: '2026-10-01',
				order_0_lifted: '2026-11-20',
			}),
			null,
		);
		expect(corrected.ok).toBe(true);
		const view = w.rt.inspections.inspection(w.midt, SOR.nord, id);
		if (!view.ok) throw new Error();
		const [v2, v1] = view.value.versions;
		expect(v2!.pdfFileId).toBe(v1!.pdfFileId);
		expect(v2!.authorityId).toBe('tilsyn-midt');
		expect(v2!.orders[0]!.liftedOn).toBe('2026-11-20');
		expect(v1!.orders[0]!.liftedOn).toBeNull();
		const entries = audit('inspection', String(id));
		expect(entries.map((e) => e.action)).toEqual(['inspection.corrected', 'inspection.reported']);
		expect(Object.keys(entries[0]!.changes).sort()).toEqual([
			'correctionNote',
			'orders',
			'statusText',
		]);
	});

	it('requires a real PDF for new feedback and refuses text renamed to .pdf', async () => {
		const missing = await w.rt.inspections.create(w.midt, SOR.nord, inspectionForm(), null);
		expect(missing).toMatchObject({ reason: 'invalid', errors: [{ field: 'pdf' }] });
		const text = await w.rt.inspections.create(w.midt, SOR.nord, inspectionForm(), {
			bytes: new TextEncoder().encode('Dette er ikke en PDF, bare tekst.'),
		});
		expect(text).toMatchObject({
			reason: 'invalid',
			errors: [{ field: 'pdf', message: expect.stringMatching(/ikke en PDF/) }],
		});
		const huge = new Uint8Array(15 * 1024 * 1024 + 1);
		huge.set(pdfBytes());
		const tooBig = await w.rt.inspections.create(w.midt, SOR.nord, inspectionForm(), {
			bytes: huge,
		});
		expect(tooBig).toMatchObject({
			reason: 'invalid',
			errors: [{ message: expect.stringMatching(/for stor/) }],
		});
		expect(w.db.$client.prepare('SELECT count(*) AS n FROM stored_files').get()).toEqual({ n: 0 });
	});

	it('bumps the reported-content revision once per successful change, in the same transaction', async () => {
		expect(w.rt.content.revision()).toBe(0);
		w.rt.staff.create(w.aarhus, SOR.nord, staffForm());
		expect(w.rt.content.revision()).toBe(1);
		w.rt.staff.create(w.aarhus, SOR.nord, staffForm({ year: 'x' }));
		expect(w.rt.content.revision()).toBe(1);
		w.rt.profile.saveDescription(w.aarhus, 'kommune-0751', { baseVersion: 0, text: 'Hej' });
		await w.rt.surveys.create(w.aarhus, SOR.nord, surveyForm());
		expect(w.rt.content.revision()).toBe(3);
	});

	it('keeps reported content when SOR closes the locality, and shows it on its page', async () => {
		const { importWorld } = await import('./reporting-world');
		w.rt.staff.create(w.aarhus, SOR.nord, staffForm());
		await w.rt.inspections.create(w.midt, SOR.nord, inspectionForm(), { bytes: pdfBytes() });
		await importWorld(w.db, '2026-11-26', { [SOR.nord]: { to: '2026-11-25' } });
		const row = w.db.$client
			.prepare('SELECT status FROM localities WHERE sor_id = ?')
			.get(SOR.nord);
		expect(row).toEqual({ status: 'closed' });
		const content = w.rt.content.forLocality(SOR.nord);
		expect(content?.staff.points).toHaveLength(1);
		expect(content?.inspection.latest?.visitDate).toBe('2026-10-01');
		// The closed locality's content stays in the provider's compilation too.
		const provider = w.rt.content.forProvider('kommune-0751');
		expect(provider?.localities).toEqual({ shown: 1, closed: 1 });
		expect(provider?.staffTotals[0]?.headcount).toBe(37);
	});
});
