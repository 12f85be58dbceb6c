// umap-js on a float32 .npy matrix: node umap.mjs IN.npy OUT.npy SEED. Prints {"seconds": ...}
// for the fit alone (reading and writing are not timed). Parameters match embex's defaults but for the
// repulsion, which umap-js does not offer (1 here, 2 in embex: decision record 0021).
import { UMAP } from 'umap-js';
import { readNpy, writeNpy } from './npy.mjs';

const [input, output, seedText] = process.argv.slice(2);
const data = readNpy(input);
let state = Number(seedText) >>> 0 || 1;
const random = () => {
  // xorshift32: a seeded generator, so runs repeat.
  state ^= state << 13; state >>>= 0;
  state ^= state >>> 17;
  state ^= state << 5; state >>>= 0;
  return state / 4294967296;
};
const umap = new UMAP({ nComponents: 2, nNeighbors: 15, minDist: 0.1, spread: 1.0, random });
const started = process.hrtime.bigint();
const embedding = umap.fit(data);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
writeNpy(output, embedding);
console.log(JSON.stringify({ seconds }));
