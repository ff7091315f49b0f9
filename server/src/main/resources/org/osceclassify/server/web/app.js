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

async function classify(event) {
  event.preventDefault();
  const text = $('statement').value;
  $('status').textContent = 'Classifying…';
  $('status').className = '';
  try {
    const result = await postJson('/v1/classify?explain=true', documentOf(text));
    renderFields(result.fields);
    renderSources(result.sources);
    renderWords(result.words || {}, text);
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
  } catch (e) {
    $('model').textContent = 'The model could not be described: ' + e.message;
  }
}

$('classify-form').addEventListener('submit', classify);
$('upload-form').addEventListener('submit', upload);
describeModel();
