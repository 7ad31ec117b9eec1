import { useEffect, useState } from 'react';

/**
 * The text of a field that filters as the user types: `commit` runs once the
 * typing pauses for `delayMs` (or at once with `commitNow`, e.g. on Enter),
 * not at every key. Follows `value` when it changes from outside.
 */
export function useCommittedText(
  value: string,
  commit: (text: string) => void,
  delayMs = 400,
) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (text === value) return undefined;
    const timer = setTimeout(() => commit(text), delayMs);
    return () => clearTimeout(timer);
  }, [text, value, commit, delayMs]);
  const commitNow = () => {
    if (text !== value) commit(text);
  };
  return { text, setText, commitNow };
}
