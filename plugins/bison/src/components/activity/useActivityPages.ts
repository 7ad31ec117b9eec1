import { useApi } from '@backstage/core-plugin-api';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ActivityEntry, ActivityQuery, bisonApiRef } from '../../api';

/** Entries per page. */
export const ACTIVITY_PAGE_SIZE = 50;

interface Pages {
  items: ActivityEntry[];
  nextCursor?: string;
  loading: boolean;
  /** Why the first page could not be read. */
  error?: Error;
  /** Why an older page could not be read; the entries shown stay. */
  olderError?: Error;
}

/**
 * The changes matching `query`, newest first, read a page at a time:
 * `loadOlder` appends the next (older) page. A new query starts again from
 * the newest; answers to an earlier query are dropped. Without a query
 * (e.g. an invalid range) nothing is read.
 */
export function useActivityPages(query: ActivityQuery | undefined) {
  const api = useApi(bisonApiRef);
  const [pages, setPages] = useState<Pages>({ items: [], loading: true });
  // Counts the queries, so that a late answer to an earlier one is dropped.
  const generation = useRef(0);
  const key = query ? JSON.stringify(query) : undefined;

  const load = useCallback(
    async (cursor?: string) => {
      if (!key) return;
      const current = generation.current;
      setPages(state => ({ ...state, loading: true, olderError: undefined }));
      try {
        const page = await api.listActivity({
          ...JSON.parse(key),
          limit: ACTIVITY_PAGE_SIZE,
          ...(cursor ? { cursor } : {}),
        });
        if (current !== generation.current) return;
        setPages(state => ({
          items: cursor ? [...state.items, ...page.items] : page.items,
          nextCursor: page.nextCursor,
          loading: false,
        }));
      } catch (error) {
        if (current !== generation.current) return;
        setPages(state =>
          cursor
            ? { ...state, loading: false, olderError: error as Error }
            : { items: [], loading: false, error: error as Error },
        );
      }
    },
    [api, key],
  );

  useEffect(() => {
    generation.current += 1;
    setPages({ items: [], loading: !!key });
    load();
  }, [key, load]);

  const { nextCursor } = pages;
  const loadOlder = useCallback(() => {
    if (nextCursor) load(nextCursor);
  }, [load, nextCursor]);

  return { ...pages, loadOlder };
}
