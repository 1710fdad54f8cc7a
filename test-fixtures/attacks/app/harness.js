// The trusted root's side of the adversarial suite (tests/attacks). It captures the host's objects before
// any attacker runs, then runs each attack in turn: arm it, do what an app does (read a global it does not
// have, log, chain a promise, push to an array, dispatch an event, first use of a victim package), collect
// what the attacker obtained, and compare by identity with the host's objects. It reports one JSON line:
// in a page as the text of <pre id="attack-results">, in Node on stdout after "HERMETIC-ATTACK-RESULTS "
// (with a START and a RESULT line per attack before it).
import { secret } from 'victim-secret';
import * as victimNamespace from 'victim-secret';
import { probe } from 'victim-granted';
import { rootSecret } from './root-secret.js';

const host = globalThis;
const sinks = new Map([
  [host, 'the host global (window)'],
  [secret, "victim-secret's export"],
  [victimNamespace, "victim-secret's module namespace"],
  [rootSecret, "the app's own module export"],
]);
if (typeof document !== 'undefined') sinks.set(document, 'document');
if (typeof fetch === 'function') sinks.set(fetch, 'the host fetch');
if (typeof process !== 'undefined') sinks.set(process, 'the host process');
const hostSetTimeout = setTimeout;
const hostPromise = Promise;
const ATTACK_TIMEOUT_MS = 5000;
probe();

const errorText = (error) => {
  try {
    return `${error?.name ?? 'Error'}: ${String(error?.message ?? error)}`.slice(0, 300);
  } catch {
    return 'unprintable error';
  }
};

const timeout = () => new hostPromise((_, reject) => hostSetTimeout(() => reject(new Error(`no answer within ${ATTACK_TIMEOUT_MS} ms`)), ATTACK_TIMEOUT_MS));

async function appActivity(attack) {
  // What the app reads and pushes goes into the report, or the bundlers would drop it as unused.
  const seen = [typeof process, typeof __hermeticAttackProbe];
  console.log('[hermetic-attacks] app log', secret);
  hostPromise.resolve(secret).then(() => undefined);
  seen.push(secret);
  if (typeof dispatchEvent === 'function') dispatchEvent(new Event('hermetic-attack'));
  if (attack.victim !== undefined) (await attack.victim()).use();
  await new hostPromise((resolve) => hostSetTimeout(resolve, 10));
  return seen.join(' ');
}

async function runOne(attack) {
  let module;
  let disarmed = false;
  try {
    const namespace = await attack.load();
    // A CommonJS package's exports are the namespace's default with some bundlers.
    module = typeof namespace.collect === 'function' ? namespace : namespace.default;
    if (typeof module.arm === 'function') await module.arm();
    const appSaw = await appActivity(attack);
    if (typeof module.disarm === 'function') await module.disarm();
    disarmed = true;
    const got = await hostPromise.race([module.collect(), timeout()]);
    const list = Array.isArray(got) ? got : [got];
    const hit = list.find((value) => sinks.has(value));
    return hit === undefined
      ? { id: attack.id, escaped: false, detail: `obtained no host object (${list.length} values checked)`, appSaw }
      : { id: attack.id, escaped: true, detail: `obtained ${sinks.get(hit)}`, appSaw };
  } catch (error) {
    return { id: attack.id, escaped: false, detail: `threw ${errorText(error)}` };
  } finally {
    if (!disarmed && typeof module?.disarm === 'function') {
      try { await module.disarm(); } catch {}
    }
  }
}

async function sinkRequests() {
  if (typeof document === 'undefined') return [];
  try {
    return await (await fetch('/__sink-log')).json();
  } catch {
    return [];
  }
}

/** Runs the attacks one after the other and reports. */
export async function runAttacks(attacks) {
  const results = [];
  // In Node each attack is announced and reported as it runs: one that brings the process down is named.
  const progress = typeof document === 'undefined' ? (line) => console.log(line) : () => undefined;
  for (const attack of attacks) {
    progress(`HERMETIC-ATTACK-START ${attack.id}`);
    const result = await runOne(attack);
    progress(`HERMETIC-ATTACK-RESULT ${JSON.stringify(result)}`);
    results.push(result);
  }
  for (const id of await sinkRequests()) {
    const result = results.find((entry) => entry.id === id);
    if (result !== undefined && !result.escaped) Object.assign(result, { escaped: true, detail: `a request reached the sink (${result.detail})` });
  }
  const text = JSON.stringify(results);
  if (typeof document !== 'undefined') {
    const out = document.createElement('pre');
    out.id = 'attack-results';
    out.textContent = text;
    document.body.append(out);
  } else {
    console.log(`HERMETIC-ATTACK-RESULTS ${text}`);
  }
}
