import { canonicalText, plainAsciiCanonical, SYMBOL_BURST, type CanonicalText } from '../../normalize/canonical-text.js';
import { adversarialSuffix } from './adversarial-suffix.js';
import { buildAnchorTable, CHUNK, CHUNK_OVERLAP, extractFeatures, type FeatureSink, type TextFeatures } from './features.js';
import { recordedWords } from './near-gate.js';
import { plainScan } from './plain-scan.js';
import startWordsFile from './start-words.json';
import type { InjectionModel } from './model.js';
import { dataContext } from './segments.js';
import { SIGNALS, type TechniqueId } from './techniques.js';

/** One technique that fired, with the canonical span of its first match. */
export interface TechniqueHit {
  technique: TechniqueId;
  signal: string;
  weight: number;
  /** Offsets into the canonical text. */
  start: number;
  end: number;
}

/** Everything the detector computed for one text: the score and its explanation. */
export interface Analysis {
  canonical: CanonicalText;
  /** Strongest hit per technique, strongest first. */
  hits: TechniqueHit[];
  /** Sum of the techniques' weights (each technique once, with its strongest signal). */
  ruleLogit: number;
  /** The learned model's contribution to the logit. */
  modelLogit: number;
  logit: number;
  /** sigmoid(logit), in 0..1. */
  score: number;
}

const PLAIN_SIGNALS = Object.freeze({ invisible: 0, tagChars: 0, confusables: 0, leet: 0, joined: 0, htmlEntities: 0, urlEscapes: 0, payloads: Object.freeze([]) as unknown as CanonicalText['signals']['payloads'], symbols: 0 });

// The words each pattern can start with on plain text (start-words.ts, written by
// scripts/start-words.mjs; start-words.test.ts checks the file against the patterns). A signal
// missing from the file scans the whole text.
const START_WORDS: Readonly<Record<string, readonly string[] | null>> = startWordsFile;
const TABLE = buildAnchorTable(
  SIGNALS.map((s) => s.anchors),
  SIGNALS.map((s) => s.anchors2),
  SIGNALS.map((s) => s.near),
  SIGNALS.map((s) => START_WORDS[s.id] ?? null),
);
const PATTERNS = SIGNALS.map((s) => new RegExp(s.pattern.source, s.pattern.flags.replace('g', '')));
// The same patterns, global: the next occurrence after an excused one (rare: a few per text at most).
const PATTERNS_G = SIGNALS.map((s) => new RegExp(s.pattern.source, s.pattern.flags.includes('g') ? s.pattern.flags : `${s.pattern.flags}g`));
// The same patterns, sticky: tried only where one of their start words begins (plain text).
const PATTERNS_Y = SIGNALS.map((s) => new RegExp(s.pattern.source, `${s.pattern.flags.replace('g', '')}y`));
const NON_ASCII = /[^\0-\x7f]/;
const AI_IMPERATIVE = SIGNALS.findIndex((s) => s.id === 'ai-imperative');
// "Assistant: ..." or "AI, ..." opening a message: how a user addresses the assistant in their own
// message. Further into a text, or in data (a document, e-mail, table, code or tool result), the
// same words are an order planted for whoever reads it.
const BARE_ADDRESS = /^(?:assistants?|agents?|bots?|ais?|llms?)\s*[:,]/;

/** Is the ai-imperative match at `start` a bare address opening a text that is not data? */
function userAddress(t: string, start: number): boolean {
  return start === 0 && BARE_ADDRESS.test(t.slice(0, 12)) && !dataContext(t);
}

// Excused occurrences looked past per signal before giving up on it.
const MAX_EXCUSED = 8;
let ALWAYS_LO = 0;
let ALWAYS_HI = 0;
for (const i of TABLE.always) {
  if (i < 32) ALWAYS_LO |= 1 << i;
  else ALWAYS_HI |= 1 << (i - 32);
}

// Obfuscation evidence from the canonical pass, in logit units.
const TAG_SMUGGLING_WEIGHT = 3.5;
const CONFUSABLES_WEIGHT = 1.5;
const INVISIBLE_WEIGHT = 1;
const SPACED_WEIGHT = 1;
const PAYLOAD_WEIGHT = 0.5;
const HIT_IN_PAYLOAD_WEIGHT = 2;
const OBFUSCATION_CAP = 4;
const SUFFIX_WEIGHT = 4;
// An instruction to the AI inside data (email, table, code, document) is indirect injection.
const IN_DATA_WEIGHT = 1.5;

