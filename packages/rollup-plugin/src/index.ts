/**
 * @hermetic/rollup-plugin: every npm package of a Rollup bundle in its own
 * compartment, under a LavaMoat-compatible policy. Put it after the plugins
 * that turn sources into JavaScript (TypeScript, JSX, `@rollup/plugin-commonjs`,
 * replacements): its transform runs last (`order: 'post'`) anyway. CommonJS
 * files of packages are compiled as they are loaded (`load`, `order: 'pre'`),
 * before `@rollup/plugin-commonjs` wraps them, so their bodies run against
 * their package's global too.
 *
 * ```js
 * import { hermetic } from '@hermetic/rollup-plugin';
 * export default { input: 'src/main.js', output: { dir: 'dist', format: 'es' },
 *                  plugins: [nodeResolve(), commonjs(), hermetic()] };
 * ```
 */
import type { Plugin, PluginContext, ResolveIdHook, ResolveIdResult, TransformPluginContext } from 'rollup';
import { HermeticBuild, asVirtualId, hasPolicyPlaceholder, injectPolicy, type HermeticOptions, type RequestKind } from '@hermetic/bundler-core';

export type { HermeticOptions } from '@hermetic/bundler-core';

/** Hermetic's virtual modules (bootstrap, lockdown, scope and deny modules): `hermetic:…`, as Rollup ids `\0hermetic:…`. */
// (@rollup/plugin-commonjs wraps a required virtual module's id once more: `\0\0hermetic:…?commonjs-proxy`.)
const isVirtual = (id: string | undefined): id is string => id !== undefined && /^\0+hermetic:/.test(id);

type ResolveIdOptions = Parameters<ResolveIdHook>[2];

/**
 * True for the resolution of a CommonJS `require`: @rollup/plugin-commonjs
 * marks its requests with `custom['node-resolve'].isRequire`; Rolldown (Vite)
 * passes `kind: 'require-call'`.
 */
function isRequire(options: ResolveIdOptions): boolean {
  const custom = options.custom as { 'node-resolve'?: { isRequire?: boolean } } | undefined;
  return custom?.['node-resolve']?.isRequire === true || (options as { kind?: string }).kind === 'require-call';
}

/** Marks the resolutions Hermetic asks for itself (its transform's, its own checks'), which are not checked again. */
const INTERNAL = { hermetic: true };
/**
 * True for the resolutions Hermetic asks for itself, and for @rollup/plugin-node-resolve handing its
 * answer (`resolved`) to the other plugins once more: neither is a new request of the module.
 */
function isInternal(options: ResolveIdOptions): boolean {
  const custom = options.custom as { hermetic?: boolean; 'node-resolve'?: { resolved?: unknown } } | undefined;
  return custom?.hermetic === true || custom?.['node-resolve']?.resolved !== undefined;
}

/** The kind of a request from its resolve options (Rolldown passes `kind`; Rollup marks requires only, and calls resolveDynamicImport for `import()`). */
function requestKind(options: ResolveIdOptions): RequestKind | 'other' {
  if (isRequire(options)) return 'require';
  const kind = (options as { kind?: string }).kind;
  if (kind === 'dynamic-import') return 'dynamic';
  return kind === undefined || kind === 'import-statement' ? 'static' : 'other';
}

/** The file of a module id: Vite's dev server adds `?v=<hash>` to the ids of dependencies it serves. */
function withoutVersionQuery(id: string): string {
  return id.replace(/\?v=[\w.-]+$/, '');
}

/**
 * Resolves a request from a compartmentalized module with the other resolvers and checks it against
 * the policy ({@link HermeticBuild.checkRequest}): the resolution, a stub in place of a denied target,
 * or a build error.
 */
async function checked(
  context: PluginContext, build: HermeticBuild, source: string, importer: string, kind: RequestKind, options: ResolveIdOptions,
): Promise<ResolveIdResult> {
  const refused = build.refusedRequest(importer, source);
  if (refused !== undefined) context.error(refused);
  const resolved = await context.resolve(source, importer, { ...options, skipSelf: true });
  if (resolved === null) return null;
  const answer = build.checkRequest(importer, source, { id: resolved.id, external: resolved.external !== false }, kind);
  if (answer.action === 'error') context.error(answer.message);
  if (answer.warning !== undefined) context.warn(answer.warning);
  return answer.action === 'stub' ? answer.stubId : resolved;
}

/** Options of the Rollup plugin. */
export interface HermeticRollupOptions extends HermeticOptions {
  /** Called with the final policy when the bundle is generated. */
  onPolicy?: (policyJson: string, build: HermeticBuild) => void;
  /** Leave the policy's grant warnings to another build of the same app (the Vite plugin's worker builds). */
  quietPolicy?: boolean;
}

