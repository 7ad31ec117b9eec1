import { useCallback, useState } from 'react';
import { downloadBlob } from '../shared/downloadBlob';
import { errorMessage } from '../shared/errorMessage';

/**
 * Downloads files the backend renders (CSV, PDF): which download is under
 * way, by a key the caller chooses, and the message of the last failure.
 */
export function useBlobDownload() {
  const [pending, setPending] = useState<string>();
  const [error, setError] = useState<string>();
  const download = useCallback(
    async (key: string, fetchBlob: () => Promise<Blob>, fileName: string) => {
      setPending(key);
      setError(undefined);
      try {
        downloadBlob(await fetchBlob(), fileName);
      } catch (e) {
        setError(errorMessage(e));
      } finally {
        setPending(undefined);
      }
    },
    [],
  );
  return { download, pending, error };
}
