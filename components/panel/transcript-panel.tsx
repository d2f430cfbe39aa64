import { useMemo, useRef, useState } from 'preact/hooks';
import { errorWords, sendTrintMessage } from '@/utils/messaging/send-trint-message';
import type { OutboxOperation } from '@/utils/messaging/write-schemas';
import type { EditorPage } from '@/utils/trint/transcript-page';
import { usePanelConnectionStatus } from '../shared/use-connection-status';
import { PanelActionsContext, type PanelActions } from './panel-actions';
import { PanelBody } from './panel-body';
import { PanelConnectionBadge, PanelConnectionNotice } from './panel-connection';
import { clampWidth, usePanelLayout } from './panel-layout';
import { ResizeHandle } from './resize-handle';
import { useAnnouncer } from './use-announcer';
import { useFocusWhenLost } from './use-focus-when-lost';
import { useOnline } from './use-online';
import { usePanelCommand } from './use-panel-command';
import { useTranscriptView } from './use-transcript-view';

/** Props of {@link TranscriptPanel}. */
export interface TranscriptPanelProps {
  page: EditorPage;
}

/**
 * The side panel shown beside a Trint transcript: collapsible to a small tab and resizable, both
 * remembered, so it never covers Trint's controls for good. Everything from the page and GHL is
 * rendered as text (JSX escapes it), never as HTML.
 */
export function TranscriptPanel({ page }: TranscriptPanelProps) {
  const connection = usePanelConnectionStatus();
  const online = useOnline();
  const [layout, setLayout] = usePanelLayout();
  const [dragWidth, setDragWidth] = useState<number>();
  const aside = useRef<HTMLElement>(null);
  const transcript = useTranscriptView(page);
  const { transcriptId } = page;
  const [announcement, announce] = useAnnouncer(transcriptId);
  const canWrite = connection?.state === 'connected' && connection.canWrite;

  const actions = useMemo<PanelActions>(
    () => ({
      transcriptId,
      canWrite,
      online,
      announce,
      async write(operation: OutboxOperation) {
        try {
          await sendTrintMessage('outbox/enqueue', { operation, transcriptId });
          transcript.reload();
          return true;
        } catch (error) {
          announce(errorWords(error, 'That change could not be saved.'), 'alert');
          return false;
        }
      },
    }),
    [transcriptId, canWrite, online],
  );

  const onKeyDown = usePanelCommand(aside, layout.collapsed, (collapsed) =>
    setLayout({ collapsed }),
  );

  // The toggle that was pressed is replaced by the other one: the focus follows it.
  useFocusWhenLost(layout.collapsed, () => aside.current?.querySelector('.panel__toggle'));

  if (layout.collapsed) {
    return (
      <aside ref={aside} class="panel panel--collapsed" aria-label="GHL for Trint">
        <button
          type="button"
          class="panel__toggle"
          aria-expanded="false"
          aria-label="Show the GHL for Trint panel"
          onClick={() => setLayout({ collapsed: false })}
        >
          GHL
        </button>
      </aside>
    );
  }

  const width = clampWidth(dragWidth ?? layout.width, window.innerWidth);
  return (
    <aside
      ref={aside}
      class="panel"
      aria-label="GHL for Trint"
      style={{ '--panel-width': `${width}px` }}
      onKeyDown={onKeyDown}
    >
      <ResizeHandle
        width={width}
        onResize={(next, done) => {
          setDragWidth(done ? undefined : next);
          if (done) setLayout({ width: next });
        }}
      />
      <div class="panel__scroll">
        <header class="panel__header">
          <h1 class="panel__brand">GHL for Trint</h1>
          <PanelConnectionBadge status={connection} />
          <button
            type="button"
            class="panel__toggle"
            aria-expanded="true"
            aria-label="Hide the GHL for Trint panel"
            onClick={() => setLayout({ collapsed: true })}
          >
            ⟩
          </button>
        </header>
        <div class="panel__live" role="status" aria-live="polite">
          {announcement?.tone === 'status' && <p key={announcement.key}>{announcement.text}</p>}
        </div>
        <div class="panel__live" role="alert">
          {announcement?.tone === 'alert' && (
            <p key={announcement.key} class="panel__notice panel__notice--alert">
              {announcement.text}
            </p>
          )}
        </div>
        <PanelConnectionNotice status={connection} />
        {/* Always in the page, so going offline is announced (a live region must exist first). */}
        <div class="panel__live" role="status">
          {!online && (
            <p class="panel__notice">
              You are offline. The panel shows what was last synced; your changes are kept and sent
              to GHL when you are back online.
            </p>
          )}
        </div>
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
        <PanelActionsContext.Provider value={actions}>
          <PanelBody page={page} connection={connection} transcript={transcript} />
        </PanelActionsContext.Provider>
      </div>
    </aside>
  );
}