/** Creates the plugin (also used, through @hermetic/vite-plugin, by Vite's build). */
export function hermetic(options: HermeticRollupOptions = {}): Plugin {
  let core: HermeticBuild | undefined;
  const current = (): HermeticBuild => (core ??= new HermeticBuild(options));
  return {
    name: 'hermetic',
    buildStart() {
      // Keep the build across watch rebuilds (usages of unchanged modules stay valid); make it on first use.
      const warning = current().serveWarning();
      if (warning !== undefined) this.warn(warning);
      current().buildStarting();
    },
    watchChange(id) {
      core?.invalidate(id);
    },
    resolveId: {
      // Before other resolvers (@rollup/plugin-commonjs answers for its own wrapper modules).
      order: 'pre',
      async handler(this: PluginContext, source: string, importer: string | undefined, resolveOptions: ResolveIdOptions) {
        const build = current();
        const virtualId = asVirtualId(source);
        if (virtualId !== undefined) {
          const refused = build.virtualRequestError(virtualId, importer, isVirtual(importer));
          if (refused !== undefined) this.error(refused);
          return '\0' + virtualId;
        }
        if (isVirtual(importer)) {
          const paths = build.runtimePaths();
          if (source === '@hermetic/bundler-core/bootstrap') return paths.bootstrap;
          if (source === 'ses' && paths.ses !== undefined) return paths.ses;
        }
        if (importer === undefined || isInternal(resolveOptions) || !build.confines(importer)) return null;
        const kind = requestKind(resolveOptions);
        return checked(this, build, source, importer, kind === 'other' ? 'dynamic' : kind, resolveOptions);
      },
    },
    resolveDynamicImport: {
      order: 'pre',
      async handler(this: PluginContext, specifier: string | object, importer: string) {
        const build = current();
        if (typeof specifier !== 'string') {
          // The compiler turns a computed import() of package code into a rejection: one left here was not compiled.
          if (build.confines(importer)) this.error(`Hermetic: ${importer} has an import() whose specifier is not a string, which the policy cannot check.`);
          return null;
        }
        if (asVirtualId(specifier) !== undefined || !build.confines(importer)) return null;
        return checked(this, build, specifier, importer, 'dynamic', { attributes: {}, custom: {}, isEntry: false } as unknown as ResolveIdOptions);
      },
    },
    load: {
      // CommonJS of a compartmentalized package is compiled as it is read, before any transform:
      // @rollup/plugin-commonjs (or Rolldown) still wraps and links it, but its body runs against its
      // package's global. `process.env.NODE_ENV` is left as written for replace/define steps.
      order: 'pre',
      async handler(this: PluginContext, id: string) {
        const build = current();
        if (isVirtual(id)) return build.virtualModuleSource(id.slice(1)) ?? null;
        const stub = build.requireStubSource(id);
        if (stub !== undefined) return stub;
        const original = /\.c?js$/.test(id) ? await build.commonJSText(id) : undefined;
        if (original === undefined) return null;
        const result = await build.transformCommonJS(id, original);
        for (const warning of result.warnings) this.warn(warning);
        return { code: result.code, map: result.map ?? null };
      },
    },
    transform: {
      order: 'post',
      async handler(this: TransformPluginContext, code: string, requestId: string) {
        const build = current();
        const id = withoutVersionQuery(requestId);
        // (Only asked in hardened mode: Vite's dev server does not know which modules are entries.)
        const entryPrefix = build.entryPrefix() !== '' && this.getModuleInfo(id)?.isEntry === true ? build.entryPrefix() : '';
        if (!build.isCompartmentalized(id)) {
          // A trusted entry, as written, after the lockdown import (hardened mode; on line 1, so lines keep their numbers).
          if (entryPrefix === '') return null;
          return { code: entryPrefix + code, map: null };
        }
        const result = await build.transform(id, code, async (specifier) => {
          const resolved = await this.resolve(specifier, requestId, { custom: INTERNAL });
          if (resolved === null) return null;
          return { id: resolved.id, external: resolved.external !== false };
        });
        for (const warning of result.warnings) this.warn(warning);
        if (entryPrefix === '') return { code: result.code, map: result.map ?? null };
        return {
          code: `${entryPrefix}\n${result.code}`,
          map: result.map === undefined ? null : { ...result.map, mappings: ';' + result.map.mappings },
        };
      },
    },
    generateBundle(_outputOptions, bundle) {
      if (options.quietPolicy !== true) for (const warning of current().policyWarnings()) this.warn(warning);
      const texts = Object.values(bundle).map((output) => (output.type === 'chunk' ? output.code : ''));
      const missing = current().missingLockdownError(texts);
      if (missing !== undefined) this.error(missing);
    },
    renderChunk(code) {
      if (!hasPolicyPlaceholder(code)) return null;
      const build = current();
      const policyJson = build.finalPolicyJson();
      options.onPolicy?.(policyJson, build);
      return { code: injectPolicy(code, build.bundledPolicyJson()), map: null };
    },
  };
}

export default hermetic;
