import { iamActionsForSdkAction } from '../sdk-action-names';
import { iamPrefixForSdkService } from '../sdk-service-prefixes';
import type { PermissionNeed } from '../permission-need';
import { ANY_RESOURCE } from '../permission-need';
import type { IamWarning } from '../types';

export interface SdkCall {
  service: string;
  action: string;
  warn(warning: Omit<IamWarning, 'state'>): void;
}

/**
 * `aws-sdk:<service>:<action>`: `<iam-prefix>:<Action>` on `*`. Like AWS's console this is partial
 * (the call may need more actions, e.g. KMS for encrypted data, and the resource is unknown), and
 * the report says so. An unknown service emits nothing rather than a guessed prefix.
 */
export function awsSdkPermissions(call: SdkCall): PermissionNeed[] {
  const prefix = iamPrefixForSdkService(call.service);
  if (!prefix) {
    call.warn({
      kind: 'unknown-resource',
      field: 'Resource',
      message: `no IAM prefix is known for the SDK service '${call.service}'; add the permission for ${call.service}:${call.action} yourself.`,
    });
    return [];
  }
  if (!/^[a-z][A-Za-z0-9]*$/.test(call.action)) {
    call.warn({
      kind: 'unknown-resource',
      field: 'Resource',
      message: `'${call.action}' is not an SDK action name (expected camelCase, e.g. getObject); add the permission yourself.`,
    });
    return [];
  }
  const actions = iamActionsForSdkAction(prefix, call.action).map((action) => `${prefix}:${action}`);
  call.warn({
    kind: 'partial-policy',
    field: 'Resource',
    message: `AWS SDK integration: ${actions.join(', ')} on "*" may be partial; narrow the resource and add any other permissions the call needs.`,
  });
  return [{ sid: sdkSid(prefix, actions), actions, resources: [ANY_RESOURCE] }];
}

function sdkSid(prefix: string, actions: string[]): string {
  const service = prefix.split('-').map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('');
  return `${service}${actions.map((action) => action.slice(action.indexOf(':') + 1)).join('')}`;
}
