import type { IntegrationRule, RuleInput } from '../integration-rule';
import { payloadField, type PayloadField } from '../payload-field';
import { resolveResources } from '../resolve-resource';

const ENDPOINT = /^([a-z0-9]+)\.execute-api\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?$/;

/**
 * `apigateway:invoke`: with `AuthType` `IAM_ROLE` or `RESOURCE_POLICY` the call is signed with the
 * execution role, which then needs `execute-api:Invoke` on `<api>/<stage>/<METHOD>/<path>`;
 * `NO_AUTH` (the default) needs no IAM permission. A WebSocket API's `@connections` path (posting
 * to, reading or closing a client connection) is the API Gateway management API, which IAM guards
 * with `execute-api:ManageConnections` on `<api>/<stage>/<METHOD>/@connections/<id>`, not `Invoke`.
 */
export const apiGatewayRule: IntegrationRule = {
  service: 'apigateway',
  permissions(input) {
    const authType = payloadField(input.payload, 'AuthType');
    const signed = authType.kind === 'dynamic' || (authType.kind === 'static' && authType.value !== 'NO_AUTH');
    if (!signed) return [];
    const connections = isConnectionsPath(payloadField(input.payload, 'Path'));
    const resources = resolveResources(input, payloadField(input.payload, 'ApiEndpoint'), {
      noun: 'API endpoint',
      toResources: (value) => {
        const match = ENDPOINT.exec(value);
        if (!match) return undefined;
        const route = [segment(input, 'Stage'), method(input), connections ? connectionsPath(input) : routePath(input)].join('/');
        return [{ arn: `arn:${input.arns.partition}:execute-api:${match[2]}:${input.arns.account()}:${match[1]}/${route}`, label: match[1] }];
      },
    });
    if (connections) return [{ sid: 'ApiGatewayManageConnections', actions: ['execute-api:ManageConnections'], resources }];
    return [{ sid: 'ApiGatewayInvoke', actions: ['execute-api:Invoke'], resources }];
  },
};

function staticString(field: PayloadField): string | undefined {
  return field.kind === 'static' && typeof field.value === 'string' ? field.value : undefined;
}

function segment(input: RuleInput, key: string): string {
  return staticString(payloadField(input.payload, key)) ?? '*';
}

function method(input: RuleInput): string {
  return staticString(payloadField(input.payload, 'Method'))?.toUpperCase() ?? '*';
}

function routePath(input: RuleInput): string {
  const field = payloadField(input.payload, 'Path');
  if (field.kind === 'absent') return '';
  const path = staticString(field);
  return path === undefined ? '*' : path.replace(/^\/+/, '');
}

// `@connections/<id>` (static) or a computed path that builds one (`States.Format('@connections/{}', …)`).
function isConnectionsPath(field: PayloadField): boolean {
  if (field.kind === 'static') return typeof field.value === 'string' && /^\/*@connections(\/|$)/.test(field.value);
  return field.kind === 'dynamic' && field.expression.includes('@connections');
}

function connectionsPath(input: RuleInput): string {
  const path = staticString(payloadField(input.payload, 'Path'));
  return path === undefined ? '@connections/*' : path.replace(/^\/+/, '');
}
