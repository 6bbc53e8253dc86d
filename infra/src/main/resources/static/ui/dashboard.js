/*
 * Vacant operator dashboard: a hash-routed page over the REST API (/api/v1). The operator token is pasted once
 * and kept in sessionStorage; every data call carries it. Endpoints another release may not have yet (404)
 * degrade to a note instead of an error.
 */
'use strict';

const TOKEN_KEY = 'vacant.operator-token';
const API = '/api/v1';
const VISIBILITIES = ['NONE', 'UNLISTED', 'PUBLIC'];
const LINEAGE_DEPTH = 10;
const POLL_MS = 2000;

let refreshTimer = null;

/* ---- DOM helpers: text is always set as text, never as HTML ---- */

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([key, value]) => {
    if (value === undefined || value === null || value === false) {
      return;
    }
    if (key.startsWith('on')) {
      node.addEventListener(key.substring(2), value);
    } else {
      node.setAttribute(key, value === true ? '' : String(value));
    }
  });
  children.flat().forEach(child => {
    if (child !== undefined && child !== null) {
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  });
  return node;
}

function section(title, ...content) {
  return el('section', {}, el('h2', {}, title), ...content);
}

function table(headers, rows, emptyText) {
  if (rows.length === 0) {
    return el('p', {class: 'empty'}, emptyText);
  }
  return el('table', {},
      el('thead', {}, el('tr', {}, headers.map(h => el('th', {}, h)))),
      el('tbody', {}, rows));
}

function facts(pairs) {
  return el('dl', {class: 'facts'}, pairs.flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value ?? '-')]));
}

function kpi(label, value, name) {
  return el('div', {class: 'kpi', 'data-kpi': name}, el('div', {class: 'value'}, value), el('div', {class: 'label'}, label));
}

function badge(kind, text) {
  return el('span', {class: 'badge ' + kind}, text);
}

function vacantLink(id) {
  return el('a', {href: '#/vacant/' + id, class: 'mono'}, short(id));
}

function short(id, length = 16) {
  return id && id.length > length + 4 ? id.substring(0, length) + '…' : id;
}

function when(instant) {
  return instant ? instant.replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '-';
}

function render(...content) {
  const page = document.getElementById('page');
  page.replaceChildren(...content);
}

function notice(text) {
  const box = document.getElementById('notice');
  box.textContent = text || '';
  box.hidden = !text;
}

/* ---- the API, with the token ---- */

function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || ('HTTP ' + status));
    this.status = status;
    this.code = problem && problem.code;
  }
}

async function call(method, path) {
  const response = await fetch(API + path, {
    method,
    headers: {'Authorization': 'Bearer ' + token(), 'Accept': 'application/json'}
  });
  const body = response.status === 204 ? null : await response.json().catch(() => null);
  if (response.status === 401) {
    sessionStorage.removeItem(TOKEN_KEY);
    throw new ApiError(401, body);
  }
  if (!response.ok) {
    throw new ApiError(response.status, body);
  }
  return body;
}

const get = path => call('GET', path);

/** The answer, or null when this server does not offer the endpoint (404). */
async function optional(path) {
  try {
    return await get(path);
  } catch (e) {
    if (e.status === 404) {
      return null;
    }
    throw e;
  }
}

/* ---- pages ---- */

