import { createContext, useContext } from 'react';
import type { Me } from './types';
import type { HostInfo } from './teams';

export interface AppState {
  me: Me;
  host: HostInfo;
  /** Re-reads /api/me (after a profile save or role change). */
  refreshMe(): Promise<void>;
}

export const AppContext = createContext<AppState | null>(null);

export function useApp(): AppState {
  const state = useContext(AppContext);
  if (!state) throw new Error('useApp outside AppContext');
  return state;
}
