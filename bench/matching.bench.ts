import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DEFAULT_THRESHOLDS,
  MatchIndex,
  type MatchRecord,
  type MatchThresholds,
  matchRecord,
  scoreCandidate,
} from '@concord/matching';

// bench:matching — precision and recall of the matcher on a records file with gold duplicate pairs
// (default: the restaurants data next to the repository), then the time to match 10,000 new records
// against 100,000 existing ones. `npm run bench:matching -- --records F --gold G`.

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const dataDir = resolve(repoRoot, '..', 'shared/data/matching');
const argument = (flag: string) => {
  const index = process.argv.indexOf(flag);
  return index > 0 ? process.argv[index + 1] : undefined;
};
const recordsFile = resolve(argument('--records') ?? resolve(dataDir, 'restaurants.csv'));
const goldFile = resolve(argument('--gold') ?? resolve(dataDir, 'restaurants_gold.csv'));

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. Returns rows by header. */
function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted && char === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (char === '"') quoted = !quoted;
    else if (quoted) field += char;
    else if (char === ',') endField();
    else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else field += char;
  }
  if (field.length > 0 || row.length > 0) endRow();
  const [header = [], ...body] = rows.filter((cells) => cells.some((cell) => cell.trim().length > 0));
  return body.map((cells) => Object.fromEntries(header.map((name, i) => [name.trim(), cells[i] ?? ''])));
}

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

interface Quality {
  precision: number;
  recall: number;
  f1: number;
  predicted: number;
  correct: number;
}

function quality(scores: Map<string, number>, gold: Set<string>, threshold: number): Quality {
  let predicted = 0;
  let correct = 0;
  for (const [pair, score] of scores) {
    if (score < threshold) continue;
    predicted++;
    if (gold.has(pair)) correct++;
  }
  const precision = predicted === 0 ? 1 : correct / predicted;
  const recall = gold.size === 0 ? 1 : correct / gold.size;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, predicted, correct };
}

const fmt = (q: Quality) =>
  `precision ${q.precision.toFixed(3)}  recall ${q.recall.toFixed(3)}  F1 ${q.f1.toFixed(3)}  (${q.correct} of ${q.predicted} predicted pairs correct)`;

async function accuracyRun(thresholds: MatchThresholds): Promise<void> {
  const records: MatchRecord[] = parseCsv(await readFile(recordsFile, 'utf8')).map((row) => ({
    id: row.id ?? '',
    name: row.name ?? '',
    address: row.addr,
    city: row.city,
    phone: row.phone,
  }));
  const gold = new Set(
    parseCsv(await readFile(goldFile, 'utf8')).map((row) => pairKey(row.id_1 ?? '', row.id_2 ?? '')),
  );
  const index = new MatchIndex().addAll(records);
  const scores = new Map<string, number>();
  for (const record of records) {
    for (const candidate of index.candidates(record)) {
      scores.set(pairKey(record.id, candidate.record.id), scoreCandidate(record, candidate).score);
    }
  }
  const blocked = [...gold].filter((pair) => scores.has(pair)).length;
  console.log(`records ${records.length} (${recordsFile}), gold pairs ${gold.size} (${goldFile})`);
  console.log(
    `candidate pairs scored ${scores.size}; gold pairs among candidates ${blocked} of ${gold.size}`,
  );
  console.log(`thresholds: auto-link >= ${thresholds.autoLink}, review >= ${thresholds.review}`);
  console.log(`auto-link           ${fmt(quality(scores, gold, thresholds.autoLink))}`);
  console.log(`auto-link + review  ${fmt(quality(scores, gold, thresholds.review))}`);
  if (process.argv.includes('--explain')) {
    const byId = new Map(records.map((record) => [record.id, record]));
    for (const [pair, score] of [...scores].sort((x, y) => y[1] - x[1])) {
      const wrong = score >= thresholds.review ? !gold.has(pair) : gold.has(pair);
      if (!wrong) continue;
      const [a, b] = pair.split('|').map((id) => byId.get(id)!);
      const signals = scoreCandidate(a!, b!).signals.map((s) => `${s.signal}=${s.similarity} ${s.detail}`);
      console.log(`  ${gold.has(pair) ? 'missed' : 'false '} ${score.toFixed(3)} ${signals.join('; ')}`);
    }
  }
  if (process.argv.includes('--sweep')) {
    for (let t = 0.4; t < 1.0001; t += 0.025)
      console.log(`  >= ${t.toFixed(3)}  ${fmt(quality(scores, gold, t))}`);
  }
}

