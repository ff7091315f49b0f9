// The page's only script, served from the same origin (the Content-Security-Policy forbids inline script).
// Everything shown that came from the user or the model is set as text (textContent, text nodes), never as HTML.
'use strict';

const $ = (id) => document.getElementById(id);

function element(tag, text, className) {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (className) e.className = className;
  return e;
}

function percent(p) {
  return (Math.max(0, Math.min(1, p)) * 100).toFixed(1) + '%';
}

// A scraped page has a metadata block of "- Key:" lines; anything else is plain text.
function looksLikePage(text) {
  return /^-\s*(Date|Source|Place|Fields of work):\s*$/m.test(text);
}

function documentOf(text, id) {
  const doc = looksLikePage(text) ? { page: text } : { text: text };
  if (id !== undefined) doc.id = id;
  return doc;
}

async function postJson(url, body) {
  const response = await fetch(url, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body)
  });
  const json = await response.json();
  if (!response.ok) throw new Error(json.error || ('HTTP ' + response.status));
  return json;
}

function bar(probability, threshold) {
  const b = element('div', undefined, 'bar');
  b.setAttribute('aria-hidden', 'true');
  const fill = element('div', undefined, 'fill');
  fill.style.width = percent(probability);
  b.appendChild(fill);
  if (threshold !== undefined) {
    const mark = element('div', undefined, 'threshold');
    mark.style.left = percent(threshold);
    mark.title = 'threshold ' + threshold.toFixed(3);
    b.appendChild(mark);
  }
  return b;
}

function renderFields(fields) {
  const list = $('fields');
  list.replaceChildren();
  if (fields.length === 0) list.appendChild(element('li', 'none'));
  for (const f of fields) {
    const item = element('li');
    item.appendChild(element('span', f.label + ' '));
    item.appendChild(element('span', f.probability.toFixed(3) + ' (threshold ' + f.threshold.toFixed(3) + ')', 'number'));
    item.appendChild(bar(f.probability, f.threshold));
    list.appendChild(item);
  }
}

function renderSources(sources) {
  const list = $('sources');
  list.replaceChildren();
  for (const s of sources.slice(0, 5)) {
    const item = element('li');
    item.appendChild(element('span', s.label + ' '));
    item.appendChild(element('span', s.probability.toFixed(3), 'number'));
    item.appendChild(bar(s.probability));
    list.appendChild(item);
  }
}

// The stems of a label's text and title features ("text:polic" -> "polic"); metadata features are not words.
function stems(features) {
  const out = [];
  for (const f of features) {
    const m = /^(?:text|title|body):(.+)$/.exec(f.feature);
    if (m && f.weight > 0) out.push(...m[1].split(/[\s_]+/).filter((w) => w.length > 1));
  }
  return out;
}

function escapeRegex(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Shows the text with the words starting with one of the stems marked: text nodes and <mark> elements only.
function highlight(text, wordStems) {
  const view = $('text-view');
  view.replaceChildren();
  if (wordStems.length === 0) {
    view.appendChild(document.createTextNode(text));
    return;
  }
  const pattern = new RegExp('\\b(?:' + wordStems.map(escapeRegex).join('|') + ')\\w*', 'giu');
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    view.appendChild(document.createTextNode(text.slice(last, m.index)));
    view.appendChild(element('mark', m[0]));
    last = m.index + m[0].length;
  }
  view.appendChild(document.createTextNode(text.slice(last)));
}

function renderWords(words, text) {
  const box = $('words');
  box.replaceChildren();
  const buttons = [];
  for (const [label, features] of Object.entries(words)) {
    const button = element('button', label);
    button.type = 'button';
    button.setAttribute('aria-pressed', 'false');
    button.title = features.map((f) => f.feature + ' ' + f.weight.toFixed(3)).join(', ');
    button.addEventListener('click', () => {
      for (const b of buttons) b.setAttribute('aria-pressed', String(b === button));
      highlight(text, stems(features));
    });
    buttons.push(button);
    box.appendChild(button);
  }
  if (buttons.length > 0) buttons[0].click(); else highlight(text, []);
}

// Corrections (shown only when the server takes them): the model's labels, and the token, kept in memory only.
// A statement opened from the review queue is sent as its title and body, so that its correction has the id of the
// corpus item it corrects (ids are derived from title and body); while the text area still shows it.
const feedback = { enabled: false, fields: [], sources: [], token: '', doc: null, reviewed: null };

function reviewText(item) {
  return item.title ? item.title + '\n\n' + item.body : item.body;
}

function requestDocument(text) {
  const r = feedback.reviewed;
  return r && text === reviewText(r) ? { id: r.id, title: r.title, body: r.body } : documentOf(text);
}

