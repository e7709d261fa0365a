import { useQueryClient } from '@tanstack/react-query';
import { apiErrorInfo, type InspectionResult, useTRPC, useTRPCClient } from '@wenming/ui';
import { useCallback, useEffect, useRef, useState } from 'react';

export interface ItemDraft {
  result: InspectionResult | null;
  notes: string;
  points: number | null;
  photos: string[];
}

export type SaveState =
  | { kind: 'saved'; at: string | null }
  | { kind: 'pending' }
  | { kind: 'saving' }
  /** Notes and points are kept on this device until a result is chosen (the server needs one). */
  | { kind: 'needsResult' }
  | { kind: 'error'; error: unknown; retrying: boolean };

const RETRY_MS = 5_000;

function storageKey(inspectionId: string, unitId: string, itemKey: string) {
  return `wenming.onsite.${inspectionId}.${unitId}.${itemKey}`;
}

/** Drafts not yet confirmed by the server live in this browser, so a reload or a dead network loses nothing. */
function readStored(key: string): ItemDraft | null {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as ItemDraft) : null;
  } catch {
    return null;
  }
}
function writeStored(key: string, draft: ItemDraft | null) {
  try {
    if (draft) localStorage.setItem(key, JSON.stringify(draft));
    else localStorage.removeItem(key);
  } catch {
    // Private modes may refuse storage: the draft still lives in memory and is sent.
  }
}

/** A failure worth trying again by itself: the request never arrived, or the server stumbled. */
function transient(error: unknown) {
  const { appCode, httpStatus } = apiErrorInfo(error);
  return appCode === 'NETWORK' || (httpStatus !== null && httpStatus >= 500);
}

/**
 * One checklist item, saved as the inspector goes: a result at once, typing after a pause, one
 * request at a time (the latest values win), retried when the connection comes back.
 */
export function useItemAutosave({
  inspectionId,
  unitId,
  itemKey,
  initial,
  savedAt,
}: {
  inspectionId: string;
  unitId: string;
  itemKey: string;
  initial: ItemDraft;
  savedAt: string | null;
}) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const key = storageKey(inspectionId, unitId, itemKey);
  const [stored] = useState(() => readStored(key));
  const [draft, setDraft] = useState<ItemDraft>(stored ?? initial);
  const [state, setState] = useState<SaveState>(
    stored ? (stored.result ? { kind: 'pending' } : { kind: 'needsResult' }) : { kind: 'saved', at: savedAt },
  );
  const latest = useRef(draft);
  const busy = useRef(false);
  const again = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const save = useCallback(async (): Promise<void> => {
    clearTimeout(timer.current);
    const sent = latest.current;
    if (!sent.result) {
      setState({ kind: 'needsResult' });
      return;
    }
    if (busy.current) {
      again.current = true;
      return;
    }
    busy.current = true;
    setState({ kind: 'saving' });
    try {
      const inspection = await client.inspection.recordResult.mutate({
        inspectionId,
        unitId,
        itemKey,
        result: sent.result,
        notes: sent.notes,
        points: sent.points,
        photos: sent.photos,
      });
      queryClient.setQueryData(trpc.inspection.get.queryKey({ id: inspectionId }), inspection);
      if (latest.current === sent) {
        writeStored(key, null);
        setState({ kind: 'saved', at: new Date().toISOString() });
      }
    } catch (error) {
      const retrying = transient(error);
      setState({ kind: 'error', error, retrying });
      if (retrying) timer.current = setTimeout(() => void save(), RETRY_MS);
      again.current = false;
      return;
    } finally {
      busy.current = false;
    }
    if (again.current || latest.current !== sent) {
      again.current = false;
      await save();
    }
  }, [client, queryClient, trpc, inspectionId, unitId, itemKey, key]);

  const change = useCallback(
    (patch: Partial<ItemDraft>, delayMs: number) => {
      const next = { ...latest.current, ...patch };
      latest.current = next;
      setDraft(next);
      writeStored(key, next);
      setState(next.result ? { kind: 'pending' } : { kind: 'needsResult' });
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), delayMs);
    },
    [key, save],
  );

  useEffect(() => {
    // A draft left from an earlier visit (or a lost connection) is sent as soon as the page is back.
    if (stored?.result) void save();
    const online = () => {
      if (readStored(key)?.result) void save();
    };
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      // Leaving the page mid-pause still sends what was typed.
      if (timer.current !== undefined && readStored(key)?.result) void save();
      clearTimeout(timer.current);
    };
  }, [key, save, stored]);

  return { draft, state, change, retry: () => void save() };
}
