import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// findBy and waitFor wait up to 5 s: the machine running all suites in
// parallel may take longer than the default second to re-render a dialog.
// A test gets 30 s, so several such waits fit in it.
configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30_000);

// recharts' ResponsiveContainer measures and observes its size. jsdom has
// no ResizeObserver and lays nothing out (every box is 0 × 0), so chart
// containers get a fixed 600 × 280 box and are never resized.
class NoopResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as any).ResizeObserver ??= NoopResizeObserver;
const measure = HTMLElement.prototype.getBoundingClientRect;
HTMLElement.prototype.getBoundingClientRect = function getBoundingClientRect() {
  if (this.classList.contains('recharts-responsive-container')) {
    return DOMRect.fromRect({ width: 600, height: 280 });
  }
  return measure.call(this);
};
