import { ns, "star ns" as starNs } from './reexporter.js';
import * as direct from './target.js';
import * as re from './reexporter.js';
__log.push(ns === direct, starNs === direct, re.ns === direct, Object.keys(re).join('|'));
direct.inc();
__log.push(ns.count, re.ns.count);
const dyn = await import('./target.js');
__log.push(dyn === ns);
