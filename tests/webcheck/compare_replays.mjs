// Compares the native and the WebAssembly replay of one recorded web-check session, line by
// line: every key, string, boolean and integer must be equal, and numbers equal to 1e-12
// relative. The one allowed difference is the last bits of a double that went through libm
// (glibc natively, musl in emscripten: cos() in the Goertzel filter, log10 in dBFS differ by
// an ulp). Prints the largest relative difference seen.
// Usage: node compare_replays.mjs NATIVE.txt WASM.txt
import { readFileSync } from 'node:fs';

const [nativeFile, wasmFile] = process.argv.slice(2);
const nativeLines = readFileSync(nativeFile, 'utf8').trimEnd().split('\n');
const wasmLines = readFileSync(wasmFile, 'utf8').trimEnd().split('\n');
let worst = 0;
let exact = 0;
let numbers = 0;

function compare(a, b, path) {
  if (typeof a === 'number' && typeof b === 'number') {
    numbers++;
    if (a === b) { exact++; return; }
    const relative = Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
    worst = Math.max(worst, relative);
    if (!(relative <= 1e-12)) throw new Error(`${path}: ${a} (native) vs ${b} (wasm)`);
    return;
  }
  if (typeof a !== typeof b || Array.isArray(a) !== Array.isArray(b) || (a === null) !== (b === null))
    throw new Error(`${path}: ${JSON.stringify(a)} (native) vs ${JSON.stringify(b)} (wasm)`);
  if (a === null || typeof a !== 'object') {
    if (a !== b) throw new Error(`${path}: ${JSON.stringify(a)} (native) vs ${JSON.stringify(b)} (wasm)`);
    return;
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    if (!(key in a) || !(key in b)) throw new Error(`${path}/${key}: present in only one build`);
    compare(a[key], b[key], `${path}/${key}`);
  }
}

if (nativeLines.length !== wasmLines.length || nativeLines.length < 2) {
  console.error(`line counts differ or too few: native ${nativeLines.length}, wasm ${wasmLines.length}`);
  process.exit(1);
}
try {
  nativeLines.forEach((line, i) => compare(JSON.parse(line), JSON.parse(wasmLines[i]), `line ${i + 1}`));
} catch (e) {
  console.error(`native and wasm differ: ${e.message}`);
  process.exit(1);
}
console.log(`${nativeLines.length} answers equal; ${exact} of ${numbers} numbers bit-identical, ` +
            `largest relative difference ${worst.toExponential(2)}`);
