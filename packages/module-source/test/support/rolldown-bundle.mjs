// Bundles one entry file with Rolldown (Vite 8's bundler) and prints the ES module output: run in a child
// process, as Rolldown's native binding rejects values made in Jest's module realm.
import { rolldown } from 'rolldown';

const build = await rolldown({ input: process.argv[2], onLog() {} });
const { output } = await build.generate({ format: 'esm' });
process.stdout.write(output[0].code);
