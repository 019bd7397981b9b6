/*
 * The insights dashboard: reads /api/insights/* (the browser's login travels with each same-origin call) and draws
 * tiles, Chart.js charts and the journey on its BPMN diagram (bpmn-js). Every value from the server goes into the page
 * as text (textContent, DOM nodes), never as markup.
 */
(function () {
  'use strict';

  const API = '/api/insights';
  const LIVE_EVERY_MS = 30000;
  const FILTERS = ['journey', 'channel', 'intent', 'queue'];
  const COLORS = { contained: '#2f855a', person: '#2b6cb0', other: '#cbd2d9', open: '#b7791f' };
  const PALETTE = ['#2b6cb0', '#2f855a', '#b7791f', '#805ad5', '#c53030', '#319795', '#d53f8c', '#718096'];

  const state = { charts: {}, viewer: null, loads: 0, journeys: [] };
  window.ThroughlineInsights = state; // for people and tests poking at the page

  const $ = (id) => document.getElementById(id);

  /** An element with attributes and children; strings become text nodes. */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === 'class') node.className = value;
      else node.setAttribute(key, value === true ? '' : String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  // ---- formatting ----------------------------------------------------------------------------------------------

  function percent(rate) {
    return rate === null || rate === undefined ? '–' : Math.round(rate * 100) + ' %';
  }

  function duration(seconds) {
    if (seconds === null || seconds === undefined) return '–';
    if (seconds < 10) return (Math.round(seconds * 10) / 10) + ' s';
    if (seconds < 90) return Math.round(seconds) + ' s';
    if (seconds < 90 * 60) return (seconds / 60).toFixed(seconds < 600 ? 1 : 0) + ' min';
    if (seconds < 36 * 3600) return (seconds / 3600).toFixed(1) + ' h';
    return (seconds / 86400).toFixed(1) + ' d';
  }

  function number(n) {
    return n === null || n === undefined ? '–' : Number(n).toLocaleString('en');
  }

  function when(iso) {
    return iso ? new Date(iso).toLocaleString('en-GB', { dateStyle: 'short', timeStyle: 'short' }) : '–';
  }

  // ---- filters -------------------------------------------------------------------------------------------------

  function isoDate(date) {
    return date.toISOString().slice(0, 10);
  }

  function initFilters() {
    const params = new URLSearchParams(location.search);
    const today = new Date();
    $('f-to').value = params.get('to') || isoDate(today);
    $('f-from').value = params.get('from') || isoDate(new Date(today.getTime() - 29 * 86400000));
    for (const name of FILTERS) {
      const value = params.get(name);
      if (value) setOptions($('f-' + name), [value], value);
    }
    $('filters').addEventListener('change', () => refresh());
    $('filters').addEventListener('submit', (e) => { e.preventDefault(); refresh(); });
  }

  function filterParams() {
    const params = new URLSearchParams();
    params.set('from', $('f-from').value);
    params.set('to', $('f-to').value);
    for (const name of FILTERS) {
      const value = $('f-' + name).value;
      if (value) params.set(name, value);
    }
    return params;
  }

  /** Keeps the current choice (even one not in the list) and "All" first. */
  function setOptions(select, values, keep) {
    const chosen = keep !== undefined ? keep : select.value;
    const all = new Set(values);
    if (chosen) all.add(chosen);
    select.replaceChildren(el('option', { value: '' }, 'All'),
      ...[...all].sort().map((v) => el('option', { value: v }, v)));
    select.value = chosen || '';
  }

  // ---- loading -------------------------------------------------------------------------------------------------

  async function getJson(path) {
    const response = await fetch(path, { headers: { Accept: 'application/json' } });
    if (!response.ok) {
      let message = response.status + ' ' + response.statusText;
      try { message = (await response.json()).error || message; } catch (ignored) { /* not JSON */ }
      throw new Error(path.split('?')[0] + ': ' + message);
    }
    return response.json();
  }

  async function getText(path) {
    const response = await fetch(path);
    if (!response.ok) throw new Error(path + ': ' + response.status);
    return response.text();
  }

  function showError(error) {
    $('error').hidden = false;
    $('error').textContent = String(error.message || error);
  }

  async function refresh() {
    const params = filterParams();
    history.replaceState(null, '', location.pathname + '?' + params);
    const csv = new URLSearchParams(params);
    csv.set('format', 'csv');
    $('csv').setAttribute('href', API + '/conversations?' + csv);
    $('status').textContent = 'Loading…';
    $('error').hidden = true;
    const range = new URLSearchParams({ from: params.get('from'), to: params.get('to') });
    if (params.get('intent')) range.set('intent', params.get('intent'));
    const results = await Promise.allSettled([
      getJson(API + '/kpis?' + params).then(drawKpis),
      getJson(API + '/conversations?' + params + '&limit=50').then(drawRows),
      getJson(API + '/content-gaps?' + range).then(drawGaps),
      loadLive(),
      loadStalls(),
    ]);
    const failed = results.filter((r) => r.status === 'rejected');
    failed.forEach((r) => showError(r.reason));
    state.loads++;
    document.body.dataset.loads = String(state.loads);
    $('status').textContent = (failed.length ? 'Partly updated ' : 'Updated ') + new Date().toLocaleTimeString('en-GB');
  }

  // ---- KPIs ----------------------------------------------------------------------------------------------------

  function tile(label, value, detail, tone) {
    return el('div', { class: 'tile' + (tone ? ' ' + tone : ''), 'data-kpi': label },
      el('div', { class: 'label' }, label), el('div', { class: 'value' }, value), el('div', { class: 'detail' }, detail));
  }

  function tone(rate, good, bad) {
    if (rate === null || rate === undefined) return null;
    if (good > bad) return rate >= good ? 'good' : rate < bad ? 'bad' : 'warn';
    return rate <= good ? 'good' : rate > bad ? 'bad' : 'warn';
  }

  function drawKpis(report) {
    state.kpis = report;
    const t = report.totals;
    const sla = t.firstResponseSla;
    $('tiles').replaceChildren(
      tile('Conversations', number(t.conversations), number(t.open) + ' still open'),
      tile('AI containment', percent(t.containment.rate),
        number(t.containment.contained) + ' of ' + number(t.containment.settled) + ' settled; ' +
        number(t.containment.pending) + ' pending', tone(t.containment.rate, 0.6, 0.3)),
      tile('First contact resolution', percent(t.firstContactResolution.rate),
        number(t.firstContactResolution.count) + ' of ' + number(t.firstContactResolution.of) + ' resolved',
        tone(t.firstContactResolution.rate, 0.7, 0.5)),
      tile('Handed to a person', percent(t.transfer.rate), number(t.transfer.count) + ' conversations'),
      tile('First response', duration(t.firstResponse.medianSeconds), 'median; 90 % within ' +
        duration(t.firstResponse.p90Seconds)),
      tile('A person answers', duration(t.humanFirstResponse.medianSeconds), 'median after the handoff; ' +
        (sla.measured ? percent(sla.rate) + ' within SLA' : 'no SLA set'),
        sla.measured ? tone(sla.rate, 0.9, 0.75) : null),
      tile('Time to resolution', duration(t.timeToResolution.medianSeconds), 'median; 90 % within ' +
        duration(t.timeToResolution.p90Seconds)),
      tile('CSAT', t.csat.average === null ? '–' : t.csat.average.toFixed(1) + ' / 5',
        percent(t.csat.score) + ' satisfied, ' + number(t.csat.responses) + ' ratings', tone(t.csat.score, 0.8, 0.6)),
      tile('Repeat contact', percent(t.repeatContact.rate), 'same issue within ' + report.windows.repeatDays + ' days',
        tone(t.repeatContact.rate, 0.1, 0.25)),
      tile('Pre-sales conversion', percent(t.conversion.rate), number(t.conversion.leads) + ' leads, ' +
        number(t.conversion.bookings) + ' bookings of ' + number(t.conversion.preSales)),
      tile('Self-service', percent(report.selfService.rate), number(report.selfService.selfServed) + ' of ' +
        number(report.selfService.articleViews) + ' article views ended there'));
    for (const name of FILTERS) {
      setOptions($('f-' + name), report.options[name === 'journey' ? 'journeys' : name + 's']);
    }
    drawDaily(report.daily);
    drawChannels(report.byChannel);
    drawJourneyTable(report.byJourney);
  }

  function chart(id, config) {
    const existing = state.charts[id];
    if (existing) {
      existing.data = config.data;
      existing.update();
      return existing;
    }
    config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, config.options);
    state.charts[id] = new Chart($(id), config);
    return state.charts[id];
  }

  function drawDaily(days) {
    chart('chart-daily', {
      type: 'bar',
      data: {
        labels: days.map((d) => d.date.slice(5)),
        datasets: [
          { label: 'Contained by the bot', data: days.map((d) => d.contained), backgroundColor: COLORS.contained },
          { label: 'Handed to a person', data: days.map((d) => d.handedOff), backgroundColor: COLORS.person },
          { label: 'Other', data: days.map((d) => Math.max(0, d.conversations - d.contained - d.handedOff)),
            backgroundColor: COLORS.other },
        ],
      },
      options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } },
    });
  }

  function drawChannels(byChannel) {
    chart('chart-channels', {
      type: 'bar',
      data: {
        labels: byChannel.map((b) => b.key),
        datasets: [
          { label: 'Contained', data: byChannel.map((b) => b.kpis.containment.contained), backgroundColor: COLORS.contained },
          { label: 'Handed to a person', data: byChannel.map((b) => b.kpis.transfer.count), backgroundColor: COLORS.person },
          { label: 'Other', data: byChannel.map((b) => Math.max(0, b.kpis.conversations - b.kpis.containment.contained -
              b.kpis.transfer.count)), backgroundColor: COLORS.other },
        ],
      },
      options: { indexAxis: 'y', scales: { x: { stacked: true, beginAtZero: true, ticks: { precision: 0 } }, y: { stacked: true } } },
    });
  }

  function table(id, headers, rows) {
    const head = el('thead', {}, el('tr', {}, headers.map(([label, num]) => el('th', { class: num ? 'num' : null }, label))));
    const body = el('tbody', {}, rows.length ? rows : el('tr', {}, el('td', { colspan: headers.length, class: 'hint' },
      'Nothing in this range.')));
    $(id).replaceChildren(head, body);
  }

  function cells(values, numeric) {
    return el('tr', {}, values.map((v, i) => el('td', { class: numeric[i] ? 'num' : null }, v)));
  }

  function drawJourneyTable(byJourney) {
    const numeric = [false, true, true, true, true, true, true];
    table('by-journey', [['Journey'], ['Conversations', 1], ['Contained', 1], ['First contact resolution', 1],
      ['Handed to a person', 1], ['CSAT', 1], ['First response', 1]],
      byJourney.map((b) => cells([b.key, number(b.kpis.conversations), percent(b.kpis.containment.rate),
        percent(b.kpis.firstContactResolution.rate), percent(b.kpis.transfer.rate),
        b.kpis.csat.average === null ? '–' : b.kpis.csat.average.toFixed(1), duration(b.kpis.firstResponse.medianSeconds)],
      numeric)));
  }

  // ---- conversations -------------------------------------------------------------------------------------------

  function drawRows(page) {
    $('rows-summary').textContent = number(page.total) + ' conversations; the latest ' + page.rows.length +
      ' below, all of them in the CSV export.';
    const numeric = [false, false, false, false, false, true, false, true, false, false, false];
    table('rows', [['Opened'], ['Channels'], ['Journeys'], ['Intent'], ['Queue'], ['First response', 1], ['Handoff'],
      ['Resolved after', 1], ['Contained'], ['CSAT'], ['Reopened']],
      page.rows.map((r) => cells([when(r.openedAt), r.channels.join(' → '), r.journeys.join(' → '), r.intent || '–',
        r.queue || '–', duration(r.firstResponseSeconds), r.handedOff ? 'yes' : 'no', duration(r.resolutionSeconds),
        r.contained ? 'yes' : 'no', r.csatScore === null ? '–' : String(r.csatScore), r.reopened ? 'yes' : 'no'],
      numeric)));
  }

  // ---- content gaps --------------------------------------------------------------------------------------------

  function drawGaps(report) {
    $('gaps-summary').textContent = number(report.unanswered) + ' questions the bot could not answer with confidence ' +
      'of at least ' + report.confidenceBelow + ', grouped by meaning; the largest first.' +
      (report.ungrouped ? ' ' + number(report.ungrouped) + ' rarer ones are not grouped.' : '');
    const items = report.gaps.map((gap) => el('li', { 'data-volume': gap.volume },
      el('div', { class: 'gap-label' }, gap.label),
      el('div', { class: 'gap-meta' }, number(gap.volume) + ' times, ' + number(gap.escalated) + ' went to a person; ' +
        'intents: ' + (gap.intents.map((i) => (i.intent || 'out of scope') + ' ' + i.count).join(', ') || '–') +
        '; last asked ' + when(gap.lastAsked)),
      el('ul', {}, gap.examples.map((e) => el('li', {}, '“' + e.text + '”' + (e.count > 1 ? ' ×' + e.count : ''))))));
    $('gaps').replaceChildren(...(items.length ? items : [el('li', { class: 'hint' }, 'No unanswered questions in this range.')]));
  }

  // ---- live ----------------------------------------------------------------------------------------------------

  async function loadLive() {
    const live = await getJson(API + '/live');
    state.live = live;
    $('live-tiles').replaceChildren(
      tile('Open now', number(live.open), number(live.tasksWaiting) + ' agent tasks open'),
      tile('Customers waiting', number(live.waiting), live.longestWaiting.length ?
        'longest ' + duration(live.longestWaiting[0].waitingSeconds) : 'nobody waits'),
      tile('SLA at risk', number(live.atRisk), 'handoffs near their target', live.atRisk ? 'warn' : null),
      tile('SLA breached', number(live.breached), 'handoffs past their target', live.breached ? 'bad' : null));
    const queues = live.byQueue.map((g) => g.key);
    const channels = [...new Set(live.byQueueAndChannel.map((c) => c.channel))].sort();
    chart('chart-live', {
      type: 'bar',
      data: {
        labels: queues,
        datasets: channels.map((channel, i) => ({
          label: channel,
          backgroundColor: PALETTE[i % PALETTE.length],
          data: queues.map((q) => (live.byQueueAndChannel.find((c) => c.queue === q && c.channel === channel) || {}).open || 0),
        })),
      },
      options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } },
    });
    table('waiting', [['Waiting since'], ['For', 1], ['Queue'], ['Channel'], ['SLA']],
      live.longestWaiting.slice(0, 10).map((w) => el('tr', {},
        el('td', {}, when(w.waitingSince)), el('td', { class: 'num' }, duration(w.waitingSeconds)), el('td', {}, w.queue),
        el('td', {}, w.channel), el('td', {}, w.sla ? el('span', { class: 'badge ' + w.sla }, w.sla) : '–'))));
  }

  // ---- where journeys stall ------------------------------------------------------------------------------------

  async function loadStalls() {
    if (!state.journeys.length) {
      state.journeys = await getJson(API + '/journeys');
      const select = $('stall-journey');
      select.replaceChildren(...state.journeys.map((j) => el('option', { value: j.key }, j.name + ' (' + j.key + ')')));
      const preferred = state.journeys.find((j) => j.key === 'general-support') || state.journeys[0];
      if (preferred) select.value = preferred.key;
      select.addEventListener('change', () => loadStalls().catch(showError));
    }
    const key = $('stall-journey').value;
    if (!key) return;
    const params = filterParams();
    const range = new URLSearchParams({ from: params.get('from'), to: params.get('to') });
    const [xml, stats] = await Promise.all([
      state.diagramKey === key ? Promise.resolve(null) : getText(API + '/journeys/' + encodeURIComponent(key) + '/diagram'),
      getJson(API + '/journeys/' + encodeURIComponent(key) + '?' + range),
    ]);
    if (xml !== null) {
      if (!state.viewer) state.viewer = new BpmnJS({ container: $('diagram') });
      await state.viewer.importXML(xml);
      state.viewer.get('canvas').zoom('fit-viewport');
      state.diagramKey = key;
    }
    state.stalls = stats;
    drawStalls(stats);
  }

  function drawStalls(stats) {
    const overlays = state.viewer.get('overlays');
    const canvas = state.viewer.get('canvas');
    const registry = state.viewer.get('elementRegistry');
    overlays.clear();
    registry.forEach((element) => {
      canvas.removeMarker(element.id, 'tl-hot');
      canvas.removeMarker(element.id, 'tl-warm');
    });
    // the two longest median waits, when they are at least a minute: where conversations stall
    const waits = stats.steps.map((s) => s.medianWaitSeconds || 0).sort((a, b) => b - a);
    const hot = Math.max(60, waits[Math.min(1, waits.length - 1)] || 0);
    let drawn = 0;
    for (const step of stats.steps) {
      if (!registry.get(step.activityId)) continue;
      // gateways pass conversations on at once: labelled only where some left or wait
      if (/Gateway$/.test(step.type || '') && !step.left && !step.waitingNow) continue;
      const lines = [el('div', {}, number(step.visits) + (step.visits === 1 ? ' visit' : ' visits') +
        (step.medianWaitSeconds ? ' · ' + duration(step.medianWaitSeconds) : ''))];
      if (step.left) lines.push(el('div', { class: 'left' }, number(step.left) + ' left here'));
      if (step.waitingNow) lines.push(el('div', {}, number(step.waitingNow) + ' waiting now'));
      overlays.add(step.activityId, 'tl-stats', {
        position: { bottom: -4, left: 0 },
        scale: { min: 1 }, // readable however far the diagram is zoomed out
        html: el('div', { class: 'tl-overlay' + (step.waitingNow ? ' waiting' : ''), 'data-activity': step.activityId }, lines),
      });
      drawn++;
      if (step.medianWaitSeconds && step.medianWaitSeconds >= hot) canvas.addMarker(step.activityId, 'tl-hot');
      else if (step.left) canvas.addMarker(step.activityId, 'tl-warm');
    }
    document.body.dataset.overlays = String(drawn);
    const sw = stats.channelSwitches;
    $('stall-summary').textContent = number(stats.started) + ' started in the range, ' + number(stats.completed) +
      ' finished, ' + number(stats.running) + ' still running. Channel switches: ' +
      (sw.attempted ? number(sw.carriedOn) + ' of ' + number(sw.attempted) + ' carried on (' + percent(sw.rate) + ')' : 'none') + '.';
    const numeric = [false, false, true, true, true, true, true, true];
    const sorted = [...stats.steps].sort((a, b) => (b.medianWaitSeconds || 0) - (a.medianWaitSeconds || 0));
    table('steps', [['Step'], ['Type'], ['Visits', 1], ['Median wait', 1], ['90 % within', 1], ['Left here', 1],
      ['Waiting now', 1], ['Longest waiting now', 1]],
      sorted.map((s) => cells([s.name, s.type || '', number(s.visits), duration(s.medianWaitSeconds),
        duration(s.p90WaitSeconds), number(s.left), number(s.waitingNow), duration(s.longestWaitingNowSeconds)], numeric)));
  }

  // ---- start ---------------------------------------------------------------------------------------------------

  document.addEventListener('DOMContentLoaded', () => {
    initFilters();
    refresh().catch(showError);
    setInterval(() => loadLive().catch(showError), LIVE_EVERY_MS);
  });
})();
