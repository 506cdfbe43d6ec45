import { checkName, parseMachineReference } from '../model/arns';
import type { AliasRecord, MachineRecord } from '../model/catalog';
import { paginate } from '../model/execution-index';
import { ApiError } from '../protocol/api-error';
import type { RequestFields } from '../protocol/request-fields';
import type { ServeContext } from '../service/context';
import type { ActionHandler } from './handler';
import { LIMITS } from '../../asl/limits';

const publishStateMachineVersion: ActionHandler = (ctx, request) => {
  const machine = ctx.catalog.machine(request.string('stateMachineArn', { min: 1, max: LIMITS.api.arnLength }));
  const revisionId = request.optionalString('revisionId');
  if (revisionId !== undefined && revisionId !== machine.revisionId) {
    throw new ApiError('ConflictException', `Failed to publish the State Machine version for revision ${revisionId}. The current State Machine revision is ${machine.revisionId}.`);
  }
  const version = ctx.catalog.publish(machine, request.optionalString('description', { max: LIMITS.api.descriptionLength }), ctx.now());
  ctx.saveCatalog();
  return { creationDate: new Date(version.creationDate), stateMachineVersionArn: version.arn };
};

const listStateMachineVersions: ActionHandler = (ctx, request) => {
  const machine = ctx.catalog.machine(request.string('stateMachineArn', { min: 1, max: LIMITS.api.arnLength }));
  const versions = [...machine.versions].sort((a, b) => b.version - a.version);
  const { page, nextToken } = paginate(versions, request.optionalInteger('maxResults', { min: 0, max: LIMITS.api.maxResults }), request.optionalString('nextToken'));
  return { stateMachineVersions: page.map((v) => ({ stateMachineVersionArn: v.arn, creationDate: new Date(v.creationDate) })), nextToken };
};

const deleteStateMachineVersion: ActionHandler = (ctx, request) => {
  const arn = request.string('stateMachineVersionArn', { min: 1, max: LIMITS.api.arnLength });
  const ref = parseMachineReference(arn);
  if (ref.version === undefined) throw new ApiError('ValidationException', `Invalid version ARN: '${arn}'`);
  const machine = ctx.catalog.machines.get(ref.baseArn);
  if (!machine) return {};
  const routedBy = machine.aliases.find((a) => a.routingConfiguration.some((r) => r.stateMachineVersionArn === arn));
  if (routedBy) {
    throw new ApiError('ConflictException', `Version ${arn} can't be deleted because it's referenced by the alias ${routedBy.arn}. Update or delete the alias first.`);
  }
  machine.versions = machine.versions.filter((v) => v.arn !== arn);
  ctx.saveCatalog();
  return {};
};

/** Reads and checks `routingConfiguration`: 1 or 2 versions of `machine`, weights 0–100 adding up to 100. */
function routing(ctx: ServeContext, request: RequestFields, machine: MachineRecord | undefined): { machine: MachineRecord; routes: AliasRecord['routingConfiguration'] } {
  const raw = request.optionalArray('routingConfiguration');
  if (!raw || raw.length < 1 || raw.length > 2) {
    throw new ApiError('ValidationException', `1 validation error detected: Value at 'routingConfiguration' failed to satisfy constraint: Member must have length between 1 and 2`);
  }
  const routes = raw.map((entry) => {
    const { stateMachineVersionArn, weight } = (entry ?? {}) as { stateMachineVersionArn?: unknown; weight?: unknown };
    if (typeof stateMachineVersionArn !== 'string' || typeof weight !== 'number' || !Number.isInteger(weight) || weight < 0 || weight > 100) {
      throw new ApiError('ValidationException', 'Each routingConfiguration entry needs a stateMachineVersionArn and an integer weight from 0 to 100.');
    }
    return { stateMachineVersionArn, weight };
  });
  if (routes.reduce((sum, r) => sum + r.weight, 0) !== 100) throw new ApiError('ValidationException', 'The weights of the routingConfiguration must add up to 100.');
  if (routes.length === 2 && routes[0].stateMachineVersionArn === routes[1].stateMachineVersionArn) {
    throw new ApiError('ValidationException', 'The routingConfiguration names the same version twice.');
  }
  const target = machine ?? ctx.catalog.resolve(parseMachineReference(routes[0].stateMachineVersionArn).baseArn).machine;
  for (const route of routes) {
    const ref = parseMachineReference(route.stateMachineVersionArn);
    if (ref.version === undefined || ref.baseArn !== target.arn) {
      throw new ApiError('ValidationException', `Routing configuration must contain versions of the same state machine: '${route.stateMachineVersionArn}'`);
    }
    ctx.catalog.version(target, ref, route.stateMachineVersionArn);
  }
  return { machine: target, routes };
}

