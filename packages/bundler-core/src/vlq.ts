/**
 * Base64 VLQ, the number encoding of source-map `mappings`: for the places
 * that re-encode segments themselves rather than through a whole-map codec.
 */
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The 6-bit value of each base64 character code (−1 for others). */
export const BASE64_DIGIT = new Int8Array(128).fill(-1);
for (let i = 0; i < BASE64.length; i++) BASE64_DIGIT[BASE64.charCodeAt(i)] = i;

/** `value` as base64 VLQ. */
export function vlq(value: number): string {
  let rest = value < 0 ? (-value << 1) | 1 : value << 1;
  let out = '';
  do {
    let digit = rest & 31;
    rest >>>= 5;
    if (rest > 0) digit |= 32;
    out += BASE64[digit];
  } while (rest > 0);
  return out;
}

const BASE64_CODE = Uint8Array.from(BASE64, (char) => char.charCodeAt(0));

/** Writes `value` as base64 VLQ into `target` at `offset` (room for 7 bytes needed); returns the offset after it. */
export function writeVlq(target: Uint8Array, offset: number, value: number): number {
  let rest = value < 0 ? (-value << 1) | 1 : value << 1;
  let at = offset;
  do {
    let digit = rest & 31;
    rest >>>= 5;
    if (rest > 0) digit |= 32;
    target[at++] = BASE64_CODE[digit];
  } while (rest > 0);
  return at;
}
