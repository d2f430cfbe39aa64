/**
 * The events a person causes when working the panel. An event a script made (`dispatchEvent`,
 * `element.click()`) has `isTrusted === false`; the browser sets it, and a page cannot forge it.
 */
const PERSON_EVENTS = [
  'click',
  'dblclick',
  'auxclick',
  'contextmenu',
  'mousedown',
  'mouseup',
  'pointerdown',
  'pointerup',
  'submit',
  'reset',
  'keydown',
  'keyup',
  'keypress',
  'beforeinput',
  'input',
  'change',
  'paste',
  'cut',
  'drop',
] as const;

/**
 * Makes every state-changing handler under `root` deaf to events a script made: one capturing
 * listener per kind at the shadow root stops them before any of the panel's own handlers (which
 * Preact attaches to the elements themselves, below the root) and cancels their default action
 * (a submit, a checkbox toggled by a synthetic click). The root being closed already keeps page
 * scripts from reaching inside; this holds even if an element ever leaks out to them.
 */
export function ignoreUntrustedEvents(root: ShadowRoot, signal?: AbortSignal): void {
  const stop = (event: Event) => {
    if (event.isTrusted) return;
    event.stopImmediatePropagation();
    event.preventDefault();
  };
  for (const type of PERSON_EVENTS) root.addEventListener(type, stop, { capture: true, signal });
}