/**
 * Score one text. `model` null scores with the technique signals alone (used by training, where
 * the signals' logit is the fixed offset). `featureIndices`, when given, receives the model's
 * hashed feature indices (training). `inData` says the whole text is data (a tool result or an
 * attached document), so an instruction in it counts as indirect injection without data markers.
 * @example
 * analyze('Ignore all previous instructions', loadInjectionModel()).hits[0]?.technique // 'instruction-override'
 */
export function analyze(text: string, model: InjectionModel | null, featureIndices?: number[], inData = false): Analysis {
  const sink: FeatureSink = featureIndices === undefined && model !== null ? sinkFor(model) : { weights: model === null ? null : model.weights, indices: featureIndices ?? null };
  // Plain ASCII text: one scan for the features; the canonical text is built only if a pattern runs.
  const plain = plainScan(text, TABLE, sink);
  let canonical: CanonicalText | undefined;
  let f: TextFeatures;
  if (plain === null) {
    canonical = canonicalText(text);
    f = extractFeatures(canonical.text, TABLE, sink);
  } else {
    f = plain;
  }
  // The text the plain scan read (accents and typographic punctuation folded to ASCII): its
  // canonical text is the input's.
  const scanned = plain === null ? text : plain.text;
  const plainSymbols = plain === null ? 0 : plain.symbols;
  const plainRegular = plain !== null && plain.regularSpace;
  // Where the start words of the patterns occur: start-words.ts reads the patterns for lower-case
  // ASCII text, which the canonical text of a plain text is, and so is that of most texts the full
  // pass folded (leetspeak, entities, decoded payloads).
  const words = plain !== null || !NON_ASCII.test((canonical as CanonicalText).text) ? recordedWords() : null;

  // Strongest hit per technique (a short list: most texts have none).
  const best: TechniqueHit[] = [];
  let hitInPayload = false;
  let scriptLo = 0;
  let scriptHi = 0;
  if (f.scripts !== 0) {
    for (const [script, index] of TABLE.scripts) {
      if ((f.scripts & script) === 0) continue;
      if (index < 32) scriptLo |= 1 << index;
      else scriptHi |= 1 << (index - 32);
    }
  }
  const lo = f.anchorLo | ALWAYS_LO | scriptLo;
  const hi = f.anchorHi | ALWAYS_HI | scriptHi;
  // Whether the text talks about attacks (read once, when a match needs it): see excused().
  const kind = new TextKind();
  // Visit only the candidate signals: the set bits of (lo, hi), lowest first.
  for (let rest = lo, base = 0; base <= 32; rest = hi, base += 32) {
    while (rest !== 0) {
      const bit = rest & -rest;
      rest ^= bit;
      const i = base + 31 - Math.clz32(bit);
      const signal = SIGNALS[i];
      if (signal === undefined) continue;
      // Required substrings are punctuation (`<`, `=`, `](`): for plain text the original has them
      // exactly where the canonical text does, so the canonical text is built only when needed.
      const pre = canonical === undefined ? scanned : canonical.text;
      if (signal.requires !== undefined && !includesAll(pre, signal.requires)) continue;
      if (signal.requiresAny !== undefined && !includesAny(pre, signal.requiresAny)) continue;
      canonical ??= plainAsciiCanonical(scanned, plainSymbols, plainRegular);
      const t = canonical.text;
      const starts = words !== null && ((base === 0 ? TABLE.startLo : TABLE.startHi) & bit) !== 0 ? words : null;
      const whole = ((base === 0 ? scriptLo : scriptHi) & bit) !== 0 || isAlways(i);
      let m = starts !== null ? matchAtStarts(i, t, starts, 0) : firstMatch(PATTERNS[i] as RegExp, t, i, f.chunkLo, f.chunkHi, whole);
      // Talked about or reported, not given (the learned model still reads the words): look on
      // for an occurrence that is given, so a quoted decoy cannot hide a real one after it.
      for (let k = 0; m !== null && (excused(t, signal.technique, m.start, m.end, kind) || (i === AI_IMPERATIVE && !inData && userAddress(t, m.start))); k++) {
        const from = Math.max(m.start + 1, m.end);
        m = k >= MAX_EXCUSED ? null : starts !== null ? matchAtStarts(i, t, starts, from) : nextMatch(i, t, from);
      }
      if (m === null) continue;
      if (m.start >= canonical.mainLength) hitInPayload = true;
      consider(best, { technique: signal.technique, signal: signal.id, weight: signal.weight, start: m.start, end: m.end });
    }
  }

  // Obfuscation: evidence from the canonical pass itself (none for plain text).
  const s = canonical?.signals ?? PLAIN_SIGNALS;
  const symbols = plain !== null ? plain.symbols : s.symbols;
  let obfuscation = 0;
  if (s.tagChars >= 4) obfuscation += TAG_SMUGGLING_WEIGHT;
  if (s.confusables >= 2) obfuscation += CONFUSABLES_WEIGHT;
  if (s.invisible >= 3) obfuscation += INVISIBLE_WEIGHT;
  if (s.joined > 0) obfuscation += SPACED_WEIGHT;
  if (s.payloads.length > 0) obfuscation += PAYLOAD_WEIGHT;
  if (hitInPayload) obfuscation += HIT_IN_PAYLOAD_WEIGHT;
  if (obfuscation > 0) {
    const c = (canonical ??= plainAsciiCanonical(scanned, plainSymbols, plainRegular));
    const start = s.payloads.length > 0 ? c.mainLength : 0;
    consider(best, { technique: 'obfuscation', signal: 'canonical-pass', weight: Math.min(OBFUSCATION_CAP, obfuscation), start, end: c.text.length });
  }

  // Optimised suffixes are full of brackets, backslashes and asterisks: skip texts with few.
  const suffix = symbols >= SYMBOL_BURST ? adversarialSuffix(text) : null;
  if (suffix !== null && suffix.strength > 0) {
    // The suffix is found on the original text; report it in canonical offsets approximately.
    const n = (canonical ??= plainAsciiCanonical(scanned, plainSymbols, plainRegular)).text.length;
    consider(best, { technique: 'adversarial-suffix', signal: 'token-statistics', weight: SUFFIX_WEIGHT * suffix.strength, start: Math.min(n, suffix.start), end: Math.min(n, suffix.end) });
  }

  if (best.length > 0 && (inData || dataContext((canonical ??= plainAsciiCanonical(scanned, plainSymbols, plainRegular)).text))) {
    const indirect = find(best, 'indirect-injection');
    const addressed = find(best, 'instruction-override') ?? (indirect !== undefined && indirect.signal !== 'output-override' ? indirect : undefined) ?? find(best, 'exfiltration');
    if (addressed !== undefined) {
      const prev = indirect;
      consider(best, { ...addressed, technique: 'indirect-injection', signal: 'instruction-in-data', weight: (prev?.weight ?? 0) + IN_DATA_WEIGHT });
    }
  }

  const hits = best.length > 1 ? best.sort((a, b) => b.weight - a.weight) : best;
  let ruleLogit = 0;
  for (const h of hits) ruleLogit += h.weight;
  const modelLogit = model === null || f.count === 0 ? 0 : Math.min(model.max, Math.max(model.min, (model.scale * f.sum) / Math.sqrt(Math.max(f.count, model.minFeatures))));
  // Texts of words the model never saw lean on the prior (benign) intercept, not the training mix.
  // A short text is little evidence either way: it leans on the prior in proportion (training scores the same way).
  const knownShare = f.count > 0 ? (f.known / f.count) * Math.min(1, f.count / (model?.minFeatures ?? 1)) : 0;
  const intercept = model === null ? 0 : Math.min(model.interceptCap, knownShare * model.intercept + (1 - knownShare) * model.prior) - model.threshold;
  const logit = model === null ? ruleLogit : intercept + model.ruleScale * ruleLogit + modelLogit;
  return new LazyAnalysis(scanned, plainSymbols, plainRegular, canonical, hits, ruleLogit, modelLogit, logit);
}

