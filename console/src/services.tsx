import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { AccessApi } from './api';
import type { ConsoleConfig } from './config';
import type { Catalogue, Settings } from './types';

export interface Notice {
  key: number;
  variant: 'success' | 'danger' | 'warning' | 'info';
  title: string;
}

export interface Services {
  api: AccessApi;
  config: ConsoleConfig;
  username: string;
  catalogue?: Catalogue;
  settings?: Settings;
  reloadSettings: () => void;
  notify: (variant: Notice['variant'], title: string) => void;
}

const ServicesContext = createContext<Services | null>(null);
export const ServicesProvider = ServicesContext.Provider;

export function useServices(): Services {
  const s = useContext(ServicesContext);
  if (!s) throw new Error('useServices outside ServicesProvider');
  return s;
}

export interface Loaded<T> {
  data?: T;
  error?: unknown;
  loading: boolean;
  reload: () => void;
}

/** Loads something from the API again whenever `deps` change; the last answer wins. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const [round, setRound] = useState(0);
  const latest = useRef(0);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  useEffect(() => {
    const mine = ++latest.current;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => mine === latest.current && setState({ data, loading: false }),
      (error) => mine === latest.current && setState({ error, loading: false }),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, round]);
  return { ...state, reload };
}
