/**
 * When a match of a signal is not an instruction given to the model: talked about (quoted as an
 * example, named), reported, described, conditional, negated, a third person's trait, part of a
 * program, or a user addressing the assistant in their own message. The learned model still reads
 * the words; analyze.ts looks on for a later occurrence that is given.
 */
import { dataContext } from './segments.js';
import { SIGNALS, type TechniqueId } from './techniques.js';

const AI_IMPERATIVE = SIGNALS.findIndex((s) => s.id === 'ai-imperative');
const JAILBREAK_WORD = SIGNALS.findIndex((s) => s.id === 'jailbreak-word');
// "I'm not trying to jailbreak anything": the word denied by the writer.
const NOT_TRYING = /\b(?:not|never|no intention of|don'?t want to|do not want to)\s+(?:trying|try|going|meaning|attempting|looking)?\s*(?:to\s+)?$/;
// "Assistant: ..." or "AI, ..." opening a message: how a user addresses the assistant in their own
// message. Further into a text, or in data (a document, e-mail, table, code or tool result), the
// same words are an order planted for whoever reads it.
const BARE_ADDRESS = /^(?:assistants?|agents?|bots?|ais?|llms?)\s*[:,]/;

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
// Declining, not asking: "5 - declines to reveal the system prompt", "it must not disregard the
// policy". A second negation before it ("never refuse to reveal ...") is an order again.
const NEGATED_BEFORE =
  /(?<!\b(?:never|not|don'?t|do not|no longer|stop)\s+)\b(?:declines?|declined|declining|refuses?|refused|refusing|won'?t|will not|would not|wouldn'?t|does not|doesn'?t|did not|didn'?t|cannot|can'?t|must not|mustn'?t|should not|shouldn'?t|is not allowed|are not allowed|avoids?|avoided|avoiding|never)\s+(?:to\s+)?(?:ever\s+)?$/;

// A request someone might make, not one made: "if a user asks you to ignore these rules, refuse",
// "when someone tells you to disregard the policy, ...".
const CONDITIONAL_REQUEST =
  /\b(?:if|when|whenever|should|in case|each time|every time)\b[^.!?\n]{0,40}?\b(?:asks?|asked|tells?|told|requests?|requested|wants?|instructs?|begs?|tries to (?:get|make|convince)|attempts? to (?:get|make|convince))\s+(?:you\s+|the (?:bot|assistant|model|ai)\s+|it\s+)?to\s+$/;
// An override verb with a subject that is neither "you" nor the AI ("mages can override the rules",
// "the board voted to override the previous rule", "house rules override the official ones",
// "my chatbot seems to ignore the system message") describes, it does not order. An order has no
// subject or an addressed one: "Ignore ...", "Please ignore ...", "I want you to ignore ...". A
// message, note or instruction that overrides the others speaks of itself: it orders.
const OVERRIDE_VERB = /^(?:ignor|disregard|forget|forgot|bypass|overrid|overlook|neglect|discard|dismiss|abandon|skip|scrap)/;
const SUBJECT_BEFORE =
  /\b(?!(?:the|a|an|this|that|these|those|my|your|our|their|its|his|her|all|any|every|able|be|is|are|am|was|were|been|being|not|ever|still|really|actually|literally|even|only|gonna|wanna|gotta|need|want|like|go|you|u|ya|please|pls|plz|now|just|simply|so|and|then|also|first|immediately|kindly|always|completely|totally|fully|entirely|quickly|hereby|i|we|must|should|shall|will|can|could|would|to|lets|let's|ai|assistant|model|bot|chatbot|gpt|chatgpt|llm|agent|system|dan|on|in|at|of|for|with|from|by|about|into|onto|upon|over|after|here|there|today|tonight|instead|again|anyway|anyways|seriously|honestly|ok|okay|yes|yeah|no|well|therefore|thus|hence|but|or|nor|yet|once|finally|next|lastly|second|third|onwards|forward|forth|forever|message|messages|instruction|instructions|note|prompt|command|commands|directive|directives)\b)[a-z]{2,}(?:'s)?\s+(?:(?:can|could|may|might|will|would|should|must|cannot|can't|won't|wouldn't|often|sometimes|routinely|usually|gradually|regularly|always|never)\s+)?(?:(?:decides?|decided|tries|tried|try|attempts?|attempted|votes?|voted|chooses?|chose|used|is able|are able|was able|begins?|began|starts?|started|seems?|seemed|appears?|appeared|learns?|learned|refuses?|refused) to\s+)?$/;
// "Can I override the default system prompt?", "how to bypass the filter in my own app": the
// user, an admin or a developer asks how to do it; an order has no such subject.
const ASKED_HOW = /\b(?:(?:can|could|may|should|do|shall|how (?:do|can|could|should)) (?:i|we|admins?|users?)|how to)\s+$/;
// "If you forget the rules for Catan, ask Priya": the override is the condition of another clause,
// with the reader as its subject; it states a case, it does not order one.
const CONDITION_YOU = /\b(?:if|when|whenever|unless|in case|once)\s+(?:you|u)\s+(?:(?:ever|accidentally|sometimes|still|happen to|need to|have to|want to|decide to|choose to)\s+)?$/;
// "Attempts to bypass the AI gateway are a disciplinary matter": the attempt is a noun, the topic of a policy.
// At a sentence start only the plural is a noun ("Attempt to ignore ..." is an order).
const ATTEMPTS_BEFORE = /(?:(?:^|[.!?:;\n]\s*)(?:attempts|efforts)|\b(?:any|an|no|all|such|repeated|further|these|those|the)\s+(?:attempts?|efforts?)) to\s+$/;
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
// Template languages count too: a line that opens with a Jinja statement (`{% if ... %}`, as in a
// model's chat template; `{{ name }}` alone is also how mail merges write), a triple-quoted string
// assigned to a name, and a line that is a format placeholder (`{retrieved_docs}`).
const CODE_LINE =
  /^[ \t]*(?:(?:def|class|function|const|let|var|import|return|public|private|func|package|async function|export)\b[^\n]*[(=:{]|from \S+ import\b|#include\b|[^=(\n]*[=(][^\n]*[;{][ \t]*$|[^\n]*\)\s*(?:=>|->)|[^\n]*=\s*[[{(]\s*$|\{%[^\n]{0,200}%\}|[\w.]{1,60}\s*=\s*(?:[rfbu]{0,2})(?:"""|''')|\{[a-z_][a-z0-9_]{0,40}\}[ \t]*$)/gm;

/** What a text is, read once per text when a match needs it. */
export class TextKind {
  private about = -1;
  private program = -1;
  /** `inData`: the caller says the whole text is data (a tool result or an attached document). */
  constructor(readonly inData: boolean) {}
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

/** A quoted span around a match: where its quote marks stand, and whether they are double quotes. */
interface QuotedSpan {
  open: number;
  close: number;
  double: boolean;
  /** The quotes around these ones, when a quote sits inside another ("typed "say 'ignore ...'""). */
  outer?: QuotedSpan | null;
}

/**
 * Is the match inside one quoted span of its line: an odd number of double quotes before it, or a
 * single quote that opens after a non-letter (so apostrophes in "don't" are not quotes) with no
 * closing one in between, and the span closes after the match on the same line (looked for within
 * 300 characters each way)?
 */
function quoted(t: string, start: number, end: number): QuotedSpan | null {
  // The match itself must not cross a quote mark (a match running out of the quotes is not quoted).
  for (let i = start; i < end; i++) if (isQuote(t.charCodeAt(i))) return null;
  let doubles = 0;
  let doubleOpen = -1;
  let singleOpen = -1;
  let i = start - 1;
  for (; i >= 0 && start - i <= 300; i--) {
    const c = t.charCodeAt(i);
    if (c === 10) break;
    if (isQuote(c)) {
      if (doubles === 0) doubleOpen = i;
      doubles++;
    } else if (c === 39 && singleOpen < 0) {
      const opens = (i === 0 || !isWordCode(t.charCodeAt(i - 1))) && isWordCode(t.charCodeAt(i + 1));
      const closes = i > 0 && isWordCode(t.charCodeAt(i - 1)) && !isWordCode(i + 1 < t.length ? t.charCodeAt(i + 1) : 32);
      // The nearest single quote before the match decides: an opening one, or else none.
      if (opens) singleOpen = i;
      else if (closes) break;
    }
  }
  const double = doubles % 2 === 1;
  // The innermost quote first: a phrase in single quotes inside a quoted paragraph is quoted by the
  // single quotes, whose close is near.
  if (double && singleOpen > doubleOpen) {
    const outer = closeOf(t, end, doubleOpen, true);
    const inner = closeOf(t, end, singleOpen, false);
    return inner === null ? outer : { ...inner, outer };
  }
  if (double) return closeOf(t, end, doubleOpen, true);
  return singleOpen < 0 ? null : closeOf(t, end, singleOpen, false);
}

/** The quote that closes the one opened at `open`, searched from `end` on the same line. */
function closeOf(t: string, end: number, open: number, double: boolean): QuotedSpan | null {
  for (let k = end; k < t.length && k - end <= 300; k++) {
    const c = t.charCodeAt(k);
    if (c === 10) return null;
    if (double ? isQuote(c) : c === 39 && !isWordCode(k + 1 < t.length ? t.charCodeAt(k + 1) : 32)) return { open, close: k, double };
  }
  return null;
}

// A quoted phrase reported as typed, said or written by someone, or given as an example:
// someone typed "ignore all previous instructions", lines like 'forget everything'.
const SAID_BEFORE =
  /\b(?:typed|typing|types|type in|entered|enters|entering|wrote|writes|writing|pasted|pastes|pasting|sent|sends|sending|said|says|saying|posted|posts|tried|tries|submitted|containing|contains|contained|(?:that|which|it) reads?|matching|matches|matched|flagged|blocked|logged|like|e\.?g\.?,?|i\.?e\.?,?|such as|for example,?|for instance,?|examples?:?|phrases?:?|strings?:?|como|comme|wie|come|zoals|du type|del tipo|disser|diga|dice|dit|sagt|schreibt|escribe|escreve|ecrit)\s*:?\s*$|(?:输入|输入了|说|写了|入力|と言って|という|が)\s*$/;

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

/** A quote named as a kind of thing after it, or reported as typed or said before it. */
function reportedQuote(t: string, q: QuotedSpan): boolean {
  return NAMED_AFTER.test(t.slice(q.close + 1, q.close + 24)) || SAID_BEFORE.test(t.slice(Math.max(0, q.open - 24), q.open));
}

/** Is this occurrence of signal `i` talked about, reported, described, or a third person's trait? */
export function excused(t: string, i: number, technique: TechniqueId, start: number, end: number, kind: TextKind): boolean {
  // Quoted examples (an image to render is rendered wherever it is quoted).
  if (mentioned(t, start, end)) return true;
  const q = technique === 'exfiltration' ? null : quoted(t, start, end);
  if (ACROSS_ITEMS.test(t.slice(start, end))) return true;
  if (q !== null && (kind.aboutAttacks(t) || reportedQuote(t, q) || (q.outer != null && reportedQuote(t, q.outer)))) return true;
  // A string literal on a line of program code is the program's data (comments still count).
  if (q !== null && LITERAL_BEFORE.test(t.slice(Math.max(0, q.open - 8), q.open)) && kind.programCode(t) && !onCommentLine(t, start)) return true;
  if (i === AI_IMPERATIVE) return start === 0 && !kind.inData && BARE_ADDRESS.test(t.slice(0, 12)) && !dataContext(t);
  if (i === JAILBREAK_WORD && NOT_TRYING.test(t.slice(Math.max(0, start - 30), start))) return true;
  if (technique === 'role-hijack') return THIRD_PERSON.test(t.slice(Math.max(0, start - 12), start));
  if ((technique === 'system-prompt-extraction' || technique === 'instruction-override') && NEGATED_BEFORE.test(t.slice(Math.max(0, start - 40), start))) return true;
  if (technique === 'chat-template-injection') return inProgramCode(t, start) || (kind.programCode(t) && !onCommentLine(t, start) && !inProse(t, start));
  if (technique !== 'instruction-override') return false;
  const before = t.slice(Math.max(0, start - 50), start);
  if (REPORTED.test(before) || DESCRIBED.test(before) || CONDITIONAL_REQUEST.test(before)) return true;
  if (OVERRIDE_VERB.test(t.slice(start, start + 12)) && (SUBJECT_BEFORE.test(before) || ATTEMPTS_BEFORE.test(before) || ASKED_HOW.test(before) || (CONDITION_YOU.test(before) && !QUALIFIED.test(t.slice(start, end))))) return true;
  return OWN_EARLIER.test(t.slice(end, end + 30)) && !QUALIFIED.test(t.slice(start, end));
}
