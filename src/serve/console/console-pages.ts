import type { StateMachineDefinition } from '../../asl/types';
import type { ExecutionRecord } from '../model/execution-index';
import type { ServeContext } from '../service/context';

const STATUSES = ['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED'] as const;
/** While an execution runs its page reloads itself this often (seconds): the console follows it live. */
const REFRESH_SECONDS = 2;

/**
 * The local console `statecraft serve` answers `GET` with: `/` lists the state machines and their
 * executions (filter with `?status=` and `?machine=`), `/execution?arn=…` shows one execution as
 * the run view `statecraft run --report` writes (graph coloured by outcome, each state's data, the
 * timeline), reloading itself while the execution runs. Server-rendered pages, nothing fetched
 * from the network. Returns undefined for paths it does not serve.
 */
export async function consolePage(ctx: ServeContext, url: URL): Promise<string | undefined> {
  if (url.pathname === '/') return listPage(ctx, url.searchParams.get('status'), url.searchParams.get('machine'));
  if (url.pathname === '/execution') return executionPage(ctx, url.searchParams.get('arn') ?? '');
  return undefined;
}

function listPage(ctx: ServeContext, status: string | null, machine: string | null): string {
  const machines = [...ctx.catalog.machines.values()].sort((a, b) => a.name.localeCompare(b.name));
  const executions = ctx.executions.list((r) => (status === null || r.execution.status === status) && (machine === null || r.stateMachineArn === machine));
  const link = (params: Record<string, string | null>) => {
    const query = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== null)).toString();
    return query ? `/?${query}` : '/';
  };
  const filters = [null, ...STATUSES]
    .map((s) => `<a class="${s === status ? 'on' : ''}" href="${escape(link({ status: s, machine }))}">${s ?? 'all'}</a>`)
    .join(' ');
  const machineRows = machines
    .map((m) => `<tr><td><a href="${escape(link({ status, machine: m.arn }))}">${escape(m.name)}</a></td><td>${m.type}</td><td>${new Date(m.creationDate).toISOString()}</td></tr>`)
    .join('');
  const executionRows = executions.map(executionRow).join('');
  return page(
    'Statecraft console',
    `<h1>Statecraft console</h1>
<h2>State machines (${machines.length})</h2>
<table><tr><th>Name</th><th>Type</th><th>Created</th></tr>${machineRows || '<tr><td colspan="3">none yet: CreateStateMachine through the API</td></tr>'}</table>
<h2>Executions (${executions.length})${machine ? ` of ${escape(machine.slice(machine.lastIndexOf(':') + 1))} <a href="${escape(link({ status, machine: null }))}">(all machines)</a>` : ''}</h2>
<p class="filters">${filters}</p>
<table><tr><th>Name</th><th>State machine</th><th>Status</th><th>Started</th><th>Stopped</th></tr>${executionRows || '<tr><td colspan="5">none</td></tr>'}</table>`,
    executions.some((r) => r.execution.status === 'RUNNING'),
  );
}

function executionRow(record: ExecutionRecord): string {
  const d = record.execution.describe();
  const machine = record.stateMachineArn.slice(record.stateMachineArn.lastIndexOf(':') + 1);
  return `<tr><td><a href="/execution?arn=${encodeURIComponent(d.executionArn)}">${escape(d.name)}</a></td><td>${escape(machine)}</td><td class="status ${d.status}">${d.status}</td><td>${d.startDate}</td><td>${d.stopDate ?? ''}</td></tr>`;
}

async function executionPage(ctx: ServeContext, arn: string): Promise<string> {
  const record = ctx.executions.find(arn);
  if (!record) return page('Execution not found', `<p><a href="/">← console</a></p><p>No execution <code>${escape(arn)}</code> on this server.</p>`, false);
  const { renderRunView } = await import('../../diagram/index');
  const d = record.execution.describe();
  const view = await renderRunView({
    definition: JSON.parse(record.definitionText) as StateMachineDefinition,
    history: record.execution.history(),
    title: `${record.stateMachineArn.slice(record.stateMachineArn.lastIndexOf(':') + 1)} — ${d.name} (${d.status})`,
  });
  const running = d.status === 'RUNNING';
  return page(
    `${d.name} (${d.status})`,
    `<p><a href="/">← console</a> <span class="status ${d.status}">${d.status}</span>${running ? ` <em>live: this page reloads every ${REFRESH_SECONDS} s</em>` : ''}</p>${view.html}`,
    running,
    view.css,
    view.script,
  );
}

function page(title: string, body: string, refresh: boolean, css = '', script = ''): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
${refresh ? `<meta http-equiv="refresh" content="${REFRESH_SECONDS}">` : ''}
<title>${escape(title)}</title>
<style>${CONSOLE_CSS}${css}</style></head>
<body>${body}${script ? `<script>${script}</script>` : ''}</body></html>`;
}

const CONSOLE_CSS = `body{font:14px system-ui,sans-serif;margin:1.5rem;color:#16191f}
table{border-collapse:collapse;margin-bottom:1.5rem}th,td{text-align:left;padding:.3rem .8rem;border-bottom:1px solid #e9ebed}
a{color:#0972d3}.filters a{margin-right:.5rem}.filters a.on{font-weight:bold;text-decoration:none;color:#16191f}
.status.SUCCEEDED{color:#037f0c}.status.FAILED,.status.TIMED_OUT{color:#d91515}.status.ABORTED{color:#5f6b7a}.status.RUNNING{color:#0972d3}
`;

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
