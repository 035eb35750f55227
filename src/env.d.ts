/// <reference types="astro/client" />

declare namespace App {
	interface Locals {
		services: {
			publicRegister: import('./lib/server/services/public-register').PublicRegisterService;
		};
	}
}
