/**
 * The public answer page (`/s/<token>`): what a stranger's phone opens from a QR code.
 * No framework, a few kilobytes: it loads fast on a poor connection, and nothing typed is
 * lost when that connection drops.
 */
import './style.css';
import type { AnswerValue, TQuestion } from '@wenming/domain';
import { surveyPublicEn } from '@wenming/ui/i18n/survey.en';
import { surveyPublicZh } from '@wenming/ui/i18n/survey.zh-CN';
import { type Answers, check, clean, keeper, type Problem, serverProblems } from './answers';
import { fetchForm, type PublicSurvey, submitAnswers } from './api';

type Key = keyof typeof surveyPublicZh;
type Child = Node | string | null | false | undefined;

const query = new URLSearchParams(location.search);
const asked = query.get('lang');
let english = asked ? asked === 'en' : !/^zh/i.test(navigator.language || 'zh');

function t(key: Key, values: Record<string, string | number> = {}): string {
  const text = (english ? surveyPublicEn : surveyPublicZh)[key];
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
}
const loc = (text: { zh: string; en: string }) => (english && text.en.trim() ? text.en : text.zh);

/** A small element builder: text always goes in as text, never as HTML. */
function h(tag: string, props: Record<string, string | boolean | undefined> = {}, ...children: Child[]) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === false || value === undefined) continue;
    el.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) if (child) el.append(child);
  return el;
}

const root = document.getElementById('app')!;
/** The current screen, redrawn when the language changes. */
let screen: () => void = () => {};

function show(render: () => Node[]) {
  screen = () => {
    document.documentElement.lang = english ? 'en' : 'zh-CN';
    root.replaceChildren(...render(), footer());
  };
  screen();
  window.scrollTo(0, 0);
}

function footer() {
  const toggle = h('button', { type: 'button', class: 'link' }, t('public_switchLanguage'));
  toggle.addEventListener('click', () => {
    english = !english;
    screen();
  });
  return h('footer', {}, toggle, h('span', {}, t('public_footer')));
}

function button(text: string, onClick: () => void, primary = true) {
  const el = h('button', { type: 'button', class: primary ? 'btn' : 'btn ghost' }, text);
  el.addEventListener('click', onClick);
  return el;
}

type Tone = 'ok' | 'warn' | 'error' | 'muted';
const GLYPH: Record<Tone, string> = { ok: '✓', warn: '!', error: '×', muted: '?' };

/**
 * A whole-screen message: what happened, and what (if anything) to do now. Drawn from keys,
 * so switching the language redraws it too.
 */
function message(
  tone: Tone,
  title: Key,
  body: Key,
  values: Record<string, string> = {},
  actions: () => HTMLElement[] = () => [],
) {
  show(() => {
    document.title = t(title);
    const buttons = actions();
    return [
      h(
        'section',
        { class: `message ${tone}`, role: 'status' },
        h('div', { class: 'glyph', 'aria-hidden': 'true' }, GLYPH[tone]),
        h('h1', {}, t(title)),
        h('p', {}, t(body, values)),
        buttons.length > 0 && h('div', { class: 'actions' }, ...buttons),
      ),
    ];
  });
}

// ---------------------------------------------------------------- the link and its state

const token = decodeURIComponent(location.pathname.replace(/^\/s\/?/, '').split('/')[0] ?? '');
const kept = keeper(token || 'none');
let survey: PublicSurvey | null = null;
let answers: Answers = {};
let problems = new Map<string, Problem>();
let sending = false;

const notFound = () => message('muted', 'public_notFoundTitle', 'public_notFoundBody');
const already = () => message('ok', 'public_alreadyTitle', 'public_alreadyBody');

/** The refusals that end the visit: closed, unknown link, answered before. */
function refusal(code: string): boolean {
  if (code === 'SURVEY_CLOSED') message('muted', 'public_closedTitle', 'public_closedBody');
  else if (code === 'SURVEY_NOT_FOUND' || code === 'BAD_REQUEST') notFound();
  else if (code === 'ALREADY_ANSWERED') {
    kept.finish();
    already();
  } else return false;
  return true;
}

async function load() {
  if (token.length < 8) return notFound();
  if (kept.done) return already();
  show(() => [h('p', { class: 'loading', role: 'status' }, t('public_loading'))]);
  const result = await fetchForm(token);
  if (result.ok) {
    survey = result.data;
    answers = usable(survey.questions, kept.draft);
    return showForm();
  }
  if (!refusal(result.code))
    message('error', 'public_networkTitle', 'public_loadFailedBody', {}, () => [
      button(t('public_retry'), () => void load()),
    ]);
}

