/**
 * `@hermetic/bundler-core/bootstrap`: the browser-safe start-up code that
 * every Hermetic bundle includes (see hermetic-app.ts).
 */
export { createHermeticApp } from './hermetic-app.js';
export type { HermeticApp, HermeticAppOptions, DependencyTarget, RegistrationExtras, CommonJSScope } from './hermetic-app.js';
export { HermeticPolicyError, deniedGlobalError, deniedImportError } from './denial-messages.js';
export { definePackageGlobals } from './package-globals.js';