/** mulberry32: a small deterministic PRNG so every scale run sees the same data. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function syntheticData(existingCount: number, newCount: number) {
  const random = prng(20240611);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const syllables = [
    'ka',
    'lo',
    'mi',
    'ra',
    'ven',
    'dor',
    'tal',
    'sen',
    'bri',
    'gon',
    'mar',
    'pel',
    'sto',
    'vik',
    'zu',
    'ne',
  ];
  const words = Array.from({ length: 3000 }, () => pick(syllables) + pick(syllables) + pick(syllables));
  const kinds = [
    'cafe',
    'grill',
    'bistro',
    'trading',
    'systems',
    'partners',
    'foods',
    'logistics',
    'studio',
    'group',
  ];
  const suffixes = ['inc', 'llc', 'ltd', 'gmbh', 'corp', ''];
  const streets = ['st.', 'ave.', 'blvd.', 'rd.', 'dr.'];
  const cities = Array.from({ length: 400 }, () => pick(words));
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
  const fresh = (id: string): MatchRecord => ({
    id,
    name: `${pick(words)} ${random() < 0.6 ? pick(words) + ' ' : ''}${pick(kinds)} ${pick(suffixes)}`.trim(),
    address: `${1 + Math.floor(random() * 9000)} ${pick(words)} ${pick(streets)}`,
    city: pick(cities),
    phone: `${2 + Math.floor(random() * 8)}${digits(2)}/${digits(3)}-${digits(4)}`,
  });
  const typo = (value: string) => {
    const at = Math.floor(random() * value.length);
    return value.slice(0, at) + value.slice(at + 1);
  };
  const existing = Array.from({ length: existingCount }, (_, i) => fresh(`e${i}`));
  const duplicateOf = new Map<string, string>();
  const incoming = Array.from({ length: newCount }, (_, i): MatchRecord => {
    if (random() >= 0.3) return fresh(`n${i}`);
    const source = pick(existing);
    duplicateOf.set(`n${i}`, source.id);
    return {
      id: `n${i}`,
      name: random() < 0.5 ? typo(source.name).toUpperCase() : `${source.name}.`,
      address: (source.address ?? '').replace('st.', 'street').replace('ave.', 'avenue'),
      city: source.city,
      phone: random() < 0.7 ? (source.phone ?? '').replace('/', '-') : null,
    };
  });
  return { existing, incoming, duplicateOf };
}

function scaleRun(thresholds: MatchThresholds): void {
  const existingCount = Number(process.env.BENCH_EXISTING ?? 100_000);
  const newCount = Number(process.env.BENCH_NEW ?? 10_000);
  const { existing, incoming, duplicateOf } = syntheticData(existingCount, newCount);
  const started = performance.now();
  const index = new MatchIndex().addAll(existing);
  const built = performance.now();
  const decisions = { link: 0, review: 0, new: 0 };
  const planted = { linked: 0, review: 0, wrongLinks: 0 };
  for (const record of incoming) {
    const result = matchRecord(record, index, { thresholds });
    decisions[result.decision]++;
    const source = duplicateOf.get(record.id);
    if (result.decision === 'link' && result.best?.id === source) planted.linked++;
    else if (result.decision === 'link') planted.wrongLinks++;
    else if (result.decision === 'review' && source && result.best?.id === source) planted.review++;
  }
  const finished = performance.now();
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  console.log(`scale: ${newCount} new records against ${existingCount} existing`);
  console.log(
    `  index build ${((built - started) / 1000).toFixed(2)} s, matching ${((finished - built) / 1000).toFixed(2)} s,` +
      ` total ${((finished - started) / 1000).toFixed(2)} s, peak RSS ${peakRssMb.toFixed(0)} MB`,
  );
  console.log(`  decisions: link ${decisions.link}, review ${decisions.review}, new ${decisions.new}`);
  console.log(
    `  planted near-duplicates ${duplicateOf.size}: linked to their source ${planted.linked},` +
      ` held for review ${planted.review}; links to a wrong record ${planted.wrongLinks}`,
  );
}

await accuracyRun(DEFAULT_THRESHOLDS);
if (!process.argv.includes('--no-scale')) scaleRun(DEFAULT_THRESHOLDS);
