// Starts Vite's dev server (in its own process: Vite is ESM-only) for an app
// with the Hermetic plugin and prints `{ "url": … }` once it listens; it runs
// until killed. Every response carries `Content-Security-Policy: script-src 'self'`.
//   node vite-dev-server.mjs '{ "appDir": "…", "options": { …hermetic options }, "exclude": ["lodash-es", …] }'
const spec = JSON.parse(process.argv[2]);
const { createServer } = await import('vite');
const { hermetic } = await import('@hermetic/vite-plugin');
const warnings = [];
const server = await createServer({
  root: spec.appDir,
  configFile: false,
  logLevel: 'silent',
  customLogger: { info() {}, warn: (message) => warnings.push(message), warnOnce: (message) => warnings.push(message), error: (message) => warnings.push(message), clearScreen() {}, hasErrorLogged: () => false, hasWarned: false },
  plugins: [hermetic({ root: spec.appDir, ...(spec.options ?? {}) })],
  // ES-module packages to confine are served as they are, not pre-bundled.
  optimizeDeps: { exclude: spec.exclude ?? [] },
  server: { port: 0, host: '127.0.0.1', headers: { 'Content-Security-Policy': "script-src 'self'" }, hmr: false },
});
await server.listen();
const address = server.httpServer.address();
console.log(JSON.stringify({ url: `http://127.0.0.1:${address.port}`, warnings }));
