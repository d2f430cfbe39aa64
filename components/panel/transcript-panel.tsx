import type { EditorPage } from '@/utils/trint/transcript-page';
import { useConnectionStatus } from '../shared/use-connection-status';
import { PanelContact } from './panel-contact';
import { useTranscriptView } from './use-transcript-view';
import { PanelConnectionBadge, PanelConnectionNotice } from './panel-connection';

/** Props of {@link TranscriptPanel}. */
export interface TranscriptPanelProps {
  page: EditorPage;
}

/**
 * The side panel shown beside a Trint transcript. Everything from the page is rendered as text
 * (JSX escapes it), never as HTML: transcript titles and speaker names are untrusted.
 */
export function TranscriptPanel({ page }: TranscriptPanelProps) {
  const connection = useConnectionStatus();
  const transcript = useTranscriptView(page);
  return (
    <aside class="panel" aria-label="GHL for Trint">
      <header class="panel__header">
        <h1 class="panel__brand">GHL for Trint</h1>
        <PanelConnectionBadge status={connection} />
      </header>
      <PanelConnectionNotice status={connection} />
      <section class="panel__section" aria-label="Transcript">
        <h2 class="panel__title">{page.title ?? 'Untitled transcript'}</h2>
        <dl class="panel__facts">
          <dt>Transcript</dt>
          <dd data-testid="transcript-id">{page.transcriptId}</dd>
          {page.speakers.length > 0 && (
            <>
              <dt>Speakers</dt>
              <dd>{page.speakers.join(', ')}</dd>
            </>
          )}
        </dl>
      </section>
      {connection?.state !== 'not-connected' && transcript.view && (
        <PanelContact view={transcript.view} />
      )}
      {transcript.error && (
        <p class="panel__notice panel__notice--alert" role="alert">
          {transcript.error}
        </p>
      )}
    </aside>
  );
}