async function registryPage(params) {
  const transitions = await fetch(API + '/lifecycle/transitions').then(r => r.json());
  const states = [...new Set(transitions.cells.map(cell => cell.state))];
  const query = new URLSearchParams();
  ['state', 'controller', 'visibility', 'after'].forEach(key => params.get(key) && query.set(key, params.get(key)));
  query.set('limit', params.get('limit') || '50');
  const page = await get('/vacants?' + query);

  const select = (name, values) => el('select', {name},
      el('option', {value: ''}, 'any'),
      values.map(value => el('option', {value, selected: params.get(name) === value}, value)));
  const filters = el('form', {class: 'filters', id: 'registry-filters', onsubmit: event => {
      event.preventDefault();
      const chosen = new URLSearchParams();
      new FormData(event.target).forEach((value, key) => value && chosen.set(key, value));
      location.hash = '#/registry?' + chosen;
    }},
    el('label', {}, 'State', select('state', states)),
    el('label', {}, 'Controller', el('input', {name: 'controller', value: params.get('controller') || ''})),
    el('label', {}, 'Visibility', select('visibility', VISIBILITIES)),
    el('button', {type: 'submit'}, 'Filter'));

  const rows = page.items.map(v => el('tr', {'data-vacant': v.id},
      el('td', {}, vacantLink(v.id)), el('td', {class: 'state'}, v.state), el('td', {}, v.controller),
      el('td', {}, v.registry_visibility), el('td', {}, v.birth_path || 'genesis'),
      el('td', {}, v.heartbeat_count), el('td', {}, v.logbook_head ? v.logbook_head.seq : '-'),
      el('td', {}, when(v.last_active))));
  const next = page.next_after ? el('a', {href: '#/registry?' + withParam(params, 'after', page.next_after), id: 'next-page'},
      'Next page →') : null;
  render(section('Registry', filters,
      table(['Vacant', 'State', 'Controller', 'Visibility', 'Birth', 'Heartbeats', 'Head seq', 'Last active'],
          rows, 'No vacant matches these filters.'), next));
}

function withParam(params, key, value) {
  const copy = new URLSearchParams(params);
  copy.set(key, value);
  return copy.toString();
}

async function vacantPage(id, params) {
  const fromSeq = Number(params.get('from_seq') || 0);
  const [vacant, verification, logbook] = await Promise.all([
    get('/vacants/' + id), get('/vacants/' + id + '/logbook/verification'),
    get('/vacants/' + id + '/logbook?limit=100&from_seq=' + fromSeq)]);
  const status = verification.verified
      ? badge('ok', 'chain verified: ' + verification.entries + ' entries')
      : badge('bad', 'verification failed: ' + verification.failures.length + ' of ' + verification.entries + ' entries');
  const failures = verification.failures.length === 0 ? null : table(['Seq', 'Reason'],
      verification.failures.map(f => el('tr', {}, el('td', {}, f.seq), el('td', {}, f.reason))), '');
  const entries = logbook.entries.map(entry => el('tr', {'data-seq': entry.seq},
      el('td', {}, entry.seq), el('td', {}, entry.body.kind), el('td', {}, when(entry.body.ts)),
      el('td', {class: 'mono'}, short(entry.body.signer)), el('td', {class: 'mono'}, entry.hash.substring(0, 16) + '…')));
  const more = logbook.next_from_seq == null ? null
      : el('a', {href: '#/vacant/' + id + '?from_seq=' + logbook.next_from_seq}, 'Later entries →');
  render(
      section('Vacant ' + short(id),
          facts([['Id', el('span', {class: 'mono'}, id)], ['State', vacant.state], ['Controller', vacant.controller],
            ['Visibility', vacant.registry_visibility], ['Substrate', vacant.substrate && vacant.substrate.model],
            ['Created', when(vacant.created_at)], ['Heartbeats', vacant.heartbeat_count],
            ['Birth', vacant.birth_path || 'genesis'],
            ['Parents', [vacant.parent, vacant.secondary_parent].filter(Boolean).map(vacantLink)],
            ['Related', [el('a', {href: '#/lineage/' + id}, 'lineage graph'), ' · ',
              el('a', {href: '#/composites/' + id}, 'as a composite')]]])),
      section('Logbook', el('p', {id: 'verification'}, status), failures,
          table(['Seq', 'Kind', 'Time', 'Signer', 'Hash'], entries, 'No entries.'), more));
}

