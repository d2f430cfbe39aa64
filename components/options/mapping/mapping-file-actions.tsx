import { useRef } from 'preact/hooks';
import type { FieldMapping } from '@/utils/messaging/field-mapping-schema';
import { mappingJson, parseMappingJson } from '@/utils/mapping/mapping-format';
import { downloadFile } from '../download-file';

/** What an export or import did, in words. */
export interface Outcome {
  ok: boolean;
  text: string;
}

/** Props of {@link MappingFileActions}. */
export interface MappingFileActionsProps {
  draft: FieldMapping;
  /** Why the draft cannot be exported now, if it cannot. */
  blocked?: string;
  onImport(mapping: FieldMapping): void;
  onOutcome(outcome: Outcome): void;
}

/** An imported file larger than this is refused unread (50 rules fit in a few kilobytes). */
export const MAX_IMPORT_BYTES = 256 * 1024;

/** The exported file's name, dated: ghl-field-mapping-2026-11-27.json. */
export function mappingFileName(now: number): string {
  return `ghl-field-mapping-${new Date(now).toISOString().slice(0, 10)}.json`;
}

/**
 * Export JSON saves the draft as a file; Import JSON reads one into the draft, which changes
 * only when the whole file is a valid mapping (otherwise the person is told why, and both the
 * draft and the live mapping stay as they are). Nothing is live until Apply.
 */
export function MappingFileActions({
  draft,
  blocked,
  onImport,
  onOutcome,
}: MappingFileActionsProps) {
  const picker = useRef<HTMLInputElement>(null);

  function exportDraft() {
    if (blocked) return onOutcome({ ok: false, text: `Not exported: ${blocked}` });
    downloadFile(mappingFileName(Date.now()), mappingJson(draft), 'application/json');
    onOutcome({ ok: true, text: 'The draft was saved as a JSON file.' });
  }

  async function importFile(input: HTMLInputElement) {
    const file = input.files?.[0];
    // Cleared, so picking the same file again (after fixing it) is a change too.
    input.value = '';
    if (!file) return;
    const refuse = (why: string) =>
      onOutcome({
        ok: false,
        text: `‘${file.name}’ was not imported: ${asSentence(why)} The draft and the live mapping are unchanged.`,
      });
    if (file.size > MAX_IMPORT_BYTES) return refuse('it is larger than 256 KB.');
    let text: string;
    try {
      text = await file.text();
    } catch {
      return refuse('it could not be read.');
    }
    const parsed = parseMappingJson(text);
    if (!parsed.ok) return refuse(parsed.message);
    onImport(parsed.mapping);
    const rules = parsed.mapping.rules.length;
    onOutcome({
      ok: true,
      text: `‘${file.name}’ is now the draft (${rules} ${rules === 1 ? 'rule' : 'rules'}). Preview it, then Apply to make it live.`,
    });
  }

  return (
    <>
      <button type="button" class="button button--secondary" onClick={exportDraft}>
        Export JSON
      </button>
      <button
        type="button"
        class="button button--secondary"
        onClick={() => picker.current?.click()}
      >
        Import JSON
      </button>
      {/* Reached through the button above: a file input's own look cannot be styled. */}
      <input
        ref={picker}
        type="file"
        accept="application/json,.json"
        class="visually-hidden"
        tabIndex={-1}
        aria-label="Import JSON file"
        onChange={(event) => void importFile(event.currentTarget)}
      />
    </>
  );
}

/** `words` ending in a full stop, whoever wrote them. */
function asSentence(words: string): string {
  const trimmed = words.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