/** An analysis whose canonical text (for plain ASCII input) is built on first use. */
class LazyAnalysis implements Analysis {
  readonly score: number;
  constructor(
    private readonly text: string,
    private readonly symbols: number,
    private readonly regularSpace: boolean,
    private built: CanonicalText | undefined,
    readonly hits: TechniqueHit[],
    readonly ruleLogit: number,
    readonly modelLogit: number,
    readonly logit: number,
  ) {
    this.score = sigmoid(logit);
  }
  get canonical(): CanonicalText {
    return (this.built ??= plainAsciiCanonical(this.text, this.symbols, this.regularSpace));
  }
}

// A signal quoted as an example of a phrase ("what does the phrase \"do anything now\" mean?",
// "attacks such as \"ignore previous instructions\"") is mentioned, not used, and does not count.
// Cues that also introduce text to act on ("like", "for example", "e.g.", translate, say, the
// sentence, called, act like) are not mention cues.
const MENTION_CUE = /(?:\bthe (?:phrase|phrases|term|terms|expression|slogan|saying|catchphrase)|\bsuch as|\b(?:origin|meaning|definition|history) of)\s*:?\s*$/;
// Quote marks counted back to the line start, at most this far (a longer line: not a mention).
const QUOTE_REACH = 2000;

/** A double quote mark: " “ ” „ « », or a CJK corner bracket 「 」 『 』. */
function isQuote(c: number): boolean {
  return c === 34 || c === 0x201c || c === 0x201d || c === 0x201e || c === 0xab || c === 0xbb || (c >= 0x300c && c <= 0x300f);
}