async function lineagePage(id) {
  if (!id) {
    return askForVacant('Lineage', 'lineage');
  }
  const [descendants, ancestors] = await Promise.all([
    get('/vacants/' + id + '/lineage?direction=descendants&depth=' + LINEAGE_DEPTH + '&size=500'),
    get('/vacants/' + id + '/lineage?direction=ancestors&depth=' + LINEAGE_DEPTH)]);
  const links = [...ancestors.items, ...descendants.items];
  const nodes = new Map([[id, {data: {id, label: short(id, 10), focus: 'yes'}}]]);
  const edges = new Map();
  links.forEach(link => {
    [link.parent, link.child].forEach(v => nodes.has(v) || nodes.set(v, {data: {id: v, label: short(v, 10)}}));
    edges.set(link.parent + '>' + link.child,
        {data: {id: link.parent + '>' + link.child, source: link.parent, target: link.child, label: link.path}});
  });
  const graph = el('div', {id: 'graph', 'data-nodes': nodes.size, 'data-edges': edges.size});
  const summary = el('span', {id: 'graph-summary'}, nodes.size + ' vacants, ' + edges.size + ' links');
  render(section('Lineage of ' + short(id),
      el('div', {class: 'toolbar'},
          el('button', {type: 'button', id: 'zoom-in', onclick: () => zoomBy(1.25)}, '+'),
          el('button', {type: 'button', id: 'zoom-out', onclick: () => zoomBy(0.8)}, '−'),
          el('button', {type: 'button', class: 'secondary', id: 'zoom-fit', onclick: () => window.lineageGraph.fit(undefined, 30)}, 'Fit'),
          summary, el('span', {class: 'empty'}, ' scroll to zoom, drag to pan, click a vacant to open it')),
      graph));
  window.lineageGraph = cytoscape({
    container: graph,
    elements: [...nodes.values(), ...edges.values()],
    wheelSensitivity: 0.3,
    style: [
      {selector: 'node', style: {'label': 'data(label)', 'font-size': 10, 'background-color': '#2f5fd0',
          'width': 18, 'height': 18, 'text-valign': 'bottom', 'text-margin-y': 4, 'color': '#1d2330'}},
      {selector: 'node[focus = "yes"]', style: {'background-color': '#c0362c', 'width': 26, 'height': 26}},
      {selector: 'edge', style: {'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'width': 1.5,
          'line-color': '#9aa7bd', 'target-arrow-color': '#9aa7bd', 'label': 'data(label)', 'font-size': 9,
          'color': '#667085', 'text-background-color': '#fbfcfe', 'text-background-opacity': 1}}],
    layout: {name: 'dagre', rankDir: 'TB', nodeSep: 70, rankSep: 80, padding: 30}
  });
  window.lineageGraph.on('tap', 'node', event => { location.hash = '#/vacant/' + event.target.id(); });
}

function zoomBy(factor) {
  const graph = window.lineageGraph;
  graph.zoom({level: graph.zoom() * factor, renderedPosition: {x: graph.width() / 2, y: graph.height() / 2}});
}

async function compositesPage(id) {
  if (!id) {
    return askForVacant('Composites', 'composites');
  }
  const composite = await optional('/composites/' + id);
  if (composite === null) {
    return render(section('Composite ' + short(id), el('p', {class: 'empty'}, 'Not a vacant you can see.')));
  }
  const children = composite.children.map(c => el('tr', {'data-child': c.child_id},
      el('td', {}, vacantLink(c.child_id)), el('td', {}, c.birth_path), el('td', {}, c.closed_by_default ? 'closed' : 'open'),
      el('td', {}, c.axes.registry_visibility), el('td', {}, c.axes.endpoint_reachability), el('td', {}, c.axes.outbound_policy)));
  const plans = (composite.plans || []).map(plan => el('tr', {},
      el('td', {class: 'mono'}, short(plan.plan_id)), el('td', {}, plan.parallel ? 'parallel' : 'sequential'),
      el('td', {}, (plan.delegations || []).length)));
  render(section('Composite ' + short(id),
      el('div', {class: 'kpis'}, kpi('children', composite.children.length, 'children'),
          kpi('allowlisted', composite.allowlist.length, 'allowlist'),
          kpi('graduations in window', composite.graduations_in_window, 'graduations')),
      el('h3', {}, 'Children'),
      table(['Child', 'Birth', 'Default', 'Registry', 'Reachability', 'Outbound'], children, 'No children yet.'),
      el('h3', {}, 'Allowlist'),
      composite.allowlist.length ? el('p', {}, composite.allowlist.map(vacantLink)) : el('p', {class: 'empty'}, 'Empty.'),
      el('h3', {}, 'Delegation plans'),
      table(['Plan', 'Mode', 'Delegations'], plans, 'No delegation plans.')));
}

