import { useRef } from 'preact/hooks';
import { clampWidth, PANEL_WIDTH } from './panel-layout';

const KEY_STEP = 24;

/** Props of {@link ResizeHandle}. */
export interface ResizeHandleProps {
  width: number;
  /** Called while dragging (not remembered) and once at the end (`done`, remembered). */
  onResize(width: number, done: boolean): void;
}

/**
 * The panel's left edge: drag it, or focus it and use the arrow keys (Home/End for the narrowest
 * and widest), to make the panel wider or narrower. A focusable separator is how assistive
 * technology knows it can be moved.
 */
export function ResizeHandle({ width, onResize }: ResizeHandleProps) {
  const drag = useRef<{ startX: number; startWidth: number; lastWidth?: number } | null>(null);
  const widthAt = (clientX: number) =>
    drag.current
      ? clampWidth(drag.current.startWidth + drag.current.startX - clientX, window.innerWidth)
      : width;

  return (
    <div
      class="panel__resize"
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize the GHL panel"
      aria-valuemin={PANEL_WIDTH.min}
      aria-valuemax={PANEL_WIDTH.max}
      aria-valuenow={width}
      tabIndex={0}
      onPointerDown={(event) => {
        drag.current = { startX: event.clientX, startWidth: width };
        event.currentTarget.setPointerCapture(event.pointerId);
      }}
      onPointerMove={(event) => {
        if (!drag.current) return;
        drag.current.lastWidth = widthAt(event.clientX);
        onResize(drag.current.lastWidth, false);
      }}
      onPointerUp={(event) => {
        if (!drag.current) return;
        onResize(widthAt(event.clientX), true);
        drag.current = null;
      }}
      // A drag the browser interrupted (a gesture, a lost capture) ends where it got to, and
      // is remembered like any other.
      onPointerCancel={() => {
        if (!drag.current) return;
        onResize(drag.current.lastWidth ?? width, true);
        drag.current = null;
      }}
      onKeyDown={(event) => {
        const next = {
          ArrowLeft: width + KEY_STEP,
          ArrowRight: width - KEY_STEP,
          Home: PANEL_WIDTH.min,
          End: PANEL_WIDTH.max,
        }[event.key];
        if (next === undefined) return;
        event.preventDefault();
        onResize(clampWidth(next, window.innerWidth), true);
      }}
    />
  );
}
