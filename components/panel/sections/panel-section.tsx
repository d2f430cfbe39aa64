import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import type { PanelSection as SectionName } from '@/utils/storage/panel-sections-item';
import type { SectionMemory } from './use-section-memory';

/** Props of {@link PanelSection}. */
export interface PanelSectionProps {
  name: SectionName;
  /** The heading's words, e.g. "Tasks": the region's accessible name. */
  title: string;
  /** What the section holds, in the heading, e.g. "2 open · 1 overdue". */
  summary?: string;
  memory: SectionMemory;
  /** Controls beside the heading (e.g. Add task), shown only while the section is open. */
  tools?: ComponentChildren;
  /** Receives the focus after a row's write (the row is about to move or go). */
  headingRef?: preact.Ref<HTMLHeadingElement>;
  class?: string;
  children: ComponentChildren;
}

/**
 * One of the panel's collapsible sections (Tasks, Notes, Appointments, Activity): a region named
 * by its heading, whose button shows or hides its content (aria-expanded), with its counts in the
 * heading so a collapsed section still says what it holds. Open or closed is remembered per
 * contact (useSectionMemory).
 */
export function PanelSection(props: PanelSectionProps) {
  const { name, title, summary, memory } = props;
  const headingId = useId();
  const bodyId = useId();
  const open = !memory.collapsed(name);
  return (
    <section class={`panel__section ${props.class ?? ''}`} aria-labelledby={headingId}>
      <div class="panel__section-head">
        <h3 id={headingId} ref={props.headingRef} class="panel__subtitle" tabIndex={-1}>
          <button
            type="button"
            class="panel__disclosure"
            aria-expanded={open}
            aria-controls={bodyId}
            onClick={() => memory.toggle(name)}
          >
            {/* A chevron saying which way; hidden, or it would become part of the region's name. */}
            <span class="panel__chevron" aria-hidden="true" />
            {title}
          </button>
        </h3>
        {summary && <span class="panel__meta panel__count">{summary}</span>}
        {open && props.tools}
      </div>
      <div id={bodyId} hidden={!open}>
        {open && props.children}
      </div>
    </section>
  );
}
