import MyWorker from './worker.js?worker';
// Class 4: Vite's ?worker import (granted Worker, URL, setTimeout): is the worker bundle confined?
export async function collect() {
  const worker = new MyWorker();
  await new Promise((resolve) => { worker.onmessage = resolve; worker.onerror = resolve; setTimeout(resolve, 2000); });
  return [];
}
