/**
 * The app every plugin test builds: React with react-dom (CommonJS), preact
 * and lodash-es (ES modules), a dynamic import() chunk, and three policy
 * fixture packages, plus the CommonJS policy-cjs; policy-denied and
 * policy-cjs are denied `fetch` by an override.
 */
import { createFixtureApp, type FixtureApp } from '../../../test-fixtures/packages/fixture-app.js';

/** The override every test build uses: the packages provably denied a global (an ES module one, a CommonJS one). */
export const DENY_FETCH_OVERRIDE = {
  resources: { 'policy-denied': { globals: { fetch: false } }, 'policy-cjs': { globals: { fetch: false } } },
};

const body = `
    <div id="react-root"></div>
    <div id="preact-root"></div>
    <pre id="policy-out"></pre>
    <p id="lazy-out"></p>`;

const mainJsx = `
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { h, render } from 'preact';
import { camelCase, chunk } from 'lodash-es';
import { typeofFetch, readFetchDirectly } from 'policy-denied';
import { probeAliasedFetch, probeOwnGlobal } from 'policy-aliased';
import { writeOwnGlobal } from 'policy-writer';
import * as cjs from 'policy-cjs';

function App() {
  const [count, setCount] = useState(0);
  useEffect(() => { setCount(42); }, []);
  return <p id="react-out">{'react: ' + camelCase('rendered by react') + ' ' + count}</p>;
}

let direct;
try {
  direct = 'read ' + typeof readFetchDirectly();
} catch (error) {
  direct = error.name + ': ' + error.message;
}
const policy = {
  typeofFetch: typeofFetch(),
  direct,
  aliased: probeAliasedFetch(),
  ownGlobal: probeOwnGlobal(),
  write: writeOwnGlobal(1),
  leaked: typeof window.hermeticLeak,
  hostFetch: typeof fetch,
  cjs: {
    typeofFetch: cjs.probeFetch(),
    aliased: cjs.probeAliased(),
    read: cjs.probeRead(),
    sloppyThis: cjs.probeSloppyThis(),
    write: cjs.probeSloppyWrite(),
    leaked: typeof window.cjsLeak,
  },
};
document.getElementById('policy-out').textContent = JSON.stringify(policy);
render(h('span', { id: 'preact-out' }, 'preact: ' + chunk([1, 2, 3, 4], 2).length + ' chunks'), document.getElementById('preact-root'));
createRoot(document.getElementById('react-root')).render(<App />);
import('./lazy.js').then((lazy) => {
  document.getElementById('lazy-out').textContent = lazy.message();
});
`;

/** Creates the app; `page.html` loads dist/main.js (esbuild, Rollup), `index.html` is Vite's entry. */
export function createReactApp(name: string): FixtureApp {
  return createFixtureApp({
    name,
    fixturePackages: ['policy-denied', 'policy-aliased', 'policy-writer', 'policy-cjs'],
    dependencies: ['react', 'react-dom', 'preact', 'lodash-es'],
    files: {
      'index.html': `<!doctype html><html><head><meta charset="utf-8"></head><body>${body}\n<script type="module" src="/src/main.jsx"></script></body></html>`,
      'page.html': `<!doctype html><html><head><meta charset="utf-8"></head><body>${body}\n<script type="module" src="./dist/main.js"></script></body></html>`,
      'page-iife.html': `<!doctype html><html><head><meta charset="utf-8"></head><body>${body}\n<script src="./dist-iife/main.js"></script></body></html>`,
      'src/main.jsx': mainJsx,
      'src/lazy.js': `export const message = () => 'lazy chunk loaded';\n`,
    },
  });
}
