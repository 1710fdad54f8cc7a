// Class 4: new Worker(new URL(…, import.meta.url)) (granted Worker, URL, setTimeout), which Vite bundles
// as a worker: is the worker bundle confined?
export async function collect() {
  const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  await new Promise((resolve) => { worker.onmessage = resolve; worker.onerror = resolve; setTimeout(resolve, 2000); });
  return [];
}
