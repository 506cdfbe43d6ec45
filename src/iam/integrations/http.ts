import { parseArn } from '../arn';
import type { IntegrationRule, RuleInput } from '../integration-rule';
import { payloadField, payloadPath } from '../payload-field';
import type { IamCondition } from '../types';
import type { PermissionNeed, ResourceRef } from '../permission-need';
import { resolveResources } from '../resolve-resource';

/**
 * `http:invoke`: `states:InvokeHTTPEndpoint` (conditioned on the static endpoint and method),
 * the EventBridge connection's credentials, and the Secrets Manager secret that EventBridge keeps
 * for the connection (`events!connection/<name>/<id>`).
 */
export const httpRule: IntegrationRule = {
  service: 'http',
  permissions(input) {
    const { condition, host } = endpointCondition(input);
    const connectionField = payloadPath(input.payload, ['Authentication', 'ConnectionArn']);
    const connections = resolveResources(input, connectionField, {
      noun: 'connection ARN',
      toResources: (value) => {
        const connection = parseConnection(value);
        return connection ? [{ arn: value, label: connection.name }] : undefined;
      },
    });
    const connection =
      connectionField.kind === 'static' && typeof connectionField.value === 'string' ? parseConnection(connectionField.value) : undefined;
    // EventBridge keeps a connection's credentials in the secret `events!connection/<name>/<id>`.
    const secrets: ResourceRef[] = connection
      ? [{ arn: `${connection.secretPrefix}:secret:events!connection/${connection.name}/*`, label: connection.name }]
      : [{ arn: `arn:${input.arns.partition}:secretsmanager:*:*:secret:events!connection/*` }];
    const invoke: PermissionNeed = {
      sid: 'HttpInvokeEndpoint',
      actions: ['states:InvokeHTTPEndpoint'],
      resources: [{ arn: '*', label: host }],
    };
    if (condition) invoke.condition = condition;
    return [
      invoke,
      { sid: 'EventsRetrieveConnectionCredentials', actions: ['events:RetrieveConnectionCredentials'], resources: connections },
      {
        sid: 'SecretsManagerConnectionSecret',
        actions: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
        resources: secrets,
      },
    ];
  },
};

function endpointCondition(input: RuleInput): { condition?: IamCondition; host?: string } {
  const condition: IamCondition = {};
  let host: string | undefined;
  const endpoint = payloadField(input.payload, 'ApiEndpoint');
  if (endpoint.kind === 'static' && typeof endpoint.value === 'string') {
    condition.StringLike = { 'states:HTTPEndpoint': endpoint.value };
    host = hostOf(endpoint.value);
  } else {
    input.warn({
      kind: 'dynamic-resource',
      field: endpoint.label,
      message:
        endpoint.kind === 'dynamic'
          ? `the endpoint is computed at run time (${endpoint.expression}), so states:InvokeHTTPEndpoint is not limited by a states:HTTPEndpoint condition; add one for the URLs it can resolve to.`
          : 'no static endpoint is given, so states:InvokeHTTPEndpoint is not limited by a states:HTTPEndpoint condition.',
    });
  }
  const method = payloadField(input.payload, 'Method');
  if (method.kind === 'static' && typeof method.value === 'string') {
    condition.StringEquals = { 'states:HTTPMethod': method.value.toUpperCase() };
  } else if (method.kind === 'dynamic') {
    input.warn({
      kind: 'dynamic-resource',
      field: method.label,
      message: `the method is computed at run time (${method.expression}), so there is no states:HTTPMethod condition.`,
    });
  }
  return { condition: Object.keys(condition).length > 0 ? condition : undefined, host };
}

function parseConnection(value: string): { name: string; secretPrefix: string } | undefined {
  const arn = parseArn(value);
  const match = arn && /^connection\/([A-Za-z0-9_.-]+)(?:\/[A-Za-z0-9-]+)?$/.exec(arn.resource);
  if (!arn || arn.service !== 'events' || !match) return undefined;
  return { name: match[1], secretPrefix: `arn:${arn.partition}:secretsmanager:${arn.region}:${arn.account}` };
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}
