/**
 * Generates `output-shapes-data.ts`: the response shapes of AWS API operations, from the service
 * models AWS maintains and ships in `botocore` (the AWS SDK for Python's data package, also what
 * the AWS CLI runs on: `botocore/data/<service>/<version>/service-2.json.gz`). TestState's
 * `fieldValidationMode` checks a mocked result against these shapes.
 *
 * Why botocore and a generated file: the JavaScript SDKs' shipped models drop what validation
 * needs (aws-sdk v2's `apis/*.min.json` strip enums and numeric bounds; v3 clients' schema modules
 * keep neither), while AWS's recorded TestState answers check both (`Field 'StorageClass' is not
 * an expected value`, `Field 'MemorySize' is less than the minimum value`). So the (gzipped JSON) file keeps
 * exactly what validation reads (output shapes reachable from operations: types, members,
 * required members, enums, numeric min/max), generated once and committed; nothing is needed at
 * run time.
 *
 * Run: `npx tsx src/test-state/shapes/generate-output-shapes.ts [BOTOCORE_DATA_DIR]` (default:
 * the `botocore` of `python3`, e.g. after `pip install -U botocore`).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { CompactShape, OutputShapeTable } from './output-shape-types';

interface ModelShape {
  type: string;
  members?: Record<string, { shape: string }>;
  member?: { shape: string };
  value?: { shape: string };
  required?: string[];
  enum?: string[];
  min?: number;
  max?: number;
  document?: boolean;
}
interface Model {
  metadata: { serviceId?: string; endpointPrefix?: string; apiVersion: string };
  operations: Record<string, { output?: { shape: string } }>;
  shapes: Record<string, ModelShape>;
}

const NUMERIC = new Set(['integer', 'long', 'float', 'double']);

function botocoreData(): string {
  const given = process.argv[2];
  if (given) return given;
  const init = execFileSync('python3', ['-c', 'import botocore; print(botocore.__file__)'], { encoding: 'utf8' }).trim();
  return join(dirname(init), 'data');
}

function readModel(dir: string): Model | undefined {
  const versions = readdirSync(dir).filter((v) => /^\d{4}-\d{2}-\d{2}$/.test(v)).sort();
  const latest = versions.at(-1);
  if (!latest) return undefined;
  const gz = join(dir, latest, 'service-2.json.gz');
  const plain = join(dir, latest, 'service-2.json');
  if (existsSync(gz)) return JSON.parse(gunzipSync(readFileSync(gz)).toString('utf8')) as Model;
  if (existsSync(plain)) return JSON.parse(readFileSync(plain, 'utf8')) as Model;
  return undefined;
}

function compactService(model: Model): { operations: Record<string, string>; shapes: Record<string, CompactShape> } {
  const shapes: Record<string, CompactShape> = {};
  const visit = (name: string): void => {
    if (name in shapes) return;
    const s = model.shapes[name];
    if (!s) return;
    const compact: CompactShape = { t: s.document ? 'document' : s.type };
    shapes[name] = compact;
    if (compact.t === 'structure') {
      compact.m = Object.fromEntries(Object.entries(s.members ?? {}).map(([m, ref]) => [m, ref.shape]));
      if (s.required?.length) compact.r = s.required;
      for (const ref of Object.values(s.members ?? {})) visit(ref.shape);
    } else if (s.type === 'list' && s.member) {
      compact.m = s.member.shape;
      visit(s.member.shape);
    } else if (s.type === 'map' && s.value) {
      compact.v = s.value.shape;
      visit(s.value.shape);
    } else {
      if (s.enum) compact.e = s.enum;
      if (NUMERIC.has(s.type)) {
        if (s.min !== undefined) compact.min = s.min;
        if (s.max !== undefined) compact.max = s.max;
      }
    }
  };
  const operations: Record<string, string> = {};
  for (const [op, def] of Object.entries(model.operations)) {
    if (!def.output) continue;
    operations[op] = def.output.shape;
    visit(def.output.shape);
  }
  return { operations, shapes };
}

function botocoreVersion(): string {
  try {
    const init = join(data, '..', '__init__.py');
    return /__version__ = '([^']+)'/.exec(readFileSync(init, 'utf8'))?.[1] ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

const data = botocoreData();
const table: OutputShapeTable = { aliases: {}, services: {} };
const aliasesOf: [string, string[]][] = [];
for (const key of readdirSync(data).sort()) {
  if (!existsSync(join(data, key)) || key.includes('.')) continue;
  let model: Model | undefined;
  try {
    model = readModel(join(data, key));
  } catch {
    continue;
  }
  if (!model?.operations) continue;
  table.services[key] = compactService(model);
  // The names a Task Resource may use for this service: the SDK service id (`aws-sdk:sfn`,
  // `aws-sdk:cloudwatchlogs`), the model's directory name (`s3`, `lambda`) and the endpoint
  // prefix optimized integrations use (`states:startExecution`, `events:putEvents`).
  aliasesOf.push([key, [model.metadata.serviceId?.toLowerCase().replace(/\s+/g, '') ?? '', key, model.metadata.endpointPrefix ?? '']]);
}
// Earlier kinds of name win over later ones (a service id beats another service's endpoint prefix).
for (let kind = 0; kind < 3; kind++) {
  for (const [key, names] of aliasesOf) {
    const name = names[kind];
    if (name && !(name in table.aliases)) table.aliases[name] = key;
  }
}

// Each service gzipped and base64-encoded, in a module (10 MB of JSON becomes 2 MB of text): the
// package is bundled, so data must be code, not a file read next to the source. The module is
// imported lazily, only when a mock is validated, and only the service at hand is decoded.
const out = join(dirname(fileURLToPath(import.meta.url)), 'output-shapes-data.ts');
const encoded = Object.fromEntries(
  Object.entries(table.services).map(([key, service]) => [key, gzipSync(JSON.stringify(service), { level: 9 }).toString('base64')]),
);
writeFileSync(
  out,
  `// Generated by generate-output-shapes.ts from botocore ${botocoreVersion()}; do not edit.\n` +
    `/** A service name as Task Resources spell it → its key in {@link SERVICE_OUTPUT_SHAPES}. */\n` +
    `export const SERVICE_ALIASES: Record<string, string> = ${JSON.stringify(table.aliases)};\n\n` +
    `/** Per service, its gzipped JSON {@link ServiceOutputShapes}, base64. */\n` +
    `export const SERVICE_OUTPUT_SHAPES: Record<string, string> = ${JSON.stringify(encoded, null, 1)};\n`,
);
console.log(`wrote ${out}: ${Object.keys(table.services).length} services from ${data}`);
