/**
 * Documents embedded in a prompt: e-mails, tables, code, quoted or tagged documents, search and
 * tool results. An instruction addressed to the AI inside such data is indirect injection
 * (Greshake et al. 2023, arXiv:2302.12173): when the text carries data and an override or an
 * instruction to the AI fires, the detector adds the `indirect-injection` technique. Tool results
 * arrive as their own messages, which the guard scans one by one. All patterns work on the
 * canonical text (lower case, collapsed whitespace) and are linear.
 */

const EMAIL_HEADER = /(?:^|\n)(?:from|to|subject|date|cc|reply-to|sent|von|an|betreff|de|objet|para|asunto)\s*:/g;
const TABLE_ROW = /(?:^|\n)[^\n]{0,200}\|[^\n]{0,200}\|/g;
const DATA_MARKERS =
  /```|<\/?(?:document|doc|email|mail|context|data|search_results?|tool_result|function_results?|result|article|page|webpage|file|attachment|html|body|div|table|td|tr|p)\b|(?:^|\n)\s*(?:document|article|email|e-mail|review|content|context|text|source|search results?|tool (?:output|result)|observation|result|page content|web page|file content|transcript|comment|product description)\s*(?:\d+\s*)?:|(?:^|\n)\s*>\s|(?:^|\n)\s*[{[]\s*["{[]/;

function countUpTo(re: RegExp, text: string, limit: number): number {
  re.lastIndex = 0;
  let n = 0;
  while (n < limit && re.exec(text) !== null) n++;
  return n;
}

/**
 * Does the text carry data (a document, e-mail, table, code or tool output) besides a request?
 * @example
 * dataContext('summarise this email:\nfrom: a@b.example\nsubject: hi\n...') // true
 */
export function dataContext(text: string): boolean {
  if (DATA_MARKERS.test(text)) return true;
  if (text.includes(':') && countUpTo(EMAIL_HEADER, text, 2) >= 2) return true;
  if (text.includes('|') && countUpTo(TABLE_ROW, text, 2) >= 2) return true;
  return false;
}

// Passage boundaries: blank lines, fence lines, lines that are only a tag (`<document>`,
// `</email>`), markdown headings and horizontal rules. Linear: each alternative is anchored on a
// line break and bounded.
const BOUNDARY = /\n[ \t]*(?:\n[ \t\n]*|(?=```|~~~|#{1,6} |[-*_]{3,}[ \t]*\n|<\/?[A-Za-z][\w:-]{0,40}(?:[ \t][^<>\n]{0,200})?>[ \t]*\n))/g;
/** Passages shorter than this are merged into the next one (a heading, a greeting line). */
const MIN_PASSAGE = 40;
/** At most this many passages are scored on their own; the rest of a longer text joins the last. */
const MAX_PASSAGES = 64;

/**
 * Split a text into passages at blank lines, code fences, tag-only lines, headings and rules:
 * each embedded document part is scored on its own, so an instruction planted in one paragraph
 * is not averaged away by the rest (`[start, end)` offsets into the text).
 * @example
 * passages('Summarise:\n\nFirst paragraph of the page.\n\nSecond one.').length // 2 or 3
 */
export function passages(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(text); m !== null; m = BOUNDARY.exec(text)) {
    const end = m.index;
    if (end - start >= MIN_PASSAGE && out.length < MAX_PASSAGES - 1) {
      out.push({ start, end });
      start = BOUNDARY.lastIndex;
    }
  }
  if (text.length > start) out.push({ start, end: text.length });
  return out;
}
