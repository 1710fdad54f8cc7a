// An ES module with a live binding and a module-level write to its global.
export let count = 0;

export function increment() {
  count += 1;
  return count;
}

// Runs once per test file: each test file links its own instance in its own global.
globalThis.counterInstances = (globalThis.counterInstances ?? 0) + 1;
