import { defineMiddleware, sequence } from 'astro:middleware';
import { registerDb } from './lib/server/runtime';
import { PublicRegisterService } from './lib/server/services/public-register';

// Strict policy: no inline script or style anywhere (astro.config.mjs turns inlining off).
const CONTENT_SECURITY_POLICY = [
	"default-src 'self'",
	"script-src 'self'",
	"style-src 'self'",
	"img-src 'self' data:",
	"object-src 'none'",
	"base-uri 'none'",
	"frame-ancestors 'none'",
	"form-action 'self'",
].join('; ');

const securityHeaders = defineMiddleware(async (_context, next) => {
	const response = await next();
	response.headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
	response.headers.set('X-Frame-Options', 'DENY');
	response.headers.set('Cross-Origin-Opener-Policy', 'same-origin');
	response.headers.set('Permissions-Policy', 'geolocation=(), camera=(), microphone=()');
	return response;
});

const provideServices = defineMiddleware((context, next) => {
	context.locals.services = { publicRegister: new PublicRegisterService(registerDb()) };
	return next();
});

export const onRequest = sequence(securityHeaders, provideServices);
