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
import type { Plugin, PluginContext, ResolveIdHook, TransformPluginContext } from 'rollup';
import { HermeticBuild, hasPolicyPlaceholder, injectPolicy, type HermeticOptions } from '@hermetic/bundler-core';

export type { HermeticOptions } from '@hermetic/bundler-core';

/** Hermetic's virtual modules (bootstrap, lockdown, scope and deny modules): `hermetic:…`, as Rollup ids `\0hermetic:…`. */
const VIRTUAL = /^hermetic:/;
const isVirtual = (id: string | undefined): id is string => id !== undefined && id.startsWith('\0hermetic:');

type ResolveIdOptions = Parameters<ResolveIdHook>[2];

/**
 * True for the resolution of a CommonJS `require`: @rollup/plugin-commonjs
 * marks its requests with `custom['node-resolve'].isRequire`; Rolldown (Vite)
 * passes `kind: 'require-call'`.
 */
function isRequire(options: ResolveIdOptions): boolean {
  const custom = options.custom as { 'node-resolve'?: { isRequire?: boolean; resolved?: unknown } } | undefined;
  // @rollup/plugin-node-resolve hands its answer (`resolved`) to the other plugins once more: that is not a new request.
  if (custom?.['node-resolve']?.resolved !== undefined) return false;
  return custom?.['node-resolve']?.isRequire === true || (options as { kind?: string }).kind === 'require-call';
}

/** The file of a module id: Vite's dev server adds `?v=<hash>` to the ids of dependencies it serves. */
function withoutVersionQuery(id: string): string {
  return id.replace(/\?v=[\w.-]+$/, '');
}

/** Options of the Rollup plugin. */
export interface HermeticRollupOptions extends HermeticOptions {
  /** Called with the final policy when the bundle is generated. */
  onPolicy?: (policyJson: string, build: HermeticBuild) => void;
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
        if (VIRTUAL.test(source)) return '\0' + source;
        if (isVirtual(importer)) {
          const paths = current().runtimePaths();
          if (source === '@hermetic/bundler-core/bootstrap') return paths.bootstrap;
          if (source === 'ses' && paths.ses !== undefined) return paths.ses;
        }
        if (importer !== undefined && isRequire(resolveOptions) && current().isCommonJSCompartmentalized(importer)) {
          // A CommonJS `require` of another package: checked against the policy, a denied target replaced by a stub.
          const resolved = await this.resolve(source, importer, { ...resolveOptions, skipSelf: true });
          if (resolved === null) return null;
          const denied = current().checkRequire(importer, source, { id: resolved.id, external: resolved.external !== false });
          if (denied === undefined) return resolved;
          this.warn(denied.warning);
          return denied.stubId;
        }
        return null;
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
          const resolved = await this.resolve(specifier, requestId);
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
