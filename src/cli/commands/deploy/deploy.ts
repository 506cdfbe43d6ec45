import {
  CreateStateMachineCommand,
  ListStateMachinesCommand,
  SFNClient,
  SFNServiceException,
  UpdateStateMachineCommand,
  type StateMachineListItem,
} from '@aws-sdk/client-sfn';
import { validateDefinition } from '../../../asl/validate';
import type { StateMachineDefinition } from '../../../asl/types';
import { deriveIamPolicy, formatIamReport } from '../../../iam';
import type { CommandIo } from '../../command';
import type { DeployArgs } from '../deploy';
import { loadDefinition } from '../run/load-definition';
import { formatDiagnostic } from '../validate';

/** Deploys one definition: validate first, then CreateStateMachine or UpdateStateMachine by name. */
export async function deploy(args: DeployArgs, io: CommandIo): Promise<number> {
  const loaded = await loadDefinition(args.file, args.workflow);
  if ('problem' in loaded) {
    io.stderr(`statecraft deploy: ${loaded.problem}\n`);
    return 2;
  }
  const type = args.type ?? loaded.type ?? 'STANDARD';
  const name = args.name ?? loaded.name;
  const errors = validateDefinition(loaded.definition, { stateMachineType: type }).filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    io.stderr(`statecraft deploy: ${args.file} is not a valid ${type} state machine; nothing was deployed:\n${errors.map((d) => `  ${formatDiagnostic(d)}`).join('\n')}\n`);
    return 2;
  }
  const definition = JSON.stringify(loaded.definition, null, 2);
  const client = new SFNClient({ ...(args.endpoint ? { endpoint: args.endpoint } : {}), ...(args.region ? { region: args.region } : {}) });
  try {
    const existing = await findByName(client, name);
    let stateMachineArn: string;
    let versionArn: string | undefined;
    if (existing) {
      const updated = await client.send(new UpdateStateMachineCommand({ stateMachineArn: existing.stateMachineArn, definition, roleArn: args.roleArn, publish: args.publish }));
      stateMachineArn = existing.stateMachineArn!;
      versionArn = updated.stateMachineVersionArn;
    } else {
      const created = await client.send(new CreateStateMachineCommand({ name, definition, roleArn: args.roleArn, type, publish: args.publish }));
      stateMachineArn = created.stateMachineArn!;
      versionArn = created.stateMachineVersionArn;
    }
    const iam = deriveIamPolicy(loaded.definition as StateMachineDefinition);
    if (args.json) {
      io.stdout(`${JSON.stringify({ stateMachineArn, created: !existing, stateMachineVersionArn: versionArn, iam }, null, 2)}\n`);
    } else {
      io.stdout(`${existing ? 'updated' : 'created'} ${stateMachineArn}${versionArn ? `\npublished ${versionArn}` : ''}\n\nThe role ${args.roleArn} needs:\n${formatIamReport(iam)}\n`);
    }
    return 0;
  } catch (error) {
    const name = error instanceof SFNServiceException ? error.name : ((error as Error).name ?? 'Error');
    io.stderr(`statecraft deploy: ${name}: ${(error as Error).message}\n`);
    return 1;
  } finally {
    client.destroy();
  }
}

async function findByName(client: SFNClient, name: string): Promise<StateMachineListItem | undefined> {
  let nextToken: string | undefined;
  do {
    const page = await client.send(new ListStateMachinesCommand({ nextToken }));
    const found = page.stateMachines?.find((m) => m.name === name);
    if (found) return found;
    nextToken = page.nextToken;
  } while (nextToken);
  return undefined;
}
