/**
 * @hermetic/babel-preset: the Hermetic compiler as a Babel preset. Each ES
 * module becomes its record plus a CommonJS registration (see
 * emit-commonjs.ts), and runs, linked by @hermetic/runtime, in a fresh global
 * per test file under babel-jest (see fresh-global-runtime.ts).
 *
 * ```js
 * // jest.config.cjs
 * module.exports = { transform: { '\\.[jt]sx?$': ['babel-jest', { presets: ['@hermetic/babel-preset'] }] } };
 * ```
 *
 * TypeScript and JSX work when their presets run in the same config: the
 * preset compiles the module after every other plugin has run.
 */
import { parse } from '@babel/parser';
import { compileModule } from '@hermetic/module-source';
import { transformFromAstSync, type NodePath, type PluginObj, type PluginPass } from '@babel/core';
import type * as BabelTypes from '@babel/types';
import { emitCommonJs } from './emit-commonjs.js';

/** Options of the preset. */
export interface HermeticPresetOptions {
  /** Files (absolute paths) matching this are left to the rest of the config. */
  exclude?: RegExp;
}

const PLAIN_JS = /\.[mc]?js$/;

function printed(program: BabelTypes.Program, filename: string): string {
  // The other plugins (TypeScript, JSX) already ran on this AST: print it back.
  const file = { type: 'File', program, comments: [] } as unknown as BabelTypes.File;
  const result = transformFromAstSync(file, undefined, { configFile: false, babelrc: false, code: true, ast: false, filename });
  if (result?.code == null) throw new Error(`@hermetic/babel-preset: could not print ${filename}`);
  return result.code;
}

function hermeticPlugin(_api: unknown, options: HermeticPresetOptions = {}): PluginObj<PluginPass> {
  return {
    name: 'hermetic',
    visitor: {
      Program: {
        exit(path: NodePath<BabelTypes.Program>, state: PluginPass) {
          const filename = state.filename ?? 'unknown.js';
          if (options.exclude?.test(filename)) return;
          if (path.node.sourceType !== 'module') return;
          const text = PLAIN_JS.test(filename) ? state.file.code : printed(path.node, filename);
          const compiled = compileModule(text, { specifier: filename, format: 'expression' });
          for (const warning of compiled.warnings) console.warn(`@hermetic/babel-preset: ${warning}`);
          const output = parse(emitCommonJs(compiled.code, compiled.bindings, text), { sourceType: 'script' });
          path.node.body = output.program.body;
          path.node.directives = output.program.directives;
          path.node.sourceType = 'script';
          path.skip();
        },
      },
    },
  };
}

/** The preset: `presets: [['@hermetic/babel-preset', { exclude }]]`. */
export default function hermeticPreset(_api: unknown, options: HermeticPresetOptions = {}): { plugins: unknown[] } {
  return { plugins: [[hermeticPlugin, options]] };
}

export { hermeticPlugin };
