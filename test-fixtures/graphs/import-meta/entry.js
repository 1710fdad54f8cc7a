import { meta as otherMeta, readLater } from './sub/other.js';
const results = [
  typeof import.meta,
  Object.getPrototypeOf(import.meta) === null,
  import.meta === import.meta,
  import.meta !== otherMeta,
  Object.isExtensible(import.meta),
  typeof import.meta.url,
  import.meta.url.endsWith('/import-meta/entry.js'),
  otherMeta.url.endsWith('/import-meta/sub/other.js'),
  import.meta.url.startsWith('file:'),
];
import.meta.custom = 'added';
results.push(import.meta.custom, readLater() === otherMeta, (() => import.meta)() === import.meta);
__log.push(...results);
