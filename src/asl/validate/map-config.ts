/**
 * Map state sub-objects (§8): `ItemReader`, `ItemBatcher`, `ResultWriter`, `ProcessorConfig`
 * and `Label`.
 */
import { LIMITS } from '../limits';
import { type StateContext, sinkOf } from './context';
import { childSite, type Site, inState } from './diagnostics';
import { expectArray, expectObject, expectOneOf, expectString } from './field-checks';
import { checkExclusiveFields, checkFields, type FieldTable } from './field-table';
import { checkJsonataValue, checkNumberOrJsonata } from './jsonata-values';
import { hasOwn, type JsonRecord } from './json-values';
import { checkPathField } from './paths';
import { checkPayloadTemplateField, checkTemplateValue } from './payload-template';
import { parseTaskResource } from '../task-resource';

const referencePath = (ctx: StateContext, site: Site, value: unknown) => checkPathField(sinkOf(ctx), site, value, { reference: true });
const string = (ctx: StateContext, site: Site, value: unknown) => expectString(sinkOf(ctx), site, value);
const oneOf = (allowed: readonly string[]) => (ctx: StateContext, site: Site, value: unknown) => expectOneOf(sinkOf(ctx), site, value, allowed);
const count = (max: number) => (ctx: StateContext, site: Site, value: unknown) => checkNumberOrJsonata(ctx, sinkOf(ctx), site, value, { min: 1, max, integer: true });
const template = (ctx: StateContext, site: Site, value: unknown) => checkPayloadTemplateField(sinkOf(ctx), site, value);
const jsonata = (ctx: StateContext, site: Site, value: unknown) => checkJsonataValue(sinkOf(ctx), site, value);

function integrationResource(ctx: StateContext, site: Site, value: unknown): void {
  const sink = sinkOf(ctx);
  if (!expectString(sink, site, value)) return;
  if (parseTaskResource(value).kind !== 'optimized') {
    sink.error('INVALID_RESOURCE', site, `The resource provided ${value} is not recognized${inState(site)}; use an integration ARN such as arn:aws:states:::s3:getObject, arn:aws:states:::s3:listObjectsV2 or arn:aws:states:::s3:putObject.`);
  }
}

const READER_CONFIG_FIELDS: FieldTable = {
  InputType: { check: oneOf(['CSV', 'JSON', 'JSONL', 'PARQUET', 'MANIFEST']) },
  CSVHeaderLocation: { check: oneOf(['FIRST_ROW', 'GIVEN']) },
  CSVHeaders: { check: (ctx, site, value) => expectArray(sinkOf(ctx), site, value) && value.forEach((h, i) => expectString(sinkOf(ctx), childSite(site, i), h)) },
  CSVDelimiter: { check: oneOf(['COMMA', 'PIPE', 'SEMICOLON', 'SPACE', 'TAB']) },
  // 0 means "no limit" (recorded: a CSV reader with MaxItems 0 ran on AWS).
  MaxItems: { check: (ctx, site, value) => checkNumberOrJsonata(ctx, sinkOf(ctx), site, value, { min: 0, max: LIMITS.mapMaxItems, integer: true }) },
  MaxItemsPath: { language: 'JSONPath', check: referencePath },
  Transformation: { check: oneOf(['NONE', 'LOAD_AND_FLATTEN']) },
  ManifestType: { check: oneOf(['ATHENA_DATA', 'S3_INVENTORY']) },
  ItemsPointer: { check: string },
};

const ITEM_READER_FIELDS: FieldTable = {
  Resource: { required: true, check: integrationResource },
  Parameters: { language: 'JSONPath', check: template },
  Arguments: { language: 'JSONata', check: jsonata },
  ReaderConfig: {
    check: (ctx, site, value) => {
      if (!expectObject(sinkOf(ctx), site, value)) return;
      checkFields(ctx, site, value, READER_CONFIG_FIELDS, 'ItemReader.ReaderConfig');
      checkExclusiveFields(ctx, site, value, [['MaxItems', 'MaxItemsPath']]);
    },
  },
};

const ITEM_BATCHER_FIELDS: FieldTable = {
  MaxItemsPerBatch: { check: count(Number.MAX_SAFE_INTEGER) },
  MaxItemsPerBatchPath: { language: 'JSONPath', check: referencePath },
  MaxInputBytesPerBatch: { check: count(LIMITS.payloadBytes) },
  MaxInputBytesPerBatchPath: { language: 'JSONPath', check: referencePath },
  BatchInput: {
    check: (ctx, site, value) => (ctx.language === 'JSONata' ? checkJsonataValue(sinkOf(ctx), site, value) : checkTemplateValue(sinkOf(ctx), site, value)),
  },
};

const WRITER_CONFIG_FIELDS: FieldTable = {
  OutputType: { check: oneOf(['JSON', 'JSONL']) },
  Transformation: { check: oneOf(['NONE', 'COMPACT', 'FLATTEN']) },
};

