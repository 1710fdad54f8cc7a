import { later, K, C, v, f } from './exporter.js';
function attempt(label, read) {
  try { __log.push(label, read()); } catch (e) { __log.push(label, 'threw ' + e.constructor.name); }
}
attempt('let', () => later);
attempt('const', () => K);
attempt('class', () => C);
attempt('typeof let', () => typeof later);
attempt('typeof class', () => typeof C);
attempt('var', () => v);
attempt('typeof var', () => typeof v);
attempt('function', () => f());
attempt('template', () => `${later}`);
attempt('call', () => C());
attempt('new', () => new C());
attempt('shorthand', () => ({ later }));
attempt('spread', () => [...K]);
attempt('member', () => K.length);
export function probe() { return later + K + typeof C + v; }
