// ProChat live view. Everything a user typed goes into the page through textContent, never as HTML.
'use strict';

(() => {
  const MAX_ROWS = 1000;          // per list; older rows are dropped so the page stays fast for hours
  const CHART_POINTS = 120;       // two minutes of one-a-second samples
  const PING_EVERY_MS = 20000;
  const PONG_WITHIN_MS = 10000;

  const $ = (id) => document.getElementById(id);
  const wsPort = document.querySelector('meta[name="prochat-ws-port"]').content;
  const socketUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.hostname}:${wsPort}/live`;

  let socket = null;
  let retryMs = 1000;
  let pingTimer = null;
  let pongTimer = null;
  let samples = [];

  /** An element with a class and, optionally, text. */
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function nickClass(nick) {
    let hash = 0;
    for (const ch of nick) hash = (hash * 31 + ch.codePointAt(0)) >>> 0;
    return `nick-${hash % 8}`;
  }

  function clock(ts) {
    return new Date(ts).toLocaleTimeString([], { hour12: false });
  }

  function bytes(n) {
    if (n < 1024) return `${Math.round(n)} B`;
    if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
    if (n < 1024 * 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MiB`;
    return `${(n / 1024 / 1024 / 1024).toFixed(2)} GiB`;
  }

  // ---- lists that follow the newest line and stay bounded -------------------------------------

  function nearBottom(list) {
    return list.scrollHeight - list.scrollTop - list.clientHeight < 40;
  }

  /** Appends rows, trims the oldest beyond MAX_ROWS, keeps following the bottom when asked to. */
  function append(list, rows, follow) {
    if (rows.length === 0) return;
    const fragment = document.createDocumentFragment();
    rows.forEach((row) => fragment.appendChild(row));
    list.appendChild(fragment);
    while (list.childElementCount > MAX_ROWS) list.firstElementChild.remove();
    if (follow) list.scrollTop = list.scrollHeight;
  }

  function chatRow(item) {
    const row = el('li', `chat-row ${item.kind}`);
    row.dataset.kind = item.kind;
    row.appendChild(el('span', 'time', clock(item.ts)));
    switch (item.kind) {
      case 'whisper':
        row.appendChild(el('span', 'badge', 'private'));
        row.appendChild(el('span', 'who', `${item.from} → ${item.to}`));
        row.appendChild(el('span', 'text', item.text));
        break;
      case 'join':
        row.appendChild(el('span', `who ${nickClass(item.from)}`, item.from));
        row.appendChild(el('span', 'text', 'joined'));
        break;
      case 'leave':
        row.appendChild(el('span', `who ${nickClass(item.from)}`, item.from));
        row.appendChild(el('span', 'text', `left: ${item.text}`));
        break;
      case 'presence':
        row.appendChild(el('span', 'text', item.text));
        break;
      default:
        row.appendChild(el('span', `who ${nickClass(item.from)}`, item.from));
        row.appendChild(el('span', 'text', item.text));
    }
    return row;
  }

  function logRow(line) {
    const level = / (ERROR|WARN) /.exec(line);
    const row = el('li', level ? `level-${level[1].toLowerCase()}` : 'level-info');
    row.appendChild(el('span', 'text', line));
    return row;
  }

  /** A row saying that some lines came too fast for this page; they are in the server's chat log. */
  function gapRow(count, what) {
    const row = el('li', 'gap');
    row.appendChild(el('span', 'text', `… ${count} ${what} came too fast to show here`));
    return row;
  }

  function addChat(items, skipped = 0) {
    const list = $('messages');
    const rows = items.map(chatRow);
    if (skipped > 0) rows.unshift(gapRow(skipped, 'messages'));
    append(list, rows, $('follow').checked);
    $('count-messages').textContent = list.childElementCount;
  }

  function addLogs(lines, skipped = 0) {
    const list = $('log');
    const rows = lines.map(logRow);
    if (skipped > 0) rows.unshift(gapRow(skipped, 'log lines'));
    append(list, rows, nearBottom(list));
    $('count-log').textContent = list.childElementCount;
  }

  // ---- users and the proxy tree ---------------------------------------------------------------

  function showRoom(room) {
    if (!room) return;
    const body = $('users');
    body.replaceChildren(...room.users.map((user) => {
      const row = el('tr');
      row.appendChild(el('td', `who ${nickClass(user.nick)}`, user.nick));
      row.appendChild(el('td', '', user.depth === 0 ? 'link lost' : user.parentNick ? `via ${user.parentNick}` : 'direct'));
      row.appendChild(el('td', 'num', user.depth));
      row.appendChild(el('td', 'num', user.rttMicros < 0 ? '–' : `${(user.rttMicros / 1000).toFixed(1)} ms`));
      row.appendChild(el('td', 'num', user.relaysFor));
      return row;
    }));
    if (room.users.length === 0) {
      const row = el('tr');
      const cell = el('td', 'empty', 'nobody is in the room');
      cell.colSpan = 5;
      row.appendChild(cell);
      body.appendChild(row);
    }
    $('count-users').textContent = room.users.length;
    $('count-depth').textContent = `depth ${room.maxDepth} · ${room.directLinks} direct`;
    showTree(room.users);
  }

  function showTree(users) {
    const children = new Map();
    const lost = [];
    for (const user of users) {
      if (user.depth === 0) { lost.push(user); continue; }
      const parent = user.parentNick ?? '';
      if (!children.has(parent)) children.set(parent, []);
      children.get(parent).push(user);
    }
    const node = (name, meta, kids, className) => {
      const item = el('li', className);
      item.appendChild(el('span', `node-name ${className === 'node-root' ? '' : nickClass(name)}`, name));
      if (meta) item.appendChild(el('span', 'node-meta', meta));
      if (kids.length > 0) {
        const list = el('ul');
        kids.forEach((kid) => list.appendChild(kid));
        item.appendChild(list);
      }
      return item;
    };
    const branch = (user, seen) => {
      const meta = [`depth ${user.depth}`];
      if (user.rttMicros >= 0) meta.push(`rtt ${(user.rttMicros / 1000).toFixed(1)} ms`);
      if (user.relaysFor > 0) meta.push(`relays for ${user.relaysFor}`);
      const kids = seen.has(user.nick) ? [] : (children.get(user.nick) ?? []).map((kid) => branch(kid, new Set([...seen, user.nick])));
      return node(user.nick, meta.join(' · '), kids, 'node');
    };
    const roots = (children.get('') ?? []).map((user) => branch(user, new Set()));
    const tree = $('tree');
    tree.replaceChildren(node('coordinator', `${roots.length} direct`, roots, 'node-root'));
    if (lost.length > 0) {
      tree.appendChild(node('link lost, may resume', null, lost.map((user) => node(user.nick, null, [], 'node')), 'node-root'));
    }
  }

  // ---- stats ----------------------------------------------------------------------------------

  function showStats(stats) {
    if (!stats) return;
    $('stat-clients').textContent = stats.clients;
    const resuming = stats.users - stats.clients;
    $('stat-tree').textContent = `${stats.directLinks} direct · depth ${stats.maxDepth}`
      + (resuming > 0 ? ` · ${resuming} resuming` : '');
    $('stat-messages').textContent = stats.messages.toLocaleString();
    $('stat-rate').textContent = `${stats.messagesPerSecond.toFixed(1)} per second`;
    $('stat-whispers').textContent = stats.whispers.toLocaleString();
    $('stat-refused').textContent = `${stats.refusedConnections} connections refused`;
    $('stat-out').textContent = `${bytes(stats.bytesOut)} out`;
    $('stat-in').textContent = `${bytes(stats.bytesIn)} in`;
    $('stat-broadcast').textContent = `${Math.round(stats.bytesPerBroadcast)} B`;
    $('stat-saving').textContent = stats.directLinks > 0
      ? `for ${stats.users} users over ${stats.directLinks} direct link${stats.directLinks === 1 ? '' : 's'}`
        + (stats.users > stats.directLinks ? ` (${(stats.users / stats.directLinks).toFixed(1)}× fewer writes)` : '')
      : `${stats.broadcasts.toLocaleString()} broadcasts so far`;
  }

  function addSamples(list) {
    samples = samples.concat(list).slice(-CHART_POINTS);
    drawChart();
  }

  /** Two lines on one canvas, each scaled to its own maximum: bytes per broadcast and users. */
  function drawChart() {
    const canvas = $('chart');
    canvas.dataset.points = samples.length;
    const ratio = window.devicePixelRatio || 1;
    const width = canvas.clientWidth;
    const height = canvas.clientHeight;
    canvas.width = width * ratio;
    canvas.height = height * ratio;
    const g = canvas.getContext('2d');
    g.scale(ratio, ratio);
    g.clearRect(0, 0, width, height);
    g.strokeStyle = '#e3e8f0';
    g.beginPath();
    g.moveTo(0, height - 0.5);
    g.lineTo(width, height - 0.5);
    g.stroke();
    if (samples.length < 2) return;
    const style = getComputedStyle(document.documentElement);
    const series = [
      [samples.map((s) => s.recentBytesPerBroadcast || s.bytesPerBroadcast), style.getPropertyValue('--accent')],
      [samples.map((s) => s.users), style.getPropertyValue('--warn')],
    ];
    // Until two minutes are in, the samples there are stretch across the whole width.
    const step = width / (samples.length - 1);
    for (const [values, colour] of series) {
      const top = Math.max(1, ...values);
      g.strokeStyle = colour.trim();
      g.lineWidth = 1.8;
      g.beginPath();
      values.forEach((value, i) => {
        const x = i * step;
        const y = height - 3 - (value / top) * (height - 8);
        if (i === 0) g.moveTo(x, y); else g.lineTo(x, y);
      });
      g.stroke();
    }
  }

  // ---- the connection -------------------------------------------------------------------------

  function setConnection(state, text) {
    const pill = $('connection');
    pill.className = `pill pill-${state}`;
    pill.textContent = text;
  }

  function receive(message) {
    switch (message.type) {
      case 'welcome':
        $('messages').replaceChildren();
        $('log').replaceChildren();
        samples = [];
        addChat(message.chat);
        addLogs(message.logs);
        addSamples(message.stats);
        showStats(message.stats[message.stats.length - 1]);
        showRoom(message.room);
        break;
      case 'batch':
        addChat(message.chat, message.skippedChat);
        addLogs(message.logs, message.skippedLogs);
        break;
      case 'sample':
        addSamples([message.stats]);
        showStats(message.stats);
        showRoom(message.room);
        break;
      case 'pong':
        clearTimeout(pongTimer);
        break;
      case 'error':
        console.warn('live view:', message.message);
        break;
      default:
        console.warn('live view: unknown message', message.type);
    }
  }

  function connect() {
    setConnection('wait', 'connecting…');
    let opened = false;
    socket = new WebSocket(socketUrl);
    socket.addEventListener('open', () => {
      opened = true;
      retryMs = 1000;
      setConnection('live', 'live');
      pingTimer = setInterval(ping, PING_EVERY_MS);
    });
    socket.addEventListener('message', (event) => receive(JSON.parse(event.data)));
    socket.addEventListener('close', () => {
      clearInterval(pingTimer);
      clearTimeout(pongTimer);
      setConnection('down', 'disconnected, retrying…');
      if (!opened) checkSignedIn();
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 15000);
    });
  }

  function ping() {
    socket.send(JSON.stringify({ type: 'ping' }));
    pongTimer = setTimeout(() => socket.close(), PONG_WITHIN_MS);
  }

  /** A refused handshake may mean the token changed: if the API says 401 too, show the login form. */
  function checkSignedIn() {
    fetch('/api/stats', { credentials: 'same-origin' })
      .then((response) => { if (response.status === 401) location.reload(); })
      .catch(() => { /* the coordinator is down; keep retrying */ });
  }

  window.addEventListener('resize', drawChart);
  connect();
})();
