import type { PanelNote } from '../panel-records';

const WORDS = 6;
const MAX_LENGTH = 48;

/**
 * A note in words, for accessible names and the delete confirmation: "note ‘Call notes’" by its
 * title, else by the first words of its body ("note ‘Client asked for the…’").
 */
export function noteName(note: Pick<PanelNote, 'title' | 'body'>): string {
  const title = note.title?.replace(/\s+/g, ' ').trim();
  if (title) return `note ‘${shorten(title)}’`;
  const words = note.body.replace(/\s+/g, ' ').trim().split(' ');
  const start = words.slice(0, WORDS).join(' ');
  if (!start) return 'empty note';
  return `note ‘${shorten(start)}${words.length > WORDS && start.length <= MAX_LENGTH ? '…' : ''}’`;
}

function shorten(text: string): string {
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 1)}…` : text;
}
