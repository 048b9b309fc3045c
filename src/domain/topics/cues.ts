/**
 * What a conversation itself says about where its subjects change, beside its words:
 * - a host announces a new subject ("let's talk about", "switching gears", "last question");
 * - a host asks: a short turn that is a question, followed by a long answer.
 * Neither proves a change of subject (a follow-up question keeps to it), so cues only make a cut
 * cheaper where one is also asked for by the words (segment.ts).
 *
 * The phrases are the ones English speakers use to open a subject in talk and interviews, listed
 * from usage, not from any one transcript. They are matched in lower case, with or without the
 * apostrophes captions often drop.
 */
import { tokenCount } from '../invariants.ts';
import type { Fragment } from '../types.ts';

const ANNOUNCES = new RegExp(
  [
    // "let's talk about", "let's move on to", "let's get into", "let's switch gears"
    String.raw`\blet'?s (?:now )?(?:talk|chat|move|turn|switch|shift|get|dive|go|jump|pivot|zoom out|come back)\b`,
    // "switching gears", "to shift gears", "change gears"
    String.raw`\b(?:switch|switching|shift|shifting|change|changing) gears\b`,
    // "I want to ask you about", "I'd love to talk about", "I wanted to also make sure to talk about"
    String.raw`\b(?:i|we) (?:want|wanted|'?d like|would like|'?d love|would love|have) to (?:\S+ ){0,5}?(?:talk|ask|chat|shift|switch|move|turn|pivot|touch on|get into|dig into|go into)\b`,
    // "moving on to", "before we move on"
    String.raw`\b(?:moving|move|moved) on\b`,
    // "another question", "one last question", "my final question", "the next topic"
    String.raw`\b(?:another|one more|one last|last|final|next|a different|one other) (?:question|topic|subject|thing i want)`,
    String.raw`\banother thing\b`,
    String.raw`\bon (?:a different|another|a related|a lighter|a personal) (?:note|topic|subject)\b`,
    String.raw`\bchang(?:e|ing) (?:the )?(?:subject|topic)s?\b`,
    String.raw`(?:^|[.!?] )speaking of\b`,
    // The set rounds interviews end with.
    String.raw`\b(?:quick ?fire|rapid[- ]?fire|lightning) (?:round|questions?)\b`,
    // Opening the first subject: "I'll start with", "to kick things off"
    String.raw`\b(?:i'?ll|let me|let'?s|i want to|i'?d like to|i'?d love to) (?:\S+ )?(?:start|begin|kick (?:things|it) off) (?:with|by|off)\b`,
    String.raw`\bto (?:start|kick) (?:things )?off\b`,
    // Closing: "before we wrap up", "to wrap things up"
    String.raw`\b(?:before we|as we|let'?s) wrap\b|\bto wrap things up\b`,
  ].join('|'),
);

/** True when the text announces a new subject. */
export function announces(text: string): boolean {
  return ANNOUNCES.test(text.toLowerCase().replace(/’/g, "'"));
}

// A question's first word, once the openers of speech ("so", "and", "yeah", "I guess") are set aside.
const OPENERS = /^(?:(?:and|so|but|yeah|yes|okay|ok|well|um|uh|right|like|now|then|i guess|i mean|you know|i'm curious|i'm wondering|curious)[,.]?\s+)*/;
const ASKS = /^(?:what|why|how|when|where|which|who|whom|whose|do|does|did|is|are|was|were|can|could|would|will|should|have|has|had|shall|may|might)\b/;
/** A turn this short can be a host's question; a longer one is talk in its own right. */
const QUESTION_WORDS = 120;
/** An answer this long takes up the question: a reply of a line or two does not open a subject. */
const ANSWER_WORDS = 150;
/** Turns of this few words ("Yeah.", "Um") are the listener's, not an answer. */
const BACKCHANNEL_WORDS = 3;

/** True when a sentence is put as a question: it ends in '?' or starts with a wh-word or an auxiliary. */
function isQuestion(sentence: string): boolean {
  const s = sentence.trim().toLowerCase().replace(/’/g, "'");
  return /\?["”’)]?$/.test(s) || ASKS.test(s.replace(OPENERS, ''));
}

/**
 * Indices of the fragments that start a host's question: a turn of at most QUESTION_WORDS whose
 * first or last sentence is a question, followed (past any backchannel) by at least ANSWER_WORDS
 * before the next such turn. Without turns marked, there is no telling who asks, so none are found.
 */
export function questionStarts(fragments: readonly Fragment[]): Set<number> {
  const turns: Array<{ start: number; words: number; text: string }> = [];
  fragments.forEach((f, i) => {
    if (i === 0 || f.turn) turns.push({ start: i, words: 0, text: '' });
    const t = turns.at(-1)!;
    t.words += tokenCount(f.text);
    t.text += (t.text ? ' ' : '') + f.text;
  });
  const asks = turns.map((t) => {
    if (t.words > QUESTION_WORDS) return false;
    const sentences = t.text.split(/(?<=[.!?…])\s+/).filter(Boolean);
    return sentences.length > 0 && (isQuestion(sentences[0]!) || isQuestion(sentences.at(-1)!));
  });
  const found = new Set<number>();
  if (turns.length < 2) return found;
  for (let t = 0; t < turns.length; t++) {
    if (!asks[t]) continue;
    let answer = 0;
    for (let u = t + 1; u < turns.length && !(asks[u] && turns[u]!.words > BACKCHANNEL_WORDS); u++) answer += turns[u]!.words;
    if (answer >= ANSWER_WORDS) found.add(turns[t]!.start);
  }
  return found;
}
