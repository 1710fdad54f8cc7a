export function grab() {
  return [
    globalThis,
    typeof window === 'undefined' ? undefined : window,
    typeof document === 'undefined' ? undefined : document,
    typeof fetch === 'undefined' ? undefined : fetch,
    typeof process === 'undefined' ? undefined : process,
  ];
}