function renderCorrection(result, doc) {
  if (!feedback.enabled) return;
  feedback.doc = doc;
  const predicted = new Set(result.fields.map((f) => f.label));
  const box = $('correct-fields');
  box.replaceChildren();
  feedback.fields.forEach((label, i) => {
    const check = element('input');
    check.type = 'checkbox';
    check.id = 'field-' + i;
    check.value = label;
    check.checked = predicted.has(label);
    const name = element('label');
    name.htmlFor = check.id;
    name.appendChild(check);
    name.appendChild(document.createTextNode(' ' + label));
    box.appendChild(name);
  });
  const select = $('correct-source');
  select.replaceChildren();
  select.appendChild(element('option', '(unknown)'));
  select.firstChild.value = '';
  for (const source of feedback.sources) {
    const option = element('option', source);
    option.value = source;
    select.appendChild(option);
  }
  const top = result.sources.length > 0 ? result.sources[0].label : '';
  select.value = feedback.sources.includes(top) ? top : '';
  $('token-box').hidden = feedback.token !== '';
  $('save-status').textContent = '';
  $('correct').hidden = false;
}

async function save(event) {
  event.preventDefault();
  const status = $('save-status');
  status.className = '';
  if (feedback.token === '') feedback.token = $('token').value.trim();
  const correction = Object.assign({}, feedback.doc);
  correction.fields = Array.from(document.querySelectorAll('#correct-fields input:checked')).map((c) => c.value);
  correction.sources = $('correct-source').value ? [$('correct-source').value] : [];
  try {
    const response = await fetch('/v1/feedback', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Authorization': 'Bearer ' + feedback.token },
      body: JSON.stringify(correction)
    });
    const json = await response.json();
    if (response.status === 401) {
      feedback.token = '';
      $('token-box').hidden = false;
    }
    if (!response.ok) throw new Error(json.error || ('HTTP ' + response.status));
    $('token').value = '';
    $('token-box').hidden = true;
    status.textContent = 'Saved (' + json.id + ').';
  } catch (e) {
    status.textContent = e.message;
    status.className = 'error';
  }
}

async function showReview() {
  try {
    const response = await fetch('/v1/review');
    const queue = await response.json();
    if (!response.ok) throw new Error(queue.error || ('HTTP ' + response.status));
    const list = $('review-list');
    list.replaceChildren();
    for (const item of queue.documents) {
      const entry = element('li');
      const open = element('button', item.title || item.id);
      open.type = 'button';
      open.addEventListener('click', () => {
        feedback.reviewed = item;
        $('statement').value = reviewText(item);
        $('classify').click();
      });
      entry.appendChild(open);
      entry.appendChild(element('span', ' uncertainty ' + item.uncertainty.toFixed(3), 'number'));
      list.appendChild(entry);
    }
    $('review').hidden = false;
  } catch (e) {
    $('review').hidden = false;
    $('review-list').replaceChildren(element('li', 'The review queue could not be loaded: ' + e.message, 'error'));
  }
}

async function classify(event) {
  event.preventDefault();
  const text = $('statement').value;
  $('status').textContent = 'Classifying…';
  $('status').className = '';
  try {
    const doc = requestDocument(text);
    const result = await postJson('/v1/classify?explain=true', doc);
    renderFields(result.fields);
    renderSources(result.sources);
    renderWords(result.words || {}, text);
    renderCorrection(result, doc);
    $('result').hidden = false;
    $('status').textContent = result.status === 'ok' ? 'Classified.' : 'Not classified: ' + result.status;
  } catch (e) {
    $('result').hidden = true;
    $('status').textContent = e.message;
    $('status').className = 'error';
  }
}

function download(blob, name) {
  const a = element('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}

async function upload(event) {
  event.preventDefault();
  const files = Array.from($('files').files);
  const status = $('upload-status');
  status.className = '';
  status.textContent = 'Classifying ' + files.length + ' file(s)…';
  try {
    let response;
    if (files.length === 1 && files[0].name.toLowerCase().endsWith('.csv')) {
      response = await fetch('/v1/classify/batch?format=csv', {
        method: 'POST', headers: { 'Content-Type': 'text/csv' }, body: await files[0].text()
      });
    } else {
      const docs = await Promise.all(files.map(async (f) => documentOf(await f.text(), f.name.replace(/\.txt$/i, ''))));
      response = await fetch('/v1/classify/batch?format=csv', {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(docs)
      });
    }
    if (!response.ok) throw new Error((await response.json()).error || ('HTTP ' + response.status));
    download(await response.blob(), 'classified.csv');
    status.textContent = 'Downloaded classified.csv.';
  } catch (e) {
    status.textContent = e.message;
    status.className = 'error';
  }
}

async function describeModel() {
  try {
    const model = await (await fetch('/v1/model')).json();
    $('model').textContent = 'Model ' + model.id.slice(0, 19) + '…, trained on ' + model.training.items
      + ' items, ' + model.labels.fields.length + ' fields of work and ' + model.labels.sources.length + ' sources.';
    feedback.enabled = model.feedback.enabled;
    feedback.fields = model.labels.fields;
    feedback.sources = model.labels.sources.filter((s) => s !== 'Other');
    if (model.feedback.review) showReview();
  } catch (e) {
    $('model').textContent = 'The model could not be described: ' + e.message;
  }
}

$('classify-form').addEventListener('submit', classify);
$('upload-form').addEventListener('submit', upload);
$('correct-form').addEventListener('submit', save);
describeModel();