function askForVacant(title, route) {
  render(section(title, el('form', {class: 'filters', onsubmit: event => {
      event.preventDefault();
      location.hash = '#/' + route + '/' + new FormData(event.target).get('vacant').trim();
    }},
    el('label', {}, 'Vacant id', el('input', {name: 'vacant', size: 60, placeholder: 'vac_…'})),
    el('button', {type: 'submit'}, 'Show')), el('p', {class: 'empty'}, 'Or open a vacant from the registry.')));
}

let lastExecution = null;

async function lanesPage() {
  const snapshot = await get('/space/snapshot');
  const now = performance.now();
  const executions = Object.entries((snapshot.execution && snapshot.execution.lanes) || {});
  const finished = stats => stats.successes + stats.failures;
  const throughput = (lane, stats) => {
    if (!lastExecution || !(lane in lastExecution.lanes)) {
      return '-';
    }
    const seconds = (now - lastExecution.at) / 1000;
    return ((finished(stats) - lastExecution.lanes[lane]) / seconds).toFixed(1);
  };
  const backlog = Object.entries(snapshot.lanes || {}).sort((a, b) => b[1] - a[1])
      .map(([lane, count]) => el('tr', {'data-lane': lane}, el('td', {}, lane), el('td', {}, count)));
  const execution = executions.map(([lane, stats]) => el('tr', {'data-execution-lane': lane},
      el('td', {}, lane), el('td', {}, stats.successes), el('td', {}, stats.failures),
      el('td', {}, throughput(lane, stats)), el('td', {}, Number(stats.ewma_latency_ms).toFixed(1)),
      el('td', {}, (100 * stats.error_rate).toFixed(1) + ' %'), el('td', {}, stats.concurrency)));
  lastExecution = {at: now, lanes: Object.fromEntries(executions.map(([lane, stats]) => [lane, finished(stats)]))};
  render(
      section('Tuple space',
          el('div', {class: 'kpis'}, kpi('tuples', snapshot.tuples, 'tuples'),
              kpi('active agents', snapshot.active_agents, 'active_agents'),
              kpi('compressed agents', snapshot.compressed_agents, 'compressed_agents'),
              kpi('virtual agents', snapshot.virtual_agents, 'virtual_agents'))),
      section('Lane backlog', table(['Lane', 'Tuples waiting'], backlog, 'No tuples in any lane.')),
      section('Execution lanes',
          table(['Lane', 'Successes', 'Failures', 'Tasks/s', 'EWMA latency ms', 'Error rate', 'Concurrency'],
              execution, 'No execution lane has run a task.'),
          el('p', {class: 'empty'}, 'Tasks/s is measured by this page between two refreshes (every '
              + POLL_MS / 1000 + ' s).')));
  refreshTimer = setTimeout(() => route(), POLL_MS);
}

