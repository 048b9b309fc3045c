/**
 * Trains the model of where sentences end in unpunctuated speech (src/domain/sentences/model.json)
 * on punctuated transcripts the project may ship: the conversations in scripts/speech-corpus/
 * (written for this project, CC0) and the Podcasting 2.0 example transcript (CC0). Nothing the
 * benchmark judges (the bundled episode) is read here.
 *
 *   node scripts/train-sentences.ts [--check]
 *
 * A logistic regression over the words around each gap (features.ts), fitted by stochastic
 * gradient descent. Its threshold is chosen by leaving each transcript out in turn and taking the
 * one with the best F1 on the transcripts left out. `--check` reports without writing the model;
 * `--verify` fails unless the model shipped is the one the corpus trains (the tests run it).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseCaptions } from '../src/domain/formats/captions.ts';
import { seeded } from '../src/domain/seeded.ts';
import { gapFeatures, modelWord } from '../src/domain/sentences/features.ts';
import type { SentenceModel } from '../src/domain/sentences/model.ts';

const root = path.resolve(import.meta.dirname, '..');
const CORPUS = path.join(root, 'scripts', 'speech-corpus');
const CC0_EXAMPLE = path.join(root, 'test', 'fixtures', 'podcast-namespace', 'long-example.vtt');
const OUT = path.join(root, 'src', 'domain', 'sentences', 'model.json');

const EPOCHS = 12;
const RATE = 0.15;
const L2 = 1e-4;
const MIN_COUNT = 2;

interface Example {
  features: string[];
  end: boolean;
}

/** One transcript's gaps inside speaker turns (a turn's end is always a sentence end, so it teaches nothing). */
function examples(turns: readonly string[]): Example[] {
  const result: Example[] = [];
  for (const turn of turns) {
    const raw = turn.split(/\s+/).filter((w) => modelWord(w) !== '');
    const words = raw.map(modelWord);
    for (let j = 0; j + 1 < raw.length; j++) result.push({ features: gapFeatures(words, j), end: /[.?!]["”’)]*$/.test(raw[j]!) });
  }
  return result;
}

async function transcripts(): Promise<Array<{ name: string; turns: string[] }>> {
  const own = readdirSync(CORPUS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({
      name: f,
      turns: readFileSync(path.join(CORPUS, f), 'utf8')
        .split(/\n\s*\n/)
        .map((t) => t.replace(/^[^:\n]{1,40}:\s*/, '').trim())
        .filter(Boolean),
    }));
  const parsed = await parseCaptions(readFileSync(CC0_EXAMPLE, 'utf8'), 'long-example.vtt', 'vtt');
  const turns: string[] = [];
  for (const f of parsed.fragments) {
    if (f.turn || turns.length === 0) turns.push('');
    turns[turns.length - 1] += ` ${f.text}`;
  }
  return [...own, { name: 'long-example.vtt', turns }];
}

function train(data: readonly Example[]): Omit<SentenceModel, 'threshold'> {
  const counts = new Map<string, number>();
  for (const e of data) for (const f of e.features) counts.set(f, (counts.get(f) ?? 0) + 1);
  const weights = new Map<string, number>();
  let bias = 0;
  // A fixed shuffle, so the model is the same on every machine.
  const order = data.map((_, i) => i);
  const random = seeded(7);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const rate = RATE / (1 + epoch);
    for (const i of order) {
      const e = data[i]!;
      const kept = e.features.filter((f) => counts.get(f)! >= MIN_COUNT);
      const z = bias + kept.reduce((s, f) => s + (weights.get(f) ?? 0), 0);
      const g = (e.end ? 1 : 0) - 1 / (1 + Math.exp(-z));
      bias += rate * g;
      for (const f of kept) weights.set(f, (weights.get(f) ?? 0) * (1 - rate * L2) + rate * g);
    }
  }
  const kept = [...weights].filter(([, w]) => Math.abs(w) >= 0.05).sort(([a], [b]) => (a < b ? -1 : 1));
  return { bias: round(bias), weights: Object.fromEntries(kept.map(([f, w]) => [f, round(w)])) };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function logit(model: Omit<SentenceModel, 'threshold'>, e: Example): number {
  return e.features.reduce((s, f) => s + (model.weights[f] ?? 0), model.bias);
}

const all = await transcripts();
const sets = all.map((t) => ({ name: t.name, data: examples(t.turns) }));
// Leave one transcript out: scores on unseen text, to choose the threshold honestly.
const held: Array<{ z: number; end: boolean }> = [];
for (const [k, set] of sets.entries()) {
  const model = train(sets.filter((_, i) => i !== k).flatMap((s) => s.data));
  for (const e of set.data) held.push({ z: logit(model, e), end: e.end });
}
let best = { threshold: 0, f1: 0, precision: 0, recall: 0 };
for (let t = -3; t <= 3; t += 0.1) {
  const tp = held.filter((h) => h.z > t && h.end).length;
  const fp = held.filter((h) => h.z > t && !h.end).length;
  const fn = held.filter((h) => h.z <= t && h.end).length;
  const precision = tp / Math.max(1, tp + fp);
  const recall = tp / Math.max(1, tp + fn);
  const f1 = (2 * precision * recall) / Math.max(1e-9, precision + recall);
  if (f1 > best.f1) best = { threshold: round(t), f1, precision, recall };
}
const words = sets.reduce((n, s) => n + s.data.length, 0);
const ends = sets.reduce((n, s) => n + s.data.filter((e) => e.end).length, 0);
const model: SentenceModel = { ...train(sets.flatMap((s) => s.data)), threshold: best.threshold };
console.log(`${sets.length} transcripts, ${words} gaps, ${ends} sentence ends inside turns`);
console.log(`held out: threshold ${best.threshold}, precision ${best.precision.toFixed(3)}, recall ${best.recall.toFixed(3)}, F1 ${best.f1.toFixed(3)}`);
console.log(`${Object.keys(model.weights).length} features kept`);
const text = `${JSON.stringify(model)}\n`;
if (process.argv.includes('--verify')) {
  if (!existsSync(OUT) || readFileSync(OUT, 'utf8') !== text) {
    console.error(`${path.relative(root, OUT)} is not the model scripts/speech-corpus trains: run npm run train-sentences`);
    process.exit(1);
  }
} else if (!process.argv.includes('--check')) writeFileSync(OUT, text);