const createStateMachineAlias: ActionHandler = (ctx, request) => {
  const name = request.string('name', { min: 1, max: LIMITS.nameLength });
  checkName(name);
  if (/^\d+$/.test(name)) throw new ApiError('ValidationException', `Invalid alias name '${name}': an alias name cannot be only digits (those name versions).`);
  const { machine, routes } = routing(ctx, request, undefined);
  const arn = `${machine.arn}:${name}`;
  const description = request.optionalString('description', { max: LIMITS.api.descriptionLength });
  const existing = machine.aliases.find((a) => a.name === name);
  if (existing) {
    if (JSON.stringify(existing.routingConfiguration) === JSON.stringify(routes) && existing.description === description) {
      return { stateMachineAliasArn: existing.arn, creationDate: new Date(existing.creationDate) };
    }
    throw new ApiError('ConflictException', `Alias ${arn} already exists with a different configuration.`);
  }
  const alias: AliasRecord = { arn, name, routingConfiguration: routes, creationDate: ctx.now(), ...(description === undefined ? {} : { description }) };
  machine.aliases.push(alias);
  ctx.saveCatalog();
  return { stateMachineAliasArn: arn, creationDate: new Date(alias.creationDate) };
};

function findAlias(ctx: ServeContext, arn: string): { machine: MachineRecord; alias: AliasRecord } {
  const ref = parseMachineReference(arn);
  if (ref.alias === undefined) throw new ApiError('InvalidArn', `Invalid Arn: '${arn}' (expected a state machine alias ARN)`);
  const machine = ctx.catalog.machines.get(ref.baseArn);
  if (!machine) throw new ApiError('ResourceNotFound', `Resource not found: '${arn}'`);
  return { machine, alias: ctx.catalog.alias(machine, ref.alias, arn) };
}

const describeStateMachineAlias: ActionHandler = (ctx, request) => {
  const { alias } = findAlias(ctx, request.string('stateMachineAliasArn', { min: 1, max: LIMITS.api.arnLength }));
  return {
    stateMachineAliasArn: alias.arn,
    name: alias.name,
    description: alias.description,
    routingConfiguration: alias.routingConfiguration,
    creationDate: new Date(alias.creationDate),
    updateDate: alias.updateDate === undefined ? undefined : new Date(alias.updateDate),
  };
};

const listStateMachineAliases: ActionHandler = (ctx, request) => {
  const machine = ctx.catalog.machine(request.string('stateMachineArn', { min: 1, max: LIMITS.api.arnLength }));
  const { page, nextToken } = paginate(machine.aliases, request.optionalInteger('maxResults', { min: 0, max: LIMITS.api.maxResults }), request.optionalString('nextToken'));
  return { stateMachineAliases: page.map((a) => ({ stateMachineAliasArn: a.arn, creationDate: new Date(a.creationDate) })), nextToken };
};

const updateStateMachineAlias: ActionHandler = (ctx, request) => {
  const { machine, alias } = findAlias(ctx, request.string('stateMachineAliasArn', { min: 1, max: LIMITS.api.arnLength }));
  const description = request.optionalString('description', { max: LIMITS.api.descriptionLength });
  if (description === undefined && !request.has('routingConfiguration')) {
    throw new ApiError('MissingRequiredParameter', 'Either the description or the routingConfiguration must be specified');
  }
  if (request.has('routingConfiguration')) alias.routingConfiguration = routing(ctx, request, machine).routes;
  if (description !== undefined) alias.description = description;
  alias.updateDate = ctx.now();
  ctx.saveCatalog();
  return { updateDate: new Date(alias.updateDate) };
};

const deleteStateMachineAlias: ActionHandler = (ctx, request) => {
  const { machine, alias } = findAlias(ctx, request.string('stateMachineAliasArn', { min: 1, max: LIMITS.api.arnLength }));
  machine.aliases = machine.aliases.filter((a) => a !== alias);
  ctx.saveCatalog();
  return {};
};

export const versionAndAliasActions = {
  PublishStateMachineVersion: publishStateMachineVersion,
  ListStateMachineVersions: listStateMachineVersions,
  DeleteStateMachineVersion: deleteStateMachineVersion,
  CreateStateMachineAlias: createStateMachineAlias,
  DescribeStateMachineAlias: describeStateMachineAlias,
  ListStateMachineAliases: listStateMachineAliases,
  UpdateStateMachineAlias: updateStateMachineAlias,
  DeleteStateMachineAlias: deleteStateMachineAlias,
} satisfies Record<string, ActionHandler>;
