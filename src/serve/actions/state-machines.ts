import { LIMITS } from '../../asl/limits';
import { randomUUID } from 'node:crypto';
import { validateDefinition } from '../../asl/validate/validate-definition';
import { parseMachineReference } from '../model/arns';
import type { MachineRecord, MachineType } from '../model/catalog';
import { awsDiagnostic } from '../../asl/validate/aws-wording';
import { checkedDefinition, parseDefinitionText } from '../model/invalid-definition';
import { paginate } from '../model/execution-index';
import { ApiError } from '../protocol/api-error';
import type { RequestFields } from '../protocol/request-fields';
import type { ServeContext } from '../service/context';
import { readTags, type ActionHandler } from './handler';

const TYPES = ['STANDARD', 'EXPRESS'] as const;
const MAX_DEFINITION = LIMITS.definitionBytes;

const createStateMachine: ActionHandler = (ctx, request) => {
  const name = request.string('name', { min: 1, max: LIMITS.nameLength });
  const definition = request.string('definition', { min: 1, max: MAX_DEFINITION });
  const roleArn = request.string('roleArn', { min: 1, max: LIMITS.api.arnLength });
  const type: MachineType = request.optionalEnum('type', TYPES) ?? 'STANDARD';
  const fields = {
    name,
    type,
    roleArn,
    definition,
    creationDate: ctx.now(),
    loggingConfiguration: request.optionalObject('loggingConfiguration'),
    tracingConfiguration: request.optionalObject('tracingConfiguration'),
  };
  checkedDefinition(definition, type);
  const record = ctx.catalog.newMachine(fields);
  const existing = ctx.catalog.machines.get(record.arn);
  if (existing) {
    // AWS answers a repeated identical CreateStateMachine with the existing machine.
    if (existing.definition === definition && existing.roleArn === roleArn && existing.type === type) {
      return { stateMachineArn: existing.arn, creationDate: new Date(existing.creationDate) };
    }
    throw new ApiError('StateMachineAlreadyExists', `State Machine Already Exists: '${record.arn}'`);
  }
  ctx.machines.latest(record);
  ctx.catalog.machines.set(record.arn, record);
  const tags = readTags(request);
  if (Object.keys(tags).length > 0) ctx.catalog.tags.set(record.arn, tags);
  const version = request.optionalBoolean('publish') ? ctx.catalog.publish(record, request.optionalString('versionDescription'), ctx.now()) : undefined;
  ctx.saveCatalog();
  return { stateMachineArn: record.arn, creationDate: new Date(record.creationDate), stateMachineVersionArn: version?.arn };
};

const describeStateMachine: ActionHandler = (ctx, request) => {
  const arn = request.string('stateMachineArn', { min: 1, max: LIMITS.api.arnLength });
  const ref = parseMachineReference(arn);
  if (ref.alias !== undefined) throw new ApiError('InvalidArn', `Invalid Arn: '${arn}' (an alias ARN; use DescribeStateMachineAlias)`);
  const resolved = ctx.catalog.resolve(arn);
  const { machine } = resolved;
  const version = ref.version === undefined ? undefined : ctx.catalog.version(machine, ref, arn);
  return {
    stateMachineArn: version?.arn ?? machine.arn,
    name: machine.name,
    status: 'ACTIVE',
    definition: resolved.definition,
    roleArn: resolved.roleArn,
    type: machine.type,
    creationDate: new Date(version?.creationDate ?? machine.creationDate),
    loggingConfiguration: machine.loggingConfiguration ?? { level: 'OFF', includeExecutionData: false },
    tracingConfiguration: machine.tracingConfiguration ?? { enabled: false },
    revisionId: version?.revisionId ?? machine.revisionId,
    description: version?.description,
  };
};

const updateStateMachine: ActionHandler = (ctx, request) => {
  const machine = ctx.catalog.machine(request.string('stateMachineArn', { min: 1, max: LIMITS.api.arnLength }));
  const definition = request.optionalString('definition', { min: 1, max: MAX_DEFINITION });
  const roleArn = request.optionalString('roleArn', { min: 1, max: LIMITS.api.arnLength });
  const logging = request.optionalObject('loggingConfiguration');
  const tracing = request.optionalObject('tracingConfiguration');
  if (definition === undefined && roleArn === undefined && logging === undefined && tracing === undefined) {
    throw new ApiError('MissingRequiredParameter', 'Either the definition, the roleArn, the loggingConfiguration or the tracingConfiguration must be specified');
  }
  if (definition !== undefined) checkedDefinition(definition, machine.type);
  const changed = (definition !== undefined && definition !== machine.definition) || (roleArn !== undefined && roleArn !== machine.roleArn);
  if (definition !== undefined) machine.definition = definition;
  if (roleArn !== undefined) machine.roleArn = roleArn;
  if (logging !== undefined) machine.loggingConfiguration = logging;
  if (tracing !== undefined) machine.tracingConfiguration = tracing;
  if (changed) machine.revisionId = randomUUID();
  machine.updateDate = ctx.now();
  ctx.machines.latest(machine);
  const version = request.optionalBoolean('publish') ? ctx.catalog.publish(machine, request.optionalString('versionDescription'), ctx.now()) : undefined;
  ctx.saveCatalog();
  return { updateDate: new Date(machine.updateDate), revisionId: machine.revisionId, stateMachineVersionArn: version?.arn };
};

