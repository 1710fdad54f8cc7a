/**
 * Puts the final policy into esbuild's output files once the whole graph is
 * known. esbuild has written each chunk's source map by then, so the map
 * (the `.map` file next to the chunk, or the chunk's inline one) is shifted
 * to match: otherwise every column after the policy on its line, which in a
 * minified chunk is most of the bundle, would map to the wrong place.
 */
import type { OutputFile } from 'esbuild';
import { hasPolicyPlaceholder, injectPolicyWithEdits } from '@hermetic/bundler-core';
import { shiftMappings } from '@hermetic/bundler-core';

const INLINE_MAP = /(\/\/# sourceMappingURL=data:application\/json;base64,)([A-Za-z0-9+/=]+)(\s*)$/;

function outputFile(like: OutputFile, text: string): OutputFile {
  return { path: like.path, contents: Buffer.from(text), hash: like.hash, text } as OutputFile;
}

// Inside a JSON string every quote is escaped, so only the map's own key matches; mappings hold no quotes.
const MAPPINGS_FIELD = /("mappings"\s*:\s*")([^"]*)"/;

/** The map text with its mappings shifted; the rest (megabytes of `sourcesContent`) is kept as text, not re-serialized. */
function shiftedMapJson(json: string, before: string, edits: Parameters<typeof shiftMappings>[2]): string {
  const field = MAPPINGS_FIELD.exec(json);
  if (field === null) return json;
  const start = field.index + field[1].length;
  return json.slice(0, start) + shiftMappings(field[2], before, edits) + json.slice(start + field[2].length);
}

/** Replaces the policy placeholder in every JavaScript output of `files` (in place), keeping their source maps right. */
export function injectPolicyIntoOutputs(files: OutputFile[], policyJson: string): void {
  const index = new Map(files.map((file, i) => [file.path, i]));
  for (let i = 0; i < files.length; i++) {
    const file = files[i];
    if (!/\.[mc]?js$/.test(file.path) || !hasPolicyPlaceholder(file.text)) continue;
    const before = file.text;
    const injected = injectPolicyWithEdits(before, policyJson);
    let text = injected.text;
    const inline = INLINE_MAP.exec(text);
    if (inline !== null) {
      const json = shiftedMapJson(Buffer.from(inline[2], 'base64').toString('utf8'), before, injected.edits);
      text = text.slice(0, inline.index) + inline[1] + Buffer.from(json).toString('base64') + inline[3];
    }
    files[i] = outputFile(file, text);
    const mapIndex = index.get(`${file.path}.map`);
    if (mapIndex !== undefined) {
      const mapFile = files[mapIndex];
      files[mapIndex] = outputFile(mapFile, shiftedMapJson(mapFile.text, before, injected.edits));
    }
  }
}