/** A draft kept from an earlier visit, minus anything the questionnaire no longer accepts. */
function usable(questions: TQuestion[], draft: Answers): Answers {
  const out: Answers = {};
  for (const q of questions) {
    const value = draft[q.id];
    const options = new Set(q.options.map((o) => o.id));
    if (q.kind === 'text' && typeof value === 'string') out[q.id] = value;
    if (q.kind === 'single' && typeof value === 'string' && options.has(value)) out[q.id] = value;
    if (q.kind === 'scale5' && typeof value === 'number' && value >= 1 && value <= 5) out[q.id] = value;
    if (q.kind === 'multiple' && Array.isArray(value)) out[q.id] = value.filter((v) => options.has(v));
  }
  return out;
}

// ---------------------------------------------------------------- the questionnaire

function problemText(q: TQuestion, problem: Problem) {
  return t(`public_problem_${problem}`, { max: q.maxLength });
}

/** Keeps an answer (in memory and in the browser) and clears its mark once it is fine. */
function remember(q: TQuestion, value: AnswerValue) {
  answers[q.id] = value;
  kept.saveDraft(answers);
  const now = check([q], answers).get(q.id);
  if (problems.has(q.id) || now === 'too_long') setProblem(q, now);
}

/** Marks (or clears) one question's problem next to it, and keeps the summary's count right. */
function setProblem(q: TQuestion, problem: Problem | undefined) {
  if (problem) problems.set(q.id, problem);
  else problems.delete(q.id);
  const box = document.getElementById(`q-${q.id}`);
  const note = document.getElementById(`q-${q.id}-err`);
  if (box && note) {
    box.classList.toggle('invalid', Boolean(problem));
    box.querySelector('[aria-invalid]')?.setAttribute('aria-invalid', problem ? 'true' : 'false');
    note.textContent = problem ? problemText(q, problem) : '';
    note.hidden = !problem;
  }
  const summary = root.querySelector<HTMLElement>('.summary');
  if (summary && problems.size === 0) summary.hidden = true;
  else if (summary && !summary.hidden) summary.textContent = t('public_fixProblems', { n: problems.size });
}

function choice(q: TQuestion, value: string, label: Node[], on: boolean) {
  const multiple = q.kind === 'multiple';
  const input = h('input', { type: multiple ? 'checkbox' : 'radio', name: `q-${q.id}`, value, checked: on });
  // The score buttons carry their number instead of a radio mark.
  const mark = q.kind !== 'scale5' && h('span', { class: multiple ? 'mark box' : 'mark' });
  const item = h('label', { class: on ? 'opt on' : 'opt' }, input, mark, ...label);
  input.addEventListener('change', () => {
    const inputs = [...item.parentElement!.querySelectorAll('input')];
    for (const other of inputs) other.parentElement!.classList.toggle('on', other.checked);
    if (q.kind === 'scale5') remember(q, Number(value));
    else if (multiple)
      remember(
        q,
        inputs.filter((i) => i.checked).map((i) => i.value),
      );
    else remember(q, value);
  });
  return item;
}

const SCALE = ['public_scale1', 'public_scale2', 'public_scale3', 'public_scale4', 'public_scale5'] as const;

function questionBody(q: TQuestion, labelled: Record<string, string>) {
  const value = answers[q.id];
  if (q.kind === 'text') {
    const area = h('textarea', {
      id: `q-${q.id}-in`,
      rows: '4',
      placeholder: t('public_textPlaceholder'),
      'aria-required': q.required ? 'true' : undefined,
      ...labelled,
    }) as HTMLTextAreaElement;
    area.value = typeof value === 'string' ? value : '';
    const counter = h('span', { class: 'counter', 'aria-hidden': 'true' });
    const count = () => {
      const n = area.value.trim().length;
      counter.textContent = t('public_counter', { n, max: q.maxLength });
      counter.classList.toggle('over', n > q.maxLength);
    };
    count();
    area.addEventListener('input', () => {
      count();
      remember(q, area.value);
    });
    return [area, counter];
  }
  const group = h('div', {
    role: q.kind === 'multiple' ? 'group' : 'radiogroup',
    class: q.kind === 'scale5' ? 'choices scale' : 'choices',
    'aria-required': q.kind !== 'multiple' && q.required ? 'true' : undefined,
    ...labelled,
  });
  if (q.kind === 'scale5') {
    group.append(
      ...SCALE.map((key, i) =>
        choice(
          q,
          String(i + 1),
          [h('span', { class: `n v${i + 1}`, 'aria-hidden': 'true' }, String(i + 1)), h('span', {}, t(key))],
          value === i + 1,
        ),
      ),
    );
  } else {
    const chosen = Array.isArray(value) ? value : [value];
    group.append(
      ...q.options.map((o) => choice(q, o.id, [h('span', {}, loc(o.label))], chosen.includes(o.id))),
    );
  }
  return [group];
}

