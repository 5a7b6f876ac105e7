/*
 * Madoguchi resident assistant (窓口アシスタント): the floating widget for any web page.
 *
 *   <script src="https://PLATFORM/assistant/widget.js" data-tenant="shinonomeno" data-lang="ja" defer></script>
 *
 * Plain ES2017, no dependencies, no build step. The API base is where this file came from. Everything lives in
 * an open shadow root, so the host page's styles do not reach in and ours do not leak out. Text from the server
 * is only ever inserted as text (textContent / Text nodes), never as HTML; only http(s) addresses become links.
 * The host page must allow this origin in its Content-Security-Policy (script-src and connect-src), and the city
 * must list the page's origin in its assistant settings (CORS).
 */
(() => {
  'use strict';

  const script = document.currentScript;
  if (!script || window.madoguchiAssistant) {
    return;
  }
  window.madoguchiAssistant = true;

  const base = new URL(script.src, document.baseURI).href.replace(/\/assistant\/widget\.js(?:[?#].*)?$/, '');
  const tenant = script.getAttribute('data-tenant') || '';
  if (!/^[a-z][a-z0-9-]{1,39}$/.test(tenant)) {
    console.warn('Madoguchi assistant: set data-tenant on the script tag (the city id, e.g. "shinonomeno")');
    return;
  }
  const wanted = script.getAttribute('data-lang') || document.documentElement.lang || 'ja';
  const lang = wanted.toLowerCase().startsWith('en') ? 'en' : 'ja';
  const api = `${base}/api/v1/assistant/tenants/${tenant}`;
  const MAX_LENGTH = 500;

  const TEXTS = {
    ja: {
      open: '質問する',
      title: '窓口アシスタント',
      close: '閉じる',
      label: 'ご質問',
      hint: '氏名や個人番号などの個人情報は入力しないでください。',
      send: '送信',
      welcome: 'こんにちは。手続きや暮らしについてのご質問に、市の案内からお答えします。例：「住民票の写しを取りたい」',
      you: 'あなた：',
      bot: 'アシスタント：',
      waiting: '回答を探しています…',
      department: '担当：',
      phone: '電話：',
      page: '市の公式ページで詳しく見る',
      procedure: 'この手続きはオンラインで申請できます：',
      apply: 'オンラインで申請する',
      helpful: '役に立ちましたか？',
      yes: 'はい',
      no: 'いいえ',
      contactForm: 'お問い合わせフォーム',
      tooMany: (s) => `質問が続いたため、受け付けられませんでした。${s}秒ほど待ってから、もう一度お試しください。`,
      network: 'アシスタントに接続できませんでした。時間をおいてもう一度お試しいただくか、市役所へお電話でお問い合わせください。',
      failed: '回答を表示できませんでした。もう一度お試しください。'
    },
    en: {
      open: 'Ask',
      title: 'Assistant',
      close: 'Close',
      label: 'Your question',
      hint: 'Please do not type personal details such as your name or number.',
      send: 'Send',
      welcome: 'Hello. Ask about procedures and daily life: the answers come from the city\'s information. '
        + 'For example: "I want a copy of my residence certificate".',
      you: 'You: ',
      bot: 'Assistant: ',
      waiting: 'Looking for an answer…',
      department: 'Department: ',
      phone: 'Phone: ',
      page: 'More on the city\'s official page',
      procedure: 'You can apply online: ',
      apply: 'Apply online',
      helpful: 'Was this helpful?',
      yes: 'Yes',
      no: 'No',
      contactForm: 'Contact form',
      tooMany: (s) => `Too many questions in a short time. Please wait about ${s} seconds and try again.`,
      network: 'Could not reach the assistant. Please try again later, or call the city hall.',
      failed: 'The answer could not be shown. Please try again.'
    }
  };
  const t = TEXTS[lang];

  /* DADS colours: text #1a1a1a (17:1), blue-900 #0017c1 (11:1 on white), blue-1000 links, red-900 errors
     (5.8:1), borders gray-536 (4.5:1); focus: black outline with the yellow halo, as on the platform's pages. */
  const CSS = `
:host { all: initial; }
.mdg { font: medium/1.6 "Noto Sans JP", "Hiragino Sans", "Yu Gothic UI", Meiryo, sans-serif; color: #1a1a1a; }
.mdg *, .mdg *::before, .mdg *::after { box-sizing: border-box; }
.mdg [hidden] { display: none !important; }
.sr { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
button, input { font: inherit; color: inherit; margin: 0; }
button { cursor: pointer; }
button:focus-visible, input:focus-visible, a:focus-visible, .log:focus-visible {
  outline: 4px solid #000; outline-offset: 2px; box-shadow: 0 0 0 2px #ffd43d; }
a { color: #00118f; text-decoration: underline; text-underline-offset: 3px; overflow-wrap: anywhere; }
a:hover { color: #000071; text-decoration-thickness: 3px; }
a:focus-visible { background: #ffd43d; color: #000; }
.launcher { position: fixed; right: 16px; bottom: 16px; z-index: 2147483000; display: inline-flex;
  align-items: center; gap: 8px; min-width: 48px; min-height: 48px; padding: 8px 20px; border: 2px solid #fff;
  border-radius: 24px; background: #0017c1; color: #fff; font-weight: 700;
  box-shadow: 0 2px 8px rgba(0, 0, 0, .35); }
.launcher:hover { background: #00118f; text-decoration: underline; }
.launcher svg { width: 24px; height: 24px; flex: none; fill: currentColor; }
.panel { position: fixed; right: 16px; bottom: 80px; z-index: 2147483000; display: flex; flex-direction: column;
  width: min(400px, calc(100vw - 32px)); height: min(600px, calc(100vh - 104px)); overflow: hidden;
  border: 1px solid #767676; border-radius: 12px; background: #fff; box-shadow: 0 4px 24px rgba(0, 0, 0, .3); }
@media (max-width: 480px) { .panel { right: 8px; left: 8px; width: auto; bottom: 72px; height: calc(100vh - 88px); } }
@media (prefers-reduced-motion: no-preference) {
  .panel { animation: mdg-in .15s ease-out; }
  @keyframes mdg-in { from { opacity: 0; transform: translateY(8px); } to { opacity: 1; transform: none; } }
}
.head { display: flex; align-items: center; justify-content: space-between; gap: 8px; padding: 4px 4px 4px 16px;
  background: #0017c1; color: #fff; }
.head h2 { margin: 0; font-size: 1.0625em; font-weight: 700; line-height: 1.4; }
.close { min-width: 44px; min-height: 44px; padding: 0 12px; border: 0; border-radius: 8px; background: transparent;
  color: #fff; text-decoration: underline; }
.close:hover { background: #00118f; }
.log { flex: 1 1 auto; overflow-y: auto; padding: 12px; background: #f2f2f2; }
.msg { max-width: 100%; margin: 0 0 12px; padding: 8px 12px; border-radius: 8px; overflow-wrap: anywhere; }
.msg p { margin: 0 0 8px; }
.msg > :last-child, .msg p:last-child { margin-bottom: 0; }
.me { margin-left: 15%; border: 1px solid #c5d7fb; background: #e8f1fe; }
.bot { margin-right: 5%; border: 1px solid #949494; background: #fff; }
.error { margin-right: 5%; border: 2px solid #ce0000; background: #fff; color: #ce0000; font-weight: 700; }
.wait { color: #4d4d4d; }
.question { font-weight: 700; }
.choices { display: grid; gap: 8px; margin: 8px 0 0; padding: 0; list-style: none; }
.choice { display: block; width: 100%; min-height: 44px; padding: 8px 12px; border: 1px solid #0017c1;
  border-radius: 8px; background: #fff; color: #0017c1; text-align: left; }
.choice:hover { background: #e8f1fe; text-decoration: underline; }
.cta { display: inline-flex; align-items: center; min-height: 48px; padding: 8px 16px; border: 2px solid #0017c1;
  border-radius: 8px; background: #0017c1; color: #fff; font-weight: 700; text-decoration: none; }
.cta:hover { background: #00118f; color: #fff; text-decoration: underline; }
.cta:focus-visible { background: #0017c1; color: #fff; }
.rate { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; margin-top: 12px; padding-top: 8px;
  border-top: 1px solid #d9d9d9; }
.rate p { margin: 0; }
.rate button { min-width: 64px; min-height: 44px; padding: 4px 12px; border: 1px solid #0017c1; border-radius: 8px;
  background: #fff; color: #0017c1; }
.rate button:disabled { border-color: #949494; color: #4d4d4d; cursor: not-allowed; }
form.ask { padding: 8px 12px 12px; border-top: 1px solid #767676; background: #fff; }
form.ask label { display: block; font-weight: 700; }
.hint { margin: 0 0 4px; color: #4d4d4d; font-size: .875em; }
.row { display: flex; gap: 8px; }
.row input { flex: 1 1 auto; min-width: 0; min-height: 44px; padding: 8px; border: 1px solid #767676;
  border-radius: 8px; background: #fff; }
.send { min-width: 64px; min-height: 44px; padding: 8px 16px; border: 2px solid #0017c1; border-radius: 8px;
  background: #0017c1; color: #fff; font-weight: 700; }
.send:hover { background: #00118f; text-decoration: underline; }
@media (forced-colors: active) {
  .launcher, .panel, .choice, .cta, .send, .rate button, .close { border: 2px solid ButtonText; }
}
`;

  /** An element with attributes and children; strings become Text nodes (never parsed as HTML). */
  const el = (tag, attrs, ...children) => {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (v === null || v === undefined || v === false) {
        return;
      }
      if (k === 'class') {
        e.className = v;
      } else if (k === 'text') {
        e.textContent = v;
      } else {
        e.setAttribute(k, v === true ? '' : v);
      }
    });
    children.forEach((c) => {
      if (c !== null && c !== undefined) {
        e.append(c);
      }
    });
    return e;
  };

  /** An absolute http(s) address for a link (relative ones are on the platform), or null. */
  const safeUrl = (url) => {
    if (typeof url !== 'string' || url === '') {
      return null;
    }
    try {
      const u = new URL(url, base + '/');
      return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
    } catch (e) {
      return null;
    }
  };

  /** A tel: address from a listed number (digits and hyphens), or null. */
  const telUrl = (phone) => {
    const digits = typeof phone === 'string' ? phone.replace(/[^0-9+]/g, '') : '';
    return digits ? `tel:${digits}` : null;
  };

  /** Plain text with line breaks, its http(s) addresses as links (as the page does in AnswerText.java). */
  const URL_IN_TEXT = /https?:\/\/[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+/g;
  const textWithLinks = (text) => {
    const p = el('p');
    String(text || '').split(/\r\n|\r|\n/).forEach((line, i) => {
      if (i > 0) {
        p.append(el('br'));
      }
      let at = 0;
      line.replace(URL_IN_TEXT, (found, offset) => {
        let url = found.replace(/[.,;:!?'"]+$/, '');
        while (url.endsWith(')') && (url.split('(').length < url.split(')').length)) {
          url = url.slice(0, -1);
        }
        if (url.length <= 'https://'.length) {
          return found;
        }
        p.append(line.slice(at, offset), el('a', { href: url, text: url }));
        at = offset + url.length;
        return found;
      });
      p.append(line.slice(at));
    });
    return p;
  };

  // --- the widget's DOM ---

  const host = el('madoguchi-assistant', { lang });
  const root = host.attachShadow({ mode: 'open' });
  if (root.adoptedStyleSheets !== undefined && typeof CSSStyleSheet === 'function'
      && 'replaceSync' in CSSStyleSheet.prototype) {
    // a constructed sheet also works where the host page's CSP forbids inline <style>
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [sheet];
  } else {
    root.append(el('style', { text: CSS }));
  }

  const svgNs = 'http://www.w3.org/2000/svg';
  const icon = document.createElementNS(svgNs, 'svg');
  icon.setAttribute('viewBox', '0 0 24 24');
  icon.setAttribute('aria-hidden', 'true');
  icon.setAttribute('focusable', 'false');
  const bubble = document.createElementNS(svgNs, 'path');
  bubble.setAttribute('d', 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm3 6v2h2V9H7zm4 '
    + '0v2h2V9h-2zm4 0v2h2V9h-2z');
  icon.append(bubble);

  const launcher = el('button', { class: 'launcher', type: 'button', 'aria-expanded': 'false',
    'aria-controls': 'mdg-panel' }, icon, el('span', { text: t.open }));
  const closer = el('button', { class: 'close', type: 'button', text: t.close });
  const log = el('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-labelledby': 'mdg-title',
    tabindex: '0' });
  const input = el('input', { id: 'mdg-q', type: 'text', maxlength: String(MAX_LENGTH), autocomplete: 'off',
    'aria-describedby': 'mdg-hint' });
  const sendButton = el('button', { class: 'send', type: 'submit', text: t.send });
  const form = el('form', { class: 'ask', novalidate: true },
    el('label', { for: 'mdg-q', text: t.label }),
    el('p', { class: 'hint', id: 'mdg-hint', text: t.hint }),
    el('div', { class: 'row' }, input, sendButton));
  const panel = el('div', { class: 'panel', id: 'mdg-panel', role: 'dialog', 'aria-modal': 'false',
    'aria-labelledby': 'mdg-title', hidden: true },
    el('div', { class: 'head' }, el('h2', { id: 'mdg-title', text: t.title }), closer),
    log, form);
  root.append(el('aside', { class: 'mdg', 'aria-label': t.title }, launcher, panel));

  // --- the conversation ---

  let busy = false;

  const scrollDown = () => {
    log.scrollTop = log.scrollHeight;
  };

  /** A message in the log; who: 'me', 'bot' or 'error'. */
  const say = (who, ...nodes) => {
    const m = el('div', { class: `msg ${who}` }, el('span', { class: 'sr', text: who === 'me' ? t.you : t.bot }),
      ...nodes);
    log.append(m);
    scrollDown();
    return m;
  };

  const fail = (message) => say('error', el('p', { text: message }));

  class Trouble extends Error {
  }

  /** Calls the chat API; resolves to the reply, or rejects with a Trouble whose message a resident can read. */
  const call = async (method, path, body) => {
    const headers = { 'Accept-Language': lang };
    if (body) {
      headers['Content-Type'] = 'application/json';
    }
    let res;
    try {
      res = await fetch(api + path, {
        method,
        mode: 'cors',
        credentials: 'omit',
        headers,
        body: body ? JSON.stringify(Object.assign({ language: lang }, body)) : undefined
      });
    } catch (e) {
      // offline, or refused by CORS (this site is not among the city's allowed origins)
      throw new Trouble(t.network);
    }
    if (res.status === 429) {
      const wait = parseInt(res.headers.get('Retry-After'), 10);
      throw new Trouble(t.tooMany(wait > 0 ? wait : 10));
    }
    let data = null;
    try {
      data = await res.json();
    } catch (e) {
      data = null;
    }
    if (!res.ok || !data || typeof data !== 'object') {
      throw new Trouble(data && typeof data.title === 'string' ? data.title : t.failed);
    }
    return data;
  };

  /** Runs one request, with a waiting note, and shows the reply or what went wrong. */
  const exchange = async (request) => {
    if (busy) {
      return;
    }
    busy = true;
    log.setAttribute('aria-busy', 'true');
    const wait = say('bot', el('p', { class: 'wait', text: t.waiting }));
    try {
      const reply = await request();
      wait.remove();
      log.removeAttribute('aria-busy');
      show(reply);
    } catch (e) {
      wait.remove();
      log.removeAttribute('aria-busy');
      fail(e instanceof Trouble ? e.message : t.failed);
    } finally {
      busy = false;
    }
  };

  const ask = (text) => {
    if (text) {
      say('me', el('p', { text }));
    }
    exchange(() => call('POST', '/chat', { text, channel: 'WIDGET' }));
  };

  const pick = (entry, turn, question) => {
    say('me', el('p', { text: question }));
    const body = { entry, channel: 'WIDGET' };
    if (turn) {
      body.turn = turn;
    }
    exchange(() => call('POST', '/pick', body));
  };

  const topic = (code, name) => {
    say('me', el('p', { text: name }));
    exchange(() => call('GET', `/categories/${encodeURIComponent(code)}`));
  };

  const rate = (turn, helpful, buttons) => {
    buttons.forEach((b) => {
      b.disabled = true;
    });
    say('me', el('p', { text: helpful ? t.yes : t.no }));
    exchange(() => call('POST', '/feedback', { turn, helpful }));
  };

  const choices = (items, onPick) => el('ul', { class: 'choices' }, ...items
    .filter((c) => c && typeof c.id === 'string')
    .map((c) => {
      const b = el('button', { class: 'choice', type: 'button', text: String(c.question) });
      b.addEventListener('click', () => onPick(c));
      return el('li', {}, b);
    }));

  const topics = (categories) => el('ul', { class: 'choices' }, ...categories
    .filter((c) => c && typeof c.code === 'string')
    .map((c) => {
      const b = el('button', { class: 'choice', type: 'button', text: String(c.name) });
      b.addEventListener('click', () => topic(c.code, String(c.name)));
      return el('li', {}, b);
    }));

  const contact = (c) => {
    const nodes = [];
    if (typeof c.text === 'string') {
      nodes.push(el('p', { text: c.text }));
    }
    const tel = telUrl(c.phone);
    if (tel) {
      nodes.push(el('p', {}, t.phone, el('a', { href: tel, text: c.phone })));
    }
    const formUrl = safeUrl(c.url);
    if (formUrl) {
      nodes.push(el('p', {}, el('a', { href: formUrl, text: t.contactForm })));
    }
    return nodes;
  };

  const answer = (a, turn) => {
    const nodes = [el('p', { class: 'question', text: String(a.question || '') }), textWithLinks(a.text)];
    const tel = telUrl(a.phone);
    if (a.department || tel) {
      const p = el('p');
      if (a.department) {
        p.append(t.department, String(a.department));
      }
      if (tel) {
        if (a.department) {
          p.append(el('br'));
        }
        p.append(t.phone, el('a', { href: tel, text: String(a.phone) }));
      }
      nodes.push(p);
    }
    const page = safeUrl(a.url);
    if (page) {
      nodes.push(el('p', {}, el('a', { href: page, text: t.page })));
    }
    const procedure = safeUrl(a.procedureUrl);
    if (procedure) {
      nodes.push(el('p', { text: t.procedure + String(a.procedureName || '') }));
      nodes.push(el('p', {}, el('a', { class: 'cta', href: procedure, text: t.apply })));
    }
    if (turn) {
      const yes = el('button', { type: 'button', text: t.yes });
      const no = el('button', { type: 'button', text: t.no });
      const id = `mdg-rate-${turn}`;
      yes.addEventListener('click', () => rate(turn, true, [yes, no]));
      no.addEventListener('click', () => rate(turn, false, [yes, no]));
      nodes.push(el('div', { class: 'rate', role: 'group', 'aria-labelledby': id },
        el('p', { id, text: t.helpful }), yes, no));
    }
    return el('div', { class: 'answer' }, ...nodes);
  };

  /** One reply of the chat API (see Reply.java): every string is plain text. */
  const show = (r) => {
    const nodes = [el('p', { text: String(r.message || '') })];
    const candidates = Array.isArray(r.candidates) ? r.candidates : [];
    const categories = Array.isArray(r.categories) ? r.categories : [];
    if (r.kind === 'ANSWER' && r.answer) {
      nodes.push(answer(r.answer, r.turn));
    }
    if (r.kind === 'CANDIDATES') {
      nodes.push(choices(candidates, (c) => pick(c.id, r.turn, String(c.question))));
    }
    if (r.kind === 'CATEGORY') {
      nodes.push(choices(candidates, (c) => pick(c.id, null, String(c.question))));
    }
    if (categories.length > 0) {
      nodes.push(topics(categories));
    }
    if (r.contact && typeof r.contact === 'object') {
      nodes.push(...contact(r.contact));
    }
    say('bot', ...nodes);
  };

  // --- opening and closing ---

  let greeted = false;

  const open = () => {
    panel.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    if (!greeted) {
      greeted = true;
      say('bot', el('p', { text: t.welcome }));
    }
    input.focus();
  };

  const close = () => {
    panel.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    launcher.focus();
  };

  launcher.addEventListener('click', () => (panel.hidden ? open() : close()));
  closer.addEventListener('click', close);
  root.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !panel.hidden) {
      e.preventDefault();
      e.stopPropagation();
      close();
    }
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const text = input.value.trim();
    if (busy) {
      return;
    }
    input.value = '';
    ask(text);
    input.focus();
  });

  const mount = () => document.body.append(host);
  if (document.body) {
    mount();
  } else {
    document.addEventListener('DOMContentLoaded', mount);
  }
})();
