/**
 * What the last build of an application compiled, kept with the compile
 * cache, so that the next build starts reading those modules' cache entries
 * (and, for a plugin that reads files itself, their text) as it starts, while
 * the bundler is still resolving its way to them: a warm build then finds
 * react-dom's 660 KB cache entry already read and parsed when the bundler
 * asks for the module. Nothing here decides what a build contains; a module
 * the build no longer reaches is read for nothing and dropped.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The manifest and the reads started from it. */
export class BuildManifest {
  private readonly file: string;
  /** Module id → cache key of its latest compilation, over this process's builds. */
  private readonly current = new Map<string, string>();
  private lastText = '';
  private readonly entries = new Map<string, Promise<unknown>>();
  private readonly texts = new Map<string, Promise<string | undefined>>();

  constructor(private readonly cacheDir: string, root: string) {
    this.file = join(cacheDir, 'builds', `${createHash('sha256').update(root).digest('hex').slice(0, 16)}.json`);
  }

  /** Starts reading what the last build compiled (its cache entries, and with `texts` the modules' files). */
  prefetch(texts: boolean): void {
    // (`current` carries over: a rebuild in the same process compiles only what changed.)
    this.entries.clear();
    this.texts.clear();
    let last: Array<[string, string]>;
    try {
      this.lastText = readFileSync(this.file, 'utf8');
      last = JSON.parse(this.lastText) as Array<[string, string]>;
    } catch {
      return;
    }
    for (const [id, key] of last) {
      const entry = readFile(join(this.cacheDir, `${key}.json`), 'utf8').then((json) => JSON.parse(json) as unknown, () => undefined);
      this.entries.set(key, entry);
      if (texts) this.texts.set(id, readFile(id, 'utf8').catch(() => undefined));
    }
  }

  /** The parsed cache entry `key` if it was read ahead (once), else `undefined`. */
  takeEntry(key: string): Promise<unknown> | undefined {
    const entry = this.entries.get(key);
    this.entries.delete(key);
    return entry;
  }

  /** The text of `id` if it was read ahead (once; `undefined` inside when it could not be read). */
  takeText(id: string): Promise<string | undefined> | undefined {
    const text = this.texts.get(id);
    this.texts.delete(id);
    return text;
  }

  /** Records that this build compiled `id` to the cache entry `key`. */
  note(id: string, key: string): void {
    this.current.set(id, key);
  }

  /** Writes this build's list (when it differs from the last) and lets go of reads nobody took. */
  save(): void {
    this.entries.clear();
    this.texts.clear();
    if (this.current.size === 0) return;
    const text = JSON.stringify([...this.current].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    if (text === this.lastText) return;
    try {
      mkdirSync(join(this.cacheDir, 'builds'), { recursive: true });
      const temporary = `${this.file}.${process.pid}.tmp`;
      writeFileSync(temporary, text);
      renameSync(temporary, this.file);
      this.lastText = text;
    } catch {
      // Without a manifest the next build only reads later.
    }
  }
}