async function operationsPage() {
  const [projections, deadLetters, checkpoint, audits] = await Promise.all([
    optional('/projections'), optional('/projections/dead-letters'), optional('/checkpoints/latest'),
    get('/audit/replays')]);
  const lag = projections === null ? el('p', {class: 'empty'}, 'This server does not report projection lag.')
      : table(['Processor', 'Projections', 'Head', 'Position', 'Lag', 'Replaying'],
          projections.items.map(p => el('tr', {'data-processor': p.processor},
              el('td', {}, p.processor), el('td', {}, p.projections.join(', ')), el('td', {}, p.head),
              el('td', {}, p.position), el('td', {}, p.lag === 0 ? badge('ok', 'up to date') : badge('bad', p.lag + ' behind')),
              el('td', {}, p.replaying ? 'yes' : 'no'))), 'No projection processor.');
  const letters = deadLetters === null ? el('p', {class: 'empty'}, 'This server keeps no projection dead letters.')
      : el('p', {}, ((deadLetters.items || []).length) + ' dead letters');
  const latest = checkpoint === null ? el('p', {class: 'empty', id: 'no-checkpoint'}, 'No checkpoints yet.')
      : facts(Object.entries(checkpoint).map(([key, value]) => [key, typeof value === 'object' ? JSON.stringify(value) : value]));
  const running = audits.items.some(job => job.status === 'QUEUED' || job.status === 'RUNNING');
  const jobs = audits.items.map(job => el('tr', {'data-job': job.job},
      el('td', {class: 'mono'}, job.job), el('td', {}, job.status),
      el('td', {}, el('progress', {max: Math.max(job.progress.events_total, 1), value: job.progress.events_read}),
          ' ' + job.progress.events_read + ' / ' + job.progress.events_total),
      el('td', {}, job.report ? (job.report.failure_count === 0 ? badge('ok', 'no failures')
          : badge('bad', job.report.failure_count + ' failures')) : '-')));
  render(
      section('Projection lag', lag),
      section('Projection dead letters', letters),
      section('Latest checkpoint', latest),
      section('Audit replays',
          el('div', {class: 'toolbar'}, el('button', {type: 'button', id: 'start-audit', onclick: startAudit}, 'Start audit replay')),
          table(['Job', 'Status', 'Progress', 'Verdict'], jobs, 'No audit replay since this node started.')));
  if (running) {
    refreshTimer = setTimeout(() => route(), POLL_MS);
  }
}

async function startAudit() {
  await call('POST', '/audit/replays');
  route();
}

/* ---- routing and the token ---- */

const ROUTES = {
  registry: (rest, params) => registryPage(params),
  vacant: (rest, params) => vacantPage(rest, params),
  lineage: rest => lineagePage(rest),
  composites: rest => compositesPage(rest),
  lanes: () => lanesPage(),
  operations: () => operationsPage()
};

async function route() {
  clearTimeout(refreshTimer);
  const [path, query] = (location.hash.replace(/^#\/?/, '') || 'registry').split('?');
  const [name, ...rest] = path.split('/');
  const page = ROUTES[name] ? name : 'registry';
  document.querySelectorAll('nav a').forEach(a => a.classList.toggle('current', a.dataset.nav === page
      || (page === 'vacant' && a.dataset.nav === 'registry')));
  document.body.dataset.page = page;
  document.body.dataset.ready = 'false';
  try {
    notice(null);
    if (!token()) {
      render(section('Operator token required',
          el('p', {}, 'Paste an operator token above. It stays in this browser tab (sessionStorage) only.')));
      return;
    }
    await ROUTES[page](decodeURIComponent(rest.join('/')), new URLSearchParams(query || ''));
  } catch (e) {
    const text = e.status === 401 ? 'The token was refused; paste a valid operator token.' : 'Could not load: ' + e.message;
    notice(text);
    showTokenState();
    render(section('Unavailable', el('p', {class: 'empty'}, text)));
  } finally {
    document.body.dataset.ready = 'true';
  }
}

document.getElementById('token-form').addEventListener('submit', event => {
  event.preventDefault();
  const input = document.getElementById('token-input');
  if (input.value.trim()) {
    sessionStorage.setItem(TOKEN_KEY, input.value.trim());
    input.value = '';
    showTokenState();
    route();
  }
});
document.getElementById('token-forget').addEventListener('click', () => {
  sessionStorage.removeItem(TOKEN_KEY);
  showTokenState();
  route();
});
function showTokenState() {
  document.getElementById('token-input').placeholder = token() ? 'token in use (paste to replace)' : 'operator token';
}

window.addEventListener('hashchange', route);
showTokenState();
route();