function questionBlock(q: TQuestion, n: number) {
  const titleId = `q-${q.id}-t`;
  const errorId = `q-${q.id}-err`;
  const problem = problems.get(q.id);
  const text = q.kind === 'text';
  const title = h(
    text ? 'label' : 'h2',
    { class: 'qt', id: titleId, for: text ? `q-${q.id}-in` : undefined },
    h('span', { class: 'num' }, `${n}.`),
    h('span', {}, loc(q.title)),
    q.required && h('abbr', { class: 'req', title: t('public_required') }, '*'),
    q.kind === 'multiple' && h('span', { class: 'hint' }, t('public_multipleHint')),
  );
  const labelled = {
    'aria-labelledby': titleId,
    'aria-describedby': errorId,
    'aria-invalid': problem ? 'true' : 'false',
  };
  return h(
    'section',
    { class: problem ? 'q invalid' : 'q', id: `q-${q.id}` },
    title,
    ...questionBody(
      q,
      text ? { 'aria-describedby': errorId, 'aria-invalid': labelled['aria-invalid'] } : labelled,
    ),
    h('p', { class: 'err', id: errorId, hidden: !problem }, problem ? problemText(q, problem) : ''),
  );
}

function showForm() {
  const s = survey!;
  show(() => {
    document.title = loc(s.title) || t('public_pageTitle');
    const summary = h(
      'p',
      { class: 'summary', role: 'alert', hidden: problems.size === 0 },
      problems.size > 0 ? t('public_fixProblems', { n: problems.size }) : '',
    );
    const submit = h('button', { type: 'submit', class: 'btn submit', 'data-send': '1' }, t('public_submit'));
    const form = h(
      'form',
      { novalidate: true },
      ...s.questions.map((q, i) => questionBlock(q, i + 1)),
      summary,
      submit,
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      problems = check(s.questions, answers);
      if (problems.size > 0) {
        showForm();
        return firstProblemInView();
      }
      void send();
    });
    return [
      h(
        'header',
        { class: 'hero' },
        h('p', { class: 'unit' }, s.unitName),
        h('h1', {}, loc(s.title)),
        s.description.trim() &&
          h('p', { class: 'desc' }, loc({ zh: s.description, en: s.descriptionEn ?? '' })),
        h('p', { class: 'meta' }, t('public_closesOn', { date: s.closesOn })),
        h('p', { class: 'anon' }, t('public_anonymous')),
      ),
      h('p', { class: 'note' }, t('public_requiredNote')),
      form,
    ];
  });
}

function firstProblemInView() {
  const first = survey!.questions.find((q) => problems.has(q.id));
  const box = first && document.getElementById(`q-${first.id}`);
  if (!box) return;
  box.scrollIntoView({ block: 'center' });
  box.querySelector<HTMLElement>('input, textarea')?.focus({ preventScroll: true });
}

async function send() {
  if (sending || !survey) return;
  sending = true;
  for (const el of root.querySelectorAll<HTMLButtonElement>('button.btn')) {
    el.disabled = true;
    if (el.dataset.send) el.textContent = t('public_submitting');
  }
  const result = await submitAnswers(token, kept.respondent, clean(survey.questions, answers));
  sending = false;
  if (result.ok) {
    kept.finish();
    return message('ok', 'public_thanksTitle', 'public_thanksBody', { unit: survey.unitName });
  }
  if (refusal(result.code)) return;
  if (result.code === 'VALIDATION_FAILED' && Object.keys(result.fields).length > 0) {
    problems = serverProblems(result.fields);
    showForm();
    return firstProblemInView();
  }
  const actions = () => {
    const again = button(t('public_retrySubmit'), () => void send());
    again.dataset.send = '1';
    return [again, button(t('public_backToForm'), showForm, false)];
  };
  if (result.code === 'RATE_LIMITED') message('warn', 'public_rateTitle', 'public_rateBody', {}, actions);
  else message('error', 'public_networkTitle', 'public_networkBody', {}, actions);
}

void load();
