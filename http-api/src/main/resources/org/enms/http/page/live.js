// The live page: every machine with its live power and status, the recent anomalies and a chart
// per machine. The first picture comes from the REST API; from then on everything arrives over the
// WebSocket /api/v1/ws/dashboard (README, "WebSocket streams"), which is reopened with backoff.
// No library and nothing from another origin: the page must work on a plant network.
'use strict';

(() => {
  /** Machines whose readings are followed live; a large plant lists the rest without live values. */
  const MAX_LIVE = 200;
  const CHART_WINDOW_MS = 10 * 60 * 1000;
  const MAX_ANOMALIES = 50;
  const RETRY_FIRST_MS = 1000;
  const RETRY_MAX_MS = 30000;
  const PING_EVERY_MS = 15000;
  /** A socket that has said nothing for this long (it is pinged) is taken for dead. */
  const SILENT_LIMIT_MS = 45000;
  const STATUS_REQUESTS_AT_ONCE = 4;

  const SVG = 'http://www.w3.org/2000/svg';
  const machines = new Map(); // machine id → its row and live values
  const anomalies = new Map(); // anomaly id → its list item
  const redraw = new Set(); // machines whose chart waits for the next frame
  const clientId = 'live-page-' + Math.random().toString(36).slice(2, 10);

  let socket = null; // the current WebSocket, null while none is open or opening
  let greeted = false; // the current socket sent its "connection" message
  let everConnected = false;
  let attempt = 0; // connections failed in a row
  let lastHeard = 0;
  let loaded = false; // the machine list is in the table

  const $ = (id) => document.getElementById(id);

  function make(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // ---- time -------------------------------------------------------------------------------------

  function ago(ms) {
    const s = Math.max(0, Math.round((Date.now() - ms) / 1000));
    if (s < 2) return 'just now';
    if (s < 90) return `${s} s ago`;
    if (s < 90 * 60) return `${Math.round(s / 60)} min ago`;
    return `${Math.round(s / 3600)} h ago`;
  }

  function clock(ms) {
    const d = new Date(ms);
    const sameDay = d.toDateString() === new Date().toDateString();
    return sameDay ? d.toLocaleTimeString() : d.toLocaleString();
  }

  function setTime(node, ms) {
    node.dateTime = new Date(ms).toISOString();
    node.title = new Date(ms).toLocaleString();
    node.dataset.ms = String(ms);
    node.textContent = ago(ms);
  }

  // ---- machines ---------------------------------------------------------------------------------

  function addMachine(m, index) {
    const existing = machines.get(m.id);
    if (existing) {
      existing.name = m.name;
      existing.row.querySelector('.name').textContent = m.name;
      return existing;
    }
    const row = make('tr');
    row.dataset.machineId = m.id;
    const name = make('th', 'name', m.name);
    name.scope = 'row';
    const power = make('td', 'power num', '—');
    const badge = make('span', 'badge status-unknown', 'unknown');
    const statusCell = make('td', 'status');
    statusCell.append(badge);
    const time = make('time', null, '—');
    const updated = make('td', 'updated');
    updated.append(time);
    const chartCell = make('td', 'chart');
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('class', 'spark');
    svg.setAttribute('viewBox', '0 0 100 30');
    svg.setAttribute('preserveAspectRatio', 'none');
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', `${m.name}: no readings yet`);
    const rated = document.createElementNS(SVG, 'line');
    rated.setAttribute('class', 'rated');
    rated.setAttribute('x1', '0');
    rated.setAttribute('x2', '100');
    rated.setAttribute('visibility', 'hidden');
    const line = document.createElementNS(SVG, 'polyline');
    line.setAttribute('class', 'line');
    line.setAttribute('points', '');
    svg.append(rated, line);
    chartCell.append(svg);
    row.append(name, make('td', 'type', m.type), power, statusCell, updated, chartCell);

    const view = {
      id: m.id,
      name: m.name,
      ratedKw: m.rated_power_kw || 0,
      live: index < MAX_LIVE && m.is_active !== false,
      row, power, badge, time, svg, line, rated,
      status: null,
      lastMs: 0,
      points: [],
    };
    machines.set(m.id, view);
    if (m.is_active === false) setStatus(view, 'inactive');
    return view;
  }

  function setStatus(view, status) {
    view.status = status;
    view.badge.className = `badge status-${/^[a-z_]+$/.test(status) ? status : 'unknown'}`;
    view.badge.textContent = status;
  }

  function setPower(view, kw, ms) {
    view.lastMs = ms;
    view.power.textContent = kw.toFixed(1);
    view.power.dataset.kw = String(kw);
    setTime(view.time, ms);
    view.points.push({ ms, kw });
    if (!redraw.size) requestAnimationFrame(drawCharts);
    redraw.add(view);
  }

  function drawCharts() {
    for (const view of redraw) draw(view);
    redraw.clear();
  }

  /**
   * A line of the readings of the last 10 minutes (or since the page opened, while that is
   * shorter), scaled from 0 to the rated power or the highest value, whichever is more.
   */
  function draw(view) {
    const end = view.lastMs;
    while (view.points.length && view.points[0].ms < end - CHART_WINDOW_MS) view.points.shift();
    const points = view.points;
    const start = points[0].ms;
    const span = Math.max(end - start, 1);
    let low = Infinity;
    let high = -Infinity;
    for (const p of points) {
      low = Math.min(low, p.kw);
      high = Math.max(high, p.kw);
    }
    const top = Math.max(view.ratedKw, high, 0.001) * 1.05;
    const y = (kw) => (30 - (Math.max(0, kw) / top) * 30).toFixed(2);
    const x = (ms) => (points.length === 1 ? 100 : ((ms - start) / span) * 100).toFixed(2);
    const coords = points.map((p) => `${x(p.ms)},${y(p.kw)}`);
    if (points.length === 1) coords.unshift(`0,${y(points[0].kw)}`);
    view.line.setAttribute('points', coords.join(' '));
    if (view.ratedKw > 0) {
      view.rated.setAttribute('y1', y(view.ratedKw));
      view.rated.setAttribute('y2', y(view.ratedKw));
      view.rated.setAttribute('visibility', 'visible');
    }
    const minutes = Math.max(1, Math.round(span / 60000));
    view.svg.setAttribute(
      'aria-label',
      `${view.name}, last ${minutes} min: ${points.length} readings from ${low.toFixed(1)} to ` +
        `${high.toFixed(1)} kW, latest ${points[points.length - 1].kw.toFixed(1)} kW` +
        (view.ratedKw > 0 ? `; rated ${view.ratedKw} kW (dashed line)` : '')
    );
  }

  function onReading(d) {
    const view = machines.get(d.machine_id);
    if (!view || d.energy_type !== 'electricity') return;
    const ms = Date.parse(d.time);
    if (!(ms > view.lastMs)) return; // a redelivered or late reading
    setPower(view, d.power_kw, ms);
  }

  async function loadMachines() {
    const list = await getJson('/api/v1/machines');
    const body = $('machines').tBodies[0];
    list.forEach((m, i) => {
      const view = addMachine(m, i);
      if (view.row.parentNode !== body) body.append(view.row);
    });
    const note = $('machines-note');
    note.hidden = list.length <= MAX_LIVE;
    note.textContent = `Live values for the first ${MAX_LIVE} of ${list.length} machines.`;
    loaded = true;
  }

  /** The entities' latest values for machines that have sent nothing over the socket yet. */
  async function loadStatuses() {
    const waiting = [...machines.values()].filter((v) => v.live && !v.lastMs);
    const worker = async () => {
      for (let view = waiting.shift(); view; view = waiting.shift()) {
        try {
          const s = await getJson(`/api/v1/machines/status/${encodeURIComponent(view.name)}`);
          const current = s.current_status || {};
          if (!view.status && current.status) setStatus(view, current.status);
          const ms = current.last_reading ? Date.parse(current.last_reading) : NaN;
          if (ms > view.lastMs) setPower(view, current.power_kw, ms);
        } catch (e) {
          // a machine without an answer keeps its dashes until its first reading
        }
      }
    };
    await Promise.all(Array.from({ length: STATUS_REQUESTS_AT_ONCE }, worker));
  }

  // ---- anomalies --------------------------------------------------------------------------------

  function words(text) {
    return String(text || '').replace(/_/g, ' ');
  }

  function number(x) {
    return typeof x === 'number' && Number.isFinite(x) ? x.toFixed(1) : null;
  }

  /** What the REST list says, in words (it has no explanation field). */
  function reasonOf(a) {
    const parts = [];
    const value = number(a.metric_value);
    if (value !== null) parts.push(`${words(a.metric_name)} ${value}`);
    const expected = number(a.expected_value);
    if (expected !== null) parts.push(`expected ${expected}`);
    const deviation = number(a.deviation_percent);
    if (deviation !== null) parts.push(`${a.deviation_percent >= 0 ? '+' : ''}${deviation} %`);
    if (a.detection_method) parts.push(`by ${words(a.detection_method)}`);
    return parts.join(', ');
  }

  function showAnomaly(a) {
    let item = anomalies.get(a.id);
    if (!item) {
      item = make('li', 'anomaly');
      item.dataset.anomalyId = a.id;
      item.append(
        make('span', 'severity badge'),
        make('span', 'headline'),
        make('time', 'when'),
        make('span', 'reason'),
        make('span', 'state')
      );
      anomalies.set(a.id, item);
    }
    const severity = /^[a-z]+$/.test(a.severity) ? a.severity : 'info';
    item.className = `anomaly severity-${severity}` + (item.dataset.resolved ? ' resolved' : '');
    item.dataset.machineId = a.machineId;
    item.dataset.source = a.source;
    item.dataset.ms = String(a.ms);
    item.querySelector('.severity').textContent = a.severity;
    item.querySelector('.headline').textContent = `${a.machineName} · ${words(a.type)}`;
    const when = item.querySelector('.when');
    when.dateTime = new Date(a.ms).toISOString();
    when.textContent = clock(a.ms);
    item.querySelector('.reason').textContent = a.reason;
    if (a.resolvedMs) resolve(item, a.resolvedMs);
    place(item);
  }

  /** Newest first; the oldest beyond the limit leave. */
  function place(item) {
    const list = $('anomalies');
    const ms = Number(item.dataset.ms);
    let before = null;
    for (const other of list.children) {
      if (other !== item && Number(other.dataset.ms) < ms) {
        before = other;
        break;
      }
    }
    if (item.parentNode !== list || item.nextSibling !== before) list.insertBefore(item, before);
    while (list.children.length > MAX_ANOMALIES) {
      const last = list.lastElementChild;
      anomalies.delete(last.dataset.anomalyId);
      last.remove();
    }
    $('no-anomalies').hidden = list.children.length > 0;
  }

  function resolve(item, ms) {
    item.dataset.resolved = 'true';
    item.classList.add('resolved');
    item.querySelector('.state').textContent = `resolved ${clock(ms)}`;
  }

  function nameOf(machineId) {
    const view = machines.get(machineId);
    return view ? view.name : `machine ${String(machineId).slice(0, 8)}`;
  }

  async function loadAnomalies() {
    const recent = await getJson('/api/v1/anomaly/recent?limit=' + MAX_ANOMALIES);
    for (const a of recent.anomalies) {
      showAnomaly({
        id: a.id,
        machineId: a.machine_id,
        machineName: a.machine_name || nameOf(a.machine_id),
        type: a.anomaly_type,
        severity: a.severity,
        ms: Date.parse(a.detected_at),
        reason: reasonOf(a),
        resolvedMs: a.is_resolved && a.resolved_at ? Date.parse(a.resolved_at) : 0,
        source: anomalies.has(a.id) ? anomalies.get(a.id).dataset.source : 'history',
      });
    }
  }

  function onAnomalyDetected(d) {
    showAnomaly({
      id: d.anomaly_id,
      machineId: d.machine_id,
      machineName: nameOf(d.machine_id),
      type: d.anomaly_type,
      severity: d.severity,
      ms: Date.parse(d.time),
      reason: d.explanation || reasonOf(d),
      resolvedMs: 0,
      source: 'live',
    });
  }

  function onAnomalyResolved(d) {
    const item = anomalies.get(d.anomaly_id);
    if (item) resolve(item, Date.parse(d.time));
  }

  // ---- the socket -------------------------------------------------------------------------------

  function setConnection(state, text) {
    const node = $('connection');
    node.dataset.state = state;
    node.textContent = text;
  }

  function connect() {
    setConnection('connecting', attempt ? `Reconnecting (attempt ${attempt + 1})…` : 'Connecting…');
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    let ws;
    try {
      ws = new WebSocket(`${scheme}://${location.host}/api/v1/ws/dashboard?client_id=${clientId}`);
    } catch (e) {
      retry();
      return;
    }
    socket = ws;
    greeted = false;
    lastHeard = Date.now();
    ws.onmessage = (event) => {
      if (socket === ws) onMessage(event.data);
    };
    ws.onclose = () => lost(ws);
  }

  /** The socket closed, failed or went silent: forget it and try again later. */
  function lost(ws) {
    if (socket !== ws) return;
    socket = null;
    greeted = false;
    ws.onclose = null;
    ws.onmessage = null;
    try {
      ws.close();
    } catch (e) {
      // already closed
    }
    retry();
  }

  function retry() {
    const ceiling = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** attempt);
    const delay = Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
    attempt++;
    setConnection('closed', `Disconnected; reconnecting in ${Math.ceil(delay / 1000)} s`);
    setTimeout(connect, delay);
  }

  function send(message) {
    if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
  }

  function follow() {
    if (!greeted) return;
    const ids = [...machines.values()].filter((v) => v.live).map((v) => v.id);
    if (ids.length) send({ action: 'follow', machine_ids: ids });
  }

  function onMessage(text) {
    lastHeard = Date.now();
    let message;
    try {
      message = JSON.parse(text);
    } catch (e) {
      return;
    }
    const d = message.data || {};
    switch (message.type) {
      case 'connection':
        onConnected();
        break;
      case 'machine_reading':
        onReading(d);
        break;
      case 'machine_status': {
        const view = machines.get(d.machine_id);
        if (view) setStatus(view, d.current);
        break;
      }
      case 'anomaly_detected':
        onAnomalyDetected(d);
        break;
      case 'anomaly_resolved':
        onAnomalyResolved(d);
        break;
      case 'stats_update':
        showStats(d);
        break;
      default:
      // subscribed, pong, error: nothing to show
    }
  }

  function onConnected() {
    greeted = true;
    attempt = 0;
    setConnection('open', 'Live');
    if (everConnected) {
      // Catch up on what happened while the socket was down, then follow again.
      sync();
    } else if (loaded) {
      follow();
    }
    everConnected = true;
  }

  function showStats(s) {
    for (const node of document.querySelectorAll('#stats [data-stat]')) {
      const value = s[node.dataset.stat];
      if (typeof value === 'number') node.textContent = value < 0 ? '?' : String(value);
    }
  }

  // ---- loading ----------------------------------------------------------------------------------

  async function getJson(path) {
    const response = await fetch(path, { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return response.json();
  }

  /** Machines and anomalies from the REST API; retried until it answers. */
  async function sync() {
    const problem = $('load-error');
    try {
      await loadMachines();
      await loadAnomalies();
      // Announce anomalies that arrive from now on, not the whole list as it first loads.
      $('anomalies').setAttribute('aria-live', 'polite');
      problem.hidden = true;
      follow();
      loadStatuses();
    } catch (e) {
      problem.textContent = `Could not load machines and anomalies (${e.message}); retrying.`;
      problem.hidden = false;
      setTimeout(sync, 5000);
    }
  }

  function tick() {
    for (const view of machines.values()) {
      if (view.lastMs) view.time.textContent = ago(view.lastMs);
    }
    if (socket && socket.readyState === WebSocket.OPEN && Date.now() - lastHeard > SILENT_LIMIT_MS) {
      lost(socket);
    }
  }

  sync();
  connect();
  setInterval(tick, 1000);
  setInterval(() => send({ action: 'ping' }), PING_EVERY_MS);
})();
