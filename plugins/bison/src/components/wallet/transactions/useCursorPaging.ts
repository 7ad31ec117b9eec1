import { useCallback, useState } from 'react';

/**
 * Keyset paging with a stack of cursors: the top is the cursor of the page
 * shown (undefined for the first page). Next pushes the page's `nextCursor`,
 * Previous pops, reset goes back to the first page.
 */
export function useCursorPaging() {
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const next = useCallback(
    (cursor: string) => setCursors(stack => [...stack, cursor]),
    [],
  );
  const previous = useCallback(
    () => setCursors(stack => (stack.length > 1 ? stack.slice(0, -1) : stack)),
    [],
  );
  const reset = useCallback(() => setCursors([undefined]), []);
  return {
    cursor: cursors[cursors.length - 1],
    /** 1-based number of the page shown. */
    page: cursors.length,
    hasPrevious: cursors.length > 1,
    next,
    previous,
    reset,
  };
}
