/**
 * Converts Clarifai answers recorded in protobuf text format (shared/clarifai-examples/grpc-text)
 * into the REST JSON the app reads, as test fixtures. Run once, commit the output:
 *
 *   node --import tsx scripts/pbtxt-to-json.ts [input files…] [--out src/test/fixtures/clarifai]
 *
 * With no input files it converts every `*.pbtxt` in ../shared/clarifai-examples/grpc-text, and
 * every `*.txt` there that parses as protobuf text (most `.txt` files are the SDK's plain prints:
 * those are reported and skipped). A recording of one `WorkflowResult` (status, input, outputs)
 * is wrapped as a `PostWorkflowResults` answer with that one result, so the app can load it as is.
 */
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { StatusCode } from '../contract/clarifai.ts';
import { messageToJson, parsePbtxt, PbtxtError, type Json, type PbJsonOptions } from '../src/lib/pbtxt.ts';

const root = path.resolve(import.meta.dirname, '..');
const defaultInputDir = path.resolve(root, '../shared/clarifai-examples/grpc-text');
const defaultOutDir = path.join(root, 'src/test/fixtures/clarifai');

/** `repeated` fields of the messages these recordings hold (clarifai/api/resources.proto). */
const REPEATED = new Set([
  'results',
  'outputs',
  'inputs',
  'nodes',
  'node_inputs',
  'regions',
  'concepts',
  'frames',
  'tracks',
  'embeddings',
  'vector',
  'clusters',
  'projection',
  'points',
  'workflows',
  'workflow_versions',
  'models',
  'values',
  'fields',
  'select_concepts',
  'colors',
  'toolkits',
  'use_cases',
  'languages',
  'languages_full',
  'check_consents',
]);

/** `bytes` fields: base64 in JSON (image, video and audio payloads, mask images). */
const BYTES = new Set(['base64']);

/** google.protobuf.Struct fields in Clarifai's messages. */
const STRUCTS = new Set(['metadata', 'fields_map', 'params', 'output_config_struct']);

const TIMESTAMPS = new Set([
  'created_at',
  'modified_at',
  'completed_at',
  'started_at',
  'deleted_at',
  'last_used_at',
]);

/**
 * Enum names → numbers. Status codes come from the contract; the few other enums these files
 * use are from Clarifai's protos (status_code.proto: MODEL_TRAINED; resources.proto: Visibility).
 */
const ENUMS: Record<string, number> = {
  ...StatusCode,
  MODEL_TRAINED: 21100,
  MODEL_TRAINING: 21101,
  MODEL_UNTRAINED: 21102,
  UNKNOWN_VISIBILITY: 0,
  PRIVATE: 10,
  ORG: 30,
  PUBLIC: 50,
};

function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function convert(
  text: string,
  file: string,
  warn: (message: string) => void,
): { [key: string]: Json } {
  const parsed = parsePbtxt(text);
  const options: PbJsonOptions = {
    repeated: REPEATED,
    bytes: BYTES,
    enums: ENUMS,
    structs: STRUCTS,
    timestamps: TIMESTAMPS,
    warn,
  };
  const message = messageToJson(parsed.fields, options);
  const isSingleResult = !('results' in message) && ('outputs' in message || 'input' in message);
  const body = isSingleResult
    ? {
        status: isObject(message.status) ? message.status : { code: StatusCode.SUCCESS, description: 'Ok' },
        results: [message],
      }
    : message;
  return {
    // Where it came from and what was done to it, for whoever opens the fixture. The contract's
    // loose objects let this extra key through.
    _source: {
      file: `shared/clarifai-examples/grpc-text/${path.basename(file)}`,
      converter: 'scripts/pbtxt-to-json.ts',
      ...(isSingleResult ? { wrapped: 'one WorkflowResult, wrapped as {status, results: [result]}' } : {}),
      ...(parsed.elisions.length ? { elided: parsed.elisions } : {}),
    },
    ...body,
  };
}

function main(argv: string[]) {
  const outIndex = argv.indexOf('--out');
  const outDir = outIndex >= 0 ? path.resolve(argv[outIndex + 1] ?? defaultOutDir) : defaultOutDir;
  const given = argv.filter((arg, i) => arg !== '--out' && argv[i - 1] !== '--out');
  const inputs = given.length
    ? given.map((file) => path.resolve(file))
    : readdirSync(defaultInputDir)
        .filter((name) => name.endsWith('.pbtxt') || name.endsWith('.txt'))
        .sort()
        .map((name) => path.join(defaultInputDir, name));
  mkdirSync(outDir, { recursive: true });
  let failed = false;
  const written = new Set<string>();
  for (const file of inputs) {
    const name = path.basename(file);
    const warnings: string[] = [];
    let json: { [key: string]: Json };
    try {
      json = convert(readFileSync(file, 'utf8'), file, (message) => warnings.push(message));
    } catch (error) {
      if (error instanceof PbtxtError && name.endsWith('.txt')) {
        console.log(`skip ${name}: not protobuf text (${error.message}); a plain SDK print`);
        continue;
      }
      console.error(`fail ${name}: ${error instanceof Error ? error.message : String(error)}`);
      failed = true;
      continue;
    }
    // A `.txt` that happens to tokenize but holds no response is not a recording either.
    if (name.endsWith('.txt') && !('results' in json) && !('outputs' in json)) {
      console.log(`skip ${name}: parses, but holds no results or outputs`);
      continue;
    }
    // `x.pbtxt` and `x.txt` share a stem; the second one written keeps its extension in the name.
    const stem = name.replace(/\.(pbtxt|txt)$/, '');
    const target = path.join(
      outDir,
      written.has(stem) ? `${stem}-${path.extname(name).slice(1)}.json` : `${stem}.json`,
    );
    written.add(stem);
    writeFileSync(target, `${JSON.stringify(json, null, 2)}\n`);
    console.log(
      `wrote ${path.relative(root, target)}${warnings.length ? ` (${warnings.length} warnings)` : ''}`,
    );
    for (const warning of warnings) console.log(`  warning: ${warning}`);
  }
  if (failed) process.exitCode = 1;
}

main(process.argv.slice(2));
