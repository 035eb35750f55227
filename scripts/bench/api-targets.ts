/**
 * Extra `npm run bench:http` targets for the open-data API (issue 6): the default page of the
 * locality list (JSON, 100 records) and the whole-register locality CSV. They are held to the site
 * pages' ratio target (≥ 40 % of the bare node:http server's requests per second, no errors); their
 * p99 is reported next to the bare server's, which for a 1.5 MB CSV is far above 50 ms too.
 *
 * Both answer 200 without query parameters on any register, so nothing needs to be looked up
 * first. The bare server replays the body the API sent (its Content-Type differs, which does not
 * matter for throughput).
 */
export const API_BENCH_TARGETS: readonly string[] = [
	'/api/v1/localities',
	'/api/v1/downloads/localities.csv',
];