const deleteStateMachine: ActionHandler = (ctx, request) => {
  const arn = request.string('stateMachineArn', { min: 1, max: LIMITS.api.arnLength });
  const ref = parseMachineReference(arn);
  const machine = ctx.catalog.machines.get(ref.baseArn);
  if (!machine) return {}; // AWS: deleting a machine that does not exist succeeds.
  for (const record of ctx.executions.running()) if (record.stateMachineArn === machine.arn) record.execution.stop('States.Runtime', 'The state machine was deleted.');
  ctx.catalog.machines.delete(machine.arn);
  ctx.catalog.tags.delete(machine.arn);
  ctx.machines.forget(machine);
  ctx.saveCatalog();
  return {};
};

const listStateMachines: ActionHandler = (ctx, request) => {
  const machines = [...ctx.catalog.machines.values()].sort((a, b) => a.name.localeCompare(b.name));
  const { page, nextToken } = paginate(machines, request.optionalInteger('maxResults', { min: 0, max: LIMITS.api.maxResults }), request.optionalString('nextToken'));
  return { stateMachines: page.map((m) => ({ stateMachineArn: m.arn, name: m.name, type: m.type, creationDate: new Date(m.creationDate) })), nextToken };
};

const describeStateMachineForExecution: ActionHandler = (ctx, request) => {
  const record = ctx.executions.get(request.string('executionArn', { min: 1, max: LIMITS.api.arnLength }));
  const machine: MachineRecord | undefined = ctx.catalog.machines.get(record.stateMachineArn);
  return {
    stateMachineArn: record.versionArn ?? record.stateMachineArn,
    name: parseMachineReference(record.stateMachineArn).name,
    definition: record.definitionText,
    roleArn: record.roleArn,
    updateDate: new Date(machine?.updateDate ?? machine?.creationDate ?? Date.parse(record.execution.describe().startDate)),
    loggingConfiguration: machine?.loggingConfiguration ?? { level: 'OFF', includeExecutionData: false },
    tracingConfiguration: machine?.tracingConfiguration ?? { enabled: false },
    revisionId: record.revisionId,
  };
};

const validateStateMachineDefinition: ActionHandler = (_ctx, request: RequestFields) => {
  const text = request.string('definition', { min: 1, max: MAX_DEFINITION });
  const type = request.optionalEnum('type', TYPES) ?? 'STANDARD';
  const severity = request.optionalEnum('severity', ['ERROR', 'WARNING'] as const) ?? 'ERROR';
  const maxResults = request.optionalInteger('maxResults', { min: 0, max: LIMITS.api.validationMaxResults }) || LIMITS.api.validationMaxResults;
  let definition: unknown;
  try {
    definition = parseDefinitionText(text);
  } catch (error) {
    return { result: 'FAIL', diagnostics: [{ severity: 'ERROR', code: 'INVALID_JSON_DESCRIPTION', message: (error as Error).message, location: '/' }], truncated: false };
  }
  const diagnostics = validateDefinition(definition, { stateMachineType: type })
    .map(awsDiagnostic)
    .filter((d) => severity === 'WARNING' || d.severity === 'ERROR');
  return {
    result: diagnostics.some((d) => d.severity === 'ERROR') ? 'FAIL' : 'OK',
    diagnostics: diagnostics.slice(0, maxResults),
    truncated: diagnostics.length > maxResults,
  };
};

export const stateMachineActions = {
  CreateStateMachine: createStateMachine,
  DescribeStateMachine: describeStateMachine,
  UpdateStateMachine: updateStateMachine,
  DeleteStateMachine: deleteStateMachine,
  ListStateMachines: listStateMachines,
  DescribeStateMachineForExecution: describeStateMachineForExecution,
  ValidateStateMachineDefinition: validateStateMachineDefinition,
} satisfies Record<string, ActionHandler>;
