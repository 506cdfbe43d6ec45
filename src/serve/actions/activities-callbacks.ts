import { LIMITS } from '../../asl/limits';
import { paginate } from '../model/execution-index';
import { checkName, parseStatesArn } from '../model/arns';
import { ApiError } from '../protocol/api-error';
import type { ServeContext } from '../service/context';
import { api, asApiError, readTags, type ActionHandler } from './handler';

/** AWS: task outputs and inputs are at most 256 KiB; task tokens (API) at most 2,048 characters. */
const MAX_OUTPUT = LIMITS.payloadBytes;
const MAX_TOKEN = LIMITS.api.taskTokenLength;


/** Journals what a call delivered to any running execution, before the caller is answered. */
function journalAll(ctx: ServeContext): void {
  for (const record of ctx.executions.running()) ctx.persistence.sync(record.execution);
}

const createActivity: ActionHandler = (ctx, request) => {
  const name = request.string('name', { min: 1, max: LIMITS.nameLength });
  checkName(name);
  const { activityArn } = api(() => ctx.interpreter.createActivity(name));
  let record = ctx.catalog.activities.get(activityArn);
  if (!record) {
    record = { arn: activityArn, name, creationDate: ctx.now() };
    ctx.catalog.activities.set(activityArn, record);
    const tags = readTags(request);
    if (Object.keys(tags).length > 0) ctx.catalog.tags.set(activityArn, tags);
    ctx.saveCatalog();
  }
  return { activityArn, creationDate: new Date(record.creationDate) };
};

function activityRecord(ctx: ServeContext, arn: string) {
  parseStatesArn(arn, ['activity']);
  const record = ctx.catalog.activities.get(arn);
  if (!record) throw new ApiError('ActivityDoesNotExist', `Activity Does Not Exist: '${arn}'`);
  return record;
}

const describeActivity: ActionHandler = (ctx, request) => {
  const record = activityRecord(ctx, request.string('activityArn', { min: 1, max: LIMITS.api.arnLength }));
  return { activityArn: record.arn, name: record.name, creationDate: new Date(record.creationDate) };
};

const listActivities: ActionHandler = (ctx, request) => {
  const activities = [...ctx.catalog.activities.values()].sort((a, b) => a.name.localeCompare(b.name));
  const { page, nextToken } = paginate(activities, request.optionalInteger('maxResults', { min: 0, max: LIMITS.api.maxResults }), request.optionalString('nextToken'));
  return { activities: page.map((a) => ({ activityArn: a.arn, name: a.name, creationDate: new Date(a.creationDate) })), nextToken };
};

const deleteActivity: ActionHandler = (ctx, request) => {
  const arn = request.string('activityArn', { min: 1, max: LIMITS.api.arnLength });
  parseStatesArn(arn, ['activity']);
  api(() => ctx.interpreter.deleteActivity(arn));
  if (ctx.catalog.activities.delete(arn)) {
    ctx.catalog.tags.delete(arn);
    ctx.saveCatalog();
  }
  return {};
};

const getActivityTask: ActionHandler = async (ctx, request, signal) => {
  const arn = request.string('activityArn', { min: 1, max: LIMITS.api.arnLength });
  activityRecord(ctx, arn);
  const workerName = request.optionalString('workerName', { min: 1, max: LIMITS.nameLength });
  let task;
  try {
    task = await ctx.interpreter.getActivityTask(arn, workerName, signal);
  } catch (error) {
    throw asApiError(error);
  }
  journalAll(ctx);
  return task;
};

const sendTaskSuccess: ActionHandler = (ctx, request) => {
  const token = request.string('taskToken', { min: 1, max: MAX_TOKEN });
  const output = request.string('output', { max: MAX_OUTPUT });
  api(() => ctx.interpreter.sendTaskSuccess(token, output));
  journalAll(ctx);
  return {};
};

const sendTaskFailure: ActionHandler = (ctx, request) => {
  const token = request.string('taskToken', { min: 1, max: MAX_TOKEN });
  api(() => ctx.interpreter.sendTaskFailure(token, request.optionalString('error', { max: LIMITS.api.errorLength }), request.optionalString('cause', { max: LIMITS.api.causeLength })));
  journalAll(ctx);
  return {};
};

const sendTaskHeartbeat: ActionHandler = (ctx, request) => {
  const token = request.string('taskToken', { min: 1, max: MAX_TOKEN });
  api(() => ctx.interpreter.sendTaskHeartbeat(token));
  journalAll(ctx);
  return {};
};

const tagResource: ActionHandler = (ctx, request) => {
  const arn = request.string('resourceArn', { min: 1, max: LIMITS.api.arnLength });
  ctx.catalog.taggable(arn);
  const tags = { ...(ctx.catalog.tags.get(arn) ?? {}), ...readTags(request) };
  if (Object.keys(tags).length > 50) throw new ApiError('TooManyTags', `Too many tags: a resource has at most 50 tags.`);
  ctx.catalog.tags.set(arn, tags);
  ctx.saveCatalog();
  return {};
};

const untagResource: ActionHandler = (ctx, request) => {
  const arn = request.string('resourceArn', { min: 1, max: LIMITS.api.arnLength });
  ctx.catalog.taggable(arn);
  const tags = { ...(ctx.catalog.tags.get(arn) ?? {}) };
  for (const key of request.optionalArray('tagKeys') ?? []) if (typeof key === 'string') delete tags[key];
  ctx.catalog.tags.set(arn, tags);
  ctx.saveCatalog();
  return {};
};

const listTagsForResource: ActionHandler = (ctx, request) => {
  const arn = request.string('resourceArn', { min: 1, max: LIMITS.api.arnLength });
  ctx.catalog.taggable(arn);
  return { tags: Object.entries(ctx.catalog.tags.get(arn) ?? {}).map(([key, value]) => ({ key, value })) };
};

export const activityAndCallbackActions = {
  CreateActivity: createActivity,
  DescribeActivity: describeActivity,
  ListActivities: listActivities,
  DeleteActivity: deleteActivity,
  GetActivityTask: getActivityTask,
  SendTaskSuccess: sendTaskSuccess,
  SendTaskFailure: sendTaskFailure,
  SendTaskHeartbeat: sendTaskHeartbeat,
  TagResource: tagResource,
  UntagResource: untagResource,
  ListTagsForResource: listTagsForResource,
} satisfies Record<string, ActionHandler>;
