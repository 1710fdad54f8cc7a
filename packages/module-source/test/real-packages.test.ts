/**
 * Real packages through the compiler: every lodash-es module and preact
 * (minified, with its hooks importing it) compile, link with the test linker
 * and give the same results as native Node on a test of their APIs.
 */
import { readFileSync, readdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { MiniLinker } from './support/mini-linker.js';

const root = path.resolve(__dirname, '../../..');
const nodeModules = path.join(root, 'node_modules');

/** Runs `entry` (an ES module text printing JSON) in a real Node child. */
function runNativeJson(entry: string): unknown {
  const dir = mkdtempSync(path.join(tmpdir(), 'hermetic-real-'));
  const file = path.join(dir, 'entry.mjs');
  writeFileSync(file, entry);
  const child = spawnSync(process.execPath, [file], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(child.stderr);
  return JSON.parse(child.stdout);
}

const lodashApi = `(_) => [
  _.chunk([1, 2, 3, 4, 5], 2), _.camelCase('Foo Bar'), typeof _.debounce, _.sortBy([{ a: 3 }, { a: 1 }], 'a'),
  _.uniq([1, 1, 2]), _.merge({ a: { b: 1 } }, { a: { c: 2 } }), _.template('hi <%= name %>')({ name: 'x' }),
  _.cloneDeep({ a: [1, { b: 2 }] }), _.isEqual({ a: 1 }, { a: 1 }), _.range(5), _.groupBy([1.1, 2.3, 1.5], Math.floor),
  _.flattenDeep([1, [2, [3]]]), _.kebabCase('fooBar'), _.get({ a: { b: [1, 2] } }, 'a.b[1]'), _.intersection([1, 2], [2, 3]),
  _.memoize((x) => x * 2)(4), Object.keys(_).length, _.VERSION, _.isSymbol(Symbol()), _.toPath('a[0].b'),
  _.padStart('5', 3, '0'), _.zipObject(['a'], [1]), _.chain([1, 2, 3]).map((x) => x * 2).sum().value(),
  _.default.map([1, 2], (x) => x + 1), _.isPlainObject(Object.create(null)), _.escape('<a>'), _.words('fred, barney'),
]`;

describe('real packages compile and behave like native', () => {
  test('lodash-es: all modules, linked from lodash.js', async () => {
    const dir = path.join(nodeModules, 'lodash-es');
    const files = new Map(
      readdirSync(dir)
        .filter((f) => f.endsWith('.js'))
        .map((f) => [`./${f}`, readFileSync(path.join(dir, f), 'utf8')] as const),
    );
    expect(files.size).toBeGreaterThan(600);
    const ns = await new MiniLinker(files).import('./lodash.js');
    const compiled = JSON.parse(JSON.stringify((new Function(`return ${lodashApi}`)() as (n: object) => unknown)(ns))) as unknown;
    const native = runNativeJson(
      `import * as _ from ${JSON.stringify(pathToFileURL(path.join(dir, 'lodash.js')).href)};\nprocess.stdout.write(JSON.stringify((${lodashApi})(_)));`,
    );
    expect(compiled).toEqual(native);
  });

  test('three.js (three.module.js + three.core.js): math, scene graph and geometry agree with native', async () => {
    const build = path.join(nodeModules, 'three/build');
    const api = `(THREE) => {
      const v = new THREE.Vector3(1, 2, 3).applyMatrix4(new THREE.Matrix4().makeRotationY(Math.PI / 3)).normalize();
      const q = new THREE.Quaternion().setFromEuler(new THREE.Euler(0.1, 0.2, 0.3));
      const scene = new THREE.Scene();
      const mesh = new THREE.Mesh(new THREE.BoxGeometry(1, 2, 3), new THREE.MeshBasicMaterial({ color: 0xff0000 }));
      mesh.position.set(4, 5, 6); scene.add(mesh); scene.updateMatrixWorld(true);
      const box = new THREE.Box3().setFromObject(mesh);
      const color = new THREE.Color('hsl(120, 50%, 50%)');
      return [v.toArray().map((n) => n.toFixed(6)), q.toArray().map((n) => n.toFixed(6)), box.min.toArray(), box.max.toArray(),
        mesh.geometry.attributes.position.count, color.getHexString(), THREE.REVISION, typeof THREE.WebGLRenderer,
        Object.keys(THREE).length, scene.children.length, mesh.type];
    }`;
    const files = new Map([
      ['./three.module.js', readFileSync(path.join(build, 'three.module.js'), 'utf8')],
      ['./three.core.js', readFileSync(path.join(build, 'three.core.js'), 'utf8')],
    ]);
    const ns = await new MiniLinker(files).import('./three.module.js');
    const compiled = JSON.parse(JSON.stringify((new Function(`return ${api}`)() as (n: object) => unknown)(ns))) as unknown;
    const native = runNativeJson(
      `import * as THREE from ${JSON.stringify(pathToFileURL(path.join(build, 'three.module.js')).href)};\nprocess.stdout.write(JSON.stringify((${api})(THREE)));`,
    );
    expect(compiled).toEqual(native);
  });

  test('preact and preact/hooks (minified): vnodes, options shared through the import', async () => {
    const preact = readFileSync(path.join(nodeModules, 'preact/dist/preact.mjs'), 'utf8');
    const hooks = readFileSync(path.join(nodeModules, 'preact/hooks/dist/hooks.mjs'), 'utf8');
    const api = `(preact, hooks) => {
      const seen = [];
      preact.options.vnode = (v) => seen.push(typeof v.type === 'string' ? v.type : 'fn');
      const tree = preact.h('div', { id: 'a' }, 'text', preact.h('span', { key: 'k' }), preact.h(preact.Fragment, null, 1, 2));
      const clone = preact.cloneElement(tree, { id: 'b' });
      const out = [tree.type, tree.props.id, tree.props.children.length, clone.props.id, preact.isValidElement(tree),
        preact.toChildArray([1, [2, [3]], null]).length, typeof preact.createRef().current, typeof hooks.useState,
        typeof preact.Component.prototype.setState, Object.keys(preact).sort(), Object.keys(hooks).sort(), seen];
      delete preact.options.vnode;
      return out;
    }`;
    const files = new Map([
      ['preact', preact],
      ['./hooks.js', hooks],
      ['./main.js', `import * as preact from 'preact'; import * as hooks from './hooks.js'; export const result = [preact, hooks];`],
    ]);
    const ns = (await new MiniLinker(files).import('./main.js')) as { result: [object, object] };
    const compiled = JSON.parse(JSON.stringify((new Function(`return ${api}`)() as (a: object, b: object) => unknown)(...ns.result))) as unknown;
    const native = runNativeJson(
      `import * as preact from ${JSON.stringify(pathToFileURL(path.join(nodeModules, 'preact/dist/preact.mjs')).href)};
       import * as hooks from ${JSON.stringify(pathToFileURL(path.join(nodeModules, 'preact/hooks/dist/hooks.mjs')).href)};
       process.stdout.write(JSON.stringify((${api})(preact, hooks)));`,
    );
    expect(compiled).toEqual(native);
  });
});