/** Is the match inside one double-quoted span of its line whose opening quote follows a mention cue? */
function mentioned(t: string, start: number, end: number): boolean {
  // The match itself must not cross a quote mark.
  for (let i = start; i < end; i++) if (isQuote(t.charCodeAt(i))) return false;
  let open = -1;
  let quotes = 0;
  let i = start - 1;
  for (; i >= 0 && start - i <= QUOTE_REACH; i--) {
    const c = t.charCodeAt(i);
    if (c === 10) break;
    if (isQuote(c)) {
      if (open === -1) open = i;
      quotes++;
    }
  }
  // Inside quotes: an odd number of quote marks between the line start and the match.
  if (open === -1 || quotes % 2 === 0 || (i >= 0 && start - i > QUOTE_REACH)) return false;
  let closed = false;
  for (let k = end; k < t.length && k - end <= QUOTE_REACH; k++) {
    const c = t.charCodeAt(k);
    if (c === 10) break;
    if (isQuote(c)) {
      closed = true;
      break;
    }
  }
  return closed && MENTION_CUE.test(t.slice(Math.max(0, open - 40), open));
}

// An override reported as said to someone else ("my manager told me to ignore the previous
// instructions", "we were asked to disregard ..."), one describing what a model habitually does
// ("my chatbot keeps ignoring its system prompt"), or one that revises the user's own earlier,
// unqualified instructions ("forget the formatting rules we discussed") does not count either.
// Said to "you" it is not reported speech; "all/previous/your/system ... instructions we agreed
// on" still counts.
const REPORTED = /\b(?:(?:told|asked|instructed|advised|reminded|wants?|wanted|expects?|expected|says|said|tells)\s+(?:me|us|them|him|her|everyone|employees|staff|trainees|students|new hires|the (?:team|staff|class|students|trainees))|(?:i|we|they|he|she)\s+(?:was|were|am|are|have been|had been|got)\s+(?:told|asked|instructed|advised|reminded))\s+to\s+$/;
const DESCRIBED = /\b(?:it|he|she|they|bot|chatbot|model|assistant|agent|ai|llm|gpt|app)\s+(?:keeps|kept|keep)\s+$/;
// An override verb with a subject that is neither "you" nor the AI ("mages can override the rules",
// "the board voted to override the previous rule", "house rules override the official ones",
// "my chatbot seems to ignore the system message") describes, it does not order. An order has no
// subject or an addressed one: "Ignore ...", "Please ignore ...", "I want you to ignore ...".
// Declining, not asking: "5 - declines to reveal the system prompt", "it must not disregard the
// policy". A second negation before it ("never refuse to reveal ...") is an order again.
const NEGATED_BEFORE =
  /(?<!\b(?:never|not|don'?t|do not|no longer|stop)\s+)\b(?:declines?|declined|declining|refuses?|refused|refusing|won'?t|will not|would not|wouldn'?t|does not|doesn'?t|did not|didn'?t|cannot|can'?t|must not|mustn'?t|should not|shouldn'?t|is not allowed|are not allowed|avoids?|avoided|avoiding|never)\s+(?:to\s+)?(?:ever\s+)?$/;

// A request someone might make, not one made: "if a user asks you to ignore these rules, refuse",
// "when someone tells you to disregard the policy, ...".
const CONDITIONAL_REQUEST =
  /\b(?:if|when|whenever|should|in case|each time|every time)\b[^.!?\n]{0,40}?\b(?:asks?|asked|tells?|told|requests?|requested|wants?|instructs?|begs?|tries to (?:get|make|convince)|attempts? to (?:get|make|convince))\s+(?:you\s+|the (?:bot|assistant|model|ai)\s+|it\s+)?to\s+$/;
const OVERRIDE_VERB = /^(?:ignor|disregard|forget|forgot|bypass|overrid|overlook|neglect|discard|dismiss|abandon|skip|scrap)/;
const SUBJECT_BEFORE =
  /\b(?!(?:the|a|an|this|that|these|those|my|your|our|their|its|his|her|all|any|every|able|be|is|are|am|was|were|been|being|not|ever|still|really|actually|literally|even|only|gonna|wanna|gotta|need|want|like|go|you|u|ya|please|pls|plz|now|just|simply|so|and|then|also|first|immediately|kindly|always|completely|totally|fully|entirely|quickly|hereby|i|we|must|should|shall|will|can|could|would|to|lets|let's|ai|assistant|model|bot|chatbot|gpt|chatgpt|llm|agent|system|dan)\b)[a-z]{2,}(?:'s)?\s+(?:(?:can|could|may|might|will|would|should|must|cannot|can't|won't|wouldn't|often|sometimes|routinely|usually|gradually|regularly|always|never)\s+)?(?:(?:decides?|decided|tries|tried|try|attempts?|attempted|votes?|voted|chooses?|chose|used|is able|are able|was able|begins?|began|starts?|started|seems?|seemed|appears?|appeared|learns?|learned|refuses?|refused) to\s+)?$/;
const OWN_EARLIER = /^\s+(?:that\s+)?(?:i|we)\s+(?:gave|set|wrote|sent|mentioned|discussed|agreed on|agreed|made|listed|used)\b/;
const QUALIFIED = /\b(?:all|any|every|your|system|previous|prior|above|earlier|initial|original|developer|safety|hidden|secret)\b/;
// "the villain says he has no morals": a person in a story, not the model's persona.
const THIRD_PERSON = /\b(?:he|she|they)\s+$/;

// A text about attacks and defences quotes attack phrases as examples ("how do I stop text like
// 'ignore all previous instructions'?", "classifiers flag words like "ignore" or "act as""). In such
// a text a match inside quotes is an example, not an instruction. The cue words are those of the
// field, not of an attack.
const ABOUT_ATTACKS =
  /\b(?:prompt[- ]injections?|injection (?:attacks?|attempts?|vectors?|payloads?)|jailbreak(?:s|ing)? (?:attempts?|prompts?|attacks?|techniques?|detection|research)|red[- ]team(?:s|ing|ers?)?|guardrails?|classifiers?|detection rules?|detectors?|mitigations?|defen[cs]es?|(?:attack|adversarial|malicious) (?:phrases?|strings?|prompts?|examples?|inputs?|text)|pen-?test(?:s|ing|ers?)?|penetration test(?:s|ing)?|vulnerabilit(?:y|ies)|security (?:reviews?|audits?|assessments?|findings?|reports?|teams?|researchers?)|attackers?|the testers?|test cases?|regression tests?|known[- ]bad|eval(?:uation)? (?:sets?|suites?|cases?|data)|false positives?|content filters?|moderation|injection de prompt|test d'intrusion|inyecci[oó]n de (?:prompts?|instrucciones)|injec[cç][aã]o de prompt|prompt-injektion)\b|プロンプトインジェクション|インジェクション|誤検知|提示词注入|提示注入|误报|프롬프트 인젝션/;

// Lines of program code (a definition, an import, a statement ending in ";", a lone brace, ...):
// two or more make the text a program, whose string literals are its data.
const CODE_LINE =
  /^[ \t]*(?:(?:def|class|function|const|let|var|import|return|public|private|func|package|async function|export)\b[^\n]*[(=:{]|from \S+ import\b|#include\b|[^\n]*[=(][^\n]*[;{][ \t]*$|[^\n]*\)\s*(?:=>|->)|[^\n]*=\s*[[{(]\s*$)/gm;

/** What a text is, read once per text when a match needs it. */
class TextKind {
  private about = -1;
  private program = -1;
  /** It talks about attacks and defences (ABOUT_ATTACKS). */
  aboutAttacks(t: string): boolean {
    if (this.about < 0) this.about = ABOUT_ATTACKS.test(t) ? 1 : 0;
    return this.about === 1;
  }
  /** It is (or holds) program code: two or more code lines. */
  programCode(t: string): boolean {
    if (this.program < 0) {
      CODE_LINE.lastIndex = 0;
      this.program = CODE_LINE.exec(t) !== null && CODE_LINE.exec(t) !== null ? 1 : 0;
    }
    return this.program === 1;
  }
}

// A quoted phrase used as the name of a kind of thing: "ignore previous instructions" spam, the
// 'do anything now' prompts, "pretend you are ..." attacks.
const NAMED_AFTER = /^\s?-?(?:spam|attacks?|messages?|prompts?|e-?mails?|strings?|text|phrases?|payloads?|attempts?|injections?|tricks?|jailbreaks?|examples?|style|type|kind|lines?|comments?|posts?|memes?|trend|templates?|variants?)\b/;

// Quoted items of a list: a match running from one quoted item into the next ("ignore", "system prompt").
const ACROSS_ITEMS = /["'][,;]\s*["']/;

/**
 * Is the match inside one quoted span of its line: an odd number of double quotes before it, or a
 * single quote that opens after a non-letter (so apostrophes in "don't" are not quotes) with no
 * closing one in between, and the span closes after the match on the same line? Returns the
 * offset of the closing quote, or -1.
 */
function quoted(t: string, start: number, end: number): number {
  // The match itself must not cross a quote mark (a match running out of the quotes is not quoted).
  for (let i = start; i < end; i++) if (isQuote(t.charCodeAt(i))) return -1;
  let doubles = 0;
  let single = false;
  let i = start - 1;
  for (; i >= 0 && start - i <= 300; i--) {
    const c = t.charCodeAt(i);
    if (c === 10) break;
    if (isQuote(c)) {
      if (doubles === 0) quoteOpen = i;
      doubles++;
    } else if (c === 39 && !single) {
      const opens = (i === 0 || !isWordCode(t.charCodeAt(i - 1))) && isWordCode(t.charCodeAt(i + 1));
      const closes = i > 0 && isWordCode(t.charCodeAt(i - 1)) && !isWordCode(i + 1 < t.length ? t.charCodeAt(i + 1) : 32);
      // The nearest single quote before the match decides: an opening one, or else none.
      if (opens) {
        single = true;
        if (doubles === 0) quoteOpen = i;
      } else if (closes) break;
    }
  }
  const open = doubles % 2 === 1 ? 34 : single ? 39 : -1;
  if (open < 0) return -1;
  for (let k = end; k < t.length && k - end <= 300; k++) {
    const c = t.charCodeAt(k);
    if (c === 10) return -1;
    if (open === 39 ? c === 39 && !isWordCode(k + 1 < t.length ? t.charCodeAt(k + 1) : 32) : isQuote(c)) return k;
  }
  return -1;
}

/** Where the quoted span found by the last quoted() call opens. */
let quoteOpen = -1;

// A quoted phrase reported as typed, said or written by someone, or given as an example:
// someone typed "ignore all previous instructions", lines like 'forget everything'.
const SAID_BEFORE =
  /\b(?:typed|typing|types|type in|entered|enters|entering|wrote|writes|writing|pasted|pastes|pasting|sent|sends|sending|said|says|saying|posted|posts|tried|tries|submitted|like|e\.?g\.?,?|i\.?e\.?,?|such as|for example,?|for instance,?|examples?:?|phrases?:?|strings?:?|como|comme|wie|come|zoals|du type|del tipo|disser|diga|dice|dit|sagt|schreibt|escribe|escreve|ecrit)\s*:?\s*$|(?:输入|输入了|说|写了|入力|と言って|という|が)\s*$/;

// A string literal of a program: its quote opens after `=`, `(`, `:`, `,`, `[` or `{`.
const LITERAL_BEFORE = /[=(:,[{]\s*$/;

function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c > 127;
}

// Fenced code in a programming or template language: chat messages built by a program
// (`{"role": "system", ...}`, a Jinja template with `System:` and `User:` lines) are the program's
// data, shown for help with the code.
const PROGRAM_FENCE = /^(?:python|py|javascript|js|jsx|typescript|ts|tsx|go|golang|java|kotlin|rust|rs|ruby|rb|php|c|cpp|c\+\+|csharp|cs|swift|scala|jinja2?|j2|handlebars|hbs|liquid|erb|bash|sh|shell|zsh|powershell|ps1|sql|r|lua|perl|dart|elixir|ex)\b/;

// A comment line: text for whoever reads the code, where planted instructions hide.
const COMMENT_LINE = /^\s*(?:#|\/\/|\/\*|\*|--|;|<!--|%|')/;

/**
 * Is offset `at` inside a fenced block (```lang) whose language is a programming or template
 * language, and on a line of code rather than a comment?
 */
function inProgramCode(t: string, at: number): boolean {
  let fence = -1;
  let count = 0;
  for (let i = t.indexOf('```'); i >= 0 && i < at; i = t.indexOf('```', i + 3)) {
    count++;
    fence = i;
  }
  if (count % 2 === 0 || !PROGRAM_FENCE.test(t.slice(fence + 3, fence + 16))) return false;
  return !onCommentLine(t, at);
}

function onCommentLine(t: string, at: number): boolean {
  return COMMENT_LINE.test(t.slice(t.lastIndexOf('\n', at - 1) + 1, at + 1));
}

/** Is offset `at` outside any fenced block in a text that has fences (the prose around the code)? */
function inProse(t: string, at: number): boolean {
  let count = 0;
  for (let i = t.indexOf('```'); i >= 0 && i < at; i = t.indexOf('```', i + 3)) count++;
  return count % 2 === 0 && t.includes('```');
}

/** Is this occurrence of a signal talked about, reported, described, or a third person's trait? */
function excused(t: string, technique: TechniqueId, start: number, end: number, kind: TextKind): boolean {
  if (mentioned(t, start, end)) return true;
  if (ACROSS_ITEMS.test(t.slice(start, end))) return true;
  // Quoted examples (an image to render is rendered wherever it is quoted).
  const close = technique === 'exfiltration' ? -1 : quoted(t, start, end);
  if (close >= 0 && (kind.aboutAttacks(t) || NAMED_AFTER.test(t.slice(close + 1, close + 24)) || SAID_BEFORE.test(t.slice(Math.max(0, quoteOpen - 24), quoteOpen)))) return true;
  // A string literal on a line of program code is the program's data (comments still count).
  if (close >= 0 && LITERAL_BEFORE.test(t.slice(Math.max(0, quoteOpen - 8), quoteOpen)) && kind.programCode(t) && !onCommentLine(t, start)) return true;
  if (technique === 'role-hijack') return THIRD_PERSON.test(t.slice(Math.max(0, start - 12), start));
  if ((technique === 'system-prompt-extraction' || technique === 'instruction-override') && NEGATED_BEFORE.test(t.slice(Math.max(0, start - 40), start))) return true;
  if (technique === 'chat-template-injection') return inProgramCode(t, start) || (kind.programCode(t) && !onCommentLine(t, start) && !inProse(t, start));
  if (technique !== 'instruction-override') return false;
  const before = t.slice(Math.max(0, start - 50), start);
  if (REPORTED.test(before) || DESCRIBED.test(before) || CONDITIONAL_REQUEST.test(before)) return true;
  if (OVERRIDE_VERB.test(t.slice(start, start + 12)) && SUBJECT_BEFORE.test(before)) return true;
  return OWN_EARLIER.test(t.slice(end, end + 30)) && !QUALIFIED.test(t.slice(start, end));
}

/** The first occurrence of signal `i`'s pattern at or after `from`, on the whole text. */
function nextMatch(i: number, t: string, from: number): { start: number; end: number } | null {
  const re = PATTERNS_G[i] as RegExp;
  re.lastIndex = from;
  const next = re.exec(t);
  return next === null ? null : { start: next.index, end: next.index + next[0].length };
}

/**
 * The first occurrence of signal `i`'s pattern at or after `from`, tried only where one of its
 * start words begins: every match of the pattern on plain text begins at one (start-words.ts), so
 * this is the match a scan of the whole text finds.
 */
function matchAtStarts(i: number, t: string, words: { positions: Int32Array; slots: Int32Array; count: number }, from: number): { start: number; end: number } | null {
  const re = PATTERNS_Y[i] as RegExp;
  const starts = i < 32 ? TABLE.startsLo : TABLE.startsHi;
  const bit = 1 << (i & 31);
  for (let k = 0; k < words.count; k++) {
    const pos = words.positions[k] as number;
    if (pos < from || ((starts[words.slots[k] as number] as number) & bit) === 0) continue;
    re.lastIndex = pos;
    const m = re.exec(t);
    if (m !== null) return { start: pos, end: pos + m[0].length };
  }
  return null;
}

function includesAny(text: string, parts: readonly string[]): boolean {
  for (const p of parts) if (text.includes(p)) return true;
  return false;
}

function includesAll(text: string, parts: readonly string[]): boolean {
  for (const p of parts) if (!text.includes(p)) return false;
  return true;
}

// One reusable sink per model for the runtime path (no feature list to fill).
let lastModel: InjectionModel | null = null;
let lastSink: FeatureSink | null = null;
function sinkFor(model: InjectionModel): FeatureSink {
  if (lastModel !== model || lastSink === null) {
    lastModel = model;
    lastSink = { weights: model.weights, indices: null };
  }
  return lastSink;
}

function find(hits: readonly TechniqueHit[], technique: TechniqueId): TechniqueHit | undefined {
  for (const h of hits) if (h.technique === technique) return h;
  return undefined;
}

function consider(best: TechniqueHit[], hit: TechniqueHit): void {
  for (let k = 0; k < best.length; k++) {
    if ((best[k] as TechniqueHit).technique !== hit.technique) continue;
    if (hit.weight > (best[k] as TechniqueHit).weight) best[k] = hit;
    return;
  }
  best.push(hit);
}

function isAlways(i: number): boolean {
  return i < 32 ? (ALWAYS_LO & (1 << i)) !== 0 : (ALWAYS_HI & (1 << (i - 32))) !== 0;
}

/**
 * First match of signal `i`: on the whole text, or for long texts only in the chunks whose anchors
 * allow it (each chunk widened by the overlap a pattern can span). `whole` forces a full scan
 * (script- and always-anchored signals).
 */
function firstMatch(re: RegExp, t: string, i: number, chunkLo: Uint32Array | null, chunkHi: Uint32Array | null, whole: boolean): { start: number; end: number } | null {
  if (chunkLo === null || chunkHi === null || whole) {
    const m = re.exec(t);
    return m === null ? null : { start: m.index, end: m.index + m[0].length };
  }
  const mask = i < 32 ? chunkLo : chunkHi;
  const bit = i < 32 ? 1 << i : 1 << (i - 32);
  // Runs of consecutive candidate chunks are scanned as one window.
  for (let c = 0; c < mask.length; c++) {
    if (((mask[c] as number) & bit) === 0) continue;
    let last = c;
    while (last + 1 < mask.length && ((mask[last + 1] as number) & bit) !== 0) last++;
    const from = Math.max(0, c * CHUNK - CHUNK_OVERLAP);
    const to = Math.min(t.length, (last + 1) * CHUNK + CHUNK_OVERLAP);
    const m = re.exec(from === 0 && to === t.length ? t : t.slice(from, to));
    if (m !== null) return { start: from + m.index, end: from + m.index + m[0].length };
    c = last;
  }
  // Decoded payloads follow the main text and are short: scan them whole.
  return null;
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}
