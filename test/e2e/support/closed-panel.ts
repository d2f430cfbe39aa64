import type { CDPSession, Page } from 'playwright-core';

/** One node of Chromium's accessibility tree, as the DevTools protocol gives it. */
interface AxNode {
  nodeId: string;
  ignored?: boolean;
  role?: { value?: string };
  name?: { value?: string };
  childIds?: string[];
  backendDOMNodeId?: number;
}

/**
 * The panel of the production build, whose shadow root is closed: no locator reaches inside it,
 * and neither can a script of the page. A person still sees and uses it, so the tests do what a
 * screen reader and a mouse do: read Chromium's accessibility tree (built from what is rendered,
 * closed shadow roots included) and click at a control's place on screen with real input.
 */
export async function closedPanel(page: Page) {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('Accessibility.enable');
  await cdp.send('DOM.enable');

  async function tree(): Promise<AxNode[]> {
    // A fresh document each time: node ids of an earlier call go stale as the page changes.
    await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
    return nodes;
  }

  /** The panel's nodes: the complementary region "GHL for Trint" and everything under it. */
  async function panelNodes(): Promise<AxNode[]> {
    const nodes = await tree();
    const byId = new Map(nodes.map((node) => [node.nodeId, node]));
    const root = nodes.find(
      (node) => node.role?.value === 'complementary' && node.name?.value === 'GHL for Trint',
    );
    const found: AxNode[] = [];
    const walk = (node: AxNode | undefined) => {
      if (!node) return;
      found.push(node);
      for (const id of node.childIds ?? []) walk(byId.get(id));
    };
    walk(root);
    return found;
  }

  async function find(role: string, name: string): Promise<AxNode | undefined> {
    return (await panelNodes()).find(
      (node) => !node.ignored && node.role?.value === role && node.name?.value === name,
    );
  }

  /** The centre of a node's box on screen. */
  async function centre(node: AxNode): Promise<{ x: number; y: number }> {
    const { model } = (await cdp.send('DOM.getBoxModel', {
      backendNodeId: node.backendDOMNodeId,
    })) as { model: { border: number[] } };
    const [x1, y1, , , x3, y3] = model.border as [number, number, number, number, number, number];
    return { x: (x1 + x3) / 2, y: (y1 + y3) / 2 };
  }

  return {
    /** Every name the panel's accessibility tree holds (texts, labels), joined by new lines. */
    async text(): Promise<string> {
      return (await panelNodes())
        .map((node) => node.name?.value ?? '')
        .filter(Boolean)
        .join('\n');
    },
    /** Whether the panel has a control or text of `role` named exactly `name`. */
    async has(role: string, name: string): Promise<boolean> {
      return (await find(role, name)) !== undefined;
    },
    /** Where a person sees the control of `role` named `name` (throws when the panel has none). */
    async where(role: string, name: string): Promise<{ x: number; y: number }> {
      const node = await find(role, name);
      if (!node?.backendDOMNodeId) throw new Error(`The panel shows no ${role} "${name}".`);
      return centre(node);
    },
    /** Clicks the control with the mouse, as a person does (a trusted click). */
    async click(role: string, name: string): Promise<void> {
      const { x, y } = await this.where(role, name);
      await page.mouse.click(x, y);
    },
    /**
     * Hands a control of the panel to the page's own world as a script would hold it had it
     * leaked: returns a remote handle id the test calls functions on, in the page's main world.
     */
    async leak(role: string, name: string): Promise<string> {
      const node = await find(role, name);
      if (!node?.backendDOMNodeId) throw new Error(`The panel shows no ${role} "${name}".`);
      const { object } = (await cdp.send('DOM.resolveNode', {
        backendNodeId: node.backendDOMNodeId,
      })) as { object: { objectId: string } };
      return object.objectId;
    },
    /** Runs `fn` (source text, `this` is the leaked element) in the page's main world. */
    async callOn(objectId: string, fn: string): Promise<void> {
      await cdp.send('Runtime.callFunctionOn', { objectId, functionDeclaration: fn });
    },
    close: () => cdp.detach(),
  };
}