const RESULT_WRITER_FIELDS: FieldTable = {
  Resource: { check: integrationResource },
  Parameters: { language: 'JSONPath', check: template },
  Arguments: { language: 'JSONata', check: jsonata },
  WriterConfig: {
    check: (ctx, site, value) => expectObject(sinkOf(ctx), site, value) && checkFields(ctx, site, value, WRITER_CONFIG_FIELDS, 'ResultWriter.WriterConfig'),
  },
};

export function checkItemReader(ctx: StateContext, site: Site, value: unknown): void {
  if (expectObject(sinkOf(ctx), site, value)) checkFields(ctx, site, value, ITEM_READER_FIELDS, 'ItemReader');
}

export function checkItemBatcher(ctx: StateContext, site: Site, value: unknown): void {
  if (!expectObject(sinkOf(ctx), site, value)) return;
  checkFields(ctx, site, value, ITEM_BATCHER_FIELDS, 'ItemBatcher');
  checkExclusiveFields(ctx, site, value, [
    ['MaxItemsPerBatch', 'MaxItemsPerBatchPath'],
    ['MaxInputBytesPerBatch', 'MaxInputBytesPerBatchPath'],
  ]);
  if (!['MaxItemsPerBatch', 'MaxItemsPerBatchPath', 'MaxInputBytesPerBatch', 'MaxInputBytesPerBatchPath'].some((key) => hasOwn(value, key))) {
    sinkOf(ctx).error(
      'MISSING_REQUIRED_FIELD',
      site,
      `The ItemBatcher${inState(site)} needs at least one of 'MaxItemsPerBatch', 'MaxItemsPerBatchPath', 'MaxInputBytesPerBatch' or 'MaxInputBytesPerBatchPath'.`,
    );
  }
}

export function checkResultWriter(ctx: StateContext, site: Site, value: unknown): void {
  if (!expectObject(sinkOf(ctx), site, value)) return;
  checkFields(ctx, site, value, RESULT_WRITER_FIELDS, 'ResultWriter');
  if (!hasOwn(value, 'Resource') && !hasOwn(value, 'WriterConfig')) {
    sinkOf(ctx).error('MISSING_REQUIRED_FIELD', childSite(site, 'Resource'), `The field 'Resource' is required but was missing in ResultWriter${inState(site)} (or give only 'WriterConfig').`);
  }
  if (hasOwn(value, 'Resource') !== (hasOwn(value, 'Parameters') || hasOwn(value, 'Arguments'))) {
    sinkOf(ctx).error(
      'MISSING_REQUIRED_FIELD',
      site,
      `The ResultWriter${inState(site)} must give 'Resource' together with '${ctx.language === 'JSONata' ? 'Arguments' : 'Parameters'}' (Bucket, Prefix), or neither.`,
    );
  }
}

const PROCESSOR_CONFIG_FIELDS: FieldTable = {
  Mode: { check: oneOf(['INLINE', 'DISTRIBUTED']) },
  ExecutionType: { check: oneOf(['STANDARD', 'EXPRESS']) },
};

/** `ItemProcessor.ProcessorConfig` (also accepted on the deprecated `Iterator`). */
export function checkProcessorConfig(ctx: StateContext, site: Site, value: unknown): void {
  if (!expectObject(sinkOf(ctx), site, value)) return;
  checkFields(ctx, site, value, PROCESSOR_CONFIG_FIELDS, 'ProcessorConfig');
  if (value.Mode === 'DISTRIBUTED' && !hasOwn(value, 'ExecutionType')) {
    sinkOf(ctx).error('MISSING_REQUIRED_FIELD', childSite(site, 'ExecutionType'), `The field 'ExecutionType' is required but was missing in ProcessorConfig${inState(site)}: a DISTRIBUTED Map needs STANDARD or EXPRESS child executions.`);
  }
}

// Whitespace, brackets, wildcards, punctuation and control characters (DG "Map state Label").
const FORBIDDEN_LABEL_CHARS = /[\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]/u;

export function checkLabel(ctx: StateContext, site: Site, value: unknown): void {
  const sink = sinkOf(ctx);
  if (!expectString(sink, site, value)) return;
  if (value.length === 0 || value.length > LIMITS.mapLabelLength) {
    sink.error('INVALID_LABEL', site, `The Map Label '${value}'${inState(site)} must be 1 to ${LIMITS.mapLabelLength} characters long.`);
  }
  if (FORBIDDEN_LABEL_CHARS.test(value)) {
    sink.error('INVALID_LABEL', site, `The Map Label '${value}'${inState(site)} contains a forbidden character; labels may not contain whitespace, brackets, ? * " # % \\ ^ | ~ \` $ & , ; : / or control characters.`);
  }
  const labels = ctx.machine.document.labels;
  const first = labels.get(value);
  if (first) sink.error('DUPLICATE_LABEL', site, `The Map Label '${value}'${inState(site)} is already used by state '${first.state}'; labels must be unique in the state machine.`);
  else labels.set(value, site);
}
