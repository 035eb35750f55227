/**
 * Extra `npm run bench:http` targets for the open-data API (issue 6): the default page of the
 * locality list (JSON, 100 records) and the whole-register locality CSV. They are held to the same
 * targets as the site pages (≥ 40 % of the bare node:http server's requests per second, p99 under
 * 50 ms at 32 connections, no errors).
 *
 * To include them, scripts/bench/http.ts adds these paths to its `targets` list:
 *
 *   import { API_BENCH_TARGETS } from './api-targets';
 *   const targets = [`/sted/${sorId}`, '/kommune/0751', '/soeg?q=aarhus', ...API_BENCH_TARGETS];
 *
 * Both answer 200 without query parameters on any register, so nothing needs to be looked up
 * first. The bare server replays the body the API sent (its Content-Type differs, which does not
 * matter for throughput).
 */
export const API_BENCH_TARGETS: readonly string[] = [
	'/api/v1/localities',
	'/api/v1/downloads/localities.csv',
];
