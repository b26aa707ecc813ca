/*
 * diplograph explorer: a person's network drawn with cytoscape + fcose, read from the public
 * GraphQL API (POST /graphql) like any other client: egoNetwork for the network, shortestPath for
 * a connection, person / meeting for the facts of a node, people for name suggestions.
 */
(function () {
  'use strict';

  // ------------------------------------------------------------------------------ GraphQL

  const EVIDENCE = 'fragment Ev on Evidence { quote dateExpression document { title publishedAt url } }';

  const EGO_QUERY = `query Ego($name: String!, $depth: Int, $from: Date, $to: Date, $via: [EdgeKind!]) {
  egoNetwork(name: $name, depth: $depth, from: $from, to: $to, via: $via) {
    truncated
    nodes { id kind label date properties depth }
    edges { id kind type source target label validFrom validTo factId evidence { ...Ev } }
  }
}
${EVIDENCE}`;

  const PATH_QUERY = `query Path($from: String!, $to: String!, $maxHops: Int, $via: [EdgeKind!]) {
  shortestPath(from: $from, to: $to, maxHops: $maxHops, via: $via) {
    length
    nodes { id kind label date properties }
    edges { id kind type source target label validFrom validTo factId evidence { ...Ev } }
  }
}
${EVIDENCE}`;

  const PERSON_QUERY = `query Person($id: String!, $from: Date, $to: Date) {
  person(name: $id) {
    id name nativeName aliases
    positions { id start end endCause position { title } evidence { ...Ev } }
    meetings(first: 30, from: $from, to: $to) {
      nodes { id date endDate description place { name } participants { role person { id name } } evidence { ...Ev } }
    }
  }
}
${EVIDENCE}`;

  const MEETING_QUERY = `query Meeting($id: String!) {
  meeting(id: $id) {
    id date endDate dateExpression durationExpression format description
    place { name }
    topics { name }
    participants { role title person { id name } }
    evidence { ...Ev }
  }
}
${EVIDENCE}`;

  const PEOPLE_QUERY = 'query People($search: String!) { people(search: $search, first: 8) { nodes { id name nativeName } } }';

  class GraphQLRequestError extends Error {
    constructor(errors) {
      super(errors.map((e) => e.message).join('; '));
      this.errors = errors;
    }
  }

  async function gql(query, variables) {
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query, variables }),
      credentials: 'same-origin',
    });
    let body;
    try {
      body = await response.json();
    } catch (_) {
      throw new Error(`The server answered ${response.status} without JSON.`);
    }
    if (body.errors && body.errors.length) throw new GraphQLRequestError(body.errors);
    return body.data;
  }

  // --------------------------------------------------------------------------- the graph

  const KIND_CLASS = {
    PERSON: 'person', MEETING: 'meeting', TENURE: 'tenure', POSITION: 'position', RANK_CLAIM: 'rank',
    STATEMENT: 'statement', INVITATION: 'invitation', TRIP: 'trip', ORGANIZATION: 'organization', PLACE: 'place',
  };

  /** Short labels keep the drawing readable; the full label is in the panel and shows on hover. */
  function shortLabel(node) {
    const props = parseProps(node.properties);
    switch (node.kind) {
      case 'MEETING':
        return node.date ? `${node.date}${props.endDate ? `–${props.endDate.slice(5)}` : ''}` : node.label;
      case 'TENURE':
        return `${props.start || '?'} – ${props.end || ''}`.trim();
      case 'STATEMENT':
      case 'INVITATION':
      case 'TRIP':
        return truncate(node.label, 28);
      default:
        return truncate(node.label, 60);
    }
  }

  const truncate = (s, n) => (s && s.length > n ? `${s.slice(0, n - 1)}…` : s || '');

  function parseProps(json) {
    if (!json) return {};
    try {
      return JSON.parse(json) || {};
    } catch (_) {
      return {};
    }
  }

  const STYLE = [
    {
      selector: 'node',
      style: {
        label: 'data(short)', 'font-size': 11, color: '#1d232b', 'text-valign': 'bottom', 'text-halign': 'center', 'text-margin-y': 3,
        'text-wrap': 'wrap', 'text-max-width': 120, 'text-background-color': '#ffffff', 'text-background-opacity': 0.85,
        'text-background-padding': 1.5, 'text-background-shape': 'roundrectangle', 'min-zoomed-font-size': 7,
        'background-color': '#8a94a3', width: 16, height: 16, 'border-width': 1, 'border-color': '#ffffff',
      },
    },
    { selector: 'node.person', style: { 'background-color': '#1f4e79', width: 34, height: 34, 'font-size': 15, 'font-weight': 600, 'border-width': 2 } },
    { selector: 'node.centre', style: { 'border-color': '#f2c14e', 'border-width': 4 } },
    { selector: 'node.meeting', style: { 'background-color': '#d9822b', shape: 'round-rectangle', width: 20, height: 14, 'font-size': 11, color: '#5b3a12' } },
    { selector: 'node.tenure', style: { 'background-color': '#6a9a7b', shape: 'diamond', width: 14, height: 14, 'font-size': 10, color: '#3d5a47' } },
    { selector: 'node.position', style: { 'background-color': '#2e7d32', shape: 'rectangle', width: 18, height: 18, 'font-size': 11, 'text-max-width': 140, color: '#1f4d22' } },
    { selector: 'node.rank', style: { 'background-color': '#7b3fa0', shape: 'triangle', width: 16, height: 16 } },
    { selector: 'node.statement', style: { shape: 'ellipse', width: 10, height: 10, 'font-size': 8, color: '#5b6675' } },
    { selector: 'node.trip, node.invitation', style: { shape: 'hexagon', width: 14, height: 14, 'font-size': 9 } },
    {
      selector: 'edge',
      style: {
        width: 1.5, 'line-color': '#b9c2cd', 'curve-style': 'bezier', 'target-arrow-shape': 'none', 'arrow-scale': 0.8,
        label: '', 'font-size': 10, color: '#3a4450', 'text-rotation': 'autorotate', 'text-background-color': '#ffffff',
        'text-background-opacity': 0.9, 'text-background-padding': 1, 'min-zoomed-font-size': 7,
      },
    },
    { selector: 'edge.PARTICIPATED_IN', style: { 'line-color': '#e9b27a' } },
    { selector: 'edge.HELD, edge.OF_POSITION', style: { 'line-color': '#8fb89c', 'line-style': 'dashed' } },
    { selector: 'edge.RANKS_ABOVE', style: { 'line-color': '#7b3fa0', width: 2.5, 'target-arrow-shape': 'triangle', 'target-arrow-color': '#7b3fa0', label: 'data(label)', color: '#5a2d78' } },
    { selector: 'edge.SPOKEN_BY, edge.AT, edge.MADE_AT, edge.DURING', style: { 'line-style': 'dotted' } },
    { selector: 'edge.INVITER, edge.INVITEE, edge.FULFILLED_BY', style: { 'line-color': '#9aa5b1', 'target-arrow-shape': 'vee', 'target-arrow-color': '#9aa5b1' } },
    { selector: 'node:selected', style: { 'border-color': '#e10098', 'border-width': 4 } },
    { selector: 'edge:selected, edge.hover', style: { label: 'data(label)', width: 3, 'line-color': '#e10098', 'target-arrow-color': '#e10098' } },
    { selector: 'node.hover', style: { label: 'data(label)', 'z-index': 20, 'text-background-opacity': 1 } },
    { selector: '.faded', style: { opacity: 0.18 } },
    { selector: 'node.on-path', style: { 'border-color': '#e10098', 'border-width': 4, 'z-index': 30 } },
    {
      selector: 'edge.on-path',
      style: { width: 4.5, 'line-color': '#e10098', 'target-arrow-color': '#e10098', 'line-style': 'solid', label: 'data(label)', color: '#8a005c', 'z-index': 30 },
    },
  ];

  // ------------------------------------------------------------------------------ state

  const $ = (id) => document.getElementById(id);
  const state = {
    /** The people whose networks are drawn: the searched one, then every expanded one. */
    centres: [],
    depth: 1,
    from: null,
    to: null,
    via: ['MEETING', 'OFFICE', 'RANK'],
    path: null,
    /** The node whose facts the panel shows (shown again when the dates change). */
    selected: null,
    /** Days the as-of slider spans (ISO dates). */
    domain: null,
    truncated: false,
  };
  /** Everything drawn, by id: the union of the centres' networks and the path. */
  let nodes = new Map();
  let edges = new Map();
  let cy = null;

  function setBusy(busy, text) {
    const status = $('status');
    status.dataset.busy = busy ? 'true' : 'false';
    if (text !== undefined) status.textContent = text;
  }

  function period() {
    if (!state.from && !state.to) return 'all dates';
    if (state.from && state.from === state.to) return `as of ${state.from}`;
    return `${state.from || '…'} to ${state.to || '…'}`;
  }

  function summary() {
    const people = [...nodes.values()].filter((n) => n.kind === 'PERSON').length;
    return `${nodes.size} nodes (${people} people), ${edges.size} edges · ${period()}${state.truncated ? ' · cut at the node cap: narrow the dates or the depth' : ''}`;
  }

  // ------------------------------------------------------------------------------ loading

  let generation = 0;
  /** Completed loads, on #status as data-loads: what a test (or a script) waits for. */
  let loads = 0;

  function loaded(ok) {
    loads += 1;
    $('status').dataset.loads = String(loads);
    $('status').dataset.error = ok ? 'false' : 'true';
  }

  /** Re-reads every centre's network for the current dates and kinds, and redraws. */
  async function reload() {
    const mine = ++generation;
    if (state.centres.length === 0) return;
    setBusy(true, `Loading ${state.centres.map((c) => c.label).join(', ')} (${period()})…`);
    try {
      const results = await Promise.all(
        state.centres.map((c) =>
          gql(EGO_QUERY, { name: c.id, depth: c.depth, from: state.from, to: state.to, via: state.via }).then((d) => d.egoNetwork),
        ),
      );
      if (mine !== generation) return;
      const nextNodes = new Map();
      const nextEdges = new Map();
      state.truncated = false;
      for (const sub of results) {
        state.truncated = state.truncated || sub.truncated;
        for (const n of sub.nodes) if (!nextNodes.has(n.id)) nextNodes.set(n.id, n);
        for (const e of sub.edges) nextEdges.set(e.id, e);
      }
      if (state.path) {
        for (const n of state.path.nodes) if (!nextNodes.has(n.id)) nextNodes.set(n.id, n);
        for (const e of state.path.edges) nextEdges.set(e.id, e);
      }
      nodes = nextNodes;
      edges = nextEdges;
      if (!state.from && !state.to) updateDomain();
      draw();
      setBusy(false, summary());
      updateDownloads();
      loaded(true);
    } catch (error) {
      if (mine !== generation) return;
      setBusy(false, 'Failed.');
      showError(error);
      loaded(false);
    }
  }

  function draw() {
    const existing = new Map();
    cy.nodes().forEach((n) => existing.set(n.id(), n.position()));
    const centreIds = new Set(state.centres.map((c) => c.id));
    const elements = [];
    for (const n of nodes.values()) {
      const classes = [KIND_CLASS[n.kind] || 'other'];
      if (centreIds.has(n.id)) classes.push('centre');
      const el = { group: 'nodes', data: { id: n.id, kind: n.kind, label: n.label, short: shortLabel(n) }, classes: classes.join(' ') };
      if (existing.has(n.id)) el.position = { ...existing.get(n.id) };
      elements.push(el);
    }
    for (const e of edges.values()) {
      if (!nodes.has(e.source) || !nodes.has(e.target)) continue;
      elements.push({ group: 'edges', data: { id: `e:${e.id}`, source: e.source, target: e.target, label: e.label, type: e.type }, classes: e.type });
    }
    // New nodes start next to a neighbour already placed, so that a refinement moves little.
    const placed = new Map(existing);
    for (const el of elements) {
      if (el.group !== 'nodes' || el.position) continue;
      const neighbour = [...edges.values()].find((e) => (e.source === el.data.id && placed.has(e.target)) || (e.target === el.data.id && placed.has(e.source)));
      const anchor = neighbour ? placed.get(neighbour.source === el.data.id ? neighbour.target : neighbour.source) : null;
      if (anchor) {
        el.position = { x: anchor.x + (Math.random() - 0.5) * 80, y: anchor.y + (Math.random() - 0.5) * 80 };
        placed.set(el.data.id, el.position);
      }
    }
    const fresh = existing.size === 0 || elements.some((el) => el.group === 'nodes' && !el.position);
    cy.batch(() => {
      cy.elements().remove();
      cy.add(elements);
    });
    highlightPath();
    runLayout(fresh);
  }

  // fcose counts the labels in the node sizes, but it is a force layout: from an unlucky random
  // start two labels can still end up on each other (rarely: none in 310 drawings of Blinken's
  // network, one in a test run). The page promises readable labels, so such a drawing is laid out
  // again from a new start, a few times at most, and the one with the fewest overlaps is kept. The
  // retries stop once the layouts have taken a second: a network of hundreds of nodes, where some
  // overlap is likely whatever the start, is not made to wait for four of them.
  const LAYOUT_ATTEMPTS = 4;
  const LAYOUT_RETRY_BUDGET_MS = 1000;

  function runLayout(randomize) {
    if (cy.nodes().length === 0) return;
    const started = performance.now();
    let best = null;
    for (let attempt = 1; attempt <= LAYOUT_ATTEMPTS; attempt += 1) {
      // A retry starts afresh even for an expansion: readable matters more than staying in place.
      layoutOnce(randomize || attempt > 1);
      const overlaps = labelOverlaps();
      if (overlaps === 0) return;
      if (!best || overlaps < best.overlaps) best = { overlaps, positions: cy.nodes().map((n) => [n, { ...n.position() }]) };
      if (performance.now() - started > LAYOUT_RETRY_BUDGET_MS) break;
    }
    cy.batch(() => best.positions.forEach(([node, position]) => node.position(position)));
    cy.fit(undefined, 40);
  }

  /** How many pairs of nodes overlap, label included, by more than a few pixels as drawn. */
  function labelOverlaps() {
    const boxes = cy.nodes().map((n) => n.renderedBoundingBox({ includeLabels: true, includeOverlays: false }));
    let count = 0;
    for (let i = 0; i < boxes.length; i += 1) {
      for (let j = i + 1; j < boxes.length; j += 1) {
        const width = Math.min(boxes[i].x2, boxes[j].x2) - Math.max(boxes[i].x1, boxes[j].x1);
        const height = Math.min(boxes[i].y2, boxes[j].y2) - Math.max(boxes[i].y1, boxes[j].y1);
        if (width > 4 && height > 4) count += 1;
      }
    }
    return count;
  }

  function layoutOnce(randomize) {
    const layout = cy.layout({
      name: 'fcose',
      quality: 'proof',
      randomize,
      animate: false,
      fit: true,
      padding: 40,
      nodeDimensionsIncludeLabels: true,
      uniformNodeDimensions: false,
      packComponents: true,
      nodeRepulsion: () => 12000,
      idealEdgeLength: (edge) => (edge.hasClass('RANKS_ABOVE') ? 130 : edge.hasClass('HELD') || edge.hasClass('OF_POSITION') ? 55 : 80),
      edgeElasticity: () => 0.45,
      nestingFactor: 0.1,
      gravity: 0.25,
      numIter: 3000,
      tile: true,
      tilingPaddingVertical: 20,
      tilingPaddingHorizontal: 20,
    });
    layout.run();
    cy.fit(undefined, 40);
  }

  // --------------------------------------------------------------------------- interaction

  async function showPerson(query) {
    const name = query.trim();
    if (!name) return;
    hideSuggestions();
    state.centres = [{ id: name, label: name, depth: Number($('depth').value) || 1 }];
    state.path = null;
    nodes = new Map();
    edges = new Map();
    cy.elements().remove();
    await reload();
    // The centre's canonical id, once known: later expansions and paths use ids, not names.
    const centre = [...nodes.values()].find((n) => n.kind === 'PERSON' && n.depth === 0);
    if (centre) {
      state.centres[0] = { id: centre.id, label: centre.label, depth: state.centres[0].depth };
      cy.getElementById(centre.id).addClass('centre');
      if (!$('path-from').value) $('path-from').value = centre.label;
      state.selected = centre.id;
      await showNode(centre.id);
    }
  }

  async function expand(id) {
    const node = nodes.get(id);
    if (!node) return;
    if (node.kind === 'PERSON') {
      if (!state.centres.some((c) => c.id === id)) state.centres.push({ id, label: node.label, depth: 1 });
    } else if (node.kind === 'MEETING') {
      const data = await gql(MEETING_QUERY, { id });
      for (const p of (data.meeting && data.meeting.participants) || []) {
        if (!state.centres.some((c) => c.id === p.person.id)) state.centres.push({ id: p.person.id, label: p.person.name, depth: 1 });
      }
    } else {
      // Offices, tenures and the rest: grow from the people attached to it.
      cy.getElementById(id).neighborhood('node.person').forEach((n) => {
        if (!state.centres.some((c) => c.id === n.id())) state.centres.push({ id: n.id(), label: n.data('label'), depth: 1 });
      });
    }
    await reload();
    setBusy(false, `Expanded ${node.label}. ${summary()}`);
  }

  function evidenceList(evidence) {
    if (!evidence || evidence.length === 0) return '<p class="muted">No evidence recorded.</p>';
    return `<ul class="evidence">${evidence
      .map(
        (e) => `<li><blockquote>${esc(e.quote)}</blockquote><cite>— ${esc(e.document.title)}${e.document.publishedAt ? `, ${esc(e.document.publishedAt)}` : ''}${
          e.dateExpression ? ` (“${esc(e.dateExpression)}”)` : ''
        }</cite></li>`,
      )
      .join('')}</ul>`;
  }

  function esc(value) {
    return String(value == null ? '' : value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  }

  /** The panel's content; `subject` (a node or edge id, or 'path') marks it complete, as data-subject. */
  function setPanel(html, subject) {
    const body = $('panel-body');
    body.innerHTML = html;
    body.dataset.subject = subject || '';
  }

  function showError(error) {
    const errors = error.errors || [{ message: error.message }];
    const ambiguous = errors.find((e) => e.extensions && e.extensions.code === 'AMBIGUOUS_NAME');
    if (ambiguous) {
      const people = (ambiguous.extensions.candidates || []).filter((c) => c.kind === 'Person');
      setPanel(`<h2>Which one?</h2><p>${esc(ambiguous.message)}</p><ul class="facts">${people
        .map((c) => `<li><a href="#" data-pick="${esc(c.id)}">${esc(c.name)}</a> <span class="muted">${esc(c.id)}</span></li>`)
        .join('')}</ul>`);
      return;
    }
    setPanel(`<h2>Something went wrong</h2>${errors.map((e) => `<p class="error">${esc(e.message)}</p>`).join('')}`);
  }

  function nodeActions(node) {
    const expandable = node.kind === 'PERSON' || node.kind === 'MEETING' || cy.getElementById(node.id).neighborhood('node.person').length > 0;
    const person = node.kind === 'PERSON';
    return `<div class="actions">
      ${expandable ? `<button type="button" data-expand="${esc(node.id)}" data-testid="expand">Expand</button>` : ''}
      ${person ? `<button type="button" data-path-from="${esc(node.id)}" data-label="${esc(node.label)}">Path from here</button>
      <button type="button" data-path-to="${esc(node.id)}" data-label="${esc(node.label)}">Path to here</button>` : ''}
    </div>`;
  }

  /** The edges of the drawing that touch a node, with their evidence: for nodes no query describes. */
  function incidentFacts(id) {
    const list = [...edges.values()].filter((e) => e.source === id || e.target === id);
    if (list.length === 0) return '';
    return `<h3>Connections</h3><ul class="facts">${list
      .map((e) => {
        const other = nodes.get(e.source === id ? e.target : e.source);
        return `<li><strong>${esc(e.label)}</strong> ${esc(other ? other.label : '')}${validity(e)}${evidenceList(e.evidence)}</li>`;
      })
      .join('')}</ul>`;
  }

  const validity = (e) => (e.validFrom || e.validTo ? ` <span class="muted">(${esc(e.validFrom || '…')} – ${esc(e.validTo || 'open')})</span>` : '');

  async function showNode(id) {
    const node = nodes.get(id);
    if (!node) return;
    const head = `<span class="kind ${esc(node.kind)}">${esc(node.kind.replace('_', ' ').toLowerCase())}</span><h2 data-testid="panel-title">${esc(node.label)}</h2>`;
    setPanel(`${head}${nodeActions(node)}<p class="muted">Loading facts…</p>`);
    try {
      if (node.kind === 'PERSON') {
        const { person } = await gql(PERSON_QUERY, { id, from: state.from, to: state.to });
        if (nodes.get(id) !== node) return;
        const positions = person.positions.filter((t) => overlaps(t.start, t.end));
        setPanel(`${head}${person.nativeName ? `<p>${esc(person.nativeName)}</p>` : ''}${nodeActions(node)}
          <h3>Offices${state.from || state.to ? ` (${esc(period())})` : ''}</h3>
          <ul class="facts">${positions
            .map((t) => `<li><strong>${esc(t.position.title)}</strong> <span class="muted">${esc(t.start)} – ${esc(t.end || 'open')}${t.endCause ? `, ${esc(t.endCause.toLowerCase())}` : ''}</span>${evidenceList(t.evidence)}</li>`)
            .join('') || '<li class="muted">None recorded.</li>'}</ul>
          <h3>Meetings (${esc(period())})</h3>
          <ul class="facts">${person.meetings.nodes
            .map(
              (m) => `<li><strong>${esc(m.date)}${m.endDate ? `–${esc(m.endDate)}` : ''}</strong>${m.place ? ` · ${esc(m.place.name)}` : ''}: with ${esc(
                m.participants.filter((p) => p.person.id !== person.id).map((p) => p.person.name).join(', ') || 'nobody else recorded',
              )}${m.description ? `<br><span class="muted">${esc(m.description)}</span>` : ''}${evidenceList(m.evidence)}</li>`,
            )
            .join('') || '<li class="muted">None in this period.</li>'}</ul>`, id);
      } else if (node.kind === 'MEETING') {
        const { meeting } = await gql(MEETING_QUERY, { id });
        if (nodes.get(id) !== node) return;
        setPanel(`${head}${nodeActions(node)}
          <dl>
            <dt>date</dt><dd>${esc(meeting.date)}${meeting.endDate ? ` – ${esc(meeting.endDate)}` : ''}${meeting.dateExpression ? ` (“${esc(meeting.dateExpression)}”)` : ''}</dd>
            ${meeting.place ? `<dt>place</dt><dd>${esc(meeting.place.name)}</dd>` : ''}
            ${meeting.durationExpression ? `<dt>duration</dt><dd>${esc(meeting.durationExpression)}</dd>` : ''}
            ${meeting.format ? `<dt>format</dt><dd>${esc(meeting.format.toLowerCase().replace('_', ' '))}</dd>` : ''}
            <dt>who</dt><dd>${meeting.participants.map((p) => `${esc(p.person.name)} <span class="muted">(${esc(p.role.toLowerCase())}${p.title ? `, ${esc(p.title)}` : ''})</span>`).join('<br>')}</dd>
            ${meeting.topics.length ? `<dt>topics</dt><dd>${meeting.topics.map((t) => esc(t.name)).join(', ')}</dd>` : ''}
          </dl>
          ${meeting.description ? `<p>${esc(meeting.description)}</p>` : ''}
          <h3>Evidence</h3>${evidenceList(meeting.evidence)}`, id);
      } else {
        const props = parseProps(node.properties);
        const rows = Object.entries(props)
          .filter(([k, v]) => v !== null && v !== '' && !/^(id|aliases|searchText|text)$/.test(k) && typeof v !== 'object')
          .map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`)
          .join('');
        setPanel(`${head}${nodeActions(node)}${props.text ? `<blockquote>${esc(props.text)}</blockquote>` : ''}<dl>${rows}</dl>${incidentFacts(id)}`, id);
      }
    } catch (error) {
      showError(error);
    }
  }

  function overlaps(start, end) {
    if (state.to && start && start > state.to) return false;
    if (state.from && end && end <= state.from) return false;
    return true;
  }

  function showEdge(id) {
    const e = edges.get(id);
    if (!e) return;
    const s = nodes.get(e.source);
    const t = nodes.get(e.target);
    setPanel(`<span class="kind ${esc(e.kind)}">${esc(e.kind.toLowerCase())}</span>
      <h2 data-testid="panel-title">${esc(s ? s.label : e.source)} <span class="muted">${esc(e.label)}</span> ${esc(t ? t.label : e.target)}</h2>
      <p class="muted">${esc(e.type)}${validity(e)}</p>
      <h3>Evidence</h3>${evidenceList(e.evidence)}`, `e:${id}`);
  }

  // ------------------------------------------------------------------------------- paths

  async function findPath(from, to) {
    if (!from || !to) {
      setPanel('<h2>Connection</h2><p>Pick two people: type their names, or use “Path from here” and “Path to here” on a person.</p>');
      return;
    }
    setBusy(true, `Looking for a connection from ${from} to ${to}…`);
    try {
      const { shortestPath } = await gql(PATH_QUERY, { from, to, maxHops: 4, via: state.via });
      if (!shortestPath) {
        state.path = null;
        highlightPath();
        setPanel(`<h2>No connection</h2><p>No connection between ${esc(from)} and ${esc(to)} within 4 steps over ${esc(state.via.join(', ').toLowerCase())}.</p>`);
        setBusy(false, summary());
        return;
      }
      state.path = shortestPath;
      state.selected = null;
      const missing = shortestPath.nodes.some((n) => !nodes.has(n.id)) || shortestPath.edges.some((e) => !edges.has(e.id));
      for (const n of shortestPath.nodes) if (!nodes.has(n.id)) nodes.set(n.id, n);
      for (const e of shortestPath.edges) edges.set(e.id, e);
      if (missing) draw();
      else highlightPath();
      showPath();
      setBusy(false, `Path of ${shortestPath.length} step${shortestPath.length === 1 ? '' : 's'}. ${summary()}`);
    } catch (error) {
      setBusy(false, 'Failed.');
      showError(error);
    }
  }

  function highlightPath() {
    cy.elements().removeClass('on-path faded');
    if (!state.path) return;
    const ids = new Set([...state.path.nodes.map((n) => n.id), ...state.path.edges.map((e) => `e:${e.id}`)]);
    cy.elements().forEach((el) => {
      if (ids.has(el.id())) el.addClass('on-path');
      else el.addClass('faded');
    });
  }

  function inPeriod(e) {
    const from = e.validFrom;
    const to = e.validTo;
    if (!state.from && !state.to) return true;
    if (state.to && from && from > state.to) return false;
    if (state.from && to && to <= state.from) return false;
    return true;
  }

  function showPath() {
    const p = state.path;
    const steps = p.edges.map((e, i) => {
      const a = p.nodes[i];
      const b = p.nodes[i + 1];
      const outside = !inPeriod(e) ? ' <span class="error">(outside the chosen period)</span>' : '';
      // Each step in the fact's own direction (Wang Yi —ranks above→ Qin Gang), whichever way the path runs.
      const [src, tgt] = e.source === a.id ? [a, b] : [b, a];
      return `<li><strong>${esc(src.label)}</strong> —<em>${esc(e.label)}</em>→ <strong>${esc(tgt.label)}</strong>${validity(e)}${outside}${evidenceList(e.evidence)}</li>`;
    });
    setPanel(`<span class="kind PERSON">connection</span>
      <h2 data-testid="panel-title">${esc(p.nodes[0].label)} → ${esc(p.nodes[p.nodes.length - 1].label)}</h2>
      <p>${p.length} person-to-person step${p.length === 1 ? '' : 's'}, ${p.edges.length} edges, each with its evidence:</p>
      <ol class="steps" data-testid="path-steps">${steps.join('')}</ol>`, 'path');
  }

  // ------------------------------------------------------------------------------- dates

  const DAY = 86400000;
  const toDay = (iso) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY);
  const fromDay = (n) => new Date(n * DAY).toISOString().slice(0, 10);

  function updateDomain() {
    const dates = [];
    for (const n of nodes.values()) {
      if (n.date) dates.push(n.date);
      const props = parseProps(n.properties);
      for (const k of ['endDate', 'end', 'start']) if (typeof props[k] === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(props[k])) dates.push(props[k]);
    }
    for (const e of edges.values()) for (const d of [e.validFrom, e.validTo]) if (d) dates.push(d);
    if (dates.length === 0) return;
    dates.sort();
    const min = toDay(dates[0]) - 30;
    const max = toDay(dates[dates.length - 1]) + 30;
    state.domain = { min, max };
    const slider = $('asof');
    slider.min = '0';
    slider.max = String(max - min);
    if (!state.from) slider.value = String(max - min);
    $('asof-label').textContent = state.from && state.from === state.to ? state.from : 'all dates';
  }

  async function applyDates(from, to) {
    state.from = from || null;
    state.to = to || null;
    $('from').value = state.from || '';
    $('to').value = state.to || '';
    if (state.domain && state.from && state.from === state.to) $('asof').value = String(toDay(state.from) - state.domain.min);
    $('asof-label').textContent = state.from && state.from === state.to ? state.from : state.from || state.to ? 'range' : 'all dates';
    await reload();
    if (state.selected && nodes.has(state.selected)) {
      cy.getElementById(state.selected).select();
      await showNode(state.selected);
    } else if (state.path) showPath();
  }

  // ---------------------------------------------------------------------------- downloads

  function updateDownloads() {
    const centre = state.centres[0];
    const box = $('downloads');
    if (!centre) {
      box.hidden = true;
      return;
    }
    const params = new URLSearchParams({ person: centre.id, depth: String(centre.depth) });
    if (state.from) params.set('from', state.from);
    if (state.to) params.set('to', state.to);
    box.querySelectorAll('a').forEach((a) => {
      a.href = `/export/${a.dataset.format}?${params}`;
    });
    box.hidden = false;
  }

  // ------------------------------------------------------------------------- suggestions

  let suggestTimer = null;
  let suggestGeneration = 0;

  // Hidden for good: a suggestion still waiting for its timer or its answer must not open the list
  // again after the search it belonged to was submitted.
  function hideSuggestions() {
    clearTimeout(suggestTimer);
    suggestGeneration++;
    $('suggestions').hidden = true;
    $('suggestions').innerHTML = '';
  }

  function suggest(text) {
    clearTimeout(suggestTimer);
    if (text.trim().length < 2) {
      hideSuggestions();
      return;
    }
    suggestTimer = setTimeout(async () => {
      const mine = ++suggestGeneration;
      try {
        const { people } = await gql(PEOPLE_QUERY, { search: text.trim() });
        if (mine !== suggestGeneration) return;
        const list = $('suggestions');
        list.innerHTML = people.nodes
          .map((p) => `<li role="option" data-id="${esc(p.id)}" data-name="${esc(p.name)}">${esc(p.name)}${p.nativeName ? `<small>${esc(p.nativeName)}</small>` : ''}</li>`)
          .join('');
        list.hidden = people.nodes.length === 0;
      } catch (_) {
        hideSuggestions();
      }
    }, 150);
  }

  // ---------------------------------------------------------------------------------- start

  function start() {
    if (typeof cytoscape !== 'function' || typeof cytoscapeFcose !== 'function') {
      setPanel('<h2>The graph library did not load</h2><p class="error">cytoscape or cytoscape-fcose is missing.</p>');
      return;
    }
    cytoscape.use(cytoscapeFcose);
    cy = cytoscape({ container: $('cy'), style: STYLE, wheelSensitivity: 0.3, minZoom: 0.15, maxZoom: 4, boxSelectionEnabled: false });

    cy.on('tap', 'node', (evt) => {
      state.selected = evt.target.id();
      showNode(state.selected);
    });
    cy.on('tap', 'edge', (evt) => {
      state.selected = null;
      showEdge(evt.target.id().slice(2));
    });
    cy.on('dbltap', 'node', (evt) => expand(evt.target.id()));
    cy.on('mouseover', 'node, edge', (evt) => evt.target.addClass('hover'));
    cy.on('mouseout', 'node, edge', (evt) => evt.target.removeClass('hover'));

    $('search-form').addEventListener('submit', (event) => {
      event.preventDefault();
      showPerson($('search').value);
    });
    $('search').addEventListener('input', (event) => suggest(event.target.value));
    $('search').addEventListener('keydown', (event) => {
      if (event.key === 'Escape') hideSuggestions();
    });
    $('suggestions').addEventListener('mousedown', (event) => {
      const li = event.target.closest('li');
      if (!li) return;
      event.preventDefault();
      $('search').value = li.dataset.name;
      showPerson(li.dataset.id);
    });
    document.addEventListener('click', (event) => {
      if (!event.target.closest('.suggest-wrap')) hideSuggestions();
    });

    $('via').addEventListener('change', () => {
      state.via = [...document.querySelectorAll('.via input:checked')].map((i) => i.value);
      if (state.via.length === 0) {
        state.via = ['MEETING'];
        document.querySelector('.via input[value="MEETING"]').checked = true;
      }
      reload();
    });
    $('depth').addEventListener('change', () => {
      if (state.centres[0]) {
        state.centres[0].depth = Number($('depth').value) || 1;
        reload();
      }
    });

    $('date-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const from = $('from').value || null;
      const to = $('to').value || null;
      if (from && to && from > to) {
        setPanel('<h2>Dates</h2><p class="error">“from” is after “to”.</p>');
        return;
      }
      applyDates(from, to);
    });
    $('asof').addEventListener('input', (event) => {
      if (state.domain) $('asof-label').textContent = fromDay(state.domain.min + Number(event.target.value));
    });
    $('asof').addEventListener('change', (event) => {
      if (!state.domain) return;
      const day = fromDay(state.domain.min + Number(event.target.value));
      applyDates(day, day);
    });
    $('clear-dates').addEventListener('click', () => applyDates(null, null));

    $('path-form').addEventListener('submit', (event) => {
      event.preventDefault();
      findPath($('path-from').dataset.id || $('path-from').value.trim(), $('path-to').dataset.id || $('path-to').value.trim());
    });
    for (const input of [$('path-from'), $('path-to')]) input.addEventListener('input', () => delete input.dataset.id);
    $('clear-path').addEventListener('click', () => {
      state.path = null;
      highlightPath();
      setBusy(false, summary());
    });

    $('panel').addEventListener('click', (event) => {
      const target = event.target.closest('[data-expand], [data-path-from], [data-path-to], [data-pick]');
      if (!target) return;
      event.preventDefault();
      if (target.dataset.expand) expand(target.dataset.expand);
      else if (target.dataset.pick) {
        $('search').value = target.textContent;
        showPerson(target.dataset.pick);
      } else {
        const input = target.dataset.pathFrom ? $('path-from') : $('path-to');
        input.value = target.dataset.label;
        input.dataset.id = target.dataset.pathFrom || target.dataset.pathTo;
        const other = target.dataset.pathFrom ? $('path-to') : $('path-from');
        if (other.value) findPath($('path-from').dataset.id || $('path-from').value.trim(), $('path-to').dataset.id || $('path-to').value.trim());
      }
    });

    // The tests (and the curious) can reach the graph from the console.
    window.explorer = { get cy() { return cy; }, state, nodes: () => nodes, edges: () => edges };
    document.body.dataset.ready = 'true';

    const initial = new URLSearchParams(location.search).get('person');
    if (initial) {
      $('search').value = initial;
      showPerson(initial);
    }
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
