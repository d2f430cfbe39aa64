/** A fake clock's pending wait: when it is due and the order it was asked in. */
export interface Timer {
  at: number;
  seq: number;
  resolve(): void;
  cancelled: boolean;
}

/**
 * Pending waits, earliest first (ties in the order they were asked): a binary min-heap by
 * (at, seq), since a benchmark's simulated hour holds thousands of them. A cancelled timer stays
 * until it reaches the top, where it is dropped.
 */
export class TimerHeap {
  private items: Timer[] = [];

  private less(a: Timer, b: Timer) {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  push(timer: Timer) {
    const items = this.items;
    items.push(timer);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(items[i]!, items[parent]!)) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }

  /** The earliest timer not cancelled. */
  peek(): Timer | undefined {
    while (this.items[0]?.cancelled) this.pop();
    return this.items[0];
  }

  pop(): Timer | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < items.length && this.less(items[l]!, items[m]!)) m = l;
        if (r < items.length && this.less(items[r]!, items[m]!)) m = r;
        if (m === i) break;
        [items[i], items[m]] = [items[m]!, items[i]!];
        i = m;
      }
    }
    return top;
  }
}
